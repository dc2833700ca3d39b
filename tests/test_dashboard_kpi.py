from odoo.exceptions import AccessError

from .test_indicator_complaint import IndicatorCase


class TestDashboardKpi(IndicatorCase):
    """The manager's dashboard on the hand-built October 2026 (see IndicatorCase) against an empty
    September: tiles, the records behind each tile, ratio-of-sums totals and '-' for empty months."""

    @classmethod
    def setUpClass(cls):
        super(TestDashboardKpi, cls).setUpClass()
        cls.Dashboard = cls.env['cs.dashboard'].sudo(cls.manager)
        cls.october = cls.Dashboard.create({'month': '2026-10-01'})

    def _records(self, dashboard, kpi):
        action = getattr(dashboard, 'action_open_%s' % kpi)()
        return self.env[action['res_model']].sudo(self.manager).with_context(**action['context']).search(
            action['domain'])

    def test_complaint_tiles(self):
        """October: 4 registered, 75 % handled, 2/3 on time, 1 open and overdue at its end; September: 0 and '-'."""
        d = self.october
        self.assertEqual((d.complaints_this, d.handling_this, d.on_time_this, d.open_this, d.overdue_this),
                         ('4', '75.0%', '66.7%', '1', '1'))
        self.assertEqual((d.complaints_last, d.handling_last, d.on_time_last, d.open_last, d.overdue_last),
                         ('0', '-', '-', '0', '0'))

    def test_complaint_tiles_open_their_records(self):
        """Each complaint tile opens exactly the complaints it counts."""
        self.assertEqual(self._records(self.october, 'complaints'), self.c1 | self.c2 | self.c3 | self.c4)
        self.assertEqual(self._records(self.october, 'handling'), self.c1 | self.c2 | self.c3 | self.c4)
        self.assertEqual(self._records(self.october, 'on_time'), self.c1 | self.c2 | self.c4)
        self.assertEqual(self._records(self.october, 'open'), self.c3)
        self.assertEqual(self._records(self.october, 'overdue'), self.c3)

    def test_archived_complaint_still_counted_and_listed(self):
        """A closed complaint archived by retention stays in the month's figure and in its list."""
        self.c4.sudo().write({'active': False})
        dashboard = self.Dashboard.create({'month': '2026-10-01'})
        self.assertEqual(dashboard.complaints_this, '4')
        self.assertIn(self.c4, self._records(dashboard, 'complaints'))

    def test_satisfaction_tile(self):
        """Satisfaction is the average of the scores the tile lists (complaints 5, 1 and 3 among them)."""
        rows = self._records(self.october, 'satisfaction')
        self.assertEqual(rows.filtered(lambda r: r.source == 'complaint').mapped('partner_id'), self.customer)
        self.assertEqual(sorted(rows.filtered(lambda r: r.source == 'complaint').mapped('satisfaction')),
                         [1.0, 3.0, 5.0])
        self.assertEqual(self.october.satisfaction_this, '%.2f' % (sum(rows.mapped('satisfaction')) / len(rows)))

    def test_visit_tiles(self):
        """Visits done / planned, coverage and renewal are the figures of the lists their tiles open."""
        visits = self._records(self.october, 'visits')
        self.assertEqual(self.october.visits_this, '%d / %d' % (
            len(visits.filtered(lambda v: v.state == 'done')), len(visits)))
        coverage = self._records(self.october, 'coverage')
        self.assertEqual(self.october.coverage_this, '%.1f%%' % (
            100.0 * len(coverage.filtered('covered')) / len(coverage)) if coverage else '-')
        current = self.Dashboard.create({})
        renewal = self._records(current, 'renewal')
        self.assertEqual(current.renewal_this, '%.1f%%' % (
            100.0 * len(renewal.filtered('renewed')) / len(renewal)) if renewal else '-')

    def test_pivot_total_is_ratio_of_sums(self):
        """October and November: the total handling rate is 4/5 closed and the on-time rate 3/4, not the
        average of the months' rates (75 and 100, 66.7 and 100)."""
        domain = [('source', '=', 'complaint'), ('date', '>=', '2026-10-01'), ('date', '<=', '2026-11-30'),
                  ('user_id', 'in', (self.agent | self.agent2).ids)]
        Indicator = self.env['cs.indicator'].sudo(self.manager)
        fields_ = ['complaint_count', 'closed_count', 'handling_rate', 'on_time_rate']
        months = Indicator.read_group(domain, fields_ + ['date'], ['date:month'], lazy=False)
        self.assertEqual([(g['complaint_count'], g['closed_count']) for g in months], [(4, 3), (1, 1)])
        total, = Indicator.read_group(domain, fields_, [])
        self.assertAlmostEqual(total['handling_rate'], 100.0 * 4 / 5)
        self.assertAlmostEqual(total['on_time_rate'], 100.0 * 3 / 4)

    def test_twelve_months_with_dash(self):
        """The 12-month table lists every month up to October; September, without complaints, shows '-'."""
        self.october._cs_fill_months()
        lines = {line.month: line for line in self.october.month_ids}
        self.assertEqual(sorted(lines), ['2025-11', '2025-12'] + ['2026-%02d' % m for m in range(1, 11)])
        september = lines['2026-09']
        self.assertEqual((september.complaints, september.handling, september.on_time), ('-', '-', '-'))
        october = lines['2026-10']
        self.assertEqual((october.complaints, october.handling, october.on_time), ('4', '75.0%', '66.7%'))

    def test_menu_opens_as_manager_only(self):
        """The menu opens a dashboard of this month for a manager; an agent is refused."""
        action = self.env['cs.dashboard'].sudo(self.manager).action_open_dashboard()
        dashboard = self.env['cs.dashboard'].sudo(self.manager).browse(action['res_id'])
        self.assertEqual(len(dashboard.month_ids), 12)
        self.assertTrue(dashboard.complaints_this)
        with self.assertRaisesRegex(AccessError, '指标看板'):
            self.env['cs.dashboard'].sudo(self.agent).action_open_dashboard()
