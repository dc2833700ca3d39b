from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import CsCase


class TestPartnerCreditLimit(CsCase):
    """Credit that does something (seed 003 第二十条): class defaults, the limit on validation, the
    manager's override with a reason, the review reminder per class period."""

    @classmethod
    def setUpClass(cls):
        super(TestPartnerCreditLimit, cls).setUpClass()
        billing = cls.env.ref('account.group_account_invoice')
        cls.manager.write({'groups_id': [(4, billing.id)]})
        cls.clerk = cls._user('clerk', 'account.group_account_invoice')
        cls.customer.sudo(cls.manager).write({'cs_credit_limit': 100000})

    def _draft(self, amount):
        return self._invoice(self.customer, amount, months_ago=0, post=False)

    def _override(self, invoice, user, reason):
        wizard = self.env['cs.credit.override.wizard'].sudo(user).create({
            'invoice_id': invoice.id, 'reason': reason})
        return wizard.action_confirm()

    def test_rating_applies_class_defaults(self):
        """A manager's rating B gives class B's limit and payment term; he may then adjust the limit."""
        self.customer.sudo(self.manager).write({'cs_credit_rating': 'B'})
        credit_class = self.env.ref('customer_service_mgmt.cs_credit_class_b')
        self.assertEqual(self.customer.cs_credit_limit, credit_class.credit_limit)
        self.assertEqual(self.customer.property_payment_term_id, credit_class.payment_term_id)
        self.assertEqual(self.contact.cs_credit_limit, credit_class.credit_limit)
        self.customer.sudo(self.manager).write({'cs_credit_limit': 300000})
        self.assertEqual(self.customer.cs_credit_limit, 300000)

    def test_class_table_managers_only(self):
        """A manager edits a class's default limit; an agent cannot, nothing written."""
        credit_class = self.env.ref('customer_service_mgmt.cs_credit_class_c')
        credit_class.sudo(self.manager).write({'credit_limit': 80000})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            credit_class.sudo(self.agent).write({'credit_limit': 1})
        credit_class.invalidate_cache()
        self.assertEqual(credit_class.credit_limit, 80000)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            credit_class.sudo(self.manager).unlink()

    def test_invoice_above_limit_refused(self):
        """An invoice taking open receivables above the limit is refused by every path, nothing posted."""
        self._invoice(self.customer, 60000, months_ago=0)
        invoice = self._draft(50000)
        with self.assertRaises(UserError) as caught, self.env.cr.savepoint():
            invoice.sudo(self.clerk).action_invoice_open()
        self.assertIn('信用额度', str(caught.exception))
        with self.assertRaises(UserError), self.env.cr.savepoint():
            invoice.sudo(self.clerk).action_move_create()
        with self.assertRaises(UserError), self.env.cr.savepoint():
            invoice.write({'state': 'open'})
        invoice.invalidate_cache()
        self.assertEqual((invoice.state, invoice.move_id.id), ('draft', False))

    def test_within_limit_and_zero_limit_post(self):
        """Within the limit the invoice posts; a limit of 0 means no limit."""
        self._draft(90000).sudo(self.clerk).action_invoice_open()
        self.customer.sudo(self.manager).write({'cs_credit_limit': 0})
        invoice = self._draft(900000)
        invoice.sudo(self.clerk).action_invoice_open()
        self.assertEqual(invoice.state, 'open')

    def test_manager_override_registered(self):
        """A manager's override with a reason posts the invoice and registers it once."""
        invoice = self._draft(150000)
        self._override(invoice, self.manager, '  老客户年末备货  ')
        self.assertEqual(invoice.state, 'open')
        override = self.env['cs.credit.override'].search([('invoice_id', '=', invoice.id)])
        self.assertEqual(len(override), 1)
        self.assertEqual((override.reason, override.user_id, override.credit_limit),
                         ('老客户年末备货', self.manager, 100000))
        with self.assertRaises(UserError), self.env.cr.savepoint():
            override.sudo(self.manager).write({'reason': 'x'})

    def test_override_without_reason_refused(self):
        """Bad input: a blank reason is refused, nothing posted, nothing registered."""
        invoice = self._draft(150000)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self._override(invoice, self.manager, '   ')
        invoice.invalidate_cache()
        self.assertEqual(invoice.state, 'draft')
        self.assertFalse(self.env['cs.credit.override'].search([('invoice_id', '=', invoice.id)]))

    def test_non_manager_cannot_override(self):
        """Attack: a billing clerk's override is refused, and a context key grants nothing."""
        invoice = self._draft(150000)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self._override(invoice, self.clerk, '我要过账')
        with self.assertRaises(UserError), self.env.cr.savepoint():
            invoice.sudo(self.clerk).with_context(cs_credit_override='x', cs_override_reason='x').action_invoice_open()
        invoice.invalidate_cache()
        self.assertEqual(invoice.state, 'draft')
        self.assertFalse(self.env['cs.credit.override'].search([('invoice_id', '=', invoice.id)]))

    def test_negative_limit_refused(self):
        """Bad input: a limit below zero is refused on the customer and the class, nothing written."""
        with self.assertRaises(ValidationError) as caught, self.env.cr.savepoint():
            self.customer.sudo(self.manager).write({'cs_credit_limit': -1})
        self.assertIn('不能小于零', str(caught.exception))
        self.customer.invalidate_cache()
        self.assertEqual(self.customer.cs_credit_limit, 100000)
        credit_class = self.env.ref('customer_service_mgmt.cs_credit_class_a')
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            credit_class.sudo(self.manager).write({'credit_limit': -5})
        credit_class.invalidate_cache()
        self.assertEqual(credit_class.credit_limit, 1000000)

    def test_review_reminder_once_per_period(self):
        """A D customer (monthly class) gets one review activity per month, not one per run."""
        self.customer.sudo(self.manager).write({'cs_credit_rating': 'D'})
        Partner = self.env['res.partner']

        def reviews():
            return self.env['mail.activity'].search([
                ('res_model', '=', 'res.partner'), ('res_id', '=', self.customer.id)])
        Partner._cs_plan_credit_reviews(self.today)
        self.assertEqual(len(reviews()), 1)
        Partner._cs_plan_credit_reviews(self.today + relativedelta(days=10))
        self.assertEqual(len(reviews()), 1)
        Partner._cs_plan_credit_reviews(self.today + relativedelta(months=1))
        self.assertEqual(len(reviews()), 2)
        self.assertEqual(self.customer.sudo().cs_credit_reminded_on,
                         fields.Date.to_string(self.today + relativedelta(months=1)))
        self.assertFalse(hasattr(Partner.sudo(self.manager), 'cron_cs_credit_review'))
