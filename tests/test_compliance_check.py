import datetime

from odoo import fields

from .common_visit import CsVisitCase
from .test_indicator_complaint import IndicatorCase


class TestComplianceCheck(IndicatorCase, CsVisitCase):
    """One breach of each rule, built on the October complaints of IndicatorCase (C3 open past its
    deadline); the general manager finds each one, and compliant records next to them are not listed.
    Breaches the models refuse to write are made as old or imported data would be: in SQL."""

    @classmethod
    def setUpClass(cls):
        super(TestComplianceCheck, cls).setUpClass()
        cr = cls.env.cr
        today = datetime.date.today()
        # closed without follow-up of a dissatisfied opinion (C1 was satisfied; C2 was revisited)
        cr.execute("UPDATE helpdesk_ticket SET cs_customer_opinion = 'dissatisfied', cs_followup = NULL "
                   "WHERE id = %s", (cls.c1.id,))
        # an important customer not visited in its period: the VIP's planned visits fell overdue
        cls.vip = cls.env['res.partner'].create({'name': '重要客户甲', 'is_company': True, 'customer': True,
                                                 'user_id': cls.rep.id})
        cls.vip.sudo(cls.manager)._cs_write_as_of({
            'cs_tier_id': cls.tier['vip'].id, 'cs_tier_pinned': True, 'cs_tier_pin_reason': '测试'}, cls.day)
        cls.Visit._cron_plan_visits(today=cls.day)
        cr.execute("UPDATE cs_visit SET state = 'overdue' WHERE partner_id = %s AND origin = 'policy'",
                   (cls.vip.id,))
        # an overdue corrective action on C4, and one still in time
        Action = cls.env['cs.ticket.action']
        cls.late_action = Action.create({'ticket_id': cls.c4.id, 'name': '整改送货流程', 'user_id': cls.agent2.id,
                                         'date_deadline': fields.Date.to_string(today - datetime.timedelta(days=2))})
        cls.timely_action = Action.create({
            'ticket_id': cls.c2.id, 'name': '加强培训', 'user_id': cls.agent.id,
            'date_deadline': fields.Date.to_string(today + datetime.timedelta(days=5))})
        # an archive last reviewed two quarters ago, one reviewed today
        Archive = cls.env['cs.customer.archive']
        cls.stale_archive = Archive.create({'partner_id': cls.customer.id, 'organisation': '董事会'})
        cr.execute("UPDATE cs_customer_archive SET last_review_date = %s WHERE id = %s",
                   (today - datetime.timedelta(days=200), cls.stale_archive.id))
        cls.fresh_archive = Archive.create({'partner_id': cls.vip.id, 'organisation': '董事会'})
        # a fine outside its band (written as imported), one within it
        Record = cls.env['cs.reward.penalty'].sudo(cls.manager)
        fine = {'user_id': cls.agent.id, 'kind': 'penalty', 'reason_type': 'complaint', 'band_role': 'person',
                'ticket_id': cls.c2.id}
        cls.bad_fine = Record.create(dict(fine, amount=300))
        cr.execute("UPDATE cs_reward_penalty SET amount = 5000 WHERE id = %s", (cls.bad_fine.id,))
        cls.good_fine = Record.create(dict(fine, user_id=cls.agent2.id, amount=300))
        # archive reads: the general manager reads through the API without a purpose, and with one
        cls.stale_archive.sudo(cls.gm).read(['organisation'])
        cls.fresh_archive.sudo(cls.gm).with_context(cs_access_purpose='核对合同').read(['organisation'])
        cls.env['res.partner'].invalidate_cache()

    def _issues(self):
        """{(rule, res_model, res_id)} the general manager sees."""
        issues = self.env['cs.compliance.issue'].sudo(self.gm).search([])
        return {(i.rule, i.res_model, i.res_id) for i in issues}

    def test_each_breach_is_listed(self):
        """One line per breach, naming its rule and record."""
        Log = self.env['cs.archive.access.log']
        silent_read = Log.search([('archive_id', '=', self.stale_archive.id), ('user_id', '=', self.gm.id)])
        self.assertEqual(len(silent_read), 1)
        expected = {
            ('ticket_overdue', 'helpdesk.ticket', self.c3.id),
            ('dissatisfied_no_followup', 'helpdesk.ticket', self.c1.id),
            ('important_not_visited', 'res.partner', self.vip.id),
            ('action_overdue', 'helpdesk.ticket', self.c4.id),
            ('archive_not_reviewed', 'cs.customer.archive', self.stale_archive.id),
            ('fine_out_of_band', 'cs.reward.penalty', self.bad_fine.id),
            ('borrow_no_purpose', 'cs.archive.access.log', silent_read.id),
        }
        self.assertLessEqual(expected, self._issues())

    def test_compliant_records_are_not_listed(self):
        """C2 (revisited), C4 (on time), the action in time, the fresh archive, the fine in band and the
        read with a purpose are not listed."""
        issues = self._issues()
        listed = {(model, res_id) for _rule, model, res_id in issues}
        purposeful = self.env['cs.archive.access.log'].search([('archive_id', '=', self.fresh_archive.id)])
        self.assertTrue(purposeful)
        self.assertNotIn(('helpdesk.ticket', self.c2.id), listed)
        self.assertNotIn(('ticket_overdue', 'helpdesk.ticket', self.c4.id), issues)
        self.assertNotIn(('cs.customer.archive', self.fresh_archive.id), listed)
        self.assertNotIn(('cs.reward.penalty', self.good_fine.id), listed)
        self.assertFalse({('cs.archive.access.log', i) for i in purposeful.ids} & listed)

    def test_line_opens_its_record(self):
        """A line opens the record that breaks the rule."""
        issue = self.env['cs.compliance.issue'].sudo(self.gm).search([
            ('rule', '=', 'fine_out_of_band'), ('res_id', '=', self.bad_fine.id)])
        action = issue.action_open()
        self.assertEqual((action['res_model'], action['res_id']), ('cs.reward.penalty', self.bad_fine.id))

    def test_managers_and_other_companies_do_not_see_it(self):
        """A plain CS manager has no access; another company's general manager sees none of these."""
        with self.assertRaises(Exception), self.env.cr.savepoint():
            self.env['cs.compliance.issue'].sudo(self.manager).search([])
        other = self.env['res.company'].create({'name': '另一家公司'})
        self.gm.write({'company_ids': [(4, other.id)], 'company_id': other.id})
        self.assertFalse(self._issues() & {('fine_out_of_band', 'cs.reward.penalty', self.bad_fine.id)})
