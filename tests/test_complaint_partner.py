from .complaint_common import ComplaintCase


class TestComplaintPartner(ComplaintCase):
    """The customer form counts the customer's complaints, its contacts' included."""

    def test_smart_button_counts_complaints(self):
        """Complaints of the company and of its contact count; consultations do not."""
        self._ticket()
        self._ticket(partner_id=self.contact.id)
        self._ticket(cs_kind='consultation')
        self.customer.invalidate_cache()
        self.assertEqual(self.customer.cs_complaint_count, 2)
        self.assertEqual(self.contact.cs_complaint_count, 2)
        action = self.customer.action_cs_view_complaints()
        self.assertEqual(self.Ticket.search(action['domain']).mapped('cs_kind'), ['complaint', 'complaint'])
