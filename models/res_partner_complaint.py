from odoo import api, fields, models


class ResPartner(models.Model):
    """The customer's complaints 投诉记录, as a smart button on the customer."""
    _inherit = 'res.partner'

    cs_complaint_count = fields.Integer(string='Complaints', compute='_compute_cs_complaint_count')

    @api.multi
    def _compute_cs_complaint_count(self):
        groups = self.env['helpdesk.ticket'].read_group(
            [('partner_id.commercial_partner_id', 'in', self.mapped('commercial_partner_id').ids),
             ('cs_kind', '=', 'complaint')],
            ['partner_id'], ['partner_id'])
        by_partner = {}
        for group in groups:
            partner = self.browse(group['partner_id'][0])
            key = partner.commercial_partner_id.id
            by_partner[key] = by_partner.get(key, 0) + group['partner_id_count']
        for partner in self:
            partner.cs_complaint_count = by_partner.get(partner.commercial_partner_id.id, 0)

    @api.multi
    def action_cs_view_complaints(self):
        self.ensure_one()
        action = self.env.ref('customer_service_mgmt.helpdesk_ticket_cs_complaint_action').read()[0]
        action['domain'] = [('partner_id', 'child_of', self.commercial_partner_id.id),
                            ('cs_kind', '=', 'complaint')]
        action['context'] = {'default_partner_id': self.id, 'default_cs_kind': 'complaint'}
        return action
