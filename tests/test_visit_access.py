from odoo.exceptions import AccessError

from .common_visit import CsVisitCase


class TestVisitAccess(CsVisitCase):
    """Visitors see and complete their own visits; managers see all and edit the policy."""

    @classmethod
    def setUpClass(cls):
        super(TestVisitAccess, cls).setUpClass()
        cls.rep_visit = cls.env['cs.visit'].create({
            'partner_id': cls.customer.id, 'origin': 'policy', 'name': '代表回访',
            'planned_date': '2026-11-25', 'user_id': cls.rep.id})
        cls.head_visit = cls.env['cs.visit'].create({
            'partner_id': cls.customer.id, 'origin': 'policy', 'name': '负责人回访',
            'planned_date': '2026-11-25', 'user_id': cls.head.id})

    def test_visitor_sees_own_visits(self):
        """A visitor's list holds their visits only; another's visit cannot be read."""
        visits = self.env['cs.visit'].sudo(self.rep).search([('partner_id', '=', self.customer.id)])
        self.assertEqual(visits, self.rep_visit)
        with self.assertRaises(AccessError):
            self.head_visit.sudo(self.rep).read(['name'])

    def test_visitor_completes_own_visit(self):
        """The visitor records and closes their visit."""
        visit = self.rep_visit.sudo(self.rep)
        visit.write({'outcome': '客户满意', 'satisfaction': 5, 'check_needs': True})
        visit.action_done()
        self.assertEqual(self.rep_visit.state, 'done')

    def test_visitor_cannot_delete(self):
        """Nobody deletes a registered visit, not even a manager: it is cancelled instead."""
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.rep_visit.sudo(self.rep).unlink()
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.rep_visit.sudo(self.manager).unlink()
        self.assertTrue(self.rep_visit.exists())

    def test_manager_sees_all(self):
        """A manager sees every visit."""
        visits = self.env['cs.visit'].sudo(self.manager).search([('partner_id', '=', self.customer.id)])
        self.assertEqual(visits, self.rep_visit | self.head_visit)

    def test_policy_edited_by_managers_only(self):
        """Agents read the policy; only managers change it."""
        self.assertTrue(self.policy.sudo(self.agent).line_ids)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.policy.sudo(self.agent).write({'horizon_days': 60})
        self.policy.sudo(self.manager).write({'horizon_days': 60})
        self.assertEqual(self.policy.horizon_days, 60)

    def test_user_without_group_sees_nothing(self):
        """An employee outside customer service cannot read visits."""
        user = self._user('outsider', 'base.group_user')
        with self.assertRaises(AccessError):
            self.env['cs.visit'].sudo(user).search([])

    def test_outsider_partner_fields_hide_visits(self):
        """For an employee outside customer service, the customer's visit fields do not exist."""
        user = self._user('outsider2', 'base.group_partner_manager')
        fields = self.env['res.partner'].sudo(user).fields_get()
        self.assertNotIn('cs_visit_ids', fields)
        self.assertNotIn('cs_visit_count', fields)
        self.assertIn('cs_visit_count', self.env['res.partner'].sudo(self.agent).fields_get())
