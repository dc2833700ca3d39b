"""Borrowing cards: who files, who approves, until when (POLICY §5)."""
import datetime
import unittest

from .. import borrowing as p

NOW = datetime.datetime(2026, 5, 1, 9, 0)
LATER = NOW + datetime.timedelta(days=3)


class TestBorrowing(unittest.TestCase):

    def test_request(self):
        """A request needs a purpose, a department manager and an expiry in the future."""
        self.assertEqual(p.request_problems(False, True, LATER, NOW), [])
        rules = [x.rule for x in p.request_problems(True, False, NOW, NOW)]
        self.assertEqual(rules, ['no_purpose', 'no_department_manager', 'expiry_past'])

    def test_decision(self):
        """Only the requester's department manager decides, once, before the expiry."""
        self.assertEqual(p.decision_problems(p.REQUESTED, 7, 7, 3, LATER, NOW), [])
        self.assertEqual([x.rule for x in p.decision_problems(p.REQUESTED, 8, 7, 3, LATER, NOW)],
                         ['not_department_manager'])
        self.assertEqual([x.rule for x in p.decision_problems(p.REQUESTED, 3, 3, 3, LATER, NOW)],
                         ['not_department_manager'])
        self.assertEqual([x.rule for x in p.decision_problems(p.APPROVED, 7, 7, 3, NOW, NOW)],
                         ['decided', 'expiry_past'])

    def test_open(self):
        """Open while approved and not expired."""
        self.assertTrue(p.is_open(p.APPROVED, LATER, NOW))
        self.assertFalse(p.is_open(p.APPROVED, NOW - datetime.timedelta(seconds=1), NOW))
        self.assertFalse(p.is_open(p.REQUESTED, LATER, NOW))
