from odoo.exceptions import AccessError, UserError, ValidationError

from .archive_common import CsArchiveCase


class TestPartnerBlacklist(CsArchiveCase):
    """Admission and exit decisions 准入与退出, and what the blacklist 黑名单 blocks."""

    @classmethod
    def setUpClass(cls):
        super(TestPartnerBlacklist, cls).setUpClass()
        cls.Decision = cls.env['cs.partner.decision']
        billing = cls.env.ref('account.group_account_invoice')
        cls.gm.groups_id = [(4, billing.id)]
        cls.manager.groups_id = [(4, billing.id)]

    def _blacklist(self):
        return self.Decision.sudo(self.manager).create({
            'partner_id': self.customer.id, 'decision': 'blacklist', 'reason': '恶意拖欠货款'})

    def test_blacklist_decision(self):
        """A manager's decision blacklists the customer and its contacts; the decision keeps who and why."""
        decision = self._blacklist()
        self.assertTrue(self.customer.cs_blacklisted)
        self.assertTrue(self.contact.cs_blacklisted)
        self.assertEqual((decision.user_id, decision.previous_state), (self.manager, 'prospect'))
        self.assertTrue(decision.date)

    def test_reason_required(self):
        """Blacklisting without a reason is refused; nothing is written."""
        for reason in ('  ', '\u3000\u200b'):
            with self.assertRaises(UserError), self.env.cr.savepoint():
                self.Decision.sudo(self.manager).create({
                    'partner_id': self.customer.id, 'decision': 'blacklist', 'reason': reason})
        with self.assertRaisesRegex(ValidationError, '需要填写理由'), self.env.cr.savepoint():
            self.Decision.sudo(self.manager).create({
                'partner_id': self.customer.id, 'decision': 'blacklist', 'reason': ''})
        self.assertFalse(self.customer.cs_blacklisted)
        self.assertFalse(self.Decision.search([('partner_id', '=', self.customer.id)]))

    def test_agent_cannot_decide(self):
        """Agents read decisions but do not take them."""
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.Decision.sudo(self.agent).create({
                'partner_id': self.customer.id, 'decision': 'blacklist', 'reason': '拖欠'})
        self.assertFalse(self.customer.cs_blacklisted)

    def test_state_changes_only_by_decision(self):
        """Writing the admission state by hand is refused, even for a manager."""
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.customer.sudo(self.manager).write({'cs_admission_state': 'blacklisted'})
        self.assertFalse(self.customer.cs_blacklisted)

    def test_transitions(self):
        """Reinstating a customer who is not blacklisted is refused; blacklist then reinstate works."""
        with self.assertRaisesRegex(UserError, '不能用于'), self.env.cr.savepoint():
            self.Decision.sudo(self.manager).create({
                'partner_id': self.customer.id, 'decision': 'reinstate', 'reason': '误列'})
        self._blacklist()
        self.Decision.sudo(self.manager).create({
            'partner_id': self.customer.id, 'decision': 'reinstate', 'reason': '已结清欠款'})
        self.assertEqual(self.customer.cs_admission_state, 'admitted')
        self.assertFalse(self.customer.cs_blacklisted)

    def test_decisions_are_a_register(self):
        """A decision cannot be changed nor deleted."""
        decision = self._blacklist()
        with self.assertRaises(UserError):
            decision.sudo(self.manager).write({'reason': '改'})
        with self.assertRaises(UserError):
            decision.unlink()

    def test_invoice_blocked(self):
        """A blacklisted customer's invoice is not validated: it stays draft, with a message naming the rule."""
        self._blacklist()
        invoice = self._invoice(self.contact, 1000, post=False)
        with self.assertRaisesRegex(UserError, '黑名单'), self.env.cr.savepoint():
            invoice.sudo(self.manager).action_invoice_open()
        self.assertEqual(invoice.state, 'draft')

    def test_only_gm_overrides(self):
        """A manager giving a reason cannot override (the override prompt refuses him; a context key is no
        override); nothing is registered."""
        self._blacklist()
        invoice = self._invoice(self.customer, 1000, post=False)
        with self.assertRaisesRegex(UserError, '黑名单'), self.env.cr.savepoint():
            invoice.sudo(self.manager).with_context(cs_blacklist_override_reason='老客户').action_invoice_open()
        wizard = self.env['cs.blacklist.override.wizard'].sudo(self.manager).create(
            {'res_model': 'account.invoice', 'res_id': invoice.id, 'reason': '老客户'})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            wizard.action_confirm()
        self.assertEqual(invoice.state, 'draft')
        self.assertFalse(self.env['cs.blacklist.override'].search([('partner_id', '=', self.customer.id)]))

    def test_gm_override_logged(self):
        """The general manager validates through the override prompt; the override is registered."""
        self._blacklist()
        invoice = self._invoice(self.customer, 1000, post=False)
        action = invoice.sudo(self.gm).action_cs_blacklist_override()
        wizard = self.env[action['res_model']].sudo(self.gm).with_context(action['context']).create(
            {'reason': '预付款已到账'})
        wizard.action_confirm()
        self.assertEqual(invoice.state, 'open')
        override = self.env['cs.blacklist.override'].search([('partner_id', '=', self.customer.id)])
        self.assertEqual((override.user_id, override.reason, override.res_model, override.res_id),
                         (self.gm, '预付款已到账', 'account.invoice', invoice.id))
        self.assertTrue(any('预付款已到账' in m.body for m in invoice.message_ids))
        with self.assertRaises(UserError):
            override.sudo(self.gm).unlink()

    def test_refund_not_blocked(self):
        """Refunds to a blacklisted customer are not blocked (they settle what is owed)."""
        self._blacklist()
        refund = self._invoice(self.customer, 100, inv_type='out_refund')
        self.assertEqual(refund.state, 'open')

    def test_visit_planning_check(self):
        """The check the visit planner calls refuses a blacklisted customer, unless the GM overrides."""
        self.assertFalse(self.customer._cs_check_blacklist('计划回访'))
        self._blacklist()
        with self.assertRaisesRegex(UserError, '计划回访'):
            self.contact.sudo(self.manager)._cs_check_blacklist('计划回访')
        override = self.contact.sudo(self.gm)._cs_check_blacklist('计划回访', override_reason='总经理亲访')
        self.assertEqual(override.operation, '计划回访')

    def test_ticket_banner(self):
        """A ticket of a blacklisted customer's contact shows the blacklist."""
        ticket = self.env['helpdesk.ticket'].create({
            'name': '咨询', 'description': '咨询', 'partner_id': self.contact.id})
        self.assertFalse(ticket.cs_partner_blacklisted)
        self._blacklist()
        ticket.invalidate_cache()
        self.assertTrue(ticket.cs_partner_blacklisted)
