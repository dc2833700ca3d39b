from odoo.exceptions import AccessError

from .common_rewards import CsRewardCase


class TestIndicatorPraise(CsRewardCase):
    """Praise counts and confirmed reward/penalty totals in the indicators, by month and employee."""

    def _by_user(self, domain):
        groups = self.env['cs.indicator'].read_group(
            domain + [('user_id', 'in', (self.agent | self.agent2).ids)],
            ['user_id', 'praise_count', 'written_praise_count', 'penalty_amount', 'reward_amount',
             'verified_complaint_count'], ['user_id'])
        return {g['user_id'][0]: g for g in groups}

    def test_praise_and_amount_totals(self):
        """October: agent 2 praises (1 written), fines 300 confirmed + 400 draft, reward 800; agent2 1 praise."""
        self._praise(self.agent, '2026-10-03')
        self._praise(self.agent, '2026-10-20', written=False)
        self._praise(self.agent2, '2026-10-21', written=False)
        self._praise(self.agent, '2026-11-01')  # November
        self._fine(amount=300, date='2026-10-10').sudo(self.manager).action_confirm()
        self._fine(user=self.agent2, amount=400, date='2026-10-11')  # draft: not counted
        self.Record.sudo(self.manager).create({
            'user_id': self.agent.id, 'kind': 'reward', 'reason_type': 'service_star', 'band_role': False,
            'amount': 800, 'date': '2026-10-31'}).sudo(self.manager).action_confirm()
        october = self._by_user([('date', '>=', '2026-10-01'), ('date', '<=', '2026-10-31')])
        agent = october[self.agent.id]
        self.assertEqual((agent['praise_count'], agent['written_praise_count']), (2, 1))
        self.assertEqual((agent['penalty_amount'], agent['reward_amount']), (300, 800))
        self.assertEqual(agent['verified_complaint_count'], 1)
        self.assertEqual(october[self.agent2.id]['praise_count'], 1)
        self.assertFalse(october[self.agent2.id]['penalty_amount'])

    def test_cancelled_not_counted(self):
        """A cancelled fine leaves the totals."""
        fine = self._fine(amount=300, date='2026-10-10')
        fine.sudo(self.manager).action_confirm()
        fine.sudo(self.manager).action_cancel('误判')
        self.assertNotIn(self.agent.id, self._by_user([('source', '=', 'reward_penalty')]))

    def test_agent_registers_praise(self):
        """An agent registers a colleague's praise; only a manager deletes one."""
        praise = self.env['cs.praise'].sudo(self.agent).create({
            'partner_id': self.customer.id, 'user_id': self.agent2.id, 'written': True, 'text': '感谢信'})
        self.assertEqual(praise.user_id, self.agent2)
        with self.assertRaises(AccessError):
            praise.sudo(self.agent).unlink()
        praise.sudo(self.manager).unlink()
