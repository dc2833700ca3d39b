from odoo.exceptions import AccessError, ValidationError

from .archive_common import CsArchiveCase


class TestArchiveConfidentiality(CsArchiveCase):
    """The archive's level follows the customer's tier, with a manager's override and reason."""

    def test_level_by_tier(self):
        """General and reserve customers are secret, key confidential, VIP top secret."""
        for level in ('secret', 'confidential', 'top_secret'):
            with self.subTest(level=level):
                self.assertEqual(self._archive('客户 %s' % level, level).cs_confidentiality, level)
        reserve = self.Archive.create({'partner_id': self.customer.id})
        self.assertEqual(self.customer.cs_tier_id, self.tier['reserve'])
        self.assertEqual(reserve.cs_confidentiality, 'secret')

    def test_follows_nightly_recompute(self):
        """When the nightly SQL recompute makes a customer VIP, its archive is top secret at once: the
        manager who read it loses access."""
        partner = self.env['res.partner'].create({
            'name': '成长客户', 'is_company': True, 'customer': True, 'user_id': self.agent.id})
        archive = self.Archive.create({'partner_id': partner.id})
        self.assertEqual(self.Archive.sudo(self.manager).search([('partner_id', '=', partner.id)]), archive)
        self._invoice(partner, 600000)
        partner.cs_recompute_tiers()
        self.assertEqual(partner.cs_tier_id, self.tier['vip'])
        self.assertEqual(archive.cs_confidentiality, 'top_secret')
        self.assertFalse(self.Archive.sudo(self.manager).search([('partner_id', '=', partner.id)]))
        self.assertEqual(self.Archive.search([('cs_confidentiality', '=', 'top_secret'),
                                              ('partner_id', '=', partner.id)]), archive)

    def test_manager_override_with_reason(self):
        """A manager raises a general customer's archive to confidential with a reason; it is tracked. Top
        secret is the general manager's to set: then the manager no longer reads it."""
        archive = self._archive('特殊客户', 'secret', self.agent)
        archive.sudo(self.manager).write({'confidentiality_override': 'confidential',
                                          'confidentiality_reason': '涉及特殊营销策略'})
        self.assertEqual(archive.cs_confidentiality, 'confidential')
        self.assertIn('confidentiality_override', archive.message_ids.mapped('tracking_value_ids.field'))
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            archive.sudo(self.manager).write({'confidentiality_override': 'top_secret'})
        archive.sudo(self.gm).write({'confidentiality_override': 'top_secret'})
        self.assertFalse(self.Archive.sudo(self.manager).search([('id', '=', archive.id)]))

    def test_only_gm_lowers(self):
        """A manager cannot lower a key customer's archive to secret; the general manager can."""
        archive = self._archive('重点客户', 'confidential', self.agent)
        with self.assertRaisesRegex(AccessError, '总经理'), self.env.cr.savepoint():
            archive.sudo(self.manager).write({'confidentiality_override': 'secret',
                                              'confidentiality_reason': '降密'})
        archive.invalidate_cache()
        self.assertEqual(archive.cs_confidentiality, 'confidential')
        archive.sudo(self.gm).write({'confidentiality_override': 'secret', 'confidentiality_reason': '客户已停业'})
        self.assertEqual(archive.cs_confidentiality, 'secret')

    def test_override_needs_reason(self):
        """An override without a reason is refused and nothing is written."""
        archive = self._archive('无理由客户', 'secret', self.agent)
        with self.assertRaisesRegex(ValidationError, '需要填写原因'), self.env.cr.savepoint():
            archive.sudo(self.manager).write({'confidentiality_override': 'confidential'})
        archive.invalidate_cache()
        self.assertEqual(archive.cs_confidentiality, 'secret')

    def test_agent_cannot_override(self):
        """Only managers set the level by hand."""
        archive = self._archive('代理客户', 'secret', self.agent)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            archive.sudo(self.agent).write({'confidentiality_override': 'secret', 'confidentiality_reason': 'x'})
        archive.invalidate_cache()
        self.assertFalse(archive.confidentiality_override)

    def test_one_archive_per_customer(self):
        """A customer has one archive, kept on the company, not on a contact."""
        self.Archive.create({'partner_id': self.customer.id})
        with self.assertRaises(Exception), self.env.cr.savepoint():
            self.Archive.create({'partner_id': self.customer.id})
        with self.assertRaisesRegex(ValidationError, '一个客户一份档案'), self.env.cr.savepoint():
            self.Archive.create({'partner_id': self.contact.id})
