"""Tier classification and band-table validation (POLICY §1), without a database."""
import unittest

from ..tiers import Band, classify, sql_case, validate_bands

DEFAULT = [
    Band('vip', 10, 500000), Band('key', 20, 100000),
    Band('general', 30, 0), Band('reserve', 40, 0),
]


def rules(bands):
    return [p.rule for p in validate_bands(bands)]


class TestClassify(unittest.TestCase):

    def test_bounds_follow_policy(self):
        """500,000 is VIP, 100,000 is key, just under each bound falls one tier lower."""
        self.assertEqual(classify(500000, DEFAULT), 'vip')
        self.assertEqual(classify(499999.99, DEFAULT), 'key')
        self.assertEqual(classify(100000, DEFAULT), 'key')
        self.assertEqual(classify(99999.99, DEFAULT), 'general')
        self.assertEqual(classify(0.01, DEFAULT), 'general')

    def test_no_transactions_is_reserve(self):
        """No amount, or refunds exceeding invoices, means a reserve customer."""
        self.assertEqual(classify(0, DEFAULT), 'reserve')
        self.assertEqual(classify(-50, DEFAULT), 'reserve')

    def test_configured_thresholds_are_used(self):
        """A manager's thresholds, not the defaults, decide."""
        custom = [Band('vip', 1, 1000), Band('key', 2, 10), Band('general', 3, 0), Band('reserve', 4, 0)]
        self.assertEqual(classify(1000, custom), 'vip')
        self.assertEqual(classify(10, custom), 'key')

    def test_sql_case_mirrors_classify(self):
        """The SQL expression encodes the same bounds as the Python rule."""
        case = sql_case(DEFAULT, 'x')
        self.assertIn("WHEN (x) <= 0 THEN 'reserve'", case)
        self.assertIn("WHEN (x) >= 500000.0 THEN 'vip'", case)
        self.assertLess(case.index("'vip'"), case.index("'key'"))


class TestValidate(unittest.TestCase):

    def test_default_table_is_valid(self):
        """The shipped table passes."""
        self.assertEqual(validate_bands(DEFAULT), [])

    def test_negative_threshold(self):
        """A negative threshold is refused."""
        bands = DEFAULT[:2] + [Band('general', 30, -1), DEFAULT[3]]
        self.assertIn('negative', rules(bands))

    def test_overlap(self):
        """Two value tiers with the same threshold overlap."""
        bands = [Band('vip', 10, 100000)] + DEFAULT[1:]
        self.assertEqual(rules(bands), ['overlap'])

    def test_gap_below_lowest_band(self):
        """Amounts between 0 and the lowest threshold would belong to no tier."""
        bands = DEFAULT[:2] + [Band('general', 30, 50), DEFAULT[3]]
        self.assertEqual(rules(bands), ['gap'])

    def test_unknown_missing_and_duplicate_codes(self):
        """Only the four tiers, each exactly once."""
        self.assertIn('unknown_code', rules(DEFAULT + [Band('gold', 5, 1)]))
        self.assertIn('missing_code', rules(DEFAULT[:3]))
        self.assertIn('duplicate_code', rules(DEFAULT + [Band('key', 25, 200000)]))

    def test_partial_table_while_building(self):
        """A table built row by row is checked for what it already holds, not for what it lacks."""
        self.assertEqual(validate_bands([Band('vip', 10, 500000)], complete=False), [])
        self.assertEqual(rules([Band('vip', 10, 500000)]),
                         ['missing_code', 'missing_code', 'missing_code'])
        self.assertEqual([p.rule for p in validate_bands(
            [Band('vip', 10, 5), Band('key', 20, 5)], complete=False)], ['overlap'])

    def test_reserve_must_start_at_zero(self):
        """The reserve tier has no threshold: it is the no-transaction band."""
        self.assertEqual(rules(DEFAULT[:3] + [Band('reserve', 40, 10)]), ['reserve_not_zero'])

    def test_order_must_follow_thresholds(self):
        """A table listing key above VIP is refused: sequence must read from the top tier down."""
        bands = [Band('vip', 20, 500000), Band('key', 10, 100000)] + DEFAULT[2:]
        self.assertEqual(rules(bands), ['order'])


class TestVipPaymentRecord(unittest.TestCase):
    """VIP needs the amount and a good payment record (POLICY §1); the SQL says the same."""

    def test_good_record_is_vip(self):
        """Amount reached, nothing overdue, rating A: VIP for its amount."""
        from ..tiers import classify_with_reason
        self.assertEqual(classify_with_reason(600000, DEFAULT, False, 'A'), ('vip', 'amount'))
        self.assertEqual(classify_with_reason(600000, DEFAULT, False, None), ('vip', 'amount'))

    def test_overdue_or_bad_rating_is_key(self):
        """An overdue receivable or a C/D rating makes a VIP amount key, with the reason."""
        from ..tiers import classify_with_reason
        self.assertEqual(classify_with_reason(600000, DEFAULT, True, 'A'), ('key', 'overdue'))
        self.assertEqual(classify_with_reason(600000, DEFAULT, False, 'C'), ('key', 'rating'))
        self.assertEqual(classify_with_reason(600000, DEFAULT, False, 'D'), ('key', 'rating'))
        self.assertEqual(classify_with_reason(200000, DEFAULT, True, 'D'), ('key', 'amount'))

    def test_sql_case_names_the_conditions(self):
        """The SQL CASE guards only the VIP band with the payment conditions."""
        from ..tiers import sql_reason
        case = sql_case(DEFAULT, 'a', 'o.late', 'p.rating')
        self.assertIn("NOT (o.late) AND COALESCE(p.rating, '') NOT IN ('C', 'D') THEN 'vip'", case)
        self.assertIn("WHEN (a) >= 100000.0 THEN 'key'", case)
        self.assertEqual(sql_case(DEFAULT, 'a'), sql_case(DEFAULT, 'a', None, None))
        reason = sql_reason(DEFAULT, 'a', 'o.late', 'p.rating')
        self.assertIn("THEN 'overdue'", reason)
        self.assertIn("THEN 'rating'", reason)
