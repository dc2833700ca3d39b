"""The compliance check's rules (POLICY §2-§5) as SQL, without a database."""
import unittest

from .. import compliance


class TestComplianceRules(unittest.TestCase):

    def test_every_rule_has_a_select(self):
        """Each of the seven rules yields at least one SELECT; the parts fit the id scheme."""
        parts = compliance.parts()
        self.assertEqual({rule for rule, _sql in parts}, set(compliance.RULES))
        self.assertLessEqual(len(parts), compliance.MAX_PARTS)

    def test_rules_read_the_policy_terms(self):
        """The SELECTs use the policy's own terms: the follow-ups, the important tiers, compensation."""
        sql = dict(compliance.parts())
        self.assertIn("'rehandle', 'revisit'", sql[compliance.DISSATISFIED_NO_FOLLOWUP])
        self.assertIn("'vip', 'key'", sql[compliance.IMPORTANT_NOT_VISITED])
        self.assertIn("IS DISTINCT FROM 'compensation'", sql[compliance.FINE_OUT_OF_BAND])
        self.assertIn('t.cs_governed', sql[compliance.TICKET_OVERDUE])

    def test_view_ids_are_unique_per_part(self):
        """A row's id is its source id * 16 + its part: two parts never share an id."""
        view = compliance.view_sql()
        for index in range(len(compliance.parts())):
            self.assertIn('r.source_id * 16 + %d AS id' % index, view)
