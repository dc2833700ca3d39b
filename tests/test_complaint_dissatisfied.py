import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .complaint_common import ComplaintAttackCase


class TestComplaintDissatisfied(ComplaintAttackCase):
    """不满意 is not the end: re-handling with a new deadline or a revisit before closing."""

    def setUp(self):
        super(TestComplaintDissatisfied, self).setUp()
        self.complaint = self._ticket(user_id=self.agent.id, cs_registered_date='2020-03-02 01:00:00')
        self.complaint.write({'cs_finding': 'mistake', 'cs_reply': '已致歉', 'cs_customer_opinion': 'dissatisfied'})

    def test_closing_without_followup_refused(self):
        """Closing a dissatisfied complaint without a follow-up is refused; nothing written."""
        with self.assertRaisesRegex(ValidationError, '不满意'), self.env.cr.savepoint():
            self.complaint.sudo(self.agent).write({'stage_id': self.stage_done.id})
        self.complaint.invalidate_cache()
        self.assertFalse(self.complaint.stage_id.closed)
        self.assertFalse(self.complaint.cs_closed_date)

    def test_rehandle_gives_new_deadline(self):
        """Re-handling gives a new working-day deadline from now, then the complaint may close."""
        old = self.complaint.cs_deadline
        self.complaint.sudo(self.agent).action_cs_dissatisfied_followup('rehandle', '重新安排上门检修')
        self.assertEqual(self.complaint.cs_followup, 'rehandle')
        self.assertGreater(self.complaint.cs_deadline, old)
        self.assertGreater(self.complaint.cs_deadline, fields.Datetime.now())
        self.complaint.sudo(self.agent).write({'stage_id': self.stage_done.id})
        self.assertTrue(self.complaint.cs_closed_date)

    def test_revisit_planned_within_days(self):
        """A revisit (origin complaint) is planned within the company's days."""
        self.company.cs_dissatisfied_revisit_days = 2
        self.complaint.sudo(self.manager).action_cs_dissatisfied_followup('revisit', '销售经理上门回访')
        visit = self.complaint.cs_followup_visit_id
        self.assertEqual(visit.origin, 'complaint')
        limit = fields.Date.from_string(fields.Date.context_today(self.complaint)) + datetime.timedelta(days=2)
        self.assertLessEqual(fields.Date.from_string(visit.planned_date), limit)
        self.complaint.sudo(self.agent).write({'stage_id': self.stage_done.id})
        self.assertEqual(self.env['cs.visit'].search_count([('ticket_id', '=', self.complaint.id)]), 1)
        rows = self.env['cs.indicator'].read_group(
            [('source', '=', 'followup'), ('partner_id', '=', self.customer.id)],
            ['revisit_followup_count', 'rehandled_count'], [])
        self.assertEqual((rows[0]['revisit_followup_count'], rows[0]['rehandled_count']), (1, 0))

    def test_followup_attacks(self):
        """Wrong role, accused, bad mode, no note, a satisfied customer, protected fields: refused."""
        names = ['cs_followup', 'cs_followup_note', 'cs_rehandle_date', 'cs_deadline', 'stage_id']
        other = self._user('other_agent', 'customer_service_mgmt.group_cs_agent')
        self._attack(other, AccessError, lambda t: t.action_cs_dissatisfied_followup('revisit', '回访'),
                     record=self.complaint, names=names)
        self._attack(self.agent, UserError, lambda t: t.action_cs_dissatisfied_followup('ignore', '回访'),
                     record=self.complaint, names=names)
        self._attack(self.agent, UserError, lambda t: t.action_cs_dissatisfied_followup('rehandle', '  '),
                     record=self.complaint, names=names)
        self._attack(self.agent, AccessError, lambda t: t.write({'cs_followup': 'revisit'}),
                     record=self.complaint, names=names)
        self._attack(self.agent, AccessError, lambda t: t.with_context(cs_system=True).write(
            {'cs_rehandle_date': fields.Datetime.now()}), record=self.complaint, names=names)
        self.ticket.write({'cs_customer_opinion': 'dissatisfied'})
        self._attack(self.accused, AccessError, lambda t: t.action_cs_dissatisfied_followup('revisit', '回访'),
                     names=names)
        self.complaint.write({'cs_customer_opinion': 'satisfied'})
        self._attack(self.agent, UserError, lambda t: t.action_cs_dissatisfied_followup('revisit', '回访'),
                     record=self.complaint, names=names)
