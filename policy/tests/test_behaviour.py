"""Behaviour classes loyal / satisfied / ordinary / lost (POLICY §1), without a database."""
import unittest

from ..behaviour import Facts, Params, average_satisfaction, classify


class TestBehaviour(unittest.TestCase):

    def test_lost_after_a_year_without_purchase(self):
        """A former buyer silent for 12 months is lost, whatever the satisfaction."""
        self.assertEqual(classify(Facts(0, 12, 0, 0, 5.0)), 'lost')
        self.assertNotEqual(classify(Facts(1, 11, 0, 0, 5.0)), 'lost')

    def test_prospect_is_ordinary(self):
        """Someone who never bought is ordinary, not lost."""
        self.assertEqual(classify(Facts(0, None, 0, 0, None)), 'ordinary')

    def test_frequent_content_buyer_is_loyal(self):
        """Four purchases a year and nobody dissatisfied make a loyal customer."""
        self.assertEqual(classify(Facts(4, 1, 0, 0, None)), 'loyal')
        self.assertEqual(classify(Facts(6, 0, 2, 0, 4.5)), 'loyal')

    def test_dissatisfied_complaint_breaks_loyalty(self):
        """A complaint closed with a dissatisfied opinion makes a frequent buyer ordinary."""
        self.assertEqual(classify(Facts(6, 0, 1, 1, None)), 'ordinary')

    def test_low_satisfaction_breaks_loyalty(self):
        """A measured satisfaction below the threshold is not loyal nor satisfied."""
        self.assertEqual(classify(Facts(6, 0, 0, 0, 3.0)), 'ordinary')

    def test_satisfied_needs_measured_satisfaction(self):
        """An occasional buyer with good measured satisfaction is satisfied; without figures ordinary."""
        self.assertEqual(classify(Facts(1, 2, 0, 0, 4.0)), 'satisfied')
        self.assertEqual(classify(Facts(1, 2, 0, 0, None)), 'ordinary')

    def test_configured_thresholds(self):
        """Thresholds come from the company's parameters."""
        params = Params(loyal_purchases=2, lost_months=6, satisfied_score=3.0)
        self.assertEqual(classify(Facts(2, 1, 0, 0, None), params), 'loyal')
        self.assertEqual(classify(Facts(1, 6, 0, 0, 5.0), params), 'lost')
        self.assertEqual(classify(Facts(1, 1, 0, 0, 3.0), params), 'satisfied')

    def test_average_satisfaction(self):
        """Complaint opinions map to 5/3/1 and average with visit scores."""
        self.assertEqual(average_satisfaction(['satisfied', 'dissatisfied'], [3]), 3.0)
        self.assertIsNone(average_satisfaction([], []))
