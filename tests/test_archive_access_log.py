from odoo.exceptions import AccessError, UserError

from .archive_common import CsArchiveCase


class TestArchiveAccessLog(CsArchiveCase):
    """Every read of an archive's content, whatever its level, is registered exactly once."""

    @classmethod
    def setUpClass(cls):
        super(TestArchiveAccessLog, cls).setUpClass()
        cls.key = cls._archive('重点客户甲', 'confidential', cls.agent)
        cls.key2 = cls._archive('重点客户乙', 'confidential', cls.agent)
        cls.vip = cls._archive('VIP客户丙', 'top_secret', cls.agent)
        cls.general = cls._archive('一般客户丁', 'secret', cls.agent)

    def test_read_logged_once(self):
        """One read() by a manager writes one line: user, customer, level, time; no purpose via the API."""
        self.key.sudo(self.manager).read()
        log = self._logs(self.key)
        self.assertEqual(len(log), 1)
        self.assertEqual((log.user_id, log.partner_id, log.level), (self.manager, self.key.partner_id, 'confidential'))
        self.assertFalse(log.purpose)
        self.assertTrue(log.access_time)

    def test_each_read_logged(self):
        """Two reads are two lines; a read of two archives is one line per archive."""
        archives = (self.key | self.key2).sudo(self.manager)
        archives.read(['organisation'])
        archives.read(['key_persons'])
        self.assertEqual(len(self._logs(self.key)), 2)
        self.assertEqual(len(self._logs(self.key2)), 2)

    def test_search_read_logged_once(self):
        """search_read (the web client's list and the API's call) registers each archive read once."""
        rows = self.Archive.sudo(self.manager).search_read([('id', '=', self.key.id)], ['organisation'])
        self.assertEqual(len(rows), 1)
        self.assertEqual(len(self._logs(self.key)), 1)

    def test_top_secret_by_gm(self):
        """The general manager's read of a top-secret archive is registered at that level."""
        self.vip.sudo(self.gm).read(['special_strategy'])
        self.assertEqual(self._logs(self.vip).level, 'top_secret')
        self.assertEqual(self._logs(self.vip).user_id, self.gm)

    def test_secret_logged_cover_not(self):
        """A secret archive's read is registered too; the cover (customer, level, review) read by the list
        is not a consultation."""
        self.general.sudo(self.manager).read()
        self.assertEqual(self._logs(self.general).level, 'secret')
        self.key.sudo(self.manager).read(['partner_id', 'cs_confidentiality', 'last_review_date'])
        self.assertFalse(self._logs(self.key))

    def test_field_access_logged(self):
        """Code reaching the content as a user (prefetch) is a consultation too, registered once; the
        server's own access (superuser) is not."""
        self.assertEqual(self.key.sudo(self.manager).organisation, '董事会 - 总经理')
        self.assertEqual(len(self._logs(self.key)), 1)
        self.key2.invalidate_cache()
        self.assertEqual(self.key2.organisation, '董事会 - 总经理')
        self.assertFalse(self._logs(self.key2))

    def test_form_purpose_registered(self):
        """Opening from the form asks for a purpose; the read that follows registers it."""
        action = self.key.sudo(self.manager).action_consult()
        self.assertEqual(action['res_model'], 'cs.archive.access.wizard')
        wizard = self.env['cs.archive.access.wizard'].sudo(self.manager).create({
            'archive_id': self.key.id, 'purpose': '准备续约谈判'})
        form = wizard.action_confirm()
        self.assertEqual(form['res_id'], self.key.id)
        self.key.sudo(self.manager).with_context(form['context']).read()
        self.assertEqual(self._logs(self.key).purpose, '准备续约谈判')

    def test_blank_purpose_refused(self):
        """A blank purpose (spaces, ideographic or zero-width) does not open the archive."""
        for purpose in ('  ', '\u3000', '\u200b'):
            with self.subTest(purpose=repr(purpose)), self.assertRaisesRegex(UserError, '用途'):
                wizard = self.env['cs.archive.access.wizard'].sudo(self.manager).create({
                    'archive_id': self.key.id, 'purpose': purpose})
                wizard.action_confirm()

    def test_secret_asks_purpose_too(self):
        """A secret archive opens through the purpose prompt too: its consultation is registered."""
        action = self.general.sudo(self.manager).action_consult()
        self.assertEqual(action['res_model'], 'cs.archive.access.wizard')

    def test_agent_refused_not_logged(self):
        """An agent consulting even a secret archive of their own customer is refused; nothing registered."""
        for archive in (self.general, self.key):
            with self.assertRaises(AccessError):
                archive.sudo(self.agent).action_consult()
            with self.assertRaises(AccessError):
                self.Archive.sudo(self.agent).browse(archive.id).read(['organisation'])
            self.assertFalse(self._logs(archive))

    def test_export_logged(self):
        """Exporting the content registers a consultation too."""
        self.key.sudo(self.manager).export_data(['partner_id/name', 'organisation'])
        self.assertEqual(len(self._logs(self.key)), 1)

    def test_default_form_is_the_cover(self):
        """Opening an archive from anywhere shows the cover (no content, no consultation) by default."""
        view = self.Archive.sudo(self.manager).fields_view_get(view_type='form')
        self.assertEqual(view['view_id'], self.env.ref('customer_service_mgmt.cs_customer_archive_view_form_cover').id)
        self.assertFalse(set(view['fields']) & {'organisation', 'key_persons', 'special_strategy'})
