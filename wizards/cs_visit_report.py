from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError

from ..policy import visits as visit_policy

QUARTERS = [('1', 'Q1'), ('2', 'Q2'), ('3', 'Q3'), ('4', 'Q4')]


class CsVisitReport(models.TransientModel):
    """The quarterly visit-effectiveness report 回访工作评估报告 (seed 003 第十一条(五)): visits planned,
    done and overdue by visitor and tier, average satisfaction, open follow-ups and open problems;
    printed as PDF (QWeb) or XLSX (report_xlsx)."""
    _name = 'cs.visit.report'
    _description = 'Quarterly Return Visit Report'

    def _default_year(self):
        return fields.Date.from_string(fields.Date.context_today(self)).year

    def _default_quarter(self):
        return str((fields.Date.from_string(fields.Date.context_today(self)).month - 1) // 3 + 1)

    year = fields.Integer(required=True, default=_default_year)
    quarter = fields.Selection(QUARTERS, required=True, default=_default_quarter)
    company_id = fields.Many2one('res.company', required=True, default=lambda self: self.env.user.company_id)
    date_from = fields.Date(compute='_compute_dates')
    date_to = fields.Date(compute='_compute_dates')

    @api.multi
    @api.depends('year', 'quarter')
    def _compute_dates(self):
        for report in self:
            start, end = visit_policy.quarter_bounds(report.year, int(report.quarter))
            report.date_from = fields.Date.to_string(start)
            report.date_to = fields.Date.to_string(end)

    @api.multi
    def _cs_domain(self):
        self.ensure_one()
        return [('company_id', '=', self.company_id.id), ('planned_date', '>=', self.date_from),
                ('planned_date', '<=', self.date_to), ('state', 'not in', ('cancelled', 'to_approve'))]

    @api.multi
    def _cs_rows(self):
        """One row per visitor and tier: planned, done, overdue, completion rate, average satisfaction,
        open follow-ups; aggregated by read_group, never counted in a loop over visits."""
        self.ensure_one()
        Visit = self.env['cs.visit']
        domain = self._cs_domain()
        rows = {}

        def row(group):
            user = group['user_id'] or (False, _('Unassigned'))
            tier = group['tier_id'] or (False, _('No tier'))
            key = (user[0], tier[0])
            if key not in rows:
                rows[key] = {'visitor': user[1], 'tier': tier[1], 'planned': 0, 'done': 0, 'overdue': 0,
                             'open': 0, 'satisfaction': 0.0, 'followups': 0}
            return rows[key]

        for group in Visit.read_group(domain, ['user_id', 'tier_id', 'state'],
                                      ['user_id', 'tier_id', 'state'], lazy=False):
            r = row(group)
            r['planned'] += group['__count']
            if group['state'] in ('done', 'overdue'):
                r[group['state']] += group['__count']
            else:
                r['open'] += group['__count']
        for group in Visit.read_group(domain + [('satisfaction', '>', 0)], ['user_id', 'tier_id', 'satisfaction'],
                                      ['user_id', 'tier_id'], lazy=False):
            row(group)['satisfaction'] = group['satisfaction'] or 0.0
        for group in Visit.read_group(domain + [('follow_up', '!=', False), ('follow_up_done', '=', False)],
                                      ['user_id', 'tier_id'], ['user_id', 'tier_id'], lazy=False):
            row(group)['followups'] = group['__count']
        result = sorted(rows.values(), key=lambda r: (r['visitor'], r['tier']))
        for r in result:
            r['rate'] = 100.0 * r['done'] / r['planned'] if r['planned'] else 0.0
        return result

    @api.multi
    def _cs_totals(self):
        self.ensure_one()
        rows = self._cs_rows()
        total = {k: sum(r[k] for r in rows) for k in ('planned', 'done', 'overdue', 'open', 'followups')}
        total['rate'] = 100.0 * total['done'] / total['planned'] if total['planned'] else 0.0
        groups = self.env['cs.visit'].read_group(self._cs_domain() + [('satisfaction', '>', 0)],
                                                 ['satisfaction'], [])
        total['satisfaction'] = groups and groups[0]['satisfaction'] or 0.0
        return total

    @api.multi
    def _cs_open_problems(self, limit=50):
        """Visits of the quarter whose follow-up actions are still open: the problems to report."""
        self.ensure_one()
        return self.env['cs.visit'].search(
            self._cs_domain() + [('follow_up', '!=', False), ('follow_up_done', '=', False)],
            order='planned_date, id', limit=limit)

    @api.multi
    def _cs_check_access(self):
        """The quarterly evaluation covers every visitor of a company: a customer service manager's
        report (as its menu), for his own companies and on his own report parameters (also when the
        report's URL is called with the ids of someone else's)."""
        if self.env.uid == SUPERUSER_ID:
            return
        user = self.env.user
        user._cs_require(lambda u: u._cs_is_manager(), _(
            'Only a customer service manager may read the quarterly return visit report.'))
        for report in self.sudo():
            if not report.exists() or report.create_uid != user or report.company_id not in user.company_ids:
                raise AccessError(_('The return visit report %s was not prepared by you for one of your '
                                    'companies.') % report.id)

    @api.multi
    def _cs_title(self):
        self.ensure_one()
        return _('Return visit evaluation report %s Q%s') % (self.year, self.quarter)

    @api.multi
    def action_print_pdf(self):
        return self.env.ref('customer_service_mgmt.cs_visit_report_pdf').report_action(self)

    @api.multi
    def action_print_xlsx(self):
        return self.env.ref('customer_service_mgmt.cs_visit_report_xlsx').report_action(self)

