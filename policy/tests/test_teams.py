"""Which tickets the policy governs (POLICY §2), without a database."""
import unittest

from ..teams import governed, governed_domain, governed_sql


class TestGoverned(unittest.TestCase):

    def test_customer_service_team_or_none(self):
        """A ticket without a team or of a customer-service team is governed; one of another team is not."""
        self.assertTrue(governed(False, False))
        self.assertTrue(governed(True, True))
        self.assertFalse(governed(True, False))

    def test_queries(self):
        """The SQL condition and the domain read the stored flag; an alias is an identifier only."""
        self.assertEqual(governed_sql('t'), 't.cs_governed')
        self.assertEqual(governed_domain(), [('cs_governed', '=', True)])
        with self.assertRaises(ValueError):
            governed_sql('t; DROP TABLE x')
