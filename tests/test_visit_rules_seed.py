from odoo.exceptions import AccessError, ValidationError

from .common_visit import CsVisitCase


class TestVisitRulesSeed(CsVisitCase):
    """Visit rules as the seeds say (POLICY §3 table), with the visitor resolved per customer."""

    @classmethod
    def setUpClass(cls):
        super(TestVisitRulesSeed, cls).setUpClass()
        cls.line['vip_head'] = cls.env.ref('customer_service_mgmt.cs_visit_policy_line_vip_head')
        cls.site_manager = cls._user('site_manager', 'customer_service_mgmt.group_cs_agent')
        cls.rep.cs_manager_id = cls.site_manager
        cls.deputy_gm = cls._user('deputy_gm', 'customer_service_mgmt.group_cs_deputy_gm')

    def _lines(self, partner):
        return {line for line, key in self._plan_of(partner)}

    def _visitor(self, partner, rule):
        return self._visits(partner, policy_line_id=self.line[rule].id).mapped('user_id')

    def test_vip_plan(self):
        """A VIP: the deputy GM in charge and the head quarterly on site; the GM only once selected."""
        self.customer.sudo(self.manager).write({'cs_deputy_gm_id': self.deputy_gm.id})
        self._set_tier(self.customer, 'vip')
        self._plan()
        self.assertEqual(self._lines(self.customer), {self.line['vip_deputy'], self.line['vip_head']})
        self.assertEqual(self._visitor(self.customer, 'vip_deputy'), self.deputy_gm)
        self.assertEqual(self._visitor(self.customer, 'vip_head'), self.site_manager)
        self.assertEqual(set(self._visits(self.customer, origin='policy').mapped('method')), {'onsite'})
        self.customer.sudo(self.manager).action_cs_select_for_visits()
        self.assertIn(self.line['vip_gm'], self._lines(self.customer))
        self.assertEqual(self._visitor(self.customer, 'vip_gm'), self.gm)

    def test_key_plan(self):
        """A key customer: its salesperson's site manager quarterly on site, nothing else."""
        self._set_tier(self.customer, 'key')
        self._plan()
        self.assertEqual(self._lines(self.customer), {self.line['key_head']})
        self.assertEqual(self._visitor(self.customer, 'key_head'), self.site_manager)

    def test_head_falls_back_to_policy(self):
        """Without a site manager the policy's responsible head visits."""
        self.rep.cs_manager_id = False
        self._set_tier(self.customer, 'key')
        self._plan()
        self.assertEqual(self._visitor(self.customer, 'key_head'), self.head)

    def test_general_plan(self):
        """A general customer: its rep monthly on site; once selected, the head half-yearly instead."""
        self._set_tier(self.customer, 'general')
        self._plan()
        self.assertEqual(self._lines(self.customer), {self.line['all_rep']})
        self.assertEqual(self._visitor(self.customer, 'all_rep'), self.rep)
        self.assertEqual(set(self._visits(self.customer, origin='policy').mapped('method')), {'onsite'})
        self.customer.sudo(self.manager).action_cs_select_for_visits()
        # the head's half-yearly visit is planned, the rep's next monthly visit cancelled (a past one stays)
        self.assertIn(self.line['general_head'], self._lines(self.customer))
        december = self._visits(self.customer, policy_line_id=self.line['all_rep'].id, period_key='2026-12/1M')
        self.assertEqual((december.state, december.cs_auto_cancelled), ('cancelled', True))
        self.assertEqual((self.customer.cs_visit_selected_uid, self.customer.cs_visit_selected), (self.manager, True))
        self.customer.sudo(self.manager).action_cs_unselect_for_visits()
        self.assertIn(self.line['all_rep'], self._lines(self.customer))
        self.assertFalse(self.customer.cs_visit_selected_uid)

    def test_selection_protected(self):
        """Attack: an agent cannot select; nobody writes the flag or its stamp directly; nothing written."""
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.customer.sudo(self.agent).action_cs_select_for_visits()
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.customer.sudo(self.manager).write({'cs_visit_selected': True})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.customer.sudo(self.manager).write({'cs_visit_selected_uid': self.gm.id})
        self.customer.invalidate_cache()
        self.assertFalse(self.customer.cs_visit_selected or self.customer.cs_visit_selected_uid)

    def test_deputy_in_charge_protected(self):
        """Attack: an agent cannot name the deputy GM in charge; a manager cannot name a non-deputy."""
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.customer.sudo(self.agent).write({'cs_deputy_gm_id': self.deputy_gm.id})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.customer.sudo(self.manager).write({'cs_deputy_gm_id': self.agent.id})
        self.customer.invalidate_cache()
        self.assertFalse(self.customer.cs_deputy_gm_id)

    def test_rule_both_selections_refused(self):
        """Bad input: a rule for selected and for not selected customers at once is refused."""
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.line['all_rep'].write({'selected_only': True})
        self.line['all_rep'].invalidate_cache()
        self.assertFalse(self.line['all_rep'].selected_only)

    def test_coverage_indicator(self):
        """VIP and key coverage: a period with a done visit is covered, one without is not."""
        self._set_tier(self.customer, 'key')
        self._plan()
        Coverage = self.env['cs.visit.coverage'].sudo(self.manager)
        rows = Coverage.search([('partner_id', '=', self.customer.id)])
        self.assertTrue(rows)
        self.assertFalse(any(rows.mapped('covered')))
        visit = self._visits(self.customer, policy_line_id=self.line['key_head'].id)[0]
        visit.sudo(self.manager).write({'outcome': '已走访', 'date_done': visit.planned_date})
        visit.sudo(self.manager).action_done()
        row = Coverage.search([('partner_id', '=', self.customer.id), ('period_key', '=', visit.period_key)])
        self.assertEqual((row.covered, row.coverage_rate), (True, 100.0))
        with self.assertRaises(AccessError):
            self.env['cs.visit.coverage'].sudo(self.agent).search([])
