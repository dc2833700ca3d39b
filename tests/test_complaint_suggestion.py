from odoo.exceptions import AccessError, UserError, ValidationError

from .complaint_common import ComplaintAttackCase


class TestComplaintSuggestion(ComplaintAttackCase):
    """建议: routed to a leader for instruction; closed only with adopted / not adopted and why."""

    def setUp(self):
        super(TestComplaintSuggestion, self).setUp()
        self.suggestion = self._ticket(cs_kind='suggestion', name='建议增加夜间配送', cs_leader_id=self.gm.id)

    def test_leader_gets_activity_and_instructs(self):
        """The leader gets an activity; their instruction is recorded and the activity done."""
        activity = self.suggestion.activity_ids.filtered(lambda a: a.user_id == self.gm)
        self.assertEqual(len(activity), 1)
        self.assertIn('批示', activity.summary)
        self.suggestion.sudo(self.gm).action_cs_instruct('同意试行，下月起实施')
        self.assertEqual(self.suggestion.cs_leader_instruction, '同意试行，下月起实施')
        self.assertTrue(self.suggestion.cs_instruction_date)
        self.assertFalse(self.suggestion.activity_ids.filtered(lambda a: a.user_id == self.gm))

    def test_instruction_by_other_user_refused(self):
        """Another user, even a manager, does not instruct; nothing written."""
        for user in (self.agent, self.manager):
            self._attack(user, AccessError, lambda t: t.action_cs_instruct('同意'), record=self.suggestion,
                         names=['cs_leader_instruction', 'cs_instruction_date'], message='批示')

    def test_instruction_protected_field_and_context(self):
        """The instruction is not written through write/create, whatever the context."""
        self._attack(self.gm, AccessError, lambda t: t.with_context(cs_system=True).write(
            {'cs_leader_instruction': '同意'}), record=self.suggestion, names=['cs_leader_instruction'])
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.Ticket.sudo(self.agent).create({'name': '建议', 'cs_kind': 'suggestion',
                                                 'cs_leader_instruction': '同意'})

    def test_blank_instruction_refused(self):
        """An empty instruction is refused."""
        self._attack(self.gm, UserError, lambda t: t.action_cs_instruct('\u3000'), record=self.suggestion,
                     names=['cs_leader_instruction'])

    def test_closing_needs_adoption_and_reason(self):
        """A suggestion closes only with adopted / not adopted and a reason."""
        self.suggestion.write({'cs_reply': '已转交相关部门'})
        with self.assertRaisesRegex(ValidationError, '采纳'), self.env.cr.savepoint():
            self.suggestion.sudo(self.agent).write({'stage_id': self.stage_done.id})
        self.assertFalse(self.suggestion.stage_id.closed)
        self.suggestion.sudo(self.agent).write({'cs_adoption': 'not_adopted', 'cs_adoption_reason': '成本过高'})
        self.suggestion.sudo(self.agent).write({'stage_id': self.stage_done.id})
        self.assertTrue(self.suggestion.cs_closed_date)

    def test_indicators_count_suggestions(self):
        """The indicators count suggestions and adopted ones."""
        self.suggestion.write({'cs_adoption': 'adopted', 'cs_adoption_reason': '可行'})
        self._ticket(cs_kind='suggestion', name='建议二')
        self.env['cs.indicator'].invalidate_cache()
        rows = self.env['cs.indicator'].read_group(
            [('source', '=', 'followup'), ('partner_id', '=', self.customer.id)],
            ['suggestion_count', 'adopted_count'], [])
        self.assertEqual((rows[0]['suggestion_count'], rows[0]['adopted_count']), (2, 1))
