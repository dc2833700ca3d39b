import datetime
import unittest

from .. import values


class TestValues(unittest.TestCase):
    """Which values a form field accepts."""

    def test_blank_text(self):
        """Spaces, ideographic and zero-width spaces are no text."""
        for text in ('', '   ', '\u3000\u3000', '\u200b', ' \u200b\ufeff\n\t'):
            self.assertTrue(values.is_blank(text), repr(text))
        self.assertFalse(values.is_blank('客户要求'))
        self.assertEqual(values.text_problem('\u3000'), 'blank')
        self.assertEqual(values.clean('\u200b 原因 \u3000'), '原因')

    def test_text_problems(self):
        """NUL characters and non-strings are refused; empty is fine."""
        self.assertEqual(values.text_problem('a\x00b'), 'nul')
        self.assertEqual(values.text_problem(12), 'type')
        self.assertIsNone(values.text_problem(False))
        self.assertIsNone(values.text_problem('正常'))

    def test_numbers(self):
        """NaN, infinity, strings and booleans are not amounts."""
        self.assertEqual(values.number_problem(float('nan')), 'nan')
        self.assertEqual(values.number_problem(float('inf')), 'nan')
        self.assertEqual(values.number_problem('100'), 'type')
        self.assertEqual(values.number_problem(True), 'type')
        self.assertEqual(values.number_problem(1.5, integer=True), 'type')
        self.assertEqual(values.number_problem(2 ** 40, integer=True), 'nan')
        self.assertIsNone(values.number_problem(300.0))
        self.assertIsNone(values.number_problem(3, integer=True))

    def test_dates(self):
        """Impossible dates are refused; Odoo's strings and date objects pass."""
        self.assertEqual(values.date_problem('2026-02-30'), 'date')
        self.assertEqual(values.date_problem('0000-01-01'), 'date')
        self.assertEqual(values.date_problem('tomorrow'), 'date')
        self.assertEqual(values.date_problem(20260101), 'type')
        self.assertIsNone(values.date_problem('2026-02-28'))
        self.assertIsNone(values.date_problem('2026-02-28 10:00:00', with_time=True))
        self.assertEqual(values.date_problem('2026-02-28 25:00:00', with_time=True), 'date')
        self.assertIsNone(values.date_problem(datetime.date(2026, 1, 1)))
