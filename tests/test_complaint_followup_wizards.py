import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .complaint_common import ComplaintAttackCase


class TestComplaintFollowupWizards(ComplaintAttackCase):
    """The forms of 领导批示, requests to other departments, their answers, 不满意 follow-ups and action
    verification: used by whom they concern; the actions behind them refuse anyone else and blank text."""

    @classmethod
    def setUpClass(cls):
        super(TestComplaintFollowupWizards, cls).setUpClass()
        cls.product_dept = cls._user('wiz_product_dept', 'base.group_user')
        cls.company.write({'cs_product_dept_user_id': cls.product_dept.id})

    @staticmethod
    def _run(model_as_user, wizard, vals):
        """Fill the wizard as the user of ``model_as_user``'s environment and confirm it."""
        return model_as_user.env[wizard].create(vals).action_confirm()

    # 领导批示
    def test_leader_instructs_through_the_form(self):
        """The leader the suggestion is routed to sees the button and instructs through the form."""
        suggestion = self._ticket(cs_kind='suggestion', name='建议增加夜间配送', cs_leader_id=self.gm.id)
        self.assertTrue(suggestion.sudo(self.gm).cs_can_instruct)
        self.assertFalse(suggestion.sudo(self.manager).cs_can_instruct)
        self._run(suggestion.sudo(self.gm), 'cs.ticket.instruct',
                  {'ticket_id': suggestion.id, 'instruction': '同意试行'})
        self.assertEqual(suggestion.cs_leader_instruction, '同意试行')
        self.assertFalse(suggestion.sudo(self.gm).cs_can_instruct)

    def test_instruct_form_refusals(self):
        """Another user, or a blank (U+3000) instruction: refused by the action, nothing written."""
        suggestion = self._ticket(cs_kind='suggestion', name='建议增加夜间配送', cs_leader_id=self.gm.id)
        names = ['cs_leader_instruction', 'cs_instruction_date']
        self._attack(self.manager, AccessError, lambda t: self._run(
            t, 'cs.ticket.instruct', {'ticket_id': t.id, 'instruction': '同意'}), record=suggestion, names=names,
            message='批示')
        self._attack(self.gm, UserError, lambda t: self._run(
            t, 'cs.ticket.instruct', {'ticket_id': t.id, 'instruction': '\u3000'}), record=suggestion, names=names)

    # requests to other departments and their answers
    def _product_problem(self):
        ticket = self._ticket(user_id=self.agent.id)
        self._complete(ticket)
        ticket.write({'cs_finding': 'product'})
        return ticket

    def test_refer_and_answer_through_the_forms(self):
        """The agent sends the finding; the product department (outside customer service) answers it."""
        ticket = self._product_problem()
        self._run(ticket.sudo(self.agent), 'cs.ticket.refer', {'ticket_id': ticket.id, 'request': '请核查包装'})
        referral = ticket.cs_referral_ids
        self.assertEqual(referral.recipient_id, self.product_dept)
        mine = referral.sudo(self.product_dept)
        self.assertTrue(mine.cs_is_recipient)
        self.assertFalse(referral.sudo(self.agent).cs_is_recipient)
        opened = mine.action_cs_open_answer()
        self.assertEqual((opened['res_model'], opened['context']['default_referral_id']),
                         ('cs.ticket.referral.answer', referral.id))
        wizard = self.env['cs.ticket.referral.answer'].sudo(self.product_dept).with_context(
            opened['context']).create({'answer': '已更换包装供应商'})
        self.assertEqual((wizard.ticket_number, wizard.request), (ticket.number, '请核查包装'))
        wizard.action_confirm()
        self.assertEqual((referral.answer, referral.answered_by), ('已更换包装供应商', self.product_dept))

    def test_refer_and_answer_form_refusals(self):
        """A product-department user does not send; the agent does not answer; blank text: refused."""
        ticket = self._product_problem()
        self._attack(self.product_dept, AccessError, lambda t: self._run(
            t, 'cs.ticket.refer', {'ticket_id': t.id, 'request': '请核查'}), record=ticket)
        self._attack(self.agent, UserError, lambda t: self._run(
            t, 'cs.ticket.refer', {'ticket_id': t.id, 'request': '\u3000'}), record=ticket)
        self.assertFalse(ticket.cs_referral_ids)
        ticket.sudo(self.agent).action_cs_refer('请核查')
        referral = ticket.cs_referral_ids
        names = ['answer', 'answered_date', 'answered_by']
        self._attack(self.agent, AccessError, lambda r: self._run(
            r, 'cs.ticket.referral.answer', {'referral_id': r.id, 'answer': '已处理'}), record=referral, names=names)
        self._attack(self.product_dept, UserError, lambda r: self._run(
            r, 'cs.ticket.referral.answer', {'referral_id': r.id, 'answer': '\u3000'}), record=referral,
            names=names)

    # 不满意
    def _dissatisfied(self):
        ticket = self._ticket(user_id=self.agent.id, cs_registered_date='2020-03-02 01:00:00')
        ticket.write({'cs_finding': 'mistake', 'cs_reply': '已致歉', 'cs_customer_opinion': 'dissatisfied'})
        return ticket

    def test_handler_rehandles_through_the_form(self):
        """The handler sees the button and re-handles: a new deadline, then the complaint may close."""
        ticket = self._dissatisfied()
        old = ticket.cs_deadline
        self.assertTrue(ticket.sudo(self.agent).cs_can_follow_up)
        self._run(ticket.sudo(self.agent), 'cs.ticket.dissatisfied.followup',
                  {'ticket_id': ticket.id, 'mode': 'rehandle', 'note': '重新安排上门检修'})
        self.assertEqual((ticket.cs_followup, ticket.cs_followup_note), ('rehandle', '重新安排上门检修'))
        self.assertGreater(ticket.cs_deadline, old)
        self.assertFalse(ticket.sudo(self.agent).cs_can_follow_up)
        ticket.sudo(self.agent).write({'stage_id': self.stage_done.id})
        self.assertTrue(ticket.cs_closed_date)

    def test_manager_plans_revisit_through_the_form(self):
        """A manager plans the revisit from the form."""
        ticket = self._dissatisfied()
        self._run(ticket.sudo(self.manager), 'cs.ticket.dissatisfied.followup',
                  {'ticket_id': ticket.id, 'mode': 'revisit', 'note': '销售经理上门回访'})
        self.assertEqual(ticket.cs_followup_visit_id.origin, 'complaint')

    def test_followup_form_refusals(self):
        """Another agent (not handler) and a blank note: refused, nothing written."""
        ticket = self._dissatisfied()
        other = self._user('wiz_other_agent', 'customer_service_mgmt.group_cs_agent')
        self.assertFalse(ticket.sudo(other).cs_can_follow_up)
        names = ['cs_followup', 'cs_followup_note', 'cs_rehandle_date', 'cs_deadline']
        self._attack(other, AccessError, lambda t: self._run(t, 'cs.ticket.dissatisfied.followup', {
            'ticket_id': t.id, 'mode': 'rehandle', 'note': '重新处理'}), record=ticket, names=names)
        self._attack(self.agent, UserError, lambda t: self._run(t, 'cs.ticket.dissatisfied.followup', {
            'ticket_id': t.id, 'mode': 'rehandle', 'note': '\u3000'}), record=ticket, names=names)

    # 纠正预防措施
    def _done_action(self):
        action = self.env['cs.ticket.action'].sudo(self.agent).create({
            'ticket_id': self.ticket.id, 'name': '修订送货流程', 'user_id': self.agent.id,
            'date_deadline': fields.Date.to_string(self.today + datetime.timedelta(days=3))})
        action.write({'done': True})
        return action.sudo()

    def test_quality_verifies_through_the_form(self):
        """The quality supervisor verifies a done action from the list's button."""
        action = self._done_action()
        opened = action.sudo(self.quality).action_cs_open_verify()
        wizard = self.env['cs.ticket.action.verify'].sudo(self.quality).with_context(opened['context']).create(
            {'note': '现场抽查已执行'})
        self.assertEqual(wizard.action_name, '修订送货流程')
        wizard.action_confirm()
        self.assertEqual((action.verified_by, action.verification_note), (self.quality, '现场抽查已执行'))

    def test_verify_form_refusals(self):
        """The owner or a manager do not verify; nothing written."""
        action = self._done_action()
        names = ['verified_by', 'verified_date', 'verification_note']
        for user in (self.agent, self.manager):
            self._attack(user, AccessError, lambda a: self._run(
                a, 'cs.ticket.action.verify', {'action_id': a.id, 'note': '已核实'}), record=action, names=names)
