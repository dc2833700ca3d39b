from odoo.exceptions import AccessError

from .archive_common import CsArchiveCase


class TestPartnerCredit(CsArchiveCase):
    """Credit 信用: rating A/B/C/D, limit, the host's payment term and review date, set by managers."""

    def test_manager_sets_credit(self):
        """A manager rates the customer; the contact shows its company's credit; changes are tracked."""
        term = self.env.ref('account.account_payment_term_15days')
        self.customer.sudo(self.manager).write({
            'cs_credit_rating': 'B', 'cs_credit_limit': 200000, 'cs_credit_review_date': '2026-11-01',
            'property_payment_term_id': term.id})
        self.assertEqual((self.customer.cs_credit_rating, self.customer.cs_credit_limit), ('B', 200000))
        self.assertEqual(self.customer.property_payment_term_id, term)
        self.assertEqual((self.contact.cs_credit_rating, self.contact.cs_credit_limit), ('B', 200000))
        self.assertIn('cs_credit_rating', self.customer.message_ids.mapped('tracking_value_ids.field'))

    def test_agent_cannot_rate(self):
        """An agent's change of the rating is refused and nothing is written."""
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.customer.sudo(self.agent).write({'cs_credit_rating': 'A'})
        self.customer.invalidate_cache()
        self.assertFalse(self.customer.cs_credit_rating)

    def test_labels_in_chinese(self):
        """The credit fields read in Chinese."""
        labels = self.env['res.partner'].fields_get(['cs_credit_rating', 'cs_credit_limit'])
        self.assertEqual(labels['cs_credit_rating']['string'], '信用等级')
        self.assertEqual(labels['cs_credit_limit']['string'], '信用额度')
