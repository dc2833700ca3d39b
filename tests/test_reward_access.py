from odoo.exceptions import AccessError

from .common_rewards import CsRewardCase


class TestRewardAccess(CsRewardCase):
    """Managers confirm, agents see their own records, the general manager sees all."""

    def test_agent_sees_own_records_only(self):
        """An agent reads their own fine and not a colleague's."""
        own = self._fine(user=self.agent)
        other = self._fine(user=self.agent2)
        visible = self.Record.sudo(self.agent).search([])
        self.assertIn(own, visible)
        self.assertNotIn(other, visible)
        with self.assertRaises(AccessError):
            other.sudo(self.agent).read(['amount'])

    def test_agent_cannot_create_or_edit(self):
        """An agent can neither record nor change a fine."""
        with self.assertRaises(AccessError):
            self.Record.sudo(self.agent).create({
                'user_id': self.agent2.id, 'kind': 'reward', 'reason_type': 'other', 'amount': 10})
        own = self._fine(user=self.agent)
        with self.assertRaises(AccessError):
            own.sudo(self.agent).write({'notes': 'x'})

    def test_general_manager_sees_all(self):
        """The general manager and managers see everyone's records."""
        records = self._fine(user=self.agent) | self._fine(user=self.agent2)
        self.assertEqual(self.Record.sudo(self.gm).search([('id', 'in', records.ids)]), records)
        self.assertEqual(self.Record.sudo(self.manager).search([('id', 'in', records.ids)]), records)

    def test_agent_cannot_edit_bands_nor_read_indicators(self):
        """Bands and the indicator dashboard are the managers'."""
        with self.assertRaises(AccessError):
            self.band['person'].sudo(self.agent).write({'max_amount': 5})
        with self.assertRaises(AccessError):
            self.env['cs.indicator'].sudo(self.agent).search([])
        self.assertIsNotNone(self.env['cs.indicator'].sudo(self.gm).search([]))
