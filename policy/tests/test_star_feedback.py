import unittest
from collections import namedtuple

from .. import star_feedback as sf

Candidate = namedtuple('Candidate', 'user')


class TestStarFeedback(unittest.TestCase):
    """The three-party feedback of the service star."""

    def test_score_and_period(self):
        """Scores are 1-5, periods YYYY-MM."""
        self.assertFalse(sf.score_problems(4.5))
        for bad in (0, 5.5, float('nan'), '5', None, True):
            self.assertTrue(sf.score_problems(bad), bad)
        self.assertFalse(sf.period_problems('2026-02'))
        for bad in ('2026-13', '2026-2', 202602, None):
            self.assertTrue(sf.period_problems(bad), bad)

    def test_parties_count_the_same(self):
        """Each party's average counts once, however many scores it gave."""
        self.assertEqual(sf.feedback_score([('customer', 5), ('customer', 5), ('customer', 5), ('agent', 3)]), 4.0)
        self.assertIsNone(sf.feedback_score([]))

    def test_feedback_ranks_first(self):
        """Feedback decides; ties keep the indicators' order; no feedback ranks last."""
        ranking = [Candidate(1), Candidate(2), Candidate(3), Candidate(4)]
        ranked = sf.rank_with_feedback(ranking, {2: 4.0, 3: 4.5, 4: 4.0})
        self.assertEqual([c.user for c in ranked], [3, 2, 4, 1])
