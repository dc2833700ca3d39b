import datetime
import itertools

from odoo.tests.common import TransactionCase

from ..policy import tiers as tier_policy
from ..policy import visits as visit_policy

D = datetime.date


class TestPolicySqlForms(TransactionCase):
    """Each rule the crons run as SQL gives, on PostgreSQL, the answer of its Python rule in policy/."""

    def _sql(self, expression, params):
        self.env.cr.execute('SELECT ' + expression, params)
        return self.env.cr.fetchone()[0]

    def test_tier_case_is_classify_with_reason(self):
        """sql_case / sql_reason classify every amount, overdue flag and rating as classify_with_reason."""
        bands = [tier_policy.Band('vip', 10, 500000.0), tier_policy.Band('key', 20, 100000.0),
                 tier_policy.Band('general', 30, 0.0), tier_policy.Band('reserve', 40, 0.0)]
        case = tier_policy.sql_case(bands, '%(a)s::numeric', '%(o)s', '%(r)s::varchar')
        reason = tier_policy.sql_reason(bands, '%(a)s::numeric', '%(o)s', '%(r)s::varchar')
        grid = itertools.product((-1, 0, 1, 99999.99, 100000, 499999, 500000, 10 ** 7), (False, True),
                                 (None, 'A', 'B', 'C', 'D'))
        for amount, overdue, rating in grid:
            params = {'a': amount, 'o': overdue, 'r': rating}
            self.assertEqual((self._sql(case, params), self._sql(reason, params)),
                             tier_policy.classify_with_reason(amount, bands, overdue, rating), params)

    def test_visitor_sql_is_resolve_visitor(self):
        """The planner's visitor is the customer's own person for the role, else the rule's user."""
        sql = visit_policy.visitor_sql('%(role)s::varchar', '%(ru)s::int', '%(sp)s::int', '%(sm)s::int',
                                       '%(dep)s::int')
        roles = (visit_policy.ACCOUNT_REP, visit_policy.HEAD, visit_policy.DEPUTY_GM, visit_policy.GM,
                 visit_policy.SALES_MANAGER)
        for role, ru, sp, sm, dep in itertools.product(roles, (None, 1), (None, 2), (None, 3), (None, 4)):
            params = {'role': role, 'ru': ru, 'sp': sp, 'sm': sm, 'dep': dep}
            self.assertEqual(self._sql(sql, params), visit_policy.resolve_visitor(role, ru, sp, sm, dep), params)

    def test_selection_sql_is_selection_applies(self):
        """A rule for selected (or unselected) customers applies to the same customers in SQL."""
        sql = visit_policy.selection_sql('%(s)s', '%(so)s', '%(uo)s')
        for s, so, uo in itertools.product((False, True), repeat=3):
            self.assertEqual(self._sql(sql, {'s': s, 'so': so, 'uo': uo}),
                             bool(visit_policy.selection_applies(s, so, uo)), (s, so, uo))

    def test_reminder_sql_is_reminder_due(self):
        """The reminder cron picks a visit on the days reminder_due names, negative lead days included."""
        sql = visit_policy.reminder_due_sql('%(p)s::date', '%(d)s', '%(t)s::date')
        planned = D(2026, 12, 10)
        for days, offset in itertools.product((-2, 0, 1, 3), range(-5, 3)):
            today = planned + datetime.timedelta(days=offset)
            self.assertEqual(self._sql(sql, {'p': planned, 'd': days, 't': today}),
                             visit_policy.reminder_due(planned, days, today), (days, offset))
