from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.models import check_method_name

from .common_rewards import CsRewardCase


class TestSecurityReward(CsRewardCase):
    """Attacks on rewards, penalties, praises, the award wizards and their reports (issue 9), each as a
    real user of its group: refused, nothing written. Class of issue 9 in brackets."""

    @classmethod
    def setUpClass(cls):
        super(TestSecurityReward, cls).setUpClass()
        cls.sales = cls._user('sales', 'customer_service_mgmt.group_cs_salesperson')
        cls.manager2 = cls._user('manager2', 'customer_service_mgmt.group_cs_manager')
        cls.other_company = cls.env['res.company'].create({'name': '另一家公司'})
        cls.stranger = cls.env['res.users'].with_context(no_reset_password=True).create({
            'name': '外部员工', 'login': 'cs_test_stranger', 'company_id': cls.other_company.id,
            'company_ids': [(6, 0, cls.other_company.ids)]})

    def setUp(self):
        super(TestSecurityReward, self).setUp()
        self.fine = self._fine(user=self.agent, amount=300)

    def _fine_of(self, user, amount=300):
        """A draft fine recorded by the second manager (a manager cannot record his own)."""
        return self.Record.sudo(self.manager2).create({
            'user_id': user.id, 'kind': 'penalty', 'reason_type': 'complaint', 'band_role': 'person',
            'amount': amount, 'ticket_id': self.ticket.id})

    def _confirmed(self, user=None):
        fine = self._fine_of(user or self.agent)
        fine.sudo(self.gm).action_confirm()
        return fine

    # --- 2 protected values / 3 states only through their actions

    def test_write_state(self):
        """[3] A manager's write of state 'confirmed' is refused."""
        self._refused(lambda: self.fine.sudo(self.manager).write({'state': 'confirmed'}), AccessError, '状态')
        self.assertEqual(self.fine.state, 'draft')

    def test_write_state_cancelled(self):
        """[3] A general manager's write of state 'cancelled' on a confirmed fine is refused."""
        fine = self._confirmed()
        self._refused(lambda: fine.sudo(self.gm).write({'state': 'cancelled'}), AccessError)
        self.assertEqual(fine.state, 'confirmed')

    def test_create_confirmed(self):
        """[3] A record cannot be created confirmed."""
        self._refused(lambda: self.Record.sudo(self.manager).create({
            'user_id': self.agent2.id, 'kind': 'reward', 'reason_type': 'other', 'amount': 10,
            'state': 'confirmed', 'notes': 'create-confirmed'}), AccessError)
        self.assertFalse(self.Record.search([('notes', '=', 'create-confirmed')]))

    def test_context_default_state(self):
        """[4] A context default_state does not create a confirmed record."""
        record = self.Record.sudo(self.manager).with_context(
            default_state='confirmed', default_confirmed_by_id=self.manager.id).create({
                'user_id': self.agent2.id, 'kind': 'reward', 'reason_type': 'other', 'amount': 10})
        self.assertEqual(record.state, 'draft')
        self.assertFalse(record.confirmed_by_id)

    def test_write_confirmation_stamp(self):
        """[2] The confirmer and date are stamped by the confirmation only."""
        fine = self._confirmed()
        self._refused(lambda: fine.sudo(self.manager).write({'confirmed_by_id': self.manager2.id}), AccessError)
        self._refused(lambda: fine.sudo(self.manager).write({'confirmed_date': '2020-01-01 00:00:00'}), AccessError)
        self.assertEqual(fine.confirmed_by_id, self.gm)

    def test_write_cancel_reason(self):
        """[2] The cancellation reason is written by the cancellation only."""
        self._refused(lambda: self.fine.sudo(self.manager).write({'cancel_reason': '随便'}), AccessError)
        self.assertFalse(self.fine.cancel_reason)

    def test_create_proposed(self):
        """[2] A hand-made record cannot pass for an automatic proposal."""
        self._refused(lambda: self.Record.sudo(self.manager).create({
            'user_id': self.agent2.id, 'kind': 'penalty', 'reason_type': 'complaint', 'band_role': 'person',
            'amount': 300, 'proposed': True, 'notes': 'fake-proposal'}), AccessError)
        self.assertFalse(self.Record.search([('notes', '=', 'fake-proposal')]))

    def test_cancel_without_reason(self):
        """[3] Cancelling without a reason is refused."""
        fine = self._confirmed()
        self._refused(lambda: fine.sudo(self.manager).action_cancel(''), UserError, '原因')
        self._refused(lambda: fine.sudo(self.manager).action_cancel(False), UserError, '原因')
        self.assertEqual(fine.state, 'confirmed')

    def test_cancel_ideographic_space(self):
        """[10] A reason of ideographic or zero-width spaces is no reason."""
        fine = self._confirmed()
        for reason in ('\u3000\u3000', '\u200b', ' \ufeff '):
            self._refused(lambda: fine.sudo(self.manager).action_cancel(reason), UserError, '原因')
        self.assertEqual(fine.state, 'confirmed')

    def test_cancel_nul_reason(self):
        """[10] A reason with a NUL character is refused."""
        fine = self._confirmed()
        self._refused(lambda: fine.sudo(self.manager).action_cancel('撤销\x00'), UserError)
        self.assertEqual(fine.state, 'confirmed')

    def test_unlink_confirmed(self):
        """[3] A confirmed record is never deleted, not even by the general manager."""
        fine = self._confirmed()
        self._refused(lambda: fine.sudo(self.gm).unlink(), UserError, '永不删除')
        self.assertTrue(fine.exists())

    def test_unlink_cancelled(self):
        """[3] A cancelled record is kept too."""
        fine = self._confirmed()
        fine.sudo(self.manager).action_cancel('复核撤销')
        self._refused(lambda: fine.sudo(self.manager).unlink(), UserError)
        self.assertTrue(fine.exists())

    def test_agent_confirms_own(self):
        """[3] An agent cannot confirm a fine, not even their own."""
        self._refused(lambda: self.fine.sudo(self.agent).action_confirm(), AccessError)
        self.assertEqual(self.fine.state, 'draft')

    def test_quality_cancels(self):
        """[3] A quality supervisor cannot cancel a fine."""
        fine = self._confirmed(self.quality)
        self._refused(lambda: fine.sudo(self.quality).action_cancel('不服'), AccessError)
        self.assertEqual(fine.state, 'confirmed')

    def test_salesperson_reads_fines(self):
        """[9] A salesperson reads no fines."""
        self._refused(lambda: self.Record.sudo(self.sales).search([]).read(['amount']), AccessError)

    # --- 7 nobody acts on a record about themself

    def test_create_own_reward(self):
        """[7] A manager cannot record a reward for himself."""
        self._refused(lambda: self.Record.sudo(self.manager).create({
            'user_id': self.manager.id, 'kind': 'reward', 'reason_type': 'other', 'amount': 5000,
            'notes': 'self-reward'}), AccessError, '本人')
        self.assertFalse(self.Record.search([('notes', '=', 'self-reward')]))

    def test_confirm_own_reward(self):
        """[7] A manager cannot confirm a reward of his own another manager recorded."""
        reward = self.Record.sudo(self.manager2).create({
            'user_id': self.manager.id, 'kind': 'reward', 'reason_type': 'other', 'amount': 5000})
        self._refused(lambda: reward.sudo(self.manager).action_confirm(), AccessError)
        self.assertEqual(reward.state, 'draft')

    def test_cancel_own_fine(self):
        """[7] A manager cannot cancel his own confirmed fine."""
        fine = self._confirmed(self.manager)
        self._refused(lambda: fine.sudo(self.manager).action_cancel('我不同意'), AccessError)
        self._refused(lambda: fine.sudo(self.manager).action_cancel_wizard(), AccessError)
        self.assertEqual(fine.state, 'confirmed')

    def test_delete_own_draft_fine(self):
        """[7] A manager cannot delete the fine proposed against him."""
        fine = self._fine_of(self.manager)
        self._refused(lambda: fine.sudo(self.manager).unlink(), AccessError)
        self.assertTrue(fine.exists())

    def test_lower_own_draft_fine(self):
        """[7] A manager cannot lower the draft fine proposed against him."""
        fine = self._fine_of(self.manager, amount=400)
        self._refused(lambda: fine.sudo(self.manager).write({'amount': 200}), AccessError)
        self.assertEqual(fine.amount, 400)

    def test_reassign_reward_to_self(self):
        """[7] A manager cannot move a draft reward onto himself."""
        reward = self.Record.sudo(self.manager2).create({
            'user_id': self.agent2.id, 'kind': 'reward', 'reason_type': 'other', 'amount': 800})
        self._refused(lambda: reward.sudo(self.manager).write({'user_id': self.manager.id}), AccessError)
        self.assertEqual(reward.user_id, self.agent2)

    def test_praise_self(self):
        """[7] An agent cannot credit a praise to themself."""
        self._refused(lambda: self.env['cs.praise'].sudo(self.agent).create({
            'partner_id': self.customer.id, 'user_id': self.agent.id, 'written': True, 'text': 'self-praise'}),
            AccessError)
        self.assertFalse(self.env['cs.praise'].search([('text', '=', 'self-praise')]))

    def test_praise_upgraded_by_self(self):
        """[7] An agent cannot turn a colleague's note of their praise into a written one."""
        praise = self._praise(self.agent, '2026-03-01', written=False)
        self._refused(lambda: praise.sudo(self.agent).write({'written': True}), AccessError)
        self.assertFalse(praise.written)

    def test_award_wizard_self(self):
        """[7] The award wizard cannot award the running manager himself."""
        wizard = self.env['cs.award.wizard'].sudo(self.manager).create({
            'date': '2026-03-01', 'amount': 1000,
            'line_ids': [(0, 0, {'user_id': self.manager.id, 'selected': True, 'override_reason': '我最好'})]})
        self._refused(wizard.action_award, AccessError)
        self.assertFalse(self.Record.search([('user_id', '=', self.manager.id), ('reason_type', '=', 'half_year_award')]))

    def test_service_star_self(self):
        """[7] The service-star wizard cannot choose the running manager."""
        wizard = self.env['cs.service.star.wizard'].sudo(self.manager).create({
            'date': '2026-03-01', 'amount': 500,
            'line_ids': [(0, 0, {'rank': 1, 'user_id': self.manager.id, 'chosen': True})]})
        self._refused(wizard.action_choose, AccessError)
        self.assertFalse(self.Record.search([('user_id', '=', self.manager.id), ('reason_type', '=', 'service_star')]))

    # --- 10 bad values

    def test_nan_amount(self):
        """[10] A NaN amount is refused, naming the field."""
        self._refused(lambda: self.Record.sudo(self.manager).create({
            'user_id': self.agent2.id, 'kind': 'reward', 'reason_type': 'other', 'amount': float('nan')}),
            UserError, '金额')

    def test_infinite_amount(self):
        """[10] An infinite amount is refused on write."""
        self._refused(lambda: self.fine.sudo(self.manager).write({'amount': float('inf')}), UserError, '金额')
        self.assertEqual(self.fine.amount, 300)

    def test_negative_amount(self):
        """[10] A negative reward is refused in Chinese before the database's check."""
        self._refused(lambda: self.Record.sudo(self.manager).create({
            'user_id': self.agent2.id, 'kind': 'reward', 'reason_type': 'other', 'amount': -50}),
            ValidationError, '负')

    def test_nul_notes(self):
        """[10] Notes with a NUL character are refused."""
        self._refused(lambda: self.fine.sudo(self.manager).write({'notes': 'a\x00b'}), UserError)
        self.assertFalse(self.fine.notes)

    def test_other_company_user(self):
        """[10] A reward for an employee of another company is refused, naming the field."""
        self._refused(lambda: self.Record.sudo(self.manager).create({
            'user_id': self.stranger.id, 'kind': 'reward', 'reason_type': 'other', 'amount': 10}),
            UserError, '员工')
        self.assertFalse(self.Record.search([('user_id', '=', self.stranger.id)]))

    def test_impossible_date(self):
        """[10] An impossible date is refused, naming the field."""
        self._refused(lambda: self.fine.sudo(self.manager).write({'date': '2026-02-30'}), UserError)

    # --- 9 reports checked against the reader's rights

    def _statement_pdf(self, user, ids, data):
        return self.env.ref('customer_service_mgmt.cs_reward_statement_pdf').sudo(user).render_qweb_pdf(ids, data)

    def test_statement_pdf_of_colleague(self):
        """[9] An agent cannot print a colleague's statement by its URL (/report/pdf/.../<id>)."""
        self._refused(lambda: self._statement_pdf(self.agent, self.agent2.ids, None), AccessError)

    def test_statement_options_of_colleague(self):
        """[9] Nor with the wizard's data and no ids (/report/pdf/...?options=)."""
        data = {'date_from': '2026-01-01', 'date_to': '2026-12-31', 'user_ids': self.agent2.ids}
        self._refused(lambda: self._statement_pdf(self.agent, None, data), AccessError)

    def test_statement_xlsx_of_colleague(self):
        """[9] Nor as a spreadsheet."""
        data = {'date_from': '2026-01-01', 'date_to': '2026-12-31', 'user_ids': self.agent2.ids}
        report = self.env.ref('customer_service_mgmt.cs_reward_statement_xlsx').sudo(self.agent)
        self._refused(lambda: report.render_xlsx(None, data), AccessError)

    def test_statement_own_allowed(self):
        """[9] The agent's own statement prints (the rule the records follow)."""
        data = {'date_from': '2026-01-01', 'date_to': '2026-12-31', 'user_ids': self.agent.ids}
        content, fmt = self.env.ref('customer_service_mgmt.cs_reward_statement_xlsx').sudo(
            self.agent).render_xlsx(None, data)
        self.assertEqual(fmt, 'xlsx')

    def test_summary_pdf_as_agent(self):
        """[9] The company-wide complaint summary is refused to an agent, by ids or by options."""
        report = self.env.ref('customer_service_mgmt.cs_complaint_summary_pdf').sudo(self.agent)
        self._refused(lambda: report.render_qweb_pdf(self.company.ids, {'month': '2026-10'}), AccessError)
        self._refused(lambda: report.render_qweb_pdf(None, {'month': '2026-10', 'company_id': self.company.id}),
                      AccessError)

    def test_summary_xlsx_as_salesperson(self):
        """[9] And to a salesperson as a spreadsheet."""
        report = self.env.ref('customer_service_mgmt.cs_complaint_summary_xlsx').sudo(self.sales)
        self._refused(lambda: report.render_xlsx(None, {'month': '2026-10', 'company_id': self.company.id}),
                      AccessError)

    def test_summary_other_company(self):
        """[9] A manager cannot read another company's summary."""
        report = self.env.ref('customer_service_mgmt.cs_complaint_summary_xlsx').sudo(self.manager)
        self._refused(lambda: report.render_xlsx(None, {'month': '2026-10', 'company_id': self.other_company.id}),
                      AccessError)

    def test_summary_bad_month(self):
        """[10] A month that is not one is refused, naming it."""
        report = self.env.ref('customer_service_mgmt.cs_complaint_summary_xlsx').sudo(self.manager)
        self._refused(lambda: report.render_xlsx(None, {'month': '2026-13', 'company_id': self.company.id}),
                      UserError, '月')

    def test_summary_not_public(self):
        """[5] The summary's raw query is not a public method (the web API refuses a leading underscore)."""
        summary = self.env['report.customer_service_mgmt.cs_complaint_summary'].sudo(self.agent)
        self.assertFalse(hasattr(summary, 'cs_summary'))
        with self.assertRaises(AccessError):
            check_method_name('_cs_summary')

    def test_manager_prints_summary(self):
        """[9] The manager's summary prints the way the browser asks (data, no ids)."""
        content, fmt = self.env.ref('customer_service_mgmt.cs_complaint_summary_xlsx').sudo(
            self.manager).render_xlsx(None, {'month': '2026-10', 'company_id': self.company.id})
        self.assertEqual(fmt, 'xlsx')
