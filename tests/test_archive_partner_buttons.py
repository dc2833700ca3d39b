from odoo.exceptions import AccessError

from .archive_common import CsArchiveCase


class TestArchivePartnerButtons(CsArchiveCase):
    """The customer form's smart buttons and what stays readable on the partner."""

    def test_open_creates_and_asks_purpose(self):
        """The Archive button creates a general customer's archive for a manager and asks the purpose."""
        partner = self._customer('新客户', 'secret', self.agent)
        action = self.contact.browse(partner.id).sudo(self.manager).action_cs_open_archive()
        archive = self.Archive.search([('partner_id', '=', partner.id)])
        self.assertEqual(action['res_model'], 'cs.archive.access.wizard')
        self.assertEqual(action['context']['default_archive_id'], archive.id)

    def test_open_confidential_asks_purpose(self):
        """From a contact of a key customer, a manager is asked for the purpose first."""
        archive = self._archive('重点客户', 'confidential', self.agent)
        contact = self.env['res.partner'].create({'name': '联系人', 'parent_id': archive.partner_id.id})
        action = contact.sudo(self.manager).action_cs_open_archive()
        self.assertEqual(action['res_model'], 'cs.archive.access.wizard')
        self.assertEqual(action['context']['default_archive_id'], archive.id)

    def test_open_above_level_refused(self):
        """An agent cannot open the archive of their own customer, nor create one."""
        self._archive('VIP客户', 'top_secret', self.agent)
        partner = self.Archive.search([('partner_id.name', '=', 'VIP客户')]).partner_id
        with self.assertRaises(AccessError):
            partner.sudo(self.agent).action_cs_open_archive()
        bare = self._customer('普通客户', 'secret', self.agent)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            bare.sudo(self.agent).action_cs_open_archive()
        self.assertFalse(self.Archive.search([('partner_id', '=', bare.id)]))

    def test_partner_stays_readable(self):
        """A plain user still reads every field this addon adds to a customer with an archive and decisions."""
        self.Archive.create({'partner_id': self.customer.id})
        self.env['cs.partner.decision'].create({
            'partner_id': self.customer.id, 'decision': 'admit', 'reason': '资质合格'})
        # every field of ours the user is allowed to see (some are restricted to customer service by groups)
        visible = self.env['res.partner'].sudo(self.plain).fields_get()
        ours = [name for name in visible if name.startswith('cs_')]
        values = self.customer.sudo(self.plain).read(ours)[0]
        self.assertEqual(values['cs_decision_count'], 1)
        self.assertEqual(values['cs_admission_state'], 'admitted')

    def test_copy_starts_as_prospect(self):
        """A copy of a blacklisted, rated customer starts unrated and as a prospect."""
        self.customer.write({'cs_credit_rating': 'D'})
        self.env['cs.partner.decision'].create({
            'partner_id': self.customer.id, 'decision': 'blacklist', 'reason': '欺诈'})
        copy = self.customer.sudo(self.agent).copy().sudo()
        self.assertEqual((copy.cs_admission_state, copy.cs_credit_rating), ('prospect', False))
