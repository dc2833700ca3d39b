from odoo.exceptions import AccessError

from .archive_common import CsArchiveCase

SECRET = '董事长王五，年采购额八千万'


class TestArchiveDisposalDestroy(CsArchiveCase):
    """After the three approvals the content and its history are destroyed; cover, approvals, register stay."""

    @classmethod
    def setUpClass(cls):
        super(TestArchiveDisposalDestroy, cls).setUpClass()
        cls.archive = cls._archive('销毁客户', 'secret', organisation=SECRET, credit_notes='信用良好\n付款及时可靠')
        cls.archive.sudo(cls.manager).with_context(cs_access_purpose='核对').read(['organisation'])
        # history a careless user left: a chatter note quoting the content, a tracking value of it
        cls.note = cls.archive.sudo(cls.manager).message_post(body='<p>记录：%s</p>' % SECRET)
        cls.tracking = cls.env['mail.tracking.value'].create({
            'mail_message_id': cls.note.id, 'field': 'organisation', 'field_desc': '组织', 'field_type': 'text',
            'old_value_text': SECRET, 'new_value_text': '新'})
        cls.elsewhere = cls.archive.partner_id.message_post(body='<p>付款及时可靠</p>')
        cls.request = cls.env['cs.archive.disposal'].sudo(cls.manager).create({
            'archive_id': cls.archive.id, 'reason': '客户已注销五年'})

    def _content(self):
        self.env.cr.execute('SELECT organisation, credit_notes FROM cs_customer_archive WHERE id = %s',
                            (self.archive.id,))
        return self.env.cr.fetchone()

    def test_destroyed_after_three_approvals(self):
        """Info supervisor, manager, GM approve: content NULL, tracking and quoting messages erased."""
        logs = self._logs(self.archive)
        self.request.sudo(self.info).action_approve_info_supervisor()
        self.request.sudo(self.manager).action_approve_manager()
        self.assertEqual(self._content(), (SECRET, '信用良好\n付款及时可靠'))
        self.request.sudo(self.gm).action_approve_gm()
        self.assertEqual(self._content(), (None, None))
        self.assertFalse(self.tracking.exists())
        self.assertNotIn('王五', self.note.body)
        self.assertNotIn('付款及时', self.elsewhere.body)
        self.env.cr.execute("SELECT count(*) FROM mail_tracking_value WHERE old_value_text LIKE %s",
                            ('%王五%',))
        self.assertEqual(self.env.cr.fetchone()[0], 0)
        # the cover, the approvals and the register stay
        self.assertEqual(self.archive.partner_id.name, '销毁客户')
        self.assertEqual(len(self.request.approval_ids), 3)
        self.assertEqual(self._logs(self.archive), logs)
        self.assertFalse(self.Archive.sudo(self.gm).with_context(active_test=False).browse(
            self.archive.id).read(['organisation'])[0]['organisation'])

    def test_two_approvals_destroy_nothing(self):
        """Without the GM's approval the content stays."""
        self.request.sudo(self.info).action_approve_info_supervisor()
        self.request.sudo(self.manager).action_approve_manager()
        self.assertEqual(self._content()[0], SECRET)
        self.assertTrue(self.tracking.exists())

    def test_wrong_approver_destroys_nothing(self):
        """The information supervisor giving the GM's approval is refused: nothing destroyed."""
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.request.sudo(self.info).action_approve_gm()
        self.assertEqual(self._content()[0], SECRET)
