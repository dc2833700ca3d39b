from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.models import check_method_name

from .common_visit import CsVisitCase


class TestSecurityVisit(CsVisitCase):
    """Attacks on return visits, tiers and behaviour classes (issue 9), each as a real user of its
    group: refused, nothing written. Class of issue 9 in brackets."""

    @classmethod
    def setUpClass(cls):
        super(TestSecurityVisit, cls).setUpClass()
        cls.sales = cls._user('sales', 'customer_service_mgmt.group_cs_salesperson')
        cls.other = cls.env['res.partner'].create({'name': '黑名单候选', 'is_company': True, 'customer': True})

    def setUp(self):
        super(TestSecurityVisit, self).setUp()
        self.request = self.Visit.sudo(self.agent).create({
            'partner_id': self.customer.id, 'name': '临时回访', 'reason': '交货问题',
            'planned_date': '2026-11-25', 'user_id': self.agent.id})
        self.planned = self.Visit.create({
            'partner_id': self.customer.id, 'name': '计划回访', 'origin': 'complaint',
            'planned_date': '2026-11-26', 'user_id': self.agent.id})

    def _blacklist(self, partner):
        self.env['cs.partner.decision'].sudo(self.manager).create({
            'partner_id': partner.id, 'decision': 'blacklist', 'reason': '恶意拖欠货款'})
        self.assertTrue(partner.cs_blacklisted)

    # --- 3 visit states only through their actions; 2 stamped values

    def test_agent_writes_state_done(self):
        """[3] The visitor cannot write state 'done' (only action_done records the visit)."""
        self._refused(lambda: self.planned.sudo(self.agent).write({'state': 'done', 'outcome': 'x',
                                                                    'date_done': '2026-11-26'}), AccessError)
        self.assertEqual(self.planned.state, 'planned')

    def test_manager_writes_state(self):
        """[3] A manager cannot approve by writing the state."""
        self._refused(lambda: self.request.sudo(self.manager).write({'state': 'planned'}), AccessError)
        self.assertEqual(self.request.state, 'to_approve')

    def test_create_planned(self):
        """[3] A visit cannot be created planned (skipping the approval)."""
        self._refused(lambda: self.Visit.sudo(self.agent).create({
            'partner_id': self.customer.id, 'name': 'skip-approval', 'state': 'planned'}), AccessError)
        self.assertFalse(self.Visit.search([('name', '=', 'skip-approval')]))

    def test_context_default_state(self):
        """[4] A context default_state does not skip the approval."""
        visit = self.Visit.sudo(self.agent).with_context(default_state='planned', default_approved_uid=self.agent.id).create({
            'partner_id': self.customer.id, 'name': 'ctx-state'})
        self.assertEqual(visit.state, 'to_approve')
        self.assertFalse(visit.approved_uid)

    def test_create_other_origin(self):
        """[2] An agent cannot pass a hand-made visit off as a planned one (origin)."""
        self._refused(lambda: self.Visit.sudo(self.agent).create({
            'partner_id': self.customer.id, 'name': 'fake-origin', 'origin': 'complaint'}), AccessError)
        self.assertFalse(self.Visit.search([('name', '=', 'fake-origin')]))

    def test_agent_approves_own(self):
        """[3] An agent cannot approve their own temporary visit, by the action or by its stamp."""
        self._refused(lambda: self.request.sudo(self.agent).action_approve(), AccessError)
        self._refused(lambda: self.request.sudo(self.agent).write({'approved_uid': self.agent.id}), AccessError)
        self.assertEqual(self.request.state, 'to_approve')
        self.assertFalse(self.request.approved_uid)

    def test_agent_resets_reminder(self):
        """[2] The reminder and escalation flags are the cron's."""
        self._refused(lambda: self.planned.sudo(self.agent).write({'reminded': True}), AccessError)
        self._refused(lambda: self.planned.sudo(self.manager).write({'escalated': True}), AccessError)
        self.assertFalse(self.planned.reminded or self.planned.escalated)

    def test_write_tier_and_rule(self):
        """[2] The tier and rule stamped by the planning are not written by users."""
        self._refused(lambda: self.planned.sudo(self.agent).write({'tier_id': self.tier['vip'].id}), AccessError)
        self._refused(lambda: self.planned.sudo(self.manager).write(
            {'policy_line_id': self.line['all_rep'].id, 'period_key': '2026-11'}), AccessError)
        self.assertEqual(self.planned.tier_id, self.tier['reserve'])

    def test_write_cancel_reason(self):
        """[2] The cancellation reason is stamped by the cancellation."""
        self._refused(lambda: self.planned.sudo(self.manager).write({'cancel_reason': '改了'}), AccessError)

    def test_agent_cancels_planned(self):
        """[3] The visitor cannot cancel a planned visit (an overdue one would vanish from the figures)."""
        self._refused(lambda: self.planned.sudo(self.agent).action_cancel(), AccessError)
        self.assertEqual(self.planned.state, 'planned')

    def test_done_by_other_agent(self):
        """[3] Only the visitor (or a manager) marks a visit done: not who asked for it."""
        self.request.sudo(self.gm).action_approve()
        self.request.sudo(self.manager).write({'user_id': self.rep.id, 'outcome': '已沟通'})
        self._refused(lambda: self.request.sudo(self.agent).action_done(), AccessError)
        self.assertEqual(self.request.state, 'planned')

    def test_agent_resets(self):
        """[3] An agent cannot plan a cancelled visit again."""
        self.planned.sudo(self.manager).action_cancel()
        self._refused(lambda: self.planned.sudo(self.agent).action_reset(), AccessError)
        self.assertEqual(self.planned.state, 'cancelled')

    def test_reset_done(self):
        """[3] A done visit cannot be reset."""
        self.planned.sudo(self.agent).write({'outcome': '满意'})
        self.planned.sudo(self.agent).action_done()
        self._refused(lambda: self.planned.sudo(self.manager).action_reset(), UserError)
        self.assertEqual(self.planned.state, 'done')

    def test_refuse_planned(self):
        """[3] Refusing applies to requests only, not to planned visits."""
        self._refused(lambda: self.planned.sudo(self.gm).action_refuse(), UserError)
        self.assertEqual(self.planned.state, 'planned')

    def test_done_with_blank_outcome(self):
        """[10] An outcome of ideographic spaces does not record a visit."""
        self.planned.sudo(self.agent).write({'date_done': '2026-11-26'})
        self._refused(lambda: self.planned.sudo(self.agent).write({'outcome': '\u3000\u3000'}), UserError)
        self._refused(lambda: self.planned.sudo(self.agent).action_done(), ValidationError)
        self.assertEqual(self.planned.state, 'planned')

    def test_satisfaction_out_of_range(self):
        """[10] A satisfaction score outside 1-5 is refused in Chinese."""
        self._refused(lambda: self.planned.sudo(self.agent).write({'satisfaction': 9}), ValidationError, '1')
        self._refused(lambda: self.planned.sudo(self.agent).write({'satisfaction': 2.5}), UserError)
        self.assertFalse(self.planned.satisfaction)

    # --- 6 the blacklist gate on moving a visit

    def test_move_to_blacklisted(self):
        """[6] A visit cannot be moved to a blacklisted customer."""
        self._blacklist(self.other)
        self._refused(lambda: self.planned.sudo(self.manager).write({'partner_id': self.other.id}), UserError, '黑名单')
        self.assertEqual(self.planned.partner_id, self.customer)

    def test_redate_blacklisted(self):
        """[6] A visit of a blacklisted customer cannot be re-dated (planned again)."""
        self._blacklist(self.customer)
        self._refused(lambda: self.planned.sudo(self.agent).write({'planned_date': '2026-12-20'}), UserError, '黑名单')
        self.assertEqual(self.planned.planned_date, '2026-11-26')

    def test_reset_blacklisted(self):
        """[6] A cancelled visit of a customer blacklisted since is not planned again."""
        self.planned.sudo(self.manager).action_cancel()
        self._blacklist(self.customer)
        self._refused(lambda: self.planned.sudo(self.manager).action_reset(), UserError, '黑名单')
        self.assertEqual(self.planned.state, 'cancelled')

    def test_approve_blacklisted(self):
        """[6] A request for a customer blacklisted since is not approved."""
        self._blacklist(self.customer)
        self._refused(lambda: self.request.sudo(self.gm).action_approve(), UserError, '黑名单')
        self.assertEqual(self.request.state, 'to_approve')

    # --- 5 maintenance entry points and "as of" days

    def test_crons_private(self):
        """[5] The crons are private: the web API refuses their names, the public names are gone."""
        for name in ('cron_plan_visits', 'cron_remind_visits', 'cron_plan_care'):
            self.assertFalse(hasattr(self.Visit, name), name)
        for name in ('_cron_plan_visits', '_cron_remind_visits', '_cron_plan_care', '_cs_recompute_tiers',
                     '_cs_recompute_behaviour', '_cs_renewal_rate', '_cs_load_invoices'):
            with self.assertRaises(AccessError):
                check_method_name(name)
        self.assertFalse(hasattr(self.env['cs.indicator.renewal'], 'cs_renewal_rate'))
        self.assertFalse(hasattr(self.env['cs.demo.loader'], 'load_invoices'))

    def test_recompute_tiers_with_date(self):
        """[5] The public recompute takes no day: a manager's back-dated call is refused."""
        self._invoice(self.customer, 200000, months_ago=20)
        self._refused(lambda: self.env['res.partner'].sudo(self.manager).cs_recompute_tiers(today='2025-01-01'),
                      TypeError)
        self._refused(lambda: self.customer.sudo(self.manager).cs_recompute_behaviour('2025-01-01'), TypeError)
        self.assertEqual(self.customer.cs_tier_id, self.tier['reserve'])

    def test_agent_recomputes_all(self):
        """[5] An agent cannot recompute every customer's tier or class."""
        self._refused(lambda: self.env['res.partner'].sudo(self.agent).cs_recompute_tiers(), AccessError)
        self._refused(lambda: self.env['res.partner'].sudo(self.agent).cs_recompute_behaviour(), AccessError)

    def test_one_customer_buttons(self):
        """[5] The one-customer buttons are a manager's: refused to an agent and a salesperson."""
        self._invoice(self.customer, 200000)
        self._refused(lambda: self.customer.sudo(self.agent).action_cs_recompute_tier(), AccessError)
        self._refused(lambda: self.customer.sudo(self.sales).action_cs_recompute_behaviour(), AccessError)
        self.assertEqual(self.customer.cs_tier_id, self.tier['reserve'])
        self.customer.sudo(self.manager).action_cs_recompute_tier()
        self.assertEqual(self.customer.cs_tier_id, self.tier['key'])

    def test_plan_now_as_agent(self):
        """[5] An agent cannot run the planning from the policy's button."""
        self._refused(lambda: self.policy.sudo(self.agent).action_plan_now(), AccessError)

    def test_context_day_ignored(self):
        """[4] A context day (the former cs_today) plans nothing as of that day."""
        self._set_tier(self.customer, 'key')
        self.policy.sudo(self.manager).with_context(cs_today='2020-03-01').action_plan_now()
        self.assertFalse(self.Visit.search([('partner_id', '=', self.customer.id), ('period_key', 'like', '2020')]))

    # --- 2 protected partner values

    def test_write_annual_amount(self):
        """[2] The annual amount is the recompute's."""
        self._refused(lambda: self.customer.sudo(self.agent).write({'cs_annual_amount': 9999999}), AccessError)
        self._refused(lambda: self.customer.sudo(self.manager).write({'cs_annual_amount': 9999999}), AccessError)
        self.assertEqual(self.customer.cs_annual_amount, 0)

    def test_write_tier_date(self):
        """[2] The tier date is the recompute's."""
        before = self.customer.cs_tier_date
        self._refused(lambda: self.customer.sudo(self.manager).write({'cs_tier_date': '2000-01-01'}), AccessError)
        self.assertEqual(self.customer.cs_tier_date, before)

    def test_write_behaviour(self):
        """[2] The behaviour class and its date are the recompute's."""
        self._refused(lambda: self.customer.sudo(self.agent).write({'cs_behaviour': 'loyal'}), AccessError)
        self._refused(lambda: self.customer.sudo(self.manager).write({'cs_behaviour_date': '2026-01-01'}), AccessError)
        self._refused(lambda: self.env['res.partner'].sudo(self.sales).create({
            'name': 'born-loyal', 'is_company': True, 'cs_behaviour': 'loyal'}), AccessError)
        self.assertNotEqual(self.customer.cs_behaviour, 'loyal')

    def test_contact_tier(self):
        """[2] An agent cannot give a contact another tier than its company's."""
        self._refused(lambda: self.contact.sudo(self.agent).write({'cs_tier_id': self.tier['vip'].id}), AccessError)
        self.assertEqual(self.contact.cs_tier_id, self.customer.cs_tier_id)

    def test_commercial_sync_allowed(self):
        """[2] The host's commercial sync still works: a manager pins a company with contacts, an agent
        edits and adds contacts of the pinned company, and moves a contact to it."""
        self._set_tier(self.customer, 'key')
        self.assertEqual(self.contact.cs_tier_id, self.tier['key'])
        self.assertTrue(self.contact.cs_tier_pinned)
        self.contact.sudo(self.agent).write({'phone': '0531-1234', 'function': '采购'})
        new = self.env['res.partner'].sudo(self.agent).create({'name': '孙八', 'parent_id': self.customer.id})
        self.assertEqual(new.cs_tier_id, self.tier['key'])
        loose = self.env['res.partner'].create({'name': '周九'})
        loose.sudo(self.agent).write({'parent_id': self.customer.id})
        self.assertEqual(loose.cs_tier_id, self.tier['key'])
        self.assertEqual(loose.cs_annual_amount, self.customer.cs_annual_amount)

    # --- 6 tier confidentiality

    def test_manager_changes_confidentiality(self):
        """[6] Only the general manager changes a tier's confidentiality; a manager still edits thresholds."""
        general = self.tier['general']
        self._refused(lambda: general.sudo(self.manager).write({'confidentiality': 'top_secret'}), AccessError, '总经理')
        self.assertEqual(general.confidentiality, 'secret')
        general.sudo(self.manager).write({'reception_standard': '<p>部门经理接待</p>'})
        general.sudo(self.gm).write({'confidentiality': 'confidential'})
        self.assertEqual(general.confidentiality, 'confidential')

    def test_nan_threshold(self):
        """[10] A NaN tier threshold is refused, naming the field."""
        before = self.tier['key'].min_amount
        self._refused(lambda: self.tier['key'].sudo(self.manager).write({'min_amount': float('nan')}), UserError)
        self.assertEqual(self.tier['key'].min_amount, before)

    # --- 9 the quarterly visit report

    def test_visit_report_as_agent(self):
        """[9] The quarterly report (every visitor's figures) is refused to an agent, PDF and XLSX."""
        report = self.env['cs.visit.report'].sudo(self.agent).create({'year': 2026, 'quarter': '4'})
        self._refused(lambda: self.env.ref('customer_service_mgmt.cs_visit_report_pdf').sudo(
            self.agent).render_qweb_pdf(report.ids), AccessError)
        self._refused(lambda: self.env.ref('customer_service_mgmt.cs_visit_report_xlsx').sudo(
            self.agent).render_xlsx(report.ids, {}), AccessError)

    def test_visit_report_of_other_manager(self):
        """[9] A manager cannot print the report another manager prepared, by its URL."""
        report = self.env['cs.visit.report'].sudo(self.gm).create({'year': 2026, 'quarter': '4'})
        self._refused(lambda: self.env.ref('customer_service_mgmt.cs_visit_report_xlsx').sudo(
            self.manager).render_xlsx(report.ids, {}), AccessError)
        mine = self.env['cs.visit.report'].sudo(self.manager).create({'year': 2026, 'quarter': '4'})
        content, fmt = self.env.ref('customer_service_mgmt.cs_visit_report_xlsx').sudo(
            self.manager).render_xlsx(mine.ids, {})
        self.assertEqual(fmt, 'xlsx')
