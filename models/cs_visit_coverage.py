from odoo import api, fields, models, tools

from ..policy import tiers as tier_policy


class CsVisitCoverage(models.Model):
    """Coverage of important customers 重要客户回访覆盖 (POLICY §3: VIP and key visited 100%): one row per VIP or
    key customer and period of its tier's rules, covered when a visit of that period was done. An indicator
    (the average of ``coverage_rate``) and the dashboard's warning: the rows not covered, overdue in red."""
    _name = 'cs.visit.coverage'
    _description = 'Important Customer Visit Coverage'
    _auto = False
    _order = 'period_start desc, partner_id'

    partner_id = fields.Many2one('res.partner', string='Customer', readonly=True)
    tier_id = fields.Many2one('cs.tier', string='Customer tier', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson', readonly=True)
    period_key = fields.Char(string='Period', readonly=True)
    period_start = fields.Date(string='Period start', readonly=True)
    covered = fields.Boolean(readonly=True, help='A visit of this period was done.')
    overdue = fields.Boolean(string='Overdue', readonly=True,
                             help='Not covered and a visit of this period is overdue or was cancelled.')
    coverage_rate = fields.Float(string='Coverage (%)', group_operator='avg', readonly=True)

    @api.model
    def _cs_coverage_sql(self):
        """Policy visits of VIP and key customers (their tier's rules, not cancelled by a tier change),
        grouped by customer and period."""
        return """
            SELECT v.partner_id, p.cs_tier_id AS tier_id, v.company_id, p.user_id, v.period_key,
                   MIN(v.planned_date) AS period_start,
                   bool_or(v.state = 'done') AS covered,
                   NOT bool_or(v.state = 'done') AND bool_or(v.state = 'overdue') AS overdue,
                   CASE WHEN bool_or(v.state = 'done') THEN 100.0 ELSE 0.0 END AS coverage_rate
              FROM cs_visit v
              JOIN res_partner p ON p.id = v.partner_id
              JOIN cs_tier t ON t.id = p.cs_tier_id
              JOIN cs_visit_policy_line l ON l.id = v.policy_line_id AND l.tier_id = p.cs_tier_id
             WHERE v.origin = 'policy' AND NOT COALESCE(v.cs_auto_cancelled, FALSE)
               AND t.code IN ('%s', '%s')
             GROUP BY v.partner_id, p.cs_tier_id, v.company_id, p.user_id, v.period_key
        """ % (tier_policy.VIP, tier_policy.KEY)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute('CREATE VIEW %s AS (SELECT row_number() OVER (ORDER BY r.partner_id, r.period_key) AS id, '
                            'r.* FROM (%s) r)' % (self._table, self._cs_coverage_sql()))
