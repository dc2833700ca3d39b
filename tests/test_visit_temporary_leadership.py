from odoo.exceptions import AccessError

from .common_visit import CsVisitCase


class TestVisitTemporaryLeadership(CsVisitCase):
    """Temporary visits are approved by the GM or the deputy GM in charge (POLICY §3), never by the one
    who asked for them."""

    @classmethod
    def setUpClass(cls):
        super(TestVisitTemporaryLeadership, cls).setUpClass()
        cls.deputy_gm = cls._user('deputy_gm', 'customer_service_mgmt.group_cs_deputy_gm')

    def _request(self, user):
        return self.Visit.sudo(user).create({
            'partner_id': self.customer.id, 'name': '紧急需求回访', 'reason': '客户反映质量问题',
            'planned_date': '2026-11-25', 'user_id': user.id, 'method': 'onsite'})

    def test_deputy_gm_approves(self):
        """The deputy GM approves an agent's request: planned, with the deputy as approver."""
        visit = self._request(self.agent)
        visit.sudo(self.deputy_gm).action_approve()
        self.assertEqual((visit.state, visit.approved_uid), ('planned', self.deputy_gm))

    def test_roles(self):
        """The deputy GM role implies the manager's; the GM and a manager do not hold the deputy's (the GM
        approves as the GM)."""
        self.assertTrue(self.deputy_gm._cs_is_manager())
        self.assertFalse(self.gm._cs_is_deputy_gm())
        self.assertFalse(self.manager._cs_is_deputy_gm())

    def test_manager_cannot_approve(self):
        """Attack: a customer service manager approving or refusing is refused, nothing written."""
        visit = self._request(self.agent)
        with self.assertRaisesRegex(AccessError, '副总'), self.env.cr.savepoint():
            visit.sudo(self.manager).action_approve()
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            visit.sudo(self.manager).action_refuse()
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            visit.sudo(self.manager).with_context(cs_leadership=True, approve=True).action_approve()
        visit.invalidate_cache()
        self.assertEqual((visit.state, visit.approved_uid.id), ('to_approve', False))

    def test_own_request_refused(self):
        """Attack: the deputy GM cannot approve their own request; the GM can."""
        visit = self._request(self.deputy_gm)
        self.assertEqual(visit.state, 'to_approve')
        with self.assertRaisesRegex(AccessError, '自己'), self.env.cr.savepoint():
            visit.sudo(self.deputy_gm).action_approve()
        visit.invalidate_cache()
        self.assertEqual(visit.state, 'to_approve')
        visit.sudo(self.gm).action_approve()
        self.assertEqual(visit.approved_uid, self.gm)

    def test_gm_refuses(self):
        """The GM refuses a request: cancelled, naming the GM."""
        visit = self._request(self.agent)
        visit.sudo(self.gm).action_refuse()
        self.assertEqual(visit.state, 'cancelled')
        self.assertIn(self.gm.name, visit.cancel_reason)
