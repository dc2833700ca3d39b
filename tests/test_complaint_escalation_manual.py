from odoo.exceptions import AccessError, UserError

from .complaint_common import ComplaintAttackCase
from .escalation_common import EscalationCase

FIELDS = ['cs_escalation_level', 'cs_escalated_date', 'cs_escalation_ids']


class TestComplaintEscalationManual(EscalationCase):
    """上报 by hand: the handler, the first responder or a manager escalates a case beyond the handler's
    capacity one level, with a reason; refused without a reason, past the last level, or by anyone else."""

    _attack = ComplaintAttackCase._attack
    _snapshot = ComplaintAttackCase._snapshot

    def setUp(self):
        super(TestComplaintEscalationManual, self).setUp()
        self.ticket = self._case()

    def test_handler_escalates_with_a_reason(self):
        """The handler escalates: the site manager gets an activity and a mail, the log keeps the reason."""
        self.ticket.sudo(self.agent).action_cs_escalate('客户要求赔偿，超出本人权限')
        row = self.ticket.cs_escalation_ids
        self.assertEqual((row.level, row.reason, row.user_id, row.note),
                         ('site_manager', 'manual', self.site_manager, '客户要求赔偿，超出本人权限'))
        self.assertEqual(self.ticket.cs_escalation_level, 'site_manager')
        self.assertIn('上报', self._activities(self.ticket, self.site_manager).summary)
        self.assertTrue(self.ticket.message_ids.filtered(lambda m: self.site_manager.partner_id in m.partner_ids))

    def test_wizard_escalates_one_level_at_a_time(self):
        """Through the 上报 wizard, twice: the department manager after the site manager."""
        for reason in ('超出处理能力', '现场经理无法解决'):
            wizard = self.env['cs.ticket.escalate'].sudo(self.agent).create(
                {'ticket_id': self.ticket.id, 'reason': reason})
            wizard.action_confirm()
        self.assertEqual(self.ticket.cs_escalation_level, 'department_head')
        self.assertEqual(len(self._activities(self.ticket, self.department_manager)), 1)

    def test_manager_escalates(self):
        """A customer service manager escalates a ticket he does not handle."""
        self.ticket.sudo(self.manager).action_cs_escalate('重要客户')
        self.assertEqual(self.ticket.cs_escalation_level, 'site_manager')

    def test_no_reason_refused(self):
        """Without a reason (empty, blank, missing) the escalation is refused and nothing is written."""
        for reason in (False, '', '   \n'):
            self._attack(self.agent, UserError, lambda r: r.action_cs_escalate(reason), self.ticket, FIELDS,
                         message='上报')

    def test_past_the_last_level_refused(self):
        """At the deputy GM, the last level, another escalation is refused with the level named."""
        for reason in ('一', '二', '三'):
            self.ticket.sudo(self.agent).action_cs_escalate(reason)
        self.assertEqual(self.ticket.cs_escalation_level, 'deputy_gm')
        error = self._attack(self.agent, UserError, lambda r: r.action_cs_escalate('还要上报'), self.ticket, FIELDS)
        self.assertIn('最后一级', error.args[0])

    def test_closed_refused(self):
        """A closed ticket is not escalated."""
        self._complete(self.ticket)
        self.ticket.write({'cs_finding': 'misunderstanding', 'stage_id': self.stage_done.id})
        self._attack(self.agent, UserError, lambda r: r.action_cs_escalate('原因'), self.ticket, FIELDS)

    def test_others_refused(self):
        """Another agent, the accused and the quality supervisor may not escalate someone else's case."""
        other = self._user('other', 'customer_service_mgmt.group_cs_agent')
        for user in (other, self.accused, self.quality):
            self._attack(user, AccessError, lambda r: r.action_cs_escalate('原因'), self.ticket, FIELDS)

    def test_level_and_log_not_writable(self):
        """Nobody writes the level or the log directly, whatever the context says."""
        for user in (self.agent, self.manager, self.deputy_gm):
            self._attack(user, (AccessError, UserError), lambda r: r.write({'cs_escalation_level': 'deputy_gm'}),
                         self.ticket, FIELDS)
            self._attack(user, (AccessError, UserError), lambda r: r.with_context(
                cs_system=True, tracking_disable=True).write({'cs_escalation_level': 'deputy_gm'}), self.ticket, FIELDS)

    def test_bad_reason_type_refused(self):
        """A reason that is not text is refused by name."""
        self._attack(self.agent, UserError, lambda r: r.action_cs_escalate({'x': 1}), self.ticket, FIELDS)
