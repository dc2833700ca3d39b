"""Visit periods, planned dates and horizons (POLICY §3), without a database."""
import datetime
import unittest

from ..visits import (due_periods, is_overdue, occurrence, period_for, period_key, planned_date,
                      purchase_followups, quarter_bounds, reminder_date, reminder_due, valid_satisfaction,
                      validate_interval)

D = datetime.date


class TestPeriods(unittest.TestCase):

    def test_quarter_periods_follow_calendar(self):
        """A quarterly line has the periods Jan-Mar, Apr-Jun, Jul-Sep, Oct-Dec."""
        period = period_for(D(2026, 11, 22), 3)
        self.assertEqual(period.key, '2026-10/3M')
        self.assertEqual((period.start, period.end), (D(2026, 10, 1), D(2026, 12, 31)))
        self.assertEqual(period_key(D(2026, 1, 1), 3), '2026-01/3M')
        self.assertEqual(period_key(D(2026, 3, 31), 3), '2026-01/3M')

    def test_monthly_and_half_yearly(self):
        """Monthly keys name the month; half-yearly periods split the year in two."""
        self.assertEqual(period_key(D(2026, 2, 28), 1), '2026-02/1M')
        self.assertEqual(period_key(D(2026, 6, 30), 6), '2026-01/6M')
        self.assertEqual(period_key(D(2026, 7, 1), 6), '2026-07/6M')

    def test_same_day_same_key(self):
        """The key is a pure function of date and interval: re-planning finds the same period."""
        self.assertEqual(period_key(D(2026, 5, 3), 3), period_key(D(2026, 6, 29), 3))

    def test_interval_must_be_positive(self):
        """An interval of 0 or fewer months is refused."""
        self.assertEqual([p.rule for p in validate_interval(0)], ['interval'])
        self.assertEqual([p.rule for p in validate_interval(-2)], ['interval'])
        self.assertEqual(validate_interval(1), [])
        with self.assertRaises(ValueError):
            period_for(D(2026, 1, 1), 0)


class TestPlanning(unittest.TestCase):

    def test_planned_date_never_in_the_past(self):
        """A period under way is planned for today; a future period for its first day."""
        period = period_for(D(2026, 11, 22), 3)
        self.assertEqual(planned_date(period, D(2026, 11, 22)), D(2026, 11, 22))
        future = period_for(D(2027, 1, 5), 3)
        self.assertEqual(planned_date(future, D(2026, 11, 22)), D(2027, 1, 1))

    def test_due_periods_within_horizon(self):
        """The current period, plus the next ones starting within the horizon."""
        keys = [p.key for p in due_periods(D(2026, 11, 22), 30, 1)]
        self.assertEqual(keys, ['2026-11/1M', '2026-12/1M'])
        self.assertEqual([p.key for p in due_periods(D(2026, 11, 22), 5, 1)], ['2026-11/1M'])
        self.assertEqual([p.key for p in due_periods(D(2026, 11, 22), 45, 3)], ['2026-10/3M', '2027-01/3M'])

    def test_reminder_and_overdue(self):
        """Reminded N days ahead; overdue the day after the planned date."""
        self.assertEqual(reminder_date(D(2026, 12, 10), 3), D(2026, 12, 7))
        self.assertEqual([reminder_due(D(2026, 12, 10), 3, D(2026, 12, d)) for d in (6, 7, 10, 11)],
                         [False, True, True, False])
        self.assertFalse(is_overdue(D(2026, 12, 10), D(2026, 12, 10)))
        self.assertTrue(is_overdue(D(2026, 12, 10), D(2026, 12, 11)))

    def test_purchase_followups(self):
        """A purchase is followed up at +3, +30 and +60 days."""
        self.assertEqual(purchase_followups(D(2026, 1, 1)),
                         [(1, D(2026, 1, 4)), (2, D(2026, 1, 31)), (3, D(2026, 3, 2))])

    def test_occurrence_and_quarter(self):
        """29 February falls on the 28th in common years; quarters have their calendar bounds."""
        self.assertEqual(occurrence(2027, 2, 29), D(2027, 2, 28))
        self.assertEqual(occurrence(2028, 2, 29), D(2028, 2, 29))
        self.assertEqual(quarter_bounds(2026, 4), (D(2026, 10, 1), D(2026, 12, 31)))
        self.assertEqual(quarter_bounds(2026, 1), (D(2026, 1, 1), D(2026, 3, 31)))

    def test_satisfaction_range(self):
        """Satisfaction is 1-5 or not given."""
        self.assertTrue(valid_satisfaction(5))
        self.assertTrue(valid_satisfaction(None))
        self.assertFalse(valid_satisfaction(6))
        self.assertFalse(valid_satisfaction(-1))


class TestVisitRulesBySeed(unittest.TestCase):
    """Visitors resolved per customer and selection rules (POLICY §3 table)."""

    def test_resolve_visitor(self):
        """Each role takes the customer's own person, else the policy's user."""
        from ..visits import resolve_visitor
        self.assertEqual(resolve_visitor('account_rep', 'default', salesperson='rep'), 'rep')
        self.assertEqual(resolve_visitor('account_rep', 'default'), 'default')
        self.assertEqual(resolve_visitor('head', 'head', salesperson='rep', site_manager='site'), 'site')
        self.assertEqual(resolve_visitor('deputy_gm', 'dgm', deputy_in_charge='mine'), 'mine')
        self.assertEqual(resolve_visitor('gm', 'gm', salesperson='rep', deputy_in_charge='x'), 'gm')

    def test_selection(self):
        """Selected-only rules need the flag; rules for the others exclude selected customers."""
        from ..visits import selection_applies
        self.assertTrue(selection_applies(True, True, False))
        self.assertFalse(selection_applies(False, True, False))
        self.assertFalse(selection_applies(True, False, True))
        self.assertTrue(selection_applies(False, False, True))
        self.assertTrue(selection_applies(False, False, False))

    def test_sql_forms(self):
        """The SQL forms name the same columns."""
        from ..visits import selection_sql, visitor_sql
        sql = visitor_sql('r.role', 'r.u', 'p.user_id', 'sp.cs_manager_id', 'p.cs_deputy_gm_id')
        self.assertIn("WHEN 'head' THEN COALESCE(sp.cs_manager_id, r.u)", sql)
        self.assertIn("WHEN 'deputy_gm' THEN COALESCE(p.cs_deputy_gm_id, r.u)", sql)
        self.assertEqual(selection_sql('s', 'a', 'b'), '((s OR NOT a) AND (NOT s OR NOT b))')
