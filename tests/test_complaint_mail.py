from .complaint_common import ComplaintCase


class TestComplaintMail(ComplaintCase):
    """The customer gets an acknowledgement with the deadline, in the customer's language."""

    def _acknowledgement(self, ticket):
        messages = ticket.message_ids.filtered(lambda m: ticket.partner_id in m.partner_ids)
        self.assertEqual(len(messages), 1)
        return messages

    def test_chinese_customer(self):
        """A Chinese customer reads the number and the deadline (local time) in Chinese."""
        ticket = self._ticket(cs_registered_date='2026-11-20 08:00:00')
        body = self._acknowledgement(ticket).body
        self.assertIn(ticket.number, body)
        self.assertIn('已登记', body)
        self.assertIn('2026-11-25 17:00', body)

    def test_english_customer(self):
        """A customer writing in English gets the English text."""
        self.env.ref('base.lang_en').active = True
        self.customer.lang = 'en_US'
        ticket = self._ticket(cs_registered_date='2026-11-20 08:00:00')
        body = self._acknowledgement(ticket).body
        self.assertIn('is registered under number', body)
        self.assertIn('2026-11-25 17:00', body)

    def test_no_email_no_mail(self):
        """A customer without e-mail address gets no acknowledgement mail."""
        self.customer.email = False
        ticket = self._ticket()
        self.assertFalse(ticket.message_ids.filtered(lambda m: ticket.partner_id in m.partner_ids))
