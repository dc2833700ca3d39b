from odoo.exceptions import ValidationError

from .common_visit import CsVisitCase


class TestVisitPolicyPlan(CsVisitCase):
    """The planning cron turns each tier's visit rules into planned visits with the right visitor."""

    def test_vip_plan(self):
        """A VIP customer: deputy GM and responsible head quarterly on site; the GM half-yearly once selected."""
        self._set_tier(self.customer, 'vip')
        self._plan()
        vip_head = self.env.ref('customer_service_mgmt.cs_visit_policy_line_vip_head')
        self.assertEqual(self._plan_of(self.customer), {
            (self.line['vip_deputy'], '2026-10/3M'),
            (vip_head, '2026-10/3M'),
        })
        deputy = self._visits(self.customer, policy_line_id=self.line['vip_deputy'].id)
        self.assertEqual(deputy.user_id, self.deputy)
        self.assertEqual(deputy.method, 'onsite')
        self.assertEqual(deputy.tier_id, self.tier['vip'])
        self.assertEqual(str(deputy.planned_date), '2026-11-22')
        self.assertEqual(self._visits(self.customer, policy_line_id=vip_head.id).user_id, self.head)
        self.customer._cs_write_as_of({'cs_visit_selected': True}, self.day)
        self.assertEqual(self._visits(self.customer, policy_line_id=self.line['vip_gm'].id).user_id, self.gm)

    def test_key_plan(self):
        """A key customer: the responsible head quarterly on site, nothing else."""
        self._set_tier(self.customer, 'key')
        self._plan()
        self.assertEqual({line for line, key in self._plan_of(self.customer)}, {self.line['key_head']})
        self.assertEqual(self._visits(self.customer, policy_line_id=self.line['key_head'].id).user_id, self.head)

    def test_general_plan_selected_only(self):
        """A general customer: its rep monthly on site; once selected, the head half-yearly instead."""
        self._set_tier(self.customer, 'general')
        self._plan()
        self.assertEqual({line for line, key in self._plan_of(self.customer)}, {self.line['all_rep']})
        monthly = self._visits(self.customer, policy_line_id=self.line['all_rep'].id)
        self.assertEqual((monthly.mapped('user_id'), set(monthly.mapped('method'))), (self.rep, {'onsite'}))
        self.assertEqual(sorted(str(d) for d in monthly.mapped('planned_date')), ['2026-11-22', '2026-12-01'])
        self.customer._cs_write_as_of({'cs_visit_selected': True}, self.day)
        self.assertEqual({line for line, key in self._plan_of(self.customer)}, {self.line['general_head']})

    def test_reserve_plan(self):
        """A reserve customer (a prospect) has no visit rule in the seeds: nothing is planned."""
        self._plan()
        self.assertEqual(self.customer.cs_tier_id, self.tier['reserve'])
        self.assertFalse(self._plan_of(self.customer))

    def test_no_salesperson_falls_back(self):
        """A customer without salesperson is contacted by the policy's default account rep."""
        self.customer.user_id = False
        self.policy.account_rep_user_id = self.agent
        self._make_general(self.customer)
        self._plan()
        self.assertEqual(self._visits(self.customer).mapped('user_id'), self.agent)

    def test_contacts_and_non_customers_not_planned(self):
        """Only commercial customers are planned: not their contacts, not suppliers."""
        supplier = self.env['res.partner'].create({'name': '供应商', 'is_company': True, 'customer': False})
        self._make_general(self.customer | supplier)
        self._plan()
        self.assertFalse(self.Visit.search([('partner_id', 'in', (self.contact.id, supplier.id))]))
        self.assertTrue(self._visits(self.customer))

    def test_interval_must_be_positive(self):
        """A rule with an interval of 0 months is refused and nothing is written."""
        with self.assertRaisesRegex(ValidationError, '至少为一个月'), self.env.cr.savepoint():
            self.line['key_head'].sudo(self.manager).write({'interval_months': 0})
        self.line['key_head'].invalidate_cache()
        self.assertEqual(self.line['key_head'].interval_months, 3)
        with self.assertRaisesRegex(ValidationError, '至少为一个月'), self.env.cr.savepoint():
            self.env['cs.visit.policy.line'].sudo(self.manager).create({
                'policy_id': self.policy.id, 'name': '错误规则', 'interval_months': -1})
        self.assertFalse(self.env['cs.visit.policy.line'].search([('name', '=', '错误规则')]))
