from odoo import fields, models


class HelpdeskTicket(models.Model):
    _inherit = 'helpdesk.ticket'

    # drives the warning banner on the ticket form
    cs_partner_blacklisted = fields.Boolean(
        related='partner_id.commercial_partner_id.cs_blacklisted', string='Customer blacklisted', readonly=True)
