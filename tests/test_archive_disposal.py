from odoo.exceptions import AccessError, UserError, ValidationError

from .archive_common import CsArchiveCase


class TestArchiveDisposal(CsArchiveCase):
    """Disposal needs the information supervisor, the CS manager and the general manager, in any order."""

    @classmethod
    def setUpClass(cls):
        super(TestArchiveDisposal, cls).setUpClass()
        cls.archive = cls._archive('过时客户', 'secret', cls.agent)
        cls.request = cls.env['cs.archive.disposal'].sudo(cls.manager).create({
            'archive_id': cls.archive.id, 'reason': '客户已注销五年'})

    def test_three_approvals_any_order(self):
        """GM, then information supervisor, then manager: the archive is archived, not deleted."""
        self.request.sudo(self.gm).action_approve_gm()
        self.request.sudo(self.info).action_approve_info_supervisor()
        self.assertTrue(self.archive.active)
        self.assertEqual(self.request.state, 'draft')
        self.request.sudo(self.manager).action_approve_manager()
        self.assertEqual(self.request.state, 'done')
        self.assertFalse(self.archive.active)
        self.assertTrue(self.archive.exists())
        self.assertEqual({(a.role, a.user_id) for a in self.request.approval_ids},
                         {('gm', self.gm), ('info_supervisor', self.info), ('manager', self.manager)})

    def test_missing_approval_keeps_archive(self):
        """With an approval missing the archive stays, and the missing role is shown."""
        self.request.sudo(self.info).action_approve_info_supervisor()
        self.request.sudo(self.manager).action_approve_manager()
        self.assertTrue(self.archive.active)
        self.assertEqual(self.request.with_context(lang='zh_CN').missing_approvals, '总经理')

    def test_same_person_twice_refused(self):
        """The general manager (also a manager) cannot give a second approval; nothing is written."""
        self.request.sudo(self.gm).action_approve_gm()
        with self.assertRaisesRegex(UserError, '已经批准'), self.env.cr.savepoint():
            self.request.sudo(self.gm).action_approve_manager()
        self.assertEqual(len(self.request.approval_ids), 1)

    def test_role_required(self):
        """An agent cannot approve as manager."""
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.request.sudo(self.agent).action_approve_manager()
        self.assertFalse(self.request.approval_ids)

    def test_direct_archiving_refused(self):
        """Archiving an archive by hand, even by the general manager, is refused."""
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.archive.sudo(self.gm).write({'active': False})
        self.assertTrue(self.archive.active)

    def test_never_deleted(self):
        """Neither the archive nor the request can be deleted."""
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.archive.unlink()
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.request.unlink()
        self.assertTrue(self.archive.exists() and self.request.exists())

    def test_reason_required(self):
        """A request without a reason (spaces, an ideographic space) is refused."""
        for reason in (' ', '\u3000'):
            with self.subTest(reason=repr(reason)), self.assertRaises(UserError), self.env.cr.savepoint():
                self.env['cs.archive.disposal'].sudo(self.manager).create(
                    {'archive_id': self.archive.id, 'reason': reason})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env['cs.archive.disposal'].sudo(self.manager).create({'archive_id': self.archive.id, 'reason': ''})
