from datetime import datetime, timedelta

from .complaint_common import ComplaintCase


class TestComplaintEscalation(ComplaintCase):
    """层级上报: overdue complaints climb one level per run (handler -> CS manager -> general manager)."""

    def setUp(self):
        super(TestComplaintEscalation, self).setUp()
        # this company climbs from the handler to the CS manager, then the general manager (its own chain)
        for sequence, level in enumerate(('cs_manager', 'general_manager')):
            self.env['cs.escalation.level'].create({'level': level, 'sequence': sequence})
        self.ticket = self._ticket(cs_registered_date='2020-03-02 01:00:00', user_id=self.agent.id)
        self.now = datetime.utcnow()

    def _activities(self, user):
        return self.env['mail.activity'].search([
            ('res_model', '=', 'helpdesk.ticket'), ('res_id', '=', self.ticket.id), ('user_id', '=', user.id)])

    def test_escalates_one_level_and_is_idempotent(self):
        """The first run escalates to the CS manager with an activity and a mail; a second run does nothing."""
        self.assertGreaterEqual(self.Ticket._cs_escalate_overdue(self.now), 1)
        self.assertEqual(self.ticket.cs_escalation_level, 'cs_manager')
        self.assertEqual(self.ticket.cs_escalation_ids.mapped('user_id'), self.manager)
        self.assertEqual(len(self._activities(self.manager)), 1)
        mails = self.ticket.message_ids.filtered(lambda m: self.manager.partner_id in m.partner_ids)
        self.assertEqual(len(mails), 1)
        self.assertIn('逾期', mails.body)
        self.Ticket._cs_escalate_overdue(self.now)
        self.assertEqual(self.ticket.cs_escalation_level, 'cs_manager')
        self.assertEqual(len(self.ticket.cs_escalation_ids), 1)
        self.assertEqual(len(self._activities(self.manager)), 1)

    def test_next_level_after_the_interval(self):
        """Still open a day after the first escalation: the general manager; then nothing more."""
        self.Ticket._cs_escalate_overdue(self.now)
        self.Ticket._cs_escalate_overdue(self.now + timedelta(hours=23))
        self.assertEqual(self.ticket.cs_escalation_level, 'cs_manager')
        self.Ticket._cs_escalate_overdue(self.now + timedelta(hours=25))
        self.assertEqual(self.ticket.cs_escalation_level, 'general_manager')
        self.assertEqual(len(self._activities(self.gm)), 1)
        self.Ticket._cs_escalate_overdue(self.now + timedelta(days=5))
        self.assertEqual(len(self._activities(self.gm)), 1)
        self.assertEqual(sorted(self.ticket.cs_escalation_ids.mapped('level')), ['cs_manager', 'general_manager'])

    def test_on_time_and_closed_complaints_stay(self):
        """A complaint within its deadline or closed is not escalated."""
        fresh = self._ticket()
        self._complete(self.ticket)
        self.ticket.write({'stage_id': self.stage_done.id})
        self.Ticket._cs_escalate_overdue(self.now)
        self.assertEqual(fresh.cs_escalation_level, 'handler')
        self.assertEqual(self.ticket.cs_escalation_level, 'handler')

    def test_cron_entry_point(self):
        """The scheduled action escalates through the same code."""
        self.env.ref('customer_service_mgmt.ir_cron_cs_escalate_overdue').method_direct_trigger()
        self.assertEqual(self.ticket.cs_escalation_level, 'cs_manager')

    def test_major_complaint_notifies_at_once(self):
        """A major complaint reaches the department head (here the general manager) at registration, once."""
        # named on the company: a database may hold department managers of its own (the demo does)
        self.company.cs_department_head_id = self.gm
        major = self._ticket(cs_severity='major')
        self.assertEqual(major.cs_escalation_ids.mapped('level'), ['department_head'])
        self.assertEqual(major.cs_escalation_ids.user_id, self.gm)
        activities = self.env['mail.activity'].search([
            ('res_model', '=', 'helpdesk.ticket'), ('res_id', '=', major.id), ('user_id', '=', self.gm.id)])
        self.assertEqual(len(activities), 1)
        self.assertIn('重大投诉', activities.summary)
        major.write({'cs_severity': 'serious'})
        major.write({'cs_severity': 'major'})
        self.assertEqual(len(major.cs_escalation_ids), 1)

    def test_raised_to_major_notifies(self):
        """A complaint raised to major after registration notifies the configured department head."""
        self.company.cs_department_head_id = self.quality
        self.ticket.write({'cs_severity': 'major'})
        self.assertEqual(self.ticket.cs_escalation_ids.user_id, self.quality)
