"""Archive confidentiality, review quarters, disposal approvals and admission states (POLICY §5)."""
import datetime
import unittest

from .. import archives as p


class TestLevels(unittest.TestCase):

    def test_ladder(self):
        """Only managers and above read archives: managers up to confidential, the GM everything."""
        self.assertEqual(p.readable_levels(p.ROLE_CEILING.get(p.AGENT)), ())
        self.assertEqual(p.readable_levels(p.ROLE_CEILING.get(p.SALESPERSON)), ())
        self.assertEqual(p.readable_levels(p.ROLE_CEILING[p.MANAGER]), ('secret', 'confidential'))
        self.assertEqual(p.readable_levels(p.ROLE_CEILING[p.GM]), p.LEVELS)
        self.assertFalse(p.role_reads(p.INFO_SUPERVISOR, 'secret'))
        self.assertTrue(p.role_reads(p.MANAGER, 'confidential'))
        self.assertFalse(p.role_reads(p.MANAGER, 'top_secret'))

    def test_read_domain(self):
        """The manager's rule reads secret and confidential; a role without a ceiling reads nothing."""
        self.assertEqual(p.read_domain(p.MANAGER, 'level'), [('level', 'in', ['secret', 'confidential'])])
        self.assertEqual(p.read_domain(p.AGENT, 'level'), [('level', 'in', [])])

    def test_who_sets_the_level(self):
        """A manager only raises an archive's level, up to confidential; the general manager also lowers it
        or makes it top secret; agents neither."""
        self.assertTrue(p.may_set_level(p.MANAGER, 'secret', 'confidential'))
        self.assertFalse(p.may_set_level(p.MANAGER, 'secret', 'top_secret'))
        self.assertFalse(p.may_set_level(p.MANAGER, 'confidential', 'secret'))
        self.assertTrue(p.may_set_level(p.GM, 'top_secret', 'secret'))
        self.assertFalse(p.may_set_level(p.AGENT, 'secret', 'top_secret'))

    def test_override_wins(self):
        """A manager's override replaces the tier's level; no tier means secret."""
        self.assertEqual(p.effective_level('confidential', 'top_secret'), 'top_secret')
        self.assertEqual(p.effective_level('top_secret', None), 'top_secret')
        self.assertEqual(p.effective_level(None, None), 'secret')

    def test_logged_levels(self):
        """Every level's reads are registered, secret too."""
        self.assertEqual(p.LOGGED_LEVELS, p.LEVELS)


class TestQuarter(unittest.TestCase):

    def test_quarter_keys(self):
        """Dates map to their quarter and its first day."""
        self.assertEqual(p.quarter_of(datetime.date(2026, 3, 31)), '2026-Q1')
        self.assertEqual(p.quarter_of(datetime.date(2026, 4, 1)), '2026-Q2')
        self.assertEqual(p.quarter_start(datetime.date(2026, 11, 22)), datetime.date(2026, 10, 1))

    def test_needs_review(self):
        """Reviewed before this quarter and not yet asked this quarter: a review is due."""
        today = datetime.date(2026, 11, 22)
        self.assertTrue(p.needs_review(None, None, today))
        self.assertTrue(p.needs_review(datetime.date(2026, 9, 30), '2026-Q3', today))
        self.assertFalse(p.needs_review(datetime.date(2026, 10, 1), None, today))
        self.assertFalse(p.needs_review(None, '2026-Q4', today))


class TestDisposal(unittest.TestCase):

    def test_any_order(self):
        """The three approvals come in any order; missing ones are listed."""
        approvals = [(p.GM, 3), (p.INFO_SUPERVISOR, 1)]
        self.assertEqual(p.check_approval(p.MANAGER, 2, approvals), [])
        self.assertEqual(p.missing_approvals(approvals), [p.MANAGER])
        self.assertEqual(p.missing_approvals(approvals + [(p.MANAGER, 2)]), [])

    def test_same_person_or_role_twice(self):
        """One person approves once, and each role once."""
        approvals = [(p.MANAGER, 2)]
        self.assertEqual([x.rule for x in p.check_approval(p.GM, 2, approvals)], ['person_twice'])
        self.assertEqual([x.rule for x in p.check_approval(p.MANAGER, 5, approvals)], ['role_twice'])


class TestAdmission(unittest.TestCase):

    def test_transitions(self):
        """Admit, blacklist, reinstate and exit lead where the policy says."""
        self.assertEqual(p.next_admission_state(None, p.ADMIT), p.ADMITTED)
        self.assertEqual(p.next_admission_state(p.ADMITTED, p.BLACKLIST), p.BLACKLISTED)
        self.assertEqual(p.next_admission_state(p.BLACKLISTED, p.REINSTATE), p.ADMITTED)
        self.assertEqual(p.next_admission_state(p.ADMITTED, p.EXIT), p.EXITED)

    def test_inapplicable(self):
        """Reinstating a customer who is not blacklisted, or blacklisting twice, is refused."""
        self.assertEqual(p.next_admission_state(p.ADMITTED, p.REINSTATE).rule, 'not_applicable')
        self.assertEqual(p.next_admission_state(p.BLACKLISTED, p.BLACKLIST).rule, 'not_applicable')
