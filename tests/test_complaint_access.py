from odoo.exceptions import AccessError, UserError

from .complaint_common import ComplaintCase


class TestComplaintAccess(ComplaintCase):
    """Agents register and handle; managers extend, hand over, assign; quality supervisors spot-check."""

    def test_agent_registers_and_handles(self):
        """An agent registers a complaint, takes it, investigates, replies and closes it."""
        ticket = self.Ticket.sudo(self.agent).create({
            'name': '发票抬头错误', 'partner_id': self.customer.id, 'cs_kind': 'complaint'})
        ticket.assign_to_me()
        ticket.write({'cs_investigation': '开票员录入错误', 'cs_finding': 'mistake',
                      'cs_action_ids': [(0, 0, {'name': '重新开具发票', 'user_id': self.agent.id,
                                                'date_deadline': '2026-12-01'})],
                      'cs_reply': '已重开发票', 'cs_customer_opinion': 'basically_satisfied'})
        ticket.write({'stage_id': self.stage_done.id})
        self.assertEqual(ticket.user_id, self.agent)
        self.assertTrue(ticket.cs_closed_date)

    def test_agent_cannot_assign_to_others(self):
        """An agent may not give a ticket to someone else, nor take one from its handler."""
        ticket = self._ticket()
        with self.assertRaisesRegex(AccessError, '只有客服经理可以将'), self.env.cr.savepoint():
            ticket.sudo(self.agent).write({'user_id': self.quality.id})
        ticket.sudo(self.manager).write({'user_id': self.quality.id})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            ticket.sudo(self.agent).write({'user_id': self.agent.id})
        self.assertEqual(ticket.user_id, self.quality)

    def test_manager_assigns(self):
        """A manager assigns a ticket to an agent."""
        ticket = self._ticket()
        ticket.sudo(self.manager).write({'user_id': self.agent.id})
        self.assertEqual(ticket.user_id, self.agent)

    def test_escalation_log_read_only(self):
        """The escalation log is readable by agents and written by nobody through the interface."""
        major = self._ticket(cs_severity='major')
        escalation = major.cs_escalation_ids
        self.assertTrue(escalation.sudo(self.agent).read(['level']))
        with self.assertRaises(AccessError):
            escalation.sudo(self.manager).write({'level': 'cs_manager'})
        with self.assertRaises(AccessError):
            escalation.sudo(self.gm).unlink()

    def test_outsider_sees_no_ticket(self):
        """An employee without a customer-service group cannot read tickets."""
        ticket = self._ticket()
        outsider = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'outsider', 'login': 'cs_test_outsider',
            'groups_id': [(6, 0, [self.env.ref('base.group_user').id])]})
        with self.assertRaises(AccessError):
            ticket.sudo(outsider).read(['name'])

    def test_nobody_deletes(self):
        """Even a manager with the host's delete right cannot delete a ticket."""
        ticket = self._ticket()
        self.Ticket.sudo(self.manager).check_access_rights('unlink')
        with self.assertRaises(UserError):
            ticket.sudo(self.manager).unlink()
