import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .complaint_common import ComplaintAttackCase


class TestComplaintCorrectiveAction(ComplaintAttackCase):
    """纠正预防措施: an owner reminded, overdue shown, verified by the quality supervisor."""

    def _action(self, days=3, user=None):
        due = self.today + datetime.timedelta(days=days)
        return self.env['cs.ticket.action'].sudo(self.agent).create({
            'ticket_id': self.ticket.id, 'name': '修订送货流程', 'user_id': (user or self.agent).id,
            'date_deadline': fields.Date.to_string(due)}).sudo()

    def test_owner_reminded(self):
        """The owner gets a reminder activity on the complaint, due on the action's date."""
        action = self._action(user=self.manager)
        activity = self.ticket.activity_ids.filtered(lambda a: a.user_id == self.manager)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, action.date_deadline)

    def test_overdue_shows_on_complaint_and_list(self):
        """An open action past its date is overdue, on the complaint and in the filtered list."""
        action = self._action(days=-1)
        self.assertTrue(action.overdue)
        self.assertTrue(self.ticket.cs_action_overdue)
        Action = self.env['cs.ticket.action'].sudo(self.manager)
        self.assertIn(action, Action.search([('overdue', '=', True)]))
        self.assertIn(self.ticket, self.Ticket.sudo(self.manager).search([('cs_action_overdue', '=', True)]))
        action.sudo(self.agent).write({'done': True})
        self.assertFalse(action.overdue)
        self.assertFalse(self.ticket.cs_action_overdue)
        self.assertNotIn(action, Action.search([('overdue', '=', True)]))

    def test_quality_verifies(self):
        """The quality supervisor verifies a done action; who and when are stamped."""
        action = self._action()
        action.sudo(self.agent).write({'done': True})
        action.sudo(self.quality).action_cs_verify('现场抽查已执行')
        self.assertEqual(action.verified_by, self.quality)
        self.assertTrue(action.verified_date)

    def test_verification_attacks(self):
        """Not quality, the owner, not done, twice, or by write: refused, nothing written."""
        names = ['verified_by', 'verified_date', 'verification_note']
        action = self._action()
        self._attack(self.quality, UserError, lambda a: a.action_cs_verify(), record=action, names=names)
        action.sudo(self.agent).write({'done': True})
        for user in (self.agent, self.manager):
            self._attack(user, AccessError, lambda a: a.action_cs_verify(), record=action, names=names)
        self._attack(self.quality, AccessError, lambda a: a.with_context(cs_system=True).write(
            {'verified_by': self.quality.id}), record=action, names=names)
        own = self._action(user=self.quality)
        own.sudo(self.agent).write({'done': True})
        self._attack(self.quality, AccessError, lambda a: a.action_cs_verify(), record=own, names=names)
        action.sudo(self.quality).action_cs_verify()
        self._attack(self.quality, UserError, lambda a: a.action_cs_verify(), record=action, names=names)
