from odoo.exceptions import AccessError, UserError

from .common_visit import CsVisitCase


class TestVisitFollowupFile(CsVisitCase):
    """Follow-ups from the customer's file (seed 003): the 3/30/60-day series once per customer, from its
    first posted invoice; per invoice only when the company chose so."""

    def _purchase(self, partner):
        return self.Visit.search([('partner_id', '=', partner.id), ('origin', '=', 'purchase')])

    def test_second_invoice_plans_nothing(self):
        """A customer's second invoice plans no second series."""
        first = self._invoice(self.customer, 1000, months_ago=1)
        self._invoice(self.customer, 2000, months_ago=0)
        visits = self._purchase(self.customer)
        self.assertEqual(len(visits), 3)
        self.assertEqual(visits.mapped('invoice_id'), first)

    def test_batch_plans_from_first_invoice(self):
        """Two invoices validated together plan one series, from the earlier one."""
        later = self._invoice(self.customer, 1000, months_ago=0, post=False)
        earlier = self._invoice(self.customer, 1000, months_ago=2, post=False)
        (later | earlier).action_invoice_open()
        self.assertEqual(self._purchase(self.customer).mapped('invoice_id'), earlier)

    def test_company_option_per_invoice(self):
        """With the company option on, every invoice plans its series."""
        self.company.write({'cs_followup_per_invoice': True})
        self._invoice(self.customer, 1000, months_ago=1)
        self._invoice(self.customer, 2000, months_ago=0)
        self.assertEqual(len(self._purchase(self.customer)), 6)

    def test_manual_second_series_refused(self):
        """Asking by hand for a series on the second invoice is refused, nothing written."""
        self._invoice(self.customer, 1000, months_ago=1)
        second = self._invoice(self.customer, 2000, months_ago=0)
        with self.assertRaisesRegex(UserError, '档案'), self.env.cr.savepoint():
            second.action_cs_plan_followups()
        self.assertEqual(len(self._purchase(self.customer)), 3)

    def test_option_off_by_default_and_protected(self):
        """The option is off by default; an agent cannot switch it on."""
        self.assertFalse(self.company.cs_followup_per_invoice)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.company.sudo(self.agent).write({'cs_followup_per_invoice': True})
        self.company.invalidate_cache()
        self.assertFalse(self.company.cs_followup_per_invoice)
