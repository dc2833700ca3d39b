from odoo import api, fields, models, tools


class CsIndicatorRenewal(models.Model):
    """Renewal (repeat purchase) rate 续约率 per customer: one row per customer invoiced in the previous
    12-month window; the rate over a group is the share of those also invoiced in the current window."""
    _name = 'cs.indicator.renewal'
    _description = 'Customer Renewal'
    _auto = False
    _rec_name = 'partner_id'

    partner_id = fields.Many2one('res.partner', string='Customer', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    tier_id = fields.Many2one('cs.tier', string='Customer tier', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    renewed = fields.Boolean(readonly=True, help='Invoiced in both the previous and the current 12 months.')
    renewal_rate = fields.Float(string='Renewal rate (%)', group_operator='avg', readonly=True)
    previous_amount = fields.Float(string='Previous 12 months', readonly=True)
    current_amount = fields.Float(string='Last 12 months', readonly=True)

    @api.model
    def _cs_renewal_sql(self, today_sql):
        """Per customer (commercial partner) and company: amounts invoiced in the previous window
        (today-24 months, today-12 months] and the current window (today-12 months, today]."""
        return """
            SELECT p.id AS partner_id, p.user_id, p.cs_tier_id AS tier_id, w.company_id,
                   w.current_amount > 0 AS renewed,
                   CASE WHEN w.current_amount > 0 THEN 100.0 ELSE 0.0 END AS renewal_rate,
                   w.previous_amount, w.current_amount
              FROM (SELECT inv.commercial_partner_id AS partner_id, inv.company_id,
                           SUM(CASE WHEN inv.date_invoice <= (%(today)s - interval '12 months')::date
                                    THEN inv.amount_total_company_signed ELSE 0 END) AS previous_amount,
                           SUM(CASE WHEN inv.date_invoice > (%(today)s - interval '12 months')::date
                                    THEN inv.amount_total_company_signed ELSE 0 END) AS current_amount
                      FROM account_invoice inv
                     WHERE inv.state IN ('open', 'paid') AND inv.type = 'out_invoice'
                       AND inv.date_invoice > (%(today)s - interval '24 months')::date
                       AND inv.date_invoice <= %(today)s
                     GROUP BY inv.commercial_partner_id, inv.company_id) w
              JOIN res_partner p ON p.id = w.partner_id
             WHERE w.previous_amount > 0
        """ % {'today': today_sql}

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # a stable id (one row per customer and company): row_number() would renumber under each filter
        self.env.cr.execute('CREATE VIEW %s AS (SELECT r.partner_id * 1000 + r.company_id AS id, r.* FROM (%s) r)' % (
            self._table, self._cs_renewal_sql('CURRENT_DATE')))

    @api.model
    def _cs_renewal_rate(self, today=None, partner_ids=None):
        """The renewal rate in percent on a given day (None without customers in the previous window):
        customers invoiced in both windows / customers invoiced in the previous window. Private: raw SQL
        over every invoice of the company, as of any day."""
        today = today or fields.Date.context_today(self)
        sql = 'SELECT COUNT(*), COUNT(*) FILTER (WHERE renewed) FROM (%s) r WHERE r.company_id = %%(company)s' % (
            self._cs_renewal_sql('%(day)s::date'))
        params = {'day': today, 'company': self.env.user.company_id.id}
        if partner_ids is not None:
            sql += ' AND r.partner_id = ANY(%(partners)s)'
            params['partners'] = list(partner_ids)
        self.env.cr.execute(sql, params)
        previous, renewed = self.env.cr.fetchone()
        return 100.0 * renewed / previous if previous else None
