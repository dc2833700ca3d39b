"""The confidentiality term: one level down when the date comes, never a date in the past (POLICY §5)."""
import datetime
import unittest

from .. import declassification as p

TODAY = datetime.date(2026, 5, 1)


class TestDeclassification(unittest.TestCase):

    def test_lower_level(self):
        """Top secret -> confidential -> secret -> secret."""
        self.assertEqual(p.lower_level('top_secret'), 'confidential')
        self.assertEqual(p.lower_level('confidential'), 'secret')
        self.assertEqual(p.lower_level('secret'), 'secret')

    def test_term(self):
        """A past date is refused; today and later are accepted; due from the date on."""
        self.assertEqual(p.term_problem(TODAY - datetime.timedelta(days=1), TODAY).rule, 'past')
        self.assertIsNone(p.term_problem(TODAY, TODAY))
        self.assertTrue(p.is_due(TODAY, TODAY))
        self.assertFalse(p.is_due(TODAY + datetime.timedelta(days=1), TODAY))
        self.assertFalse(p.is_due(None, TODAY))
        self.assertEqual(p.due_domain('2026-11-23'),
                         [('declassify_date', '!=', False), ('declassify_date', '<=', '2026-11-23')])
