from odoo import api, fields, models


class ResPartner(models.Model):
    """The customer's visits to us (来访登记), counted on its form."""
    _inherit = 'res.partner'

    cs_reception_count = fields.Integer(string='Receptions', compute='_compute_cs_reception_count',
                                        groups='customer_service_mgmt.group_cs_agent')

    @api.multi
    def _compute_cs_reception_count(self):
        groups = self.env['cs.reception'].read_group(
            [('partner_id', 'in', self.ids)], ['partner_id'], ['partner_id'])
        counts = {g['partner_id'][0]: g['partner_id_count'] for g in groups}
        for partner in self:
            partner.cs_reception_count = counts.get(partner.id, 0)

    @api.multi
    def action_cs_view_receptions(self):
        self.ensure_one()
        action = self.env.ref('customer_service_mgmt.cs_reception_action').read()[0]
        action['domain'] = [('partner_id', '=', self.commercial_partner_id.id)]
        action['context'] = {'default_partner_id': self.commercial_partner_id.id}
        return action
