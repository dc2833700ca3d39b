import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .archive_common import CsArchiveCase


def _in(days):
    return fields.Datetime.to_string(datetime.datetime.utcnow() + datetime.timedelta(days=days))


class TestArchiveBorrowing(CsArchiveCase):
    """Borrowing cards 借阅卡: requested with a purpose, approved by the department manager, open until expiry."""

    @classmethod
    def setUpClass(cls):
        super(TestArchiveBorrowing, cls).setUpClass()
        cls.Borrow = cls.env['cs.archive.borrow']
        cls.head = cls._user('head', 'customer_service_mgmt.group_cs_department_manager')
        cls.other_head = cls._user('other_head', 'customer_service_mgmt.group_cs_department_manager')
        cls.agent.cs_department_manager_id = cls.head
        cls.salesperson.cs_department_manager_id = cls.head
        cls.archive = cls._archive('借阅客户', 'top_secret', organisation='董事会：张三')
        cls.other = cls._archive('另一客户', 'secret', organisation='另一内容')

    def _request(self, user=None, purpose='核对信用', days=3):
        return self.Borrow.sudo(user or self.agent).create({
            'partner_id': self.archive.partner_id.id, 'purpose': purpose, 'date_expiry': _in(days)})

    def test_flow(self):
        """Agent requests, their department manager approves, the agent reads read-only, each read registered."""
        card = self._request()
        self.assertEqual(card.state, 'requested')
        self.assertEqual(card.superior_id, self.head)
        self.assertFalse(card.sudo(self.agent).organisation)
        card.sudo(self.head).action_approve()
        self.assertEqual((card.state, card.decided_by_id), ('approved', self.head))
        before = len(self._logs(self.archive))
        self.assertEqual(card.sudo(self.agent).read(['organisation'])[0]['organisation'], '董事会：张三')
        logs = self._logs(self.archive)
        self.assertEqual(len(logs), before + 1)
        self.assertEqual((logs[0].user_id, logs[0].purpose), (self.agent, '核对信用'))
        # only that archive, only read, only for the borrower
        with self.assertRaises(AccessError):
            self.Archive.sudo(self.agent).browse(self.other.id).read(['organisation'])
        with self.assertRaises(AccessError):
            self.Archive.sudo(self.agent).browse(self.archive.id).write({'organisation': 'x'})
        self.assertFalse(card.sudo(self.head).organisation)
        self.assertEqual(len(self._logs(self.archive)), before + 1)

    def test_purpose_required(self):
        """A request without a purpose (empty, spaces, ideographic space) is refused, nothing written."""
        for purpose in ('', '   ', '\u3000', False):
            with self.subTest(purpose=purpose), self.assertRaises(UserError), self.env.cr.savepoint():
                self._request(purpose=purpose)
        self.assertFalse(self.Borrow.search([('user_id', '=', self.agent.id)]))

    def test_expiry_in_future(self):
        """A card that would already be closed is refused."""
        with self.assertRaisesRegex(UserError, '借阅卡|未来'), self.env.cr.savepoint():
            self._request(days=-1)
        self.assertFalse(self.Borrow.search([('user_id', '=', self.agent.id)]))

    def test_no_department_manager(self):
        """Someone without a department manager cannot file a request."""
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self._request(user=self.quality)
        self.assertFalse(self.Borrow.search([('user_id', '=', self.quality.id)]))

    def test_only_department_manager_approves(self):
        """Another department manager, the GM, the requester: refused, the card stays requested."""
        card = self._request()
        for user in (self.other_head, self.gm, self.agent, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError), self.env.cr.savepoint():
                card.sudo(user).action_approve()
        card.invalidate_cache()
        self.assertEqual(card.state, 'requested')
        self.assertFalse(card.decided_by_id)

    def test_self_approval(self):
        """A department manager's own request needs their own department manager, not themselves."""
        self.head.cs_department_manager_id = self.head
        card = self._request(user=self.head)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            card.sudo(self.head).action_approve()
        self.assertEqual(card.state, 'requested')

    def test_expired_card_closes(self):
        """Past its expiry the card shows nothing and registers nothing: no cron needed."""
        card = self._request()
        card.sudo(self.head).action_approve()
        self.env.cr.execute("UPDATE cs_archive_borrow SET date_expiry = now() at time zone 'UTC' - interval '1 minute'"
                            " WHERE id = %s", (card.id,))
        card.invalidate_cache()
        before = len(self._logs(self.archive))
        self.assertFalse(card.sudo(self.agent).is_open)
        self.assertFalse(card.sudo(self.agent).read(['organisation'])[0]['organisation'])
        self.assertEqual(len(self._logs(self.archive)), before)

    def test_register(self):
        """Borrower and department manager cannot change or delete the card, nor its stamps."""
        card = self._request()
        card.sudo(self.head).action_approve()
        for user, vals in ((self.agent, {'state': 'requested'}), (self.agent, {'date_expiry': _in(300)}),
                           (self.agent, {'superior_id': self.agent.id}), (self.head, {'purpose': '其他'})):
            with self.subTest(vals=vals), self.assertRaises((AccessError, UserError)), self.env.cr.savepoint():
                card.sudo(user).write(vals)
        with self.assertRaises((AccessError, UserError)), self.env.cr.savepoint():
            card.sudo(self.agent).unlink()
        card.invalidate_cache()
        self.assertEqual((card.state, card.purpose, card.superior_id), ('approved', '核对信用', self.head))

    def test_forged_create(self):
        """A request cannot arrive approved, for someone else, or with a chosen superior."""
        for extra in ({'state': 'approved'}, {'user_id': self.salesperson.id}, {'superior_id': self.agent.id},
                      {'decided_by_id': self.head.id}):
            with self.subTest(extra=extra), self.assertRaises(AccessError), self.env.cr.savepoint():
                self.Borrow.sudo(self.agent).create(dict({
                    'partner_id': self.archive.partner_id.id, 'purpose': 'x', 'date_expiry': _in(2)}, **extra))
        self.assertFalse(self.Borrow.search([('partner_id', '=', self.archive.partner_id.id)]))

    def test_visibility(self):
        """Cards are seen by their borrower and department manager (and managers), not by other staff."""
        card = self._request()
        self.assertIn(card, self.Borrow.sudo(self.head).search([]))
        self.assertNotIn(card, self.Borrow.sudo(self.other_head).search([]))
        self.assertNotIn(card, self.Borrow.sudo(self.salesperson).search([]))
        self.assertIn(card, self.Borrow.sudo(self.manager).search([]))
