from odoo.exceptions import AccessError

from .common import CsCase


class TestTierPaymentRecord(CsCase):
    """VIP needs a good payment record (POLICY §1): no receivable overdue too long, rating not C/D."""

    def _recompute(self):
        self.customer.sudo(self.manager).cs_recompute_tiers()
        self.customer.invalidate_cache()

    def test_recent_invoice_makes_vip(self):
        """A VIP amount with nothing overdue and no bad rating is VIP for its amount."""
        self._invoice(self.customer, 600000, months_ago=0)
        self._recompute()
        self.assertEqual(self.customer.cs_tier_id, self.tier['vip'])
        self.assertEqual(self.customer.cs_tier_reason, 'amount')
        self.assertEqual(self.contact.cs_tier_reason, 'amount')

    def test_overdue_receivable_makes_key(self):
        """An invoice unpaid 5 months after its due date keeps a VIP amount at key, with the reason."""
        self._invoice(self.customer, 600000, months_ago=5)
        self._recompute()
        self.assertEqual(self.customer.cs_tier_id, self.tier['key'])
        self.assertEqual(self.customer.cs_tier_reason, 'overdue')

    def test_overdue_days_configurable(self):
        """With a tolerance above the delay, the same overdue invoice does not deny VIP."""
        self._invoice(self.customer, 600000, months_ago=5)
        self.company.write({'cs_vip_overdue_days': 200})
        self._recompute()
        self.assertEqual(self.customer.cs_tier_id, self.tier['vip'])

    def test_bad_rating_makes_key(self):
        """A C rating denies VIP; back to A, the next recompute grants it."""
        self._invoice(self.customer, 600000, months_ago=0)
        self.customer.sudo(self.manager).write({'cs_credit_rating': 'C'})
        self._recompute()
        self.assertEqual((self.customer.cs_tier_id, self.customer.cs_tier_reason), (self.tier['key'], 'rating'))
        self.customer.sudo(self.manager).write({'cs_credit_rating': 'A'})
        self._recompute()
        self.assertEqual((self.customer.cs_tier_id, self.customer.cs_tier_reason), (self.tier['vip'], 'amount'))

    def test_pinned_reason(self):
        """A pinned tier shows the pin as its reason."""
        self.customer.sudo(self.manager).write({
            'cs_tier_id': self.tier['key'].id, 'cs_tier_pinned': True, 'cs_tier_pin_reason': '战略合作'})
        self._recompute()
        self.assertEqual(self.customer.cs_tier_reason, 'pinned')

    def test_reason_not_written_by_hand(self):
        """Attack: a manager cannot write the reason through the API; nothing is written."""
        self._invoice(self.customer, 600000, months_ago=5)
        self._recompute()
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.customer.sudo(self.manager).write({'cs_tier_reason': 'amount'})
        self.customer.invalidate_cache()
        self.assertEqual(self.customer.cs_tier_reason, 'overdue')

    def test_negative_overdue_days_refused(self):
        """Bad input: negative overdue days are refused, nothing written."""
        with self.assertRaises(Exception), self.env.cr.savepoint():
            self.company.write({'cs_vip_overdue_days': -1})
        self.company.invalidate_cache()
        self.assertEqual(self.company.cs_vip_overdue_days, 90)
