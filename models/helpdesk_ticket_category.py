from odoo import fields, models


class HelpdeskTicketCategory(models.Model):
    """Complaint categories 投诉类别 are read in the user's language."""
    _inherit = 'helpdesk.ticket.category'

    name = fields.Char(translate=True)
