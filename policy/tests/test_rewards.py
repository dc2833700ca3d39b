"""Penalty bands, proposals, half-year award and service-star ranking (POLICY §4), without a database."""
import datetime
import unittest

from ..rewards import (
    PenaltyBand, StarMetrics, award_candidates, check_amount, half_year, may_award, proposals,
    star_ranking, validate_band)

PERSON = PenaltyBand('person', 200, 1000)
MANAGER = PenaltyBand('manager', 100, 500)


def rules(problems):
    return [p.rule for p in problems]


class TestBands(unittest.TestCase):

    def test_fine_within_band_bounds_included(self):
        """200 and 1000 are valid fines for the person concerned, 199 and 1001 are not."""
        self.assertEqual(check_amount('penalty', 'complaint', 200, PERSON), [])
        self.assertEqual(check_amount('penalty', 'complaint', 1000, PERSON), [])
        self.assertEqual(rules(check_amount('penalty', 'complaint', 199, PERSON)), ['out_of_band'])
        self.assertEqual(rules(check_amount('penalty', 'complaint', 1001, PERSON)), ['out_of_band'])

    def test_manager_band(self):
        """The first responsible manager's band is 100-500."""
        self.assertEqual(check_amount('penalty', 'complaint', 100, MANAGER), [])
        self.assertEqual(rules(check_amount('penalty', 'complaint', 600, MANAGER)), ['out_of_band'])

    def test_negative_refused_for_every_kind(self):
        """No record carries a negative amount."""
        for kind in ('reward', 'penalty', 'sanction'):
            self.assertEqual(rules(check_amount(kind, 'other', -1, PERSON)), ['negative'])

    def test_sanction_has_no_amount(self):
        """A verbal warning or rating downgrade carries no amount."""
        self.assertEqual(check_amount('sanction', 'complaint', 0), [])
        self.assertEqual(rules(check_amount('sanction', 'complaint', 50)), ['sanction_amount'])

    def test_compensation_outside_band(self):
        """Compensation of an economic loss is not bounded by the band but must be positive."""
        self.assertEqual(check_amount('penalty', 'compensation', 25000), [])
        self.assertEqual(rules(check_amount('penalty', 'compensation', 0)), ['compensation_zero'])

    def test_fine_needs_band(self):
        """A fine without a band role cannot be checked and is refused."""
        self.assertEqual(rules(check_amount('penalty', 'complaint', 300)), ['no_band'])

    def test_reward_any_positive_amount(self):
        """Rewards are not banded."""
        self.assertEqual(check_amount('reward', 'half_year_award', 5000), [])

    def test_band_validation(self):
        """A band's minimum may not exceed its maximum, and bounds are not negative."""
        self.assertEqual(validate_band(PERSON), [])
        self.assertEqual(rules(validate_band(PenaltyBand('person', 500, 100))), ['band_inverted'])
        self.assertEqual(rules(validate_band(PenaltyBand('person', -5, 100))), ['band_negative'])


class TestProposals(unittest.TestCase):

    def test_violation_and_mistake_propose(self):
        """Violation and mistake findings propose a fine for each accused and one for the manager."""
        for finding in ('violation', 'mistake'):
            self.assertEqual(proposals(finding, [7, 5], 9, [PERSON, MANAGER]), [
                (5, 'person', 200), (7, 'person', 200), (9, 'manager', 100)])

    def test_other_findings_propose_nothing(self):
        """Customer misunderstanding, product problem and other department bring no fine."""
        for finding in ('misunderstanding', 'product', 'other_department', False, None):
            self.assertEqual(proposals(finding, [5], 9, [PERSON, MANAGER]), [])

    def test_manager_accused_fined_once(self):
        """An accused manager is fined as the person concerned only."""
        self.assertEqual(proposals('violation', [9], 9, [PERSON, MANAGER]), [(9, 'person', 200)])

    def test_no_manager(self):
        """Without a known manager only the accused are proposed."""
        self.assertEqual(proposals('mistake', [5], None, [PERSON, MANAGER]), [(5, 'person', 200)])


class TestHalfYearAward(unittest.TestCase):

    def test_half_year_bounds(self):
        """30 June is in H1, 1 July starts H2."""
        self.assertEqual(half_year(datetime.date(2026, 6, 30)),
                         (datetime.date(2026, 1, 1), datetime.date(2026, 6, 30), '2026-H1'))
        self.assertEqual(half_year(datetime.date(2026, 7, 1))[2], '2026-H2')

    def test_two_written_praises_qualify(self):
        """Two or more written praises qualify, one does not."""
        self.assertEqual(award_candidates({1: 2, 2: 1, 3: 5}), {1: 'praise', 3: 'praise'})

    def test_best_visit_score_qualifies(self):
        """The best visit-survey score qualifies too, ties included."""
        self.assertEqual(award_candidates({1: 2}, {2: 4.5, 3: 4.5, 4: 3.0}),
                         {1: 'praise', 2: 'visit_score', 3: 'visit_score'})

    def test_configured_threshold(self):
        """The minimum number of written praises is configurable."""
        self.assertEqual(award_candidates({1: 2, 2: 3}, min_written=3), {2: 'praise'})

    def test_override_needs_reason(self):
        """A non-candidate may be awarded only with a manager's reason."""
        self.assertEqual(rules(may_award(2, {1: 'praise'})), ['not_candidate'])
        self.assertEqual(rules(may_award(2, {1: 'praise'}, '  ')), ['not_candidate'])
        self.assertEqual(may_award(2, {1: 'praise'}, '客户送锦旗'), [])
        self.assertEqual(may_award(1, {1: 'praise'}), [])


class TestServiceStar(unittest.TestCase):

    def test_ranking_order(self):
        """Praises first, then satisfaction, on-time rate, handled tickets; complained-about staff out."""
        ranked = star_ranking([
            StarMetrics(1, 0, 2, 4.0, 10, 90.0),
            StarMetrics(2, 0, 3, 3.0, 5, 80.0),
            StarMetrics(3, 1, 9, 5.0, 20, 100.0),
            StarMetrics(4, 0, 2, 4.5, 1, None),
            StarMetrics(5, 0, 2, 4.0, 12, 90.0),
            StarMetrics(6, 0, 0, None, 0, None),
        ])
        self.assertEqual([m.user for m in ranked], [2, 4, 5, 1, 6])
