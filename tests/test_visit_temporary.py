from odoo.exceptions import AccessError, ValidationError

from .common_visit import CsVisitCase


class TestVisitTemporary(CsVisitCase):
    """Temporary visits for urgent needs need the leadership's approval before they are planned."""

    def _request(self, user):
        return self.Visit.sudo(user).create({
            'partner_id': self.customer.id, 'name': '紧急需求回访', 'reason': '客户集中反映交货问题',
            'planned_date': '2026-11-25', 'user_id': user.id, 'method': 'onsite'})

    def test_request_waits_for_approval(self):
        """An agent's temporary visit waits for approval; the general manager approves it and it is planned."""
        visit = self._request(self.agent)
        self.assertEqual((visit.origin, visit.state), ('temporary', 'to_approve'))
        visit.sudo(self.gm).action_approve()
        self.assertEqual(visit.state, 'planned')
        self.assertEqual(visit.approved_uid, self.gm)

    def test_agent_cannot_approve(self):
        """An agent cannot approve, not even their own request."""
        visit = self._request(self.agent)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            visit.sudo(self.agent).action_approve()
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            visit.sudo(self.agent).write({'approved_uid': self.agent.id})
        visit.invalidate_cache()
        self.assertEqual(visit.state, 'to_approve')

    def test_planned_without_approval_refused(self):
        """A temporary visit created or moved to planned without approval is refused: a user cannot
        write the state at all, and even the addon's own code cannot plan it unapproved."""
        with self.assertRaisesRegex(AccessError, '状态'), self.env.cr.savepoint():
            self.Visit.sudo(self.agent).create({
                'partner_id': self.customer.id, 'name': '擅自安排', 'state': 'planned'})
        self.assertFalse(self.Visit.search([('name', '=', '擅自安排')]))
        visit = self._request(self.agent)
        with self.assertRaisesRegex(AccessError, '状态'), self.env.cr.savepoint():
            visit.sudo(self.agent).write({'state': 'planned'})
        with self.assertRaisesRegex(ValidationError, '须经经理批准'), self.env.cr.savepoint():
            visit.sudo().write({'state': 'planned'})
        visit.invalidate_cache()
        self.assertEqual(visit.state, 'to_approve')

    def test_refused_request_kept(self):
        """A refused request is cancelled, not deleted, with who refused it."""
        visit = self._request(self.agent)
        visit.sudo(self.gm).action_refuse()
        self.assertEqual(visit.state, 'cancelled')
        self.assertIn(self.gm.name, visit.cancel_reason)
