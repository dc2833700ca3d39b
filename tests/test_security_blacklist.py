"""Attacks on admission, the blacklist and credit (POLICY §5, §8), each as a real user of its group: the
rule first shows what it must, then the attack is refused and nothing is written."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .archive_common import CsArchiveCase


class TestSecurityBlacklist(CsArchiveCase):

    @classmethod
    def setUpClass(cls):
        super(TestSecurityBlacklist, cls).setUpClass()
        cls.Decision = cls.env['cs.partner.decision']
        cls.Override = cls.env['cs.blacklist.override']
        billing = cls.env.ref('account.group_account_invoice')
        cls.billing = cls._user('billing', 'customer_service_mgmt.group_cs_agent')
        cls.billing.groups_id = [(4, billing.id)]
        cls.gm.groups_id = [(4, billing.id)]
        cls.manager.groups_id = [(4, billing.id)]
        cls.clean = cls._customer('清白公司', 'secret')
        cls.Decision.create({'partner_id': cls.customer.id, 'decision': 'blacklist', 'reason': '恶意拖欠货款'})

    def _draft(self, partner=None):
        return self._invoice(partner or self.customer, 1000, post=False)

    def _assert_blocked(self, invoice):
        invoice.invalidate_cache()
        self.assertEqual(invoice.state, 'draft')
        self.assertFalse(invoice.move_id)
        self.assertFalse(self.Override.search([('res_id', '=', invoice.id)]))

    # --- class 2: admission and blacklist change only through decisions

    def test_agent_writes_admission(self):
        """An agent reinstates a blacklisted customer by writing its state: refused."""
        self.assertTrue(self.customer.cs_blacklisted)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.customer.sudo(self.agent).write({'cs_admission_state': 'admitted'})
        self.customer.invalidate_cache()
        self.assertEqual(self.customer.cs_admission_state, 'blacklisted')

    def test_manager_writes_blacklisted_flag(self):
        """A manager clears the stored blacklisted flag: refused."""
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.customer.sudo(self.manager).write({'cs_blacklisted': False})
        self.customer.invalidate_cache()
        self.assertTrue(self.customer.cs_blacklisted)

    def test_create_admitted(self):
        """A salesperson creates a customer already admitted, or via a default_ key: refused or stripped."""
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.env['res.partner'].sudo(self.salesperson).create(
                {'name': '自称已准入', 'is_company': True, 'cs_admission_state': 'admitted'})
        self.assertFalse(self.env['res.partner'].search([('name', '=', '自称已准入')]))
        partner = self.env['res.partner'].sudo(self.salesperson).with_context(
            default_cs_admission_state='admitted').create({'name': '默认值', 'is_company': True})
        self.assertEqual(partner.cs_admission_state, 'prospect')

    def test_decision_forged_decider(self):
        """A manager records a decision in the GM's name, or writes its previous state: refused."""
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.Decision.sudo(self.manager).create({
                'partner_id': self.clean.id, 'decision': 'admit', 'reason': '合格', 'user_id': self.gm.id})
        decision = self.Decision.search([('partner_id', '=', self.customer.id)])
        with self.assertRaises((AccessError, UserError)), self.env.cr.savepoint():
            decision.sudo(self.manager).write({'previous_state': 'admitted'})
        self.assertFalse(self.Decision.search([('partner_id', '=', self.clean.id)]))
        self.assertEqual(decision.previous_state, 'prospect')

    def test_agent_writes_credit(self):
        """An agent rates a customer A: refused in Chinese, naming the customer; nothing written."""
        with self.assertRaisesRegex(AccessError, '信用'), self.env.cr.savepoint():
            self.clean.sudo(self.agent).write({'cs_credit_rating': 'A'})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.env['res.partner'].sudo(self.agent).create({'name': '高额度', 'cs_credit_limit': 1e9})
        self.clean.invalidate_cache()
        self.assertFalse(self.clean.cs_credit_rating)

    def test_agent_adds_contact_credit_synced(self):
        """An agent may still add a contact to a rated company: it receives the company's credit."""
        self.clean.sudo(self.manager).write({'cs_credit_rating': 'B'})
        contact = self.env['res.partner'].sudo(self.agent).create({'name': '新联系人', 'parent_id': self.clean.id})
        self.assertEqual(contact.sudo().cs_credit_rating, 'B')

    # --- class 9: credit is read by those who read archives only

    def test_agent_reads_credit(self):
        """An agent's read of the credit rating is refused; a manager's works; the field is hidden."""
        self.clean.sudo(self.manager).write({'cs_credit_rating': 'C', 'cs_credit_limit': 5000})
        self.assertEqual(self.clean.sudo(self.manager).read(['cs_credit_rating'])[0]['cs_credit_rating'], 'C')
        for user in (self.agent, self.salesperson, self.info):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.clean.sudo(user).read(['cs_credit_rating'])
                self.assertNotIn('cs_credit_rating', self.env['res.partner'].sudo(user).fields_get())

    def test_agent_searches_credit(self):
        """An agent's search, grouping or sort on credit (an oracle) is refused; a manager's works."""
        self.clean.sudo(self.manager).write({'cs_credit_rating': 'D'})
        Partner = self.env['res.partner'].sudo(self.agent)
        with self.assertRaises(AccessError):
            Partner.search([('cs_credit_rating', '=', 'D')])
        with self.assertRaises(AccessError):
            Partner.read_group([], ['cs_credit_rating'], ['cs_credit_rating'])
        with self.assertRaises(AccessError):
            Partner.search([], order='cs_credit_limit desc')
        with self.assertRaises(AccessError):
            self.env['account.invoice'].sudo(self.billing).search([('partner_id.cs_credit_rating', '=', 'D')])
        self.assertIn(self.clean, self.env['res.partner'].sudo(self.manager).search([('cs_credit_rating', '=', 'D')]))

    # --- class 6: no bypass of the blacklist

    def test_blacklist_lifted_by_reparenting(self):
        """A blacklisted company made a contact of a clean company: refused; it stays blacklisted."""
        with self.assertRaisesRegex(AccessError, '黑名单'), self.env.cr.savepoint():
            self.customer.sudo(self.agent).write({'parent_id': self.clean.id, 'is_company': False})
        self.customer.invalidate_cache()
        self.assertEqual((self.customer.parent_id, self.customer.cs_admission_state), (self.env['res.partner'],
                                                                                      'blacklisted'))

    def test_blacklist_held_after_server_reparenting(self):
        """Even turned into a clean company's contact behind the rules (is_company only, no sync), the
        customer's invoice stays blocked by its own state."""
        self.customer.write({'parent_id': self.clean.id})
        self.customer.write({'is_company': False})
        self.assertEqual(self.customer.commercial_partner_id, self.clean)
        invoice = self._draft()
        with self.assertRaisesRegex(UserError, '黑名单'), self.env.cr.savepoint():
            invoice.sudo(self.billing).action_invoice_open()
        self._assert_blocked(invoice)

    def test_contact_of_blacklisted_company(self):
        """An invoice to a contact of the blacklisted company is blocked too."""
        invoice = self._draft(self.contact)
        with self.assertRaisesRegex(UserError, '黑名单'), self.env.cr.savepoint():
            invoice.sudo(self.billing).action_invoice_open()
        self._assert_blocked(invoice)

    def test_invoice_validate(self):
        """A billing user posts through invoice_validate: refused."""
        invoice = self._draft()
        with self.assertRaisesRegex(UserError, '黑名单'), self.env.cr.savepoint():
            invoice.sudo(self.billing).invoice_validate()
        self._assert_blocked(invoice)

    def test_action_move_create(self):
        """A billing user posts the accounting entry through action_move_create: refused, no move."""
        moves = self.env['account.move'].search_count([])
        invoice = self._draft()
        with self.assertRaisesRegex(UserError, '黑名单'), self.env.cr.savepoint():
            invoice.sudo(self.billing).action_move_create()
        self._assert_blocked(invoice)
        self.assertEqual(self.env['account.move'].search_count([]), moves)

    def test_confirm_wizard(self):
        """A billing user validates through the account.invoice.confirm wizard: refused."""
        invoice = self._draft()
        wizard = self.env['account.invoice.confirm'].sudo(self.billing).with_context(
            active_ids=[invoice.id], active_model='account.invoice').create({})
        with self.assertRaisesRegex(UserError, '黑名单'), self.env.cr.savepoint():
            wizard.invoice_confirm()
        self._assert_blocked(invoice)

    def test_state_written(self):
        """A billing user writes the invoice's state to open: refused."""
        invoice = self._draft()
        with self.assertRaises(UserError), self.env.cr.savepoint():
            invoice.sudo(self.billing).write({'state': 'open'})
        self._assert_blocked(invoice)

    # --- class 4: no context key overrides

    def test_override_via_context_key(self):
        """The GM sets the old override context key on the button: refused, nothing registered."""
        invoice = self._draft()
        with self.assertRaisesRegex(UserError, '黑名单'), self.env.cr.savepoint():
            invoice.sudo(self.gm).with_context(cs_blacklist_override_reason='特批').action_invoice_open()
        self._assert_blocked(invoice)

    def test_manager_override_wizard(self):
        """A manager uses the override prompt: refused, nothing registered."""
        invoice = self._draft()
        wizard = self.env['cs.blacklist.override.wizard'].sudo(self.manager).create(
            {'res_model': 'account.invoice', 'res_id': invoice.id, 'reason': '老客户'})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            wizard.action_confirm()
        self._assert_blocked(invoice)

    def test_override_wizard_other_model(self):
        """The override prompt aimed at another model is refused, naming the field."""
        wizard = self.env['cs.blacklist.override.wizard'].sudo(self.gm).create(
            {'res_model': 'res.partner', 'res_id': self.customer.id, 'reason': '特批'})
        with self.assertRaises(UserError), self.env.cr.savepoint():
            wizard.action_confirm()
        self.assertFalse(self.Override.search([('partner_id', '=', self.customer.id)]))

    def test_gm_override_registered_once(self):
        """The GM's override through the prompt posts the invoice and is registered once."""
        invoice = self._draft()
        wizard = self.env['cs.blacklist.override.wizard'].sudo(self.gm).create(
            {'res_model': 'account.invoice', 'res_id': invoice.id, 'reason': '预付款已到账'})
        wizard.action_confirm()
        self.assertEqual(invoice.state, 'open')
        self.assertEqual(len(self.Override.search([('res_id', '=', invoice.id)])), 1)

    # --- class 10: bad values

    def test_blank_override_reason(self):
        """The GM's reason made of an ideographic space, zero-width spaces or with NUL: refused."""
        invoice = self._draft()
        for reason in ('\u3000', '\u200b\u200d', '理\x00由'):
            with self.subTest(reason=repr(reason)), self.assertRaises(UserError), self.env.cr.savepoint():
                self.env['cs.blacklist.override.wizard'].sudo(self.gm).create(
                    {'res_model': 'account.invoice', 'res_id': invoice.id, 'reason': reason}).action_confirm()
        self._assert_blocked(invoice)

    def test_decision_bad_values(self):
        """A decision whose reason is zero-width spaces, or on another company's partner: refused."""
        other = self.env['res.company'].create({'name': '别家公司'})
        foreign = self.env['res.partner'].create({'name': '别家客户', 'is_company': True, 'company_id': other.id})
        for vals in ({'partner_id': self.clean.id, 'reason': '\u200b'},
                     {'partner_id': foreign.id, 'reason': '合格'}):
            with self.subTest(vals=vals), self.assertRaises((UserError, ValidationError)), \
                    self.env.cr.savepoint():
                self.Decision.sudo(self.manager).create(dict(vals, decision='admit'))
        self.assertFalse(self.Decision.search([('partner_id', 'in', (self.clean | foreign).ids)]))
