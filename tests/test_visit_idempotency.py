from psycopg2 import IntegrityError

from odoo.tools import mute_logger

from .common_visit import CsVisitCase


class _Rollback(Exception):
    pass


class TestVisitIdempotency(CsVisitCase):
    """Planning twice, or after an interrupted run, never plans a visit twice."""

    @classmethod
    def setUpClass(cls):
        super(TestVisitIdempotency, cls).setUpClass()
        cls.customers = cls.customer
        for i in range(4):
            cls.customers |= cls.env['res.partner'].create({'name': '客户%s' % i, 'is_company': True,
                                                            'customer': True})
        cls._make_general(cls.customers)

    def _snapshot(self):
        visits = self.Visit.search([('partner_id', 'in', self.customers.ids), ('origin', '=', 'policy')])
        return sorted((v.partner_id.id, v.policy_line_id.id, v.period_key, str(v.planned_date), v.state)
                      for v in visits)

    def test_second_run_plans_nothing(self):
        """A second run on the same day inserts no row and changes nothing."""
        self.assertGreater(self._plan(), 0)
        before = self._snapshot()
        self.assertEqual(self._plan(), 0)
        self.assertEqual(self._snapshot(), before)

    def test_next_day_adds_nothing_within_period(self):
        """The next day's run finds the periods already planned."""
        self._plan()
        before = self._snapshot()
        self.assertEqual(self.Visit._cron_plan_visits(today='2026-11-23'), 0)
        self.assertEqual(self._snapshot(), before)

    def test_interrupted_run_completes(self):
        """A run interrupted after its first batch (committed) and run again ends as one clean run."""
        try:
            with self.env.cr.savepoint():
                self._plan()
                clean = self._snapshot()
                raise _Rollback()
        except _Rollback:
            self.Visit.invalidate_cache()
        self.assertFalse(self._snapshot())
        # what a cron committing per batch leaves when it dies after the first batch
        first_half = self.customers.ids[:2]
        self.Visit._cs_plan_policy(self.policy, self.day, first_half)
        self.assertTrue(self._snapshot())
        self.assertLess(len(self._snapshot()), len(clean))
        self._plan()
        self.assertEqual(self._snapshot(), clean)

    def test_database_refuses_duplicate(self):
        """The unique (customer, rule, period) constraint stops a duplicate written outside the planner."""
        self._plan()
        visit = self._visits(self.customer, policy_line_id=self.line['all_rep'].id)[:1]
        with self.assertRaises(IntegrityError), self.env.cr.savepoint(), mute_logger('odoo.sql_db'):
            self.Visit.create({'partner_id': self.customer.id, 'origin': 'policy', 'state': 'planned',
                               'policy_line_id': visit.policy_line_id.id, 'period_key': visit.period_key})
