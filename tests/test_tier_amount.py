from dateutil.relativedelta import relativedelta

from odoo import fields

from .common import CsCase


class TestTierAmount(CsCase):
    """The annual transaction amount 年交易额 behind the tier."""

    def _recompute(self):
        self.customer.cs_recompute_tiers()
        return self.customer.cs_annual_amount

    def test_open_and_paid_count_draft_and_cancelled_do_not(self):
        """Posted (open and paid) invoices count; draft and cancelled ones do not."""
        self._invoice(self.customer, 1000)
        paid = self._invoice(self.customer, 2000)
        paid.pay_and_reconcile(self.bank, paid.amount_total)
        self.assertEqual(paid.state, 'paid')
        self._invoice(self.customer, 4000, post=False)
        cancelled = self._invoice(self.customer, 8000)
        cancelled.action_invoice_cancel()
        self.assertEqual(self._recompute(), 3000)

    def test_refunds_subtract(self):
        """A posted refund reduces the amount."""
        self._invoice(self.customer, 150000)
        self._invoice(self.customer, 60000, inv_type='out_refund')
        self.assertEqual(self._recompute(), 90000)
        self.assertEqual(self.customer.cs_tier_id, self.tier['general'])

    def test_older_than_twelve_months_ignored(self):
        """Only the trailing twelve months count."""
        self._invoice(self.customer, 600000, months_ago=13)
        self._invoice(self.customer, 120000, months_ago=11)
        self.assertEqual(self._recompute(), 120000)
        self.assertEqual(self.customer.cs_tier_id, self.tier['key'])

    def test_contacts_roll_up_to_commercial_partner(self):
        """An invoice to a contact counts for its company, and the contact shows the company's tier."""
        self._invoice(self.contact, 520000)
        self.contact.cs_recompute_tiers()
        self.assertEqual(self.customer.cs_annual_amount, 520000)
        self.assertEqual(self.customer.cs_tier_id, self.tier['vip'])
        self.assertEqual(self.contact.cs_tier_id, self.tier['vip'])

    def test_other_currency_converted(self):
        """An invoice in another currency counts at its rate in company currency."""
        # a currency of our own, so no demo rate interferes: 1 company unit = 0.5 units of it
        day = fields.Date.to_string(self.today - relativedelta(months=1, days=1))
        other = self.env['res.currency'].create({'name': 'CSX', 'symbol': 'X', 'rate_ids': [
            (0, 0, {'rate': 0.5, 'name': day, 'company_id': self.company.id})]})
        self.env['res.currency.rate'].create({
            'currency_id': self.company.currency_id.id, 'rate': 1.0, 'name': day, 'company_id': self.company.id})
        self._invoice(self.customer, 60000, currency=other)
        self.assertAlmostEqual(self._recompute(), 120000, places=2)
        self.assertEqual(self.customer.cs_tier_id, self.tier['key'])

    def test_no_transactions_is_reserve(self):
        """A prospect without invoices is a reserve customer with a zero amount."""
        self.assertEqual(self._recompute(), 0)
        self.assertEqual(self.customer.cs_tier_id, self.tier['reserve'])
