from odoo import api, fields, models

from ..policy import preferential as pref_policy


class ResPartner(models.Model):
    """The privileges a customer enjoys: only those of a grant approved by the GM and valid today."""
    _inherit = 'res.partner'

    cs_privileges = fields.Html(string='Preferential treatment', compute='_compute_cs_privileges',
                                help='The privileges of the grant approved by the general manager and valid today.')
    cs_privileges_until = fields.Date(string='Privileges valid until', compute='_compute_cs_privileges')

    @api.multi
    def _compute_cs_privileges(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        grants = self.env['cs.preferential.grant'].sudo().search([
            ('partner_id', 'in', self.mapped('commercial_partner_id').ids), ('state', '=', pref_policy.APPROVED)],
            order='date_to desc')
        for partner in self:
            valid = grants.filtered(lambda g: g.partner_id == partner.commercial_partner_id and pref_policy.is_valid(
                g.state, fields.Date.from_string(g.date_from), fields.Date.from_string(g.date_to), today))[:1]
            partner.cs_privileges = valid.privileges or False
            partner.cs_privileges_until = valid.date_to or False
