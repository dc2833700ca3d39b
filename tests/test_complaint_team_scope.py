from datetime import datetime

from odoo.exceptions import AccessError, UserError

from .test_indicator_complaint import IndicatorCase


class TestComplaintTeamScope(IndicatorCase):
    """The policy applies to customer-service teams only: a ticket of another team (IT support) keeps the
    host's plain behaviour and stays out of the indicators and reports; tickets without a team and of
    customer-service teams are governed."""

    @classmethod
    def setUpClass(cls):
        super(TestComplaintTeamScope, cls).setUpClass()
        cls.it_team = cls.env['helpdesk.ticket.team'].create({'name': 'IT 支持', 'cs_customer_service': False})

    def _it_ticket(self, **vals):
        return self._ticket(user_id=self.agent.id, team_id=self.it_team.id, **vals)

    def test_data_team_and_new_teams_are_customer_service(self):
        """The addon's 客户服务部 and a newly created team are customer-service teams; their tickets are governed."""
        team = self.env.ref('customer_service_mgmt.helpdesk_ticket_team_customer_service')
        self.assertTrue(team.cs_customer_service)
        self.assertTrue(self._ticket(team_id=team.id).cs_governed)
        self.assertTrue(self._ticket().cs_governed)
        self.assertTrue(self.team1.cs_customer_service)

    def test_other_team_has_no_deadline_nor_acknowledgement(self):
        """An IT ticket has no deadline (so no acknowledgement of one) and is never overdue."""
        ticket = self._it_ticket()
        self.assertFalse(ticket.cs_governed)
        self.assertFalse(ticket.cs_deadline)
        self.assertFalse(ticket.cs_overdue)

    def test_other_team_is_not_escalated(self):
        """An old IT ticket is not escalated, nor is a major one notified, nor escalated by hand."""
        ticket = self._it_ticket(cs_registered_date='2020-03-02 01:00:00', cs_severity='major')
        self.Ticket._cs_escalate_overdue(datetime.utcnow())
        self.assertFalse(ticket.cs_escalation_ids)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            ticket.sudo(self.agent).action_cs_escalate('超出能力')
        self.assertFalse(ticket.cs_escalation_ids)

    def test_other_team_closes_plainly(self):
        """An IT ticket closes without finding, reply or customer opinion."""
        ticket = self._it_ticket()
        ticket.sudo(self.agent).write({'stage_id': self.stage_done.id})
        self.assertTrue(ticket.stage_id.closed)

    def test_untick_team_releases_its_open_tickets(self):
        """A team marked as not customer service by a manager: its tickets lose their deadline."""
        ticket = self._ticket(team_id=self.team2.id)
        self.assertTrue(ticket.cs_deadline)
        self.team2.sudo(self.manager).write({'cs_customer_service': False})
        self.assertFalse(ticket.cs_governed)
        self.assertFalse(ticket.cs_deadline)

    def test_out_of_the_indicators_and_reports(self):
        """An October IT complaint adds nothing to the indicators, the monthly summary or the customer's behaviour."""
        Behaviour = self.env['res.partner']
        summary = self.env['report.customer_service_mgmt.cs_complaint_summary']._cs_summary('2026-10')
        facts = Behaviour._cs_behaviour_complaints([self.customer.id], self.company, '2025-11-01', '2026-11-30')
        ticket = self._it_ticket(cs_registered_date='2026-10-09 02:00:00')
        self.assertFalse(self.env['cs.indicator'].search([('source', '=', 'complaint'), ('team_id', '=', self.it_team.id)]))
        self.assertNotIn(ticket.id * 4, self.env['cs.indicator'].search([('source', '=', 'complaint')]).ids)
        self.assertEqual(self.env['report.customer_service_mgmt.cs_complaint_summary']._cs_summary('2026-10')['total'],
                         summary['total'])
        self.assertEqual(Behaviour._cs_behaviour_complaints([self.customer.id], self.company, '2025-11-01',
                                                            '2026-11-30'), facts)

    def test_agent_cannot_flag_a_team_or_a_ticket(self):
        """An agent neither unticks a team nor writes a ticket's flag; nothing is written."""
        ticket = self._ticket(user_id=self.agent.id, team_id=self.team1.id)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.team1.sudo(self.agent).write({'cs_customer_service': False})
        for context in ({}, {'cs_system': True}):
            with self.assertRaises((AccessError, UserError)), self.env.cr.savepoint():
                ticket.sudo(self.agent).with_context(**context).write({'cs_governed': False})
        ticket.invalidate_cache()
        self.team1.invalidate_cache()
        self.assertTrue(self.team1.cs_customer_service)
        self.assertTrue(ticket.cs_governed)
