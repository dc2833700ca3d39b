from odoo.exceptions import AccessError, UserError

from .archive_common import CsArchiveCase


class TestArchiveLogImmutable(CsArchiveCase):
    """The consultation register is append-only for everyone but the administrator."""

    @classmethod
    def setUpClass(cls):
        super(TestArchiveLogImmutable, cls).setUpClass()
        cls.vip = cls._archive('VIP客户', 'top_secret', cls.agent)
        cls.vip.sudo(cls.gm).with_context(cs_access_purpose='年度审计').read()
        cls.line = cls.Log.search([('archive_id', '=', cls.vip.id)])
        cls.admin_user = cls._user('admin2', 'base.group_system')

    def test_users_cannot_edit_or_delete(self):
        """Managers and the general manager (even the reader) cannot change nor delete a line."""
        for user in (self.manager, self.gm):
            with self.subTest(user=user.login):
                with self.assertRaises((AccessError, UserError)), self.env.cr.savepoint():
                    self.line.sudo(user).write({'purpose': '改过'})
                with self.assertRaises((AccessError, UserError)), self.env.cr.savepoint():
                    self.line.sudo(user).unlink()
        self.line.invalidate_cache()
        self.assertEqual(self.line.purpose, '年度审计')

    def test_override_refuses_even_with_rights(self):
        """The model itself refuses a change by a user that is not the administrator, with a clear message."""
        with self.assertRaisesRegex(UserError, '不能修改或删除'):
            self.line.sudo(self.gm)._cs_check_append_only()

    def test_manager_does_not_see_top_secret_lines(self):
        """A manager reads the register up to the confidential level: the GM's top-secret read is hidden."""
        self.assertFalse(self.Log.sudo(self.manager).search([('id', '=', self.line.id)]))
        self.assertEqual(self.Log.sudo(self.gm).search([('id', '=', self.line.id)]), self.line)

    def test_agents_cannot_read_the_register(self):
        """Agents have no access to the register."""
        with self.assertRaises(AccessError):
            self.Log.sudo(self.agent).search([])

    def test_administrator_may_correct(self):
        """The administrator may correct the register."""
        self.line.sudo(self.admin_user).write({'purpose': '年度审计（更正）'})
        self.assertEqual(self.line.purpose, '年度审计（更正）')
