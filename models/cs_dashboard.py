import datetime

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from ..policy import teams as team_policy

# the KPI tiles of the dashboard, in display order; each has <code>_this and <code>_last figures and an
# action_open_<code> opening the records behind this month's figure
KPIS = ('complaints', 'handling', 'on_time', 'satisfaction', 'open', 'overdue', 'visits', 'coverage', 'renewal')
EMPTY = '-'


def _empty(value):
    """read_group gives None or False for an average over no rows; 0.0 is a real figure."""
    return value is None or value is False


def _rate(value):
    return EMPTY if _empty(value) else '%.1f%%' % value


def _score(value):
    return EMPTY if _empty(value) else '%.2f' % value


class CsDashboard(models.TransientModel):
    """The manager's morning dashboard 指标看板: this month's indicators against last month's, each tile
    opening the records behind it. The figures are read from the indicator views (cs.indicator,
    cs.visit.coverage, cs.indicator.renewal) with the user's rights, never recomputed here."""
    _name = 'cs.dashboard'
    _description = 'Indicator Dashboard'
    _rec_name = 'month'

    month = fields.Date(string='Month', required=True, readonly=True,
                        default=lambda self: fields.Date.context_today(self)[:8] + '01')
    company_id = fields.Many2one('res.company', required=True, readonly=True,
                                 default=lambda self: self.env.user.company_id)
    month_ids = fields.One2many('cs.dashboard.month', 'dashboard_id', string='Last 12 months', readonly=True)
    complaints_this = fields.Char(compute='_compute_figures', string='Complaints registered')
    complaints_last = fields.Char(compute='_compute_figures', string='Last month')
    handling_this = fields.Char(compute='_compute_figures', string='Handling rate')
    handling_last = fields.Char(compute='_compute_figures', string='Last month')
    on_time_this = fields.Char(compute='_compute_figures', string='On-time rate')
    on_time_last = fields.Char(compute='_compute_figures', string='Last month')
    satisfaction_this = fields.Char(compute='_compute_figures', string='Satisfaction')
    satisfaction_last = fields.Char(compute='_compute_figures', string='Last month')
    open_this = fields.Char(compute='_compute_figures', string='Open complaints')
    open_last = fields.Char(compute='_compute_figures', string='Last month')
    overdue_this = fields.Char(compute='_compute_figures', string='Overdue complaints')
    overdue_last = fields.Char(compute='_compute_figures', string='Last month')
    visits_this = fields.Char(compute='_compute_figures', string='Visits done / planned')
    visits_last = fields.Char(compute='_compute_figures', string='Last month')
    coverage_this = fields.Char(compute='_compute_figures', string='Important customers visited')
    coverage_last = fields.Char(compute='_compute_figures', string='Last month')
    renewal_this = fields.Char(compute='_compute_figures', string='Renewal rate')
    renewal_last = fields.Char(compute='_compute_figures', string='Last month')

    @api.multi
    def name_get(self):
        return [(d.id, '%s %s' % (_('Indicator Dashboard'), (d.month or '')[:7])) for d in self]

    # opening

    @api.model
    def action_open_dashboard(self):
        """Menu entry: a fresh dashboard of the current month, read-only."""
        if not self.env.user._cs_is_manager():
            raise AccessError(_('The indicator dashboard is for customer service managers and the general '
                                'manager.'))
        dashboard = self.create({})
        dashboard._cs_fill_months()
        return {
            'type': 'ir.actions.act_window', 'name': _('Indicator Dashboard'), 'res_model': self._name,
            'res_id': dashboard.id, 'view_mode': 'form', 'target': 'current',
            'views': [(self.env.ref('customer_service_mgmt.cs_dashboard_view_form').id, 'form')],
            'flags': {'mode': 'readonly'},
        }

    # periods

    @api.multi
    def _cs_months(self):
        """(first day of this month, first day of last month) as dates."""
        self.ensure_one()
        start = fields.Date.from_string(self.month).replace(day=1)
        return start, start - relativedelta(months=1)

    @api.multi
    def _cs_moment(self, start):
        """The UTC moment the month starting at ``start`` ends (company time), or now if that is later:
        'open now' of the current month, 'open at the end' of a past one."""
        end_local = datetime.datetime.combine(start + relativedelta(months=1), datetime.time())
        end = self.env['helpdesk.ticket']._cs_utc(end_local)
        return fields.Datetime.to_string(min(end, fields.Datetime.from_string(fields.Datetime.now())))

    # domains behind the tiles (one per KPI and month)

    @api.multi
    def _cs_indicator_domain(self, start, source=None):
        end = start + relativedelta(months=1, days=-1)
        domain = [('company_id', '=', self.company_id.id), ('date', '>=', fields.Date.to_string(start)),
                  ('date', '<=', fields.Date.to_string(end))]
        return domain + ([('source', '=', source)] if source else [])

    @api.multi
    def _cs_source_ids(self, start, source, extra=()):
        """The ids of the records behind indicator rows of a source (a row's id is record id * 8 + part)."""
        rows = self.env['cs.indicator'].search(self._cs_indicator_domain(start, source) + list(extra))
        return [row.id // 8 for row in rows]

    @api.multi
    def _cs_domain(self, kpi, start):
        """(model, domain) of the records behind a KPI's figure for the month starting at ``start``."""
        complaint = lambda extra=(): ('helpdesk.ticket', [  # noqa: E731
            ('id', 'in', self._cs_source_ids(start, 'complaint', extra))])
        if kpi in ('complaints', 'handling'):
            return complaint()
        if kpi == 'on_time':
            return complaint([('closed_count', '=', 1)])
        if kpi == 'satisfaction':
            return 'cs.indicator', self._cs_indicator_domain(start) + [('satisfaction', '!=', False)]
        if kpi in ('open', 'overdue'):
            moment = self._cs_moment(start)
            domain = [('cs_kind', '=', 'complaint'), ('company_id', '=', self.company_id.id), ('active', '=', True),
                      ('cs_registered_date', '<', moment),
                      '|', ('cs_closed_date', '=', False), ('cs_closed_date', '>=', moment)]
            domain += team_policy.governed_domain()
            if kpi == 'overdue':
                domain += [('cs_deadline', '<', moment)]
            return 'helpdesk.ticket', domain
        if kpi == 'visits':
            return 'cs.visit', [('id', 'in', self._cs_source_ids(start, 'visit'))]
        if kpi == 'coverage':
            end = start + relativedelta(months=1, days=-1)
            return 'cs.visit.coverage', [
                ('company_id', '=', self.company_id.id), ('period_start', '>=', fields.Date.to_string(start)),
                ('period_start', '<=', fields.Date.to_string(end))]
        if kpi == 'renewal':
            return 'cs.indicator.renewal', [('company_id', '=', self.company_id.id)]
        raise ValueError(kpi)

    # figures

    @api.multi
    def _cs_figures(self, start):
        """{kpi: text} of the month starting at ``start``: '-' where there is nothing to measure."""
        self.ensure_one()
        Indicator = self.env['cs.indicator']
        groups = Indicator.read_group(
            self._cs_indicator_domain(start), ['complaint_count', 'handling_rate', 'on_time_rate', 'satisfaction',
                                               'visit_count', 'visit_done_count'], [])
        g = groups[0] if groups else {}
        figures = {
            'complaints': str(g.get('complaint_count') or 0),
            'handling': _rate(g.get('handling_rate')),
            'on_time': _rate(g.get('on_time_rate')),
            'satisfaction': _score(g.get('satisfaction')),
            'visits': '%d / %d' % (g.get('visit_done_count') or 0, g.get('visit_count') or 0),
        }
        for kpi in ('open', 'overdue'):
            model, domain = self._cs_domain(kpi, start)
            figures[kpi] = str(self.env[model].search_count(domain))
        model, domain = self._cs_domain('coverage', start)
        coverage = self.env[model].read_group(domain, ['coverage_rate'], [])
        figures['coverage'] = _rate(coverage[0]['coverage_rate'] if coverage else None)
        # the renewal rate of a month is the one measured on its last day (today for this month)
        day = min(start + relativedelta(months=1, days=-1), fields.Date.from_string(fields.Date.context_today(self)))
        self.env['cs.indicator.renewal'].check_access_rights('read')
        figures['renewal'] = _rate(self.env['cs.indicator.renewal']._cs_renewal_rate(fields.Date.to_string(day)))
        return figures

    @api.depends('month', 'company_id')
    def _compute_figures(self):
        for dashboard in self:
            this, last = dashboard._cs_months()
            for suffix, start in (('this', this), ('last', last)):
                for kpi, text in dashboard._cs_figures(start).items():
                    dashboard['%s_%s' % (kpi, suffix)] = text

    @api.multi
    def _cs_fill_months(self):
        """The 12-month table: every month, '-' where a rate has nothing to measure."""
        self.ensure_one()
        this, _last = self._cs_months()
        first = this - relativedelta(months=11)
        groups = self.env['cs.indicator'].read_group(
            [('company_id', '=', self.company_id.id),
             ('date', '>=', fields.Date.to_string(first)),
             ('date', '<', fields.Date.to_string(this + relativedelta(months=1)))],
            ['complaint_count', 'handling_rate', 'on_time_rate', 'satisfaction', 'visit_count', 'visit_done_count',
             'date'], ['date:month'], lazy=False)
        by_month = {}
        for group in groups:
            start = next(term[2] for term in group['__domain'] if isinstance(term, (list, tuple))
                         and term[0] == 'date' and term[1] == '>=')
            by_month[start[:7]] = group
        lines = []
        for index in range(12):
            start = first + relativedelta(months=index)
            g = by_month.get(start.strftime('%Y-%m'), {})
            lines.append((0, 0, {
                'sequence': index, 'month': start.strftime('%Y-%m'),
                'complaints': str(g.get('complaint_count') or 0) if g.get('complaint_count') else EMPTY,
                'handling': _rate(g.get('handling_rate')), 'on_time': _rate(g.get('on_time_rate')),
                'satisfaction': _score(g.get('satisfaction')),
                'visits': '%d / %d' % (g['visit_done_count'], g['visit_count']) if g.get('visit_count') else EMPTY,
            }))
        self.write({'month_ids': lines})

    # tiles

    @api.multi
    def _cs_open(self, kpi):
        self.ensure_one()
        this, _last = self._cs_months()
        model, domain = self._cs_domain(kpi, this)
        names = {
            'complaints': _('Complaints registered'), 'handling': _('Complaints registered'),
            'on_time': _('Complaints closed'), 'satisfaction': _('Satisfaction'), 'open': _('Open complaints'),
            'overdue': _('Overdue complaints'), 'visits': _('Visits'), 'coverage': _('Important customers visited'),
            'renewal': _('Customer Renewal')}
        # the reporting views are read in a list; records open in their own form
        views = [(False, 'tree'), (False, 'form')] if model in ('helpdesk.ticket', 'cs.visit') else [(False, 'tree')]
        return {'type': 'ir.actions.act_window', 'name': names[kpi], 'res_model': model, 'domain': domain,
                'view_mode': ','.join(v[1] for v in views), 'views': views, 'target': 'current',
                # the indicators count archived complaints too (retention archives closed ones): so do the lists
                'context': {'create': False, 'active_test': False}}

    @api.multi
    def action_open_complaints(self):
        return self._cs_open('complaints')

    @api.multi
    def action_open_handling(self):
        return self._cs_open('handling')

    @api.multi
    def action_open_on_time(self):
        return self._cs_open('on_time')

    @api.multi
    def action_open_satisfaction(self):
        return self._cs_open('satisfaction')

    @api.multi
    def action_open_open(self):
        return self._cs_open('open')

    @api.multi
    def action_open_overdue(self):
        return self._cs_open('overdue')

    @api.multi
    def action_open_visits(self):
        return self._cs_open('visits')

    @api.multi
    def action_open_coverage(self):
        return self._cs_open('coverage')

    @api.multi
    def action_open_renewal(self):
        return self._cs_open('renewal')

    @api.multi
    def action_open_trend(self):
        """The 12-month trend: the indicators' line graph by month, and its pivot."""
        self.ensure_one()
        this, _last = self._cs_months()
        first = this - relativedelta(months=11)
        return {
            'type': 'ir.actions.act_window', 'name': _('12-month trend'), 'res_model': 'cs.indicator',
            'view_mode': 'graph,pivot', 'target': 'current',
            'views': [(self.env.ref('customer_service_mgmt.cs_indicator_view_graph').id, 'graph'),
                      (self.env.ref('customer_service_mgmt.cs_indicator_view_pivot').id, 'pivot')],
            'domain': [('company_id', '=', self.company_id.id), ('date', '>=', fields.Date.to_string(first)),
                       ('date', '<', fields.Date.to_string(this + relativedelta(months=1)))],
            'context': {'group_by': ['date:month']},
        }

