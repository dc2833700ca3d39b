import datetime
import unittest

from .. import followups as fp


class TestFollowups(unittest.TestCase):
    """The follow-through rules of suggestions, referrals, dissatisfied customers and corrective actions."""

    def test_suggestion_needs_adoption_and_reason(self):
        """A suggestion closes only with adopted / not adopted and a reason; other kinds are untouched."""
        self.assertEqual(fp.suggestion_closing_problems('suggestion', False, '')[0].values['fields'],
                         ('cs_adoption', 'cs_adoption_reason'))
        self.assertTrue(fp.suggestion_closing_problems('suggestion', 'adopted', '\u3000'))
        self.assertFalse(fp.suggestion_closing_problems('suggestion', 'not_adopted', '成本过高'))
        self.assertFalse(fp.suggestion_closing_problems('complaint', False, ''))

    def test_instruction_by_leader_only(self):
        """Only the leader writes a non-empty instruction on a suggestion."""
        self.assertFalse(fp.instruction_problems('suggestion', True, '同意，下月实施'))
        rules = {p.rule for p in fp.instruction_problems('complaint', False, ' ')}
        self.assertEqual(rules, {'instruction_not_suggestion', 'instruction_not_leader', 'instruction_blank'})

    def test_referral_rules(self):
        """A product or other-department finding needs its answered request; any request must be answered."""
        self.assertEqual(fp.referral_department('complaint', 'product'), 'product')
        self.assertEqual(fp.referral_department('complaint', 'other_department'), 'group_cs')
        self.assertIsNone(fp.referral_department('complaint', 'mistake'))
        self.assertEqual([p.rule for p in fp.referral_closing_problems('complaint', 'product', [])],
                         ['referral_missing'])
        self.assertEqual([p.rule for p in fp.referral_closing_problems('complaint', 'product',
                                                                       [('product', False)])],
                         ['referral_unanswered'])
        self.assertFalse(fp.referral_closing_problems('complaint', 'product', [('product', True)]))
        self.assertEqual([p.rule for p in fp.referral_closing_problems('complaint', 'mistake',
                                                                       [('group_cs', False)])],
                         ['referral_unanswered'])

    def test_dissatisfied_needs_followup(self):
        """Closing a dissatisfied complaint needs a re-handling or a revisit."""
        self.assertTrue(fp.dissatisfied_closing_problems('complaint', 'dissatisfied', False))
        self.assertFalse(fp.dissatisfied_closing_problems('complaint', 'dissatisfied', 'revisit'))
        self.assertFalse(fp.dissatisfied_closing_problems('complaint', 'satisfied', False))
        rules = {p.rule for p in fp.followup_problems('complaint', 'satisfied', 'other', '')}
        self.assertEqual(rules, {'followup_not_dissatisfied', 'followup_mode', 'followup_no_note'})
        self.assertFalse(fp.followup_problems('complaint', 'dissatisfied', 'rehandle', '重新核实'))

    def test_action_overdue_and_verification(self):
        """An open action past its due date is overdue; a quality supervisor other than the owner verifies once."""
        today = datetime.date(2026, 3, 10)
        self.assertTrue(fp.action_overdue(datetime.date(2026, 3, 9), False, today))
        self.assertFalse(fp.action_overdue(datetime.date(2026, 3, 10), False, today))
        self.assertFalse(fp.action_overdue(datetime.date(2026, 3, 9), True, today))
        self.assertFalse(fp.verification_problems(True, False, True, False))
        self.assertEqual([p.rule for p in fp.verification_problems(True, True, False, True)],
                         ['verify_own_action', 'verify_not_done', 'verify_twice'])
        self.assertEqual([p.rule for p in fp.verification_problems(False, False, True, False)],
                         ['verify_not_quality'])
