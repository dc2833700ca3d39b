from odoo import api, fields, models

MANAGERS = 'customer_service_mgmt.group_cs_manager'


class ResPartner(models.Model):
    """What the quarterly review of lost customers 流失客户 reads on a customer: its last purchase and
    its visits (its complaints are counted by res_partner_complaint). Computed, for managers."""
    _inherit = 'res.partner'

    cs_last_purchase_date = fields.Date(string='Last purchase', compute='_compute_cs_last_purchase', groups=MANAGERS)
    cs_last_purchase_amount = fields.Monetary(string='Last purchase amount', currency_field='cs_currency_id',
                                              compute='_compute_cs_last_purchase', groups=MANAGERS)
    cs_lost_visit_done_count = fields.Integer(string='Visits done', compute='_compute_cs_lost_visits',
                                              groups=MANAGERS)
    cs_last_visit_date = fields.Date(string='Last visit', compute='_compute_cs_lost_visits', groups=MANAGERS)

    @api.multi
    def _compute_cs_last_purchase(self):
        partners = self.mapped('commercial_partner_id')
        last = {}
        if partners:
            self.env.cr.execute("""
                SELECT DISTINCT ON (commercial_partner_id) commercial_partner_id, date_invoice,
                       amount_total_company_signed
                  FROM account_invoice
                 WHERE commercial_partner_id = ANY(%s) AND type = 'out_invoice' AND state IN ('open', 'paid')
                 ORDER BY commercial_partner_id, date_invoice DESC, id DESC
            """, (partners.ids,))
            last = {r[0]: r[1:] for r in self.env.cr.fetchall()}
        for partner in self:
            date, amount = last.get(partner.commercial_partner_id.id, (False, 0.0))
            partner.cs_last_purchase_date = date
            partner.cs_last_purchase_amount = amount

    @api.multi
    def _compute_cs_lost_visits(self):
        partners = self.mapped('commercial_partner_id')
        stats = {}
        if partners:
            self.env.cr.execute("""
                SELECT partner_id, COUNT(*), MAX(date_done) FROM cs_visit
                 WHERE partner_id = ANY(%s) AND state = 'done' GROUP BY partner_id
            """, (partners.ids,))
            stats = {r[0]: r[1:] for r in self.env.cr.fetchall()}
        for partner in self:
            count, date = stats.get(partner.commercial_partner_id.id, (0, False))
            partner.cs_lost_visit_done_count = count
            partner.cs_last_visit_date = date
