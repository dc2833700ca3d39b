from odoo import SUPERUSER_ID

from .common_visit import CsVisitCase
from .complaint_common import ComplaintCase


class CronLangMixin(object):
    """A cron runs as the superuser with no language in its context; here that user reads English while
    the company (its partner) is Chinese, so a text in the cron user's language shows up as English."""

    def setUp(self):
        super(CronLangMixin, self).setUp()
        self.env['res.lang'].with_context(active_test=False).search([('code', '=', 'en_US')]).write({'active': True})
        self.env.ref('base.user_root').partner_id.write({'lang': 'en_US'})
        self.company.partner_id.write({'lang': 'zh_CN'})
        self.registry.clear_caches()
        # the rolled back English of the superuser must not stay in the caches
        self.addCleanup(self.registry.clear_caches)

    def _cron_env(self):
        env = self.env(user=SUPERUSER_ID, context={})
        self.assertFalse(env.lang)
        self.assertEqual(env.user.lang, 'en_US')
        return env


class TestCompanyLangComplaints(CronLangMixin, ComplaintCase):
    """Tier lines, proposed fines: written in the company's language by crons and server code."""

    def test_tier_line_in_company_language(self):
        """The nightly recompute tracks the tier change in Chinese: message, field and tier names."""
        self._invoice(self.customer, 550000)
        self._cron_env()['res.partner']._cron_cs_recompute_tiers()
        message = self.env['mail.message'].search([
            ('model', '=', 'res.partner'), ('res_id', '=', self.customer.id),
            ('tracking_value_ids.field', '=', 'cs_tier_id')], order='id desc', limit=1)
        self.assertIn('客户等级：', message.body)
        self.assertIn('年交易额', message.body)
        self.assertEqual(message.tracking_value_ids.new_value_char, 'VIP客户')
        self.assertEqual(message.tracking_value_ids.field_desc, '客户等级')

    def test_proposed_fine_in_company_language(self):
        """Closing a complaint from server code proposes fines whose notes and activity are Chinese."""
        accused = self._user('accused_lang', 'customer_service_mgmt.group_cs_agent')
        self.agent.cs_manager_id = self.manager
        ticket = self._ticket(user_id=self.agent.id)
        ticket.write({'cs_accused_user_ids': [(6, 0, accused.ids)], 'cs_finding': 'violation',
                      'cs_reply': '已致歉并整改', 'cs_customer_opinion': 'satisfied'})
        ticket.with_env(self._cron_env()).write({'stage_id': self.stage_done.id})
        fines = self.env['cs.reward.penalty'].search([('ticket_id', '=', ticket.id)])
        self.assertEqual(len(fines), 2)
        for fine in fines:
            self.assertIn('结案时自动生成', fine.notes)
        activity = ticket.activity_ids.filtered(lambda a: a.user_id == self.manager)
        self.assertEqual(activity.summary, '确认罚款建议')


class TestCompanyLangVisits(CronLangMixin, CsVisitCase):
    """Visit subjects, reminders and escalations: written in the company's language by the crons."""

    def _activities(self, visit):
        return self.env['mail.activity'].search([('res_model', '=', 'cs.visit'), ('res_id', '=', visit.id)])

    def test_reminder_and_overdue_in_company_language(self):
        """The reminder activity, the overdue chatter line and its activity read Chinese."""
        visit = self.Visit.create({'partner_id': self.customer.id, 'origin': 'policy', 'name': '月度回访',
                                   'planned_date': '2026-11-30', 'user_id': self.rep.id, 'remind_days': 3})
        Visit = self._cron_env()['cs.visit']
        Visit._cron_remind_visits(today='2026-11-27')
        self.assertTrue(self._activities(visit).summary.startswith('客户回访：'))
        Visit._cron_remind_visits(today='2026-12-01')
        self.assertEqual(visit.state, 'overdue')
        self.assertIn('回访逾期', self._activities(visit).mapped('summary'))
        self.assertTrue(any('已逾期' in (m.body or '') for m in visit.message_ids))

    def test_followup_subjects_in_company_language(self):
        """An invoice posted by server code plans follow-ups whose subjects are Chinese."""
        invoice = self._invoice(self.customer, 1000, post=False)
        invoice.with_env(self._cron_env()).action_invoice_open()
        names = self.Visit.search([('invoice_id', '=', invoice.id)]).mapped('name')
        self.assertEqual(len(names), 3)
        self.assertTrue(all(name.startswith('购买后第') for name in names), names)
