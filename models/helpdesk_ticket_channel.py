from odoo import fields, models


class HelpdeskTicketChannel(models.Model):
    """Channel names 渠道 are read in the user's language."""
    _inherit = 'helpdesk.ticket.channel'

    name = fields.Char(translate=True)
