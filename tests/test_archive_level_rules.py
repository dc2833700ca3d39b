from ..policy import archives as archive_policy
from .archive_common import CsArchiveCase


class TestArchiveLevelRules(CsArchiveCase):
    """The managers' record rules are the policy's ladder: what role_reads allows, nothing else."""

    @classmethod
    def setUpClass(cls):
        super(TestArchiveLevelRules, cls).setUpClass()
        cls.archives = cls.Archive.browse()
        for level in archive_policy.LEVELS:
            cls.archives |= cls._archive('密级客户 %s' % level, level)

    def test_rules_are_written_from_the_policy(self):
        """Each level rule in the database holds the domain policy.read_domain gives."""
        for xmlid, domain in self.Archive._cs_level_rules().items():
            self.assertEqual(self.env.ref(xmlid).domain_force, repr(domain))

    def test_manager_reads_what_the_policy_allows(self):
        """A manager's search finds the archives, and their consultations, of exactly the levels role_reads allows."""
        allowed = [lv for lv in archive_policy.LEVELS if archive_policy.role_reads(archive_policy.MANAGER, lv)]
        self.assertEqual(allowed, ['secret', 'confidential'])  # top secret hidden: the rule must hide something
        found = self.Archive.sudo(self.manager).search([('id', 'in', self.archives.ids)])
        self.assertEqual(sorted(found.sudo().mapped('cs_confidentiality')), sorted(allowed))
        self.archives.sudo(self.gm).read(['organisation'])  # the GM reads all three: three consultations
        logs = self.Log.sudo(self.manager).search([('archive_id', 'in', self.archives.ids)])
        self.assertEqual(sorted(logs.sudo().mapped('level')), sorted(allowed))

    def test_sync_restores_an_edited_rule(self):
        """A rule edited by hand is written back from the policy on the next update."""
        rule = self.env.ref('customer_service_mgmt.cs_customer_archive_manager_rule')
        rule.write({'domain_force': "[(1, '=', 1)]"})
        self.Archive._cs_sync_level_rules()
        self.assertEqual(rule.domain_force, repr(archive_policy.read_domain(archive_policy.MANAGER,
                                                                            'cs_confidentiality')))
