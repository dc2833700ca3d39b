from odoo.exceptions import AccessError

from .complaint_common import ComplaintCase


class TestComplaintFirstResponder(ComplaintCase):
    """首问负责制: the registering user stays responsible until a manager hands the ticket over."""

    def test_registering_user_is_first_responder(self):
        """The agent who registers is the first responder; a handler assigned later does not change it."""
        ticket = self._ticket()
        self.assertEqual(ticket.cs_first_responder_id, self.agent)
        ticket.sudo(self.manager).write({'user_id': self.quality.id})
        self.assertEqual(ticket.cs_first_responder_id, self.agent)

    def test_direct_change_refused(self):
        """Writing the first responder directly is refused, even for a manager."""
        ticket = self._ticket()
        with self.assertRaisesRegex(AccessError, '首问负责'):
            ticket.sudo(self.manager).write({'cs_first_responder_id': self.manager.id})

    def test_manager_hands_over_logged(self):
        """A manager's hand-over changes the first responder and the handler, logged in the chatter."""
        ticket = self._ticket()
        ticket.sudo(self.manager).action_cs_hand_over(self.quality, '质量问题转交质量监督')
        self.assertEqual(ticket.cs_first_responder_id, self.quality)
        self.assertEqual(ticket.user_id, self.quality)
        self.assertIn('cs_first_responder_id', ticket.message_ids.mapped('tracking_value_ids.field'))
        self.assertTrue(any('质量问题转交质量监督' in (m.body or '') for m in ticket.message_ids))

    def test_agent_cannot_hand_over(self):
        """An agent cannot hand a ticket over (nobody may bounce a customer)."""
        ticket = self._ticket()
        with self.assertRaises(AccessError):
            ticket.sudo(self.agent).action_cs_hand_over(self.quality)
        self.assertEqual(ticket.cs_first_responder_id, self.agent)
