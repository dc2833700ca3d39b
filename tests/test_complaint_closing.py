from unittest.mock import patch

from odoo.exceptions import ValidationError

from .complaint_common import ComplaintCase


class TestComplaintClosing(ComplaintCase):
    """件件有落实，事事有回复: what each kind needs before it reaches a closed stage."""

    def test_complaint_needs_finding_reply_opinion(self):
        """Closing a bare complaint is refused, naming what is missing; the stage does not change."""
        ticket = self._ticket()
        with self.assertRaisesRegex(ValidationError, '责任认定.*答复.*客户意见'), self.env.cr.savepoint():
            ticket.sudo(self.agent).write({'stage_id': self.stage_done.id})
        ticket.invalidate_cache()
        self.assertEqual(ticket.stage_id, self.stage_new)
        self.assertFalse(ticket.cs_closed_date)

    def test_complaint_without_opinion_refused(self):
        """A reply and a finding are not enough: the customer's opinion is needed too."""
        ticket = self._ticket(cs_finding='product', cs_reply='已更换商品')
        with self.assertRaisesRegex(ValidationError, '客户意见'):
            ticket.write({'stage_id': self.stage_done.id})

    def test_complete_complaint_closes(self):
        """A complete complaint closes: closing time stamped, on time, resolution hours computed."""
        ticket = self._ticket()
        self._complete(ticket)
        ticket.sudo(self.agent).write({'stage_id': self.stage_done.id})
        self.assertTrue(ticket.cs_closed_date)
        self.assertTrue(ticket.cs_on_time)
        self.assertEqual(ticket.cs_on_time_rate, 100.0)
        self.assertGreaterEqual(ticket.cs_resolution_hours, 0.0)

    def test_late_complaint_not_on_time(self):
        """A complaint closed after its deadline is not on time."""
        ticket = self._ticket(cs_registered_date='2020-03-02 01:00:00')
        self._complete(ticket)
        ticket.write({'stage_id': self.stage_done.id})
        self.assertFalse(ticket.cs_on_time)
        self.assertEqual(ticket.cs_on_time_rate, 0.0)

    def test_consultation_needs_reply_only(self):
        """A consultation closes with a reply, without finding or opinion."""
        ticket = self._ticket(cs_kind='consultation')
        with self.assertRaisesRegex(ValidationError, '咨询.*答复'), self.env.cr.savepoint():
            ticket.write({'stage_id': self.stage_done.id})
        ticket.invalidate_cache()
        self.assertEqual(ticket.stage_id, self.stage_new)
        ticket.write({'cs_reply': '已电话答复价格政策', 'stage_id': self.stage_done.id})
        self.assertTrue(ticket.cs_closed_date)

    def test_reply_cannot_be_removed_once_closed(self):
        """Clearing the reply of a closed complaint is refused."""
        ticket = self._ticket()
        self._complete(ticket)
        ticket.write({'stage_id': self.stage_done.id})
        with self.assertRaises(ValidationError):
            ticket.write({'cs_reply': False})

    def test_hook_called_once_per_closing(self):
        """The closing hook runs once per complaint each time it reaches a closed stage, not for a
        consultation, not when moving between closed stages."""
        complaint = self._ticket()
        self._complete(complaint)
        consultation = self._ticket(cs_kind='consultation', cs_reply='已答复')
        cancelled = self.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_cancelled')
        model = type(self.Ticket)
        with patch.object(model, '_cs_on_complaint_closed', autospec=True, return_value=True) as hook:
            (complaint | consultation).write({'stage_id': self.stage_done.id})
            self.assertEqual(hook.call_count, 1)
            self.assertEqual(hook.call_args[0][0], complaint)
            complaint.write({'stage_id': cancelled.id})
            self.assertEqual(hook.call_count, 1)
            complaint.write({'stage_id': self.stage_progress.id})
            self.assertFalse(complaint.cs_closed_date)
            complaint.write({'stage_id': self.stage_done.id})
            self.assertEqual(hook.call_count, 2)
