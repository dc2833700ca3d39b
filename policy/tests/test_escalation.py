"""Escalation chains, escalation by hand and the deputy GM's approval (POLICY §2), without a database."""
import unittest
from datetime import datetime, timedelta

from ..deadlines import next_escalation
from ..escalation import DEFAULT_CHAIN, chain, levels_above, manual_problems, needs_approval


def rules(problems):
    return [p.rule for p in problems]


class TestChain(unittest.TestCase):

    def test_default_chain(self):
        """Unconfigured: handler -> site sales manager -> department manager -> deputy GM."""
        self.assertEqual(chain([]), ('handler', 'site_manager', 'department_head', 'deputy_gm'))
        self.assertEqual(chain([])[1:], DEFAULT_CHAIN)

    def test_configured_chain_keeps_order_and_drops_unknown(self):
        """A company's levels are taken in order; an unknown level is ignored."""
        self.assertEqual(chain(['cs_manager', 'bogus', 'general_manager']), ('handler', 'cs_manager', 'general_manager'))

    def test_levels_above(self):
        """From the site manager the department manager and the deputy GM remain; nothing above the last."""
        levels = chain([])
        self.assertEqual(levels_above(levels, 'site_manager'), ('department_head', 'deputy_gm'))
        self.assertEqual(levels_above(levels, 'deputy_gm'), ())

    def test_overdue_climbs_the_company_chain(self):
        """The overdue rule follows the chain it is given, one level at a time, then stops."""
        levels = chain([])
        deadline, now = datetime(2026, 11, 2, 9), datetime(2026, 11, 3, 9)
        self.assertEqual(next_escalation('handler', deadline, now, None, 24, levels), 'site_manager')
        self.assertEqual(next_escalation('department_head', deadline, now, now - timedelta(hours=25), 24, levels),
                         'deputy_gm')
        self.assertIsNone(next_escalation('deputy_gm', deadline, now, None, 24, levels))


class TestManual(unittest.TestCase):

    def test_allowed(self):
        """The handler with a reason below the last level escalates."""
        self.assertEqual(manual_problems(chain([]), 'handler', '超出处理能力', False, True, True), [])

    def test_refusals(self):
        """No reason, past the last level, closed, not allowed, nobody above: each named."""
        levels = chain([])
        self.assertEqual(rules(manual_problems(levels, 'handler', '  ', False, True, True)), ['escalation_no_reason'])
        self.assertEqual(rules(manual_problems(levels, 'deputy_gm', '原因', False, True, True)),
                         ['escalation_last_level'])
        self.assertEqual(rules(manual_problems(levels, 'handler', '原因', True, False, True)),
                         ['escalation_not_allowed', 'escalation_closed'])
        self.assertEqual(rules(manual_problems(levels, 'handler', '原因', False, True, False)), ['escalation_nobody'])


class TestApproval(unittest.TestCase):

    def test_personal_findings_need_the_deputy_gm(self):
        """Violation and mistake need the deputy GM's approval when the company has one; others do not."""
        self.assertTrue(needs_approval('complaint', 'violation', True))
        self.assertTrue(needs_approval('complaint', 'mistake', True))
        self.assertFalse(needs_approval('complaint', 'misunderstanding', True))
        self.assertFalse(needs_approval('complaint', 'mistake', False))
        self.assertFalse(needs_approval('consultation', 'mistake', True))
