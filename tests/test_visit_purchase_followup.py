import datetime

from odoo import fields
from odoo.exceptions import UserError

from .common_visit import CsVisitCase


class TestVisitPurchaseFollowup(CsVisitCase):
    """A validated customer invoice plans follow-ups at +3, +30 and +60 days, once per invoice."""

    def _followups(self, invoice):
        return self.Visit.search([('invoice_id', '=', invoice.id)], order='followup_step')

    def test_three_followups(self):
        """Validating plans three phone follow-ups by the salesperson at +3/+30/+60 days."""
        invoice = self._invoice(self.customer, 1000)
        visits = self._followups(invoice)
        self.assertEqual(visits.mapped('followup_step'), [1, 2, 3])
        day = fields.Date.from_string(invoice.date_invoice)
        self.assertEqual([fields.Date.from_string(v.planned_date) for v in visits],
                         [day + datetime.timedelta(days=n) for n in (3, 30, 60)])
        self.assertEqual(set(visits.mapped('origin')), {'purchase'})
        self.assertEqual(visits.mapped('partner_id'), self.customer)
        self.assertIn('使用指导', visits[0].with_context(lang='zh_CN').name)

    def test_once_per_invoice(self):
        """Cancelled and validated again, the invoice keeps its three follow-ups."""
        invoice = self._invoice(self.customer, 1000)
        invoice.action_invoice_cancel()
        invoice.action_invoice_draft()
        invoice.action_invoice_open()
        self.assertEqual(len(self._followups(invoice)), 3)

    def test_second_set_refused(self):
        """Asking for a second set of follow-ups is refused and writes nothing."""
        invoice = self._invoice(self.customer, 1000)
        with self.assertRaisesRegex(UserError, '已有回访'), self.env.cr.savepoint():
            invoice.action_cs_plan_followups()
        self.assertEqual(len(self._followups(invoice)), 3)

    def test_refund_and_draft_plan_nothing(self):
        """A refund, or an invoice still in draft, plans no follow-up."""
        refund = self._invoice(self.customer, 100, inv_type='out_refund')
        draft = self._invoice(self.customer, 100, post=False)
        self.assertFalse(self._followups(refund) | self._followups(draft))

    def test_offsets_configurable(self):
        """The manager's offsets, not the defaults, decide the dates."""
        self.policy.write({'followup_days_1': 1, 'followup_days_2': 10, 'followup_days_3': 20})
        invoice = self._invoice(self.customer, 1000)
        day = fields.Date.from_string(invoice.date_invoice)
        self.assertEqual([fields.Date.from_string(v.planned_date) for v in self._followups(invoice)],
                         [day + datetime.timedelta(days=n) for n in (1, 10, 20)])

    def test_invoice_smart_button(self):
        """The invoice shows its follow-up count and opens them."""
        invoice = self._invoice(self.customer, 1000)
        self.assertEqual(invoice.sudo(self.manager).cs_visit_count, 3)
        action = invoice.sudo(self.manager).action_cs_view_visits()
        self.assertEqual(self.Visit.search(action['domain']), self._followups(invoice))
