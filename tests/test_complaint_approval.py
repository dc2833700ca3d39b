from odoo.exceptions import AccessError, UserError, ValidationError

from .complaint_common import ComplaintAttackCase
from .escalation_common import EscalationCase

STAMP = ['cs_approved_by_id', 'cs_approved_date']


class TestComplaintApproval(EscalationCase):
    """The investigation result and proposed handling go to the deputy GM in charge, who approves the
    handling of a complaint with a personal finding before it closes; the result goes to the customer and
    to the accused 被投诉者."""

    _attack = ComplaintAttackCase._attack
    _snapshot = ComplaintAttackCase._snapshot

    def setUp(self):
        super(TestComplaintApproval, self).setUp()
        self.ticket = self._case(cs_investigation='送货员未按约定时间送达', cs_rectification_plan='培训送货员')
        self.ticket.sudo(self.agent).write({'cs_finding': 'mistake', 'cs_reply': '已致歉并补送',
                                            'cs_customer_opinion': 'satisfied'})

    def _close(self, user=None):
        self.ticket.sudo(user or self.agent).write({'stage_id': self.stage_done.id})

    def test_finding_goes_to_the_deputy_gm(self):
        """A personal finding gives the deputy GM one activity with the facts and the proposed handling."""
        activity = self._activities(self.ticket, self.deputy_gm)
        self.assertEqual(len(activity), 1)
        self.assertIn('培训送货员', activity.note)
        self.ticket.sudo(self.agent).write({'cs_finding': 'violation'})
        self.assertEqual(len(self._activities(self.ticket, self.deputy_gm)), 1)

    def test_not_closed_before_approval(self):
        """Closing before the deputy GM approved is refused with the rule named; the ticket stays open."""
        with self.assertRaises(ValidationError) as caught, self.env.cr.savepoint():
            self._close()
        self.assertIn('主管副总', caught.exception.args[0])
        self.ticket.invalidate_cache()
        self.assertFalse(self.ticket.stage_id.closed)

    def test_deputy_gm_approves_then_it_closes(self):
        """The deputy GM approves (stamped, activity done); then the handler closes it."""
        self.ticket.sudo(self.deputy_gm).action_cs_approve_handling()
        self.assertEqual(self.ticket.cs_approved_by_id, self.deputy_gm)
        self.assertTrue(self.ticket.cs_approved_date)
        self.assertFalse(self._activities(self.ticket, self.deputy_gm))
        self._close()
        self.assertTrue(self.ticket.stage_id.closed)

    def test_changed_finding_needs_a_new_approval(self):
        """A finding changed after the approval clears it."""
        self.ticket.sudo(self.deputy_gm).action_cs_approve_handling()
        self.ticket.sudo(self.agent).write({'cs_finding': 'violation'})
        self.assertFalse(self.ticket.cs_approved_by_id)

    def test_no_personal_finding_no_approval(self):
        """A customer misunderstanding closes without the deputy GM, who has nothing to approve."""
        self.ticket.sudo(self.agent).write({'cs_finding': 'misunderstanding'})
        self._attack(self.deputy_gm, UserError, lambda r: r.action_cs_approve_handling(), self.ticket, STAMP)
        self._close()
        self.assertTrue(self.ticket.stage_id.closed)

    def test_result_goes_to_customer_and_accused(self):
        """On closing, one mail carries the reply to the customer and to the accused."""
        self.ticket.sudo(self.deputy_gm).action_cs_approve_handling()
        self._close()
        result = self.ticket.message_ids.filtered(lambda m: self.customer in m.partner_ids and '已致歉并补送' in (m.body or ''))
        self.assertEqual(len(result), 1)
        self.assertIn(self.customer, result.partner_ids)
        self.assertIn(self.accused.partner_id, result.partner_ids)
        self.assertIn('已致歉并补送', result.body)


    def test_others_may_not_approve(self):
        """The handler, a manager, the department manager and the GM may not approve; nothing is written."""
        for user in (self.agent, self.manager, self.department_manager, self.gm):
            self._attack(user, AccessError, lambda r: r.action_cs_approve_handling(), self.ticket, STAMP,
                         message='主管副总')

    def test_accused_deputy_gm_may_not_approve(self):
        """A deputy GM accused in the complaint does not approve its handling."""
        self.ticket.write({'cs_accused_user_ids': [(4, self.deputy_gm.id)]})
        self._attack(self.deputy_gm, AccessError, lambda r: r.action_cs_approve_handling(), self.ticket, STAMP)

    def test_stamp_not_writable(self):
        """Nobody writes the approval stamp, not even the deputy GM or with a context key."""
        for user in (self.agent, self.manager, self.deputy_gm):
            self._attack(user, (AccessError, UserError), lambda r: r.write({'cs_approved_by_id': self.deputy_gm.id}),
                         self.ticket, STAMP)
            self._attack(user, (AccessError, UserError), lambda r: r.with_context(cs_system=True).write(
                {'cs_approved_date': '2026-11-01 00:00:00'}), self.ticket, STAMP)

    def test_without_deputy_gm_no_approval_needed(self):
        """A company without a deputy GM in charge closes such complaints as before."""
        self.company.cs_deputy_gm_id = False
        self.deputy_gm.active = False
        self._close()
        self.assertTrue(self.ticket.stage_id.closed)
