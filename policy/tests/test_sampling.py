import datetime
import unittest

from .. import sampling


class TestSampling(unittest.TestCase):
    """The monthly spot-check sample: share, seed, one per handler."""

    def test_share_range(self):
        """Shares outside 0-100 %, NaN and non-numbers are refused."""
        for share in (0, 10, 100, 12.5):
            self.assertFalse(sampling.share_problems(share), share)
        for share in (-1, 100.1, float('nan'), '10', None, True):
            self.assertTrue(sampling.share_problems(share), share)

    def test_previous_month(self):
        """The sample is of the previous month, across a year."""
        self.assertEqual(sampling.previous_month(datetime.date(2026, 1, 5)),
                         (datetime.date(2025, 12, 1), datetime.date(2026, 1, 1), '2025-12'))

    def test_reproducible_and_one_per_handler(self):
        """The same seed draws the same sample; every handler has at least one; the share is respected."""
        tickets = [(i, 1) for i in range(1, 41)] + [(100, 2)]
        first = sampling.draw(tickets, 10, sampling.seed('2026-02', 1))
        self.assertEqual(first, sampling.draw(list(reversed(tickets)), 10, sampling.seed('2026-02', 1)))
        self.assertIn(100, first)
        self.assertGreaterEqual(len(first), 5)
        self.assertLessEqual(len(first), 6)
        self.assertNotEqual(first, sampling.draw(tickets, 10, sampling.seed('2026-03', 1)))

    def test_zero_and_full_share(self):
        """0 % draws nothing, 100 % everything."""
        tickets = [(1, 1), (2, 2)]
        self.assertEqual(sampling.draw(tickets, 0, 's'), [])
        self.assertEqual(sampling.draw(tickets, 100, 's'), [1, 2])
        self.assertEqual(sampling.draw([], 50, 's'), [])
