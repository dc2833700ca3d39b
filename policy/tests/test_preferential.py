"""Preferential treatment: VIP or key only, a period, shown only while approved and valid."""
import datetime
import unittest

from .. import preferential as p

D = datetime.date


class TestPreferential(unittest.TestCase):

    def test_request(self):
        """General customers, blank privileges, reversed or past periods are problems."""
        self.assertEqual(p.request_problems('vip', False, D(2026, 1, 1), D(2026, 12, 31), D(2026, 5, 1)), [])
        rules = [x.rule for x in p.request_problems('general', True, D(2026, 2, 1), D(2026, 1, 1), D(2026, 5, 1))]
        self.assertEqual(rules, ['tier', 'no_privileges', 'period'])
        self.assertEqual([x.rule for x in p.request_problems('key', False, D(2025, 1, 1), D(2025, 2, 1),
                                                             D(2026, 5, 1))], ['over'])

    def test_valid(self):
        """Approved and within the dates only."""
        self.assertTrue(p.is_valid(p.APPROVED, D(2026, 1, 1), D(2026, 1, 31), D(2026, 1, 31)))
        self.assertFalse(p.is_valid(p.APPROVED, D(2026, 1, 1), D(2026, 1, 31), D(2026, 2, 1)))
        self.assertFalse(p.is_valid(p.REQUESTED, D(2026, 1, 1), D(2026, 1, 31), D(2026, 1, 15)))
