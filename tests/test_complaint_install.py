from .complaint_common import ComplaintCase


class TestComplaintInstall(ComplaintCase):
    """Tickets that existed before the addon keep their history (the host's demo tickets)."""

    def test_existing_tickets_keep_history(self):
        """Registered at creation by their creator; closed ones are closed, not overdue."""
        open_ticket = self.env.ref('helpdesk_mgmt.helpdesk_ticket_1', raise_if_not_found=False)
        done_ticket = self.env.ref('helpdesk_mgmt.helpdesk_ticket_7', raise_if_not_found=False)
        if not (open_ticket and done_ticket):
            self.skipTest('the host demo tickets are not installed')
        self.assertEqual(open_ticket.cs_registered_date, open_ticket.create_date)
        self.assertEqual(open_ticket.cs_first_responder_id, open_ticket.create_uid)
        self.assertTrue(done_ticket.stage_id.closed)
        self.assertTrue(done_ticket.cs_closed_date)
        self.assertFalse(done_ticket.cs_overdue)
        self.assertNotIn(done_ticket, self.Ticket.search(self.Ticket._cs_escalation_domain(
            self._utc(done_ticket, 'cs_closed_date').replace(year=2999))))
