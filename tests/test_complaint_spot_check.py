from odoo.exceptions import AccessError, UserError

from .complaint_common import ComplaintCase


class TestComplaintSpotCheck(ComplaintCase):
    """抽查验证: the quality supervisor checks closed complaints; a failure reopens them."""

    def setUp(self):
        super(TestComplaintSpotCheck, self).setUp()
        self.ticket = self._ticket(user_id=self.agent.id)
        self._complete(self.ticket)
        self.ticket.write({'stage_id': self.stage_done.id})

    def test_failure_reopens_and_notifies_handler(self):
        """A failed check reopens the complaint, clears its closing time and gives the handler an activity."""
        self.ticket.sudo(self.quality).action_cs_spot_check(False, '客户表示未收到补发商品')
        self.assertEqual(self.ticket.cs_spot_check, 'failed')
        self.assertEqual(self.ticket.cs_spot_checker_id, self.quality)
        self.assertFalse(self.ticket.stage_id.closed)
        self.assertFalse(self.ticket.cs_closed_date)
        activity = self.env['mail.activity'].search([
            ('res_model', '=', 'helpdesk.ticket'), ('res_id', '=', self.ticket.id), ('user_id', '=', self.agent.id)])
        self.assertEqual(len(activity), 1)
        self.assertIn('抽查', activity.summary)
        self.assertTrue(self.ticket.message_ids.filtered(lambda m: self.agent.partner_id in m.partner_ids))

    def test_pass_keeps_closed(self):
        """A passed check keeps the complaint closed."""
        self.ticket.sudo(self.quality).action_cs_spot_check(True)
        self.assertEqual(self.ticket.cs_spot_check, 'passed')
        self.assertTrue(self.ticket.stage_id.closed)

    def test_failure_needs_note(self):
        """A failure must say what is wrong."""
        with self.assertRaises(UserError):
            self.ticket.sudo(self.quality).action_cs_spot_check(False, '')
        self.assertTrue(self.ticket.stage_id.closed)

    def test_agent_cannot_spot_check(self):
        """Only quality supervisors spot-check."""
        with self.assertRaises(AccessError):
            self.ticket.sudo(self.agent).action_cs_spot_check(True)
        self.assertFalse(self.ticket.cs_spot_check)

    def test_open_ticket_not_checked(self):
        """Open tickets are not spot-checked."""
        with self.assertRaises(UserError):
            self._ticket().sudo(self.quality).action_cs_spot_check(True)
