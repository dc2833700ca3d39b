import datetime

from odoo.exceptions import UserError

from .common_rewards import CsRewardCase


class TestHalfYearAward(CsRewardCase):
    """Half-year best-service award 最佳服务奖: two or more written praises in the half-year."""

    def _wizard(self, date='2026-05-15', **vals):
        vals.update({'date': date, 'amount': 500})
        wizard = self.env['cs.award.wizard'].sudo(self.manager).create(vals)
        wizard.action_find_candidates()
        return wizard

    def test_two_written_praises_selected(self):
        """Two written praises in H1 select the agent; one written plus oral praises does not."""
        self._praise(self.agent, '2026-02-01')
        self._praise(self.agent, '2026-06-30')
        self._praise(self.agent2, '2026-03-01')
        self._praise(self.agent2, '2026-03-02', written=False)
        self._praise(self.agent2, '2026-07-01')  # next half-year
        wizard = self._wizard()
        lines = wizard.line_ids.filtered(lambda l: l.user_id in self.agent | self.agent2)
        self.assertEqual(lines.mapped('user_id'), self.agent)
        self.assertEqual(lines.written_praises, 2)
        self.assertEqual(wizard.period, '2026-H1')

    def test_award_recorded_as_draft_reward(self):
        """Awarding records one draft reward per winner for the half-year, once."""
        self._praise(self.agent, '2026-02-01')
        self._praise(self.agent, '2026-03-01')
        self._wizard().action_award()
        award = self.Record.search([('user_id', '=', self.agent.id), ('reason_type', '=', 'half_year_award')])
        self.assertEqual((award.kind, award.state, award.period, award.amount), ('reward', 'draft', '2026-H1', 500))
        with self.assertRaisesRegex(UserError, '已获得'):
            self._wizard().action_award()

    def test_fewer_than_two_refused_without_reason(self):
        """Adding someone with one written praise is refused unless a manager gives a reason."""
        self._praise(self.agent2, '2026-02-01')
        wizard = self._wizard()
        wizard.write({'line_ids': [(0, 0, {'user_id': self.agent2.id, 'selected': True})]})
        with self.assertRaisesRegex(UserError, '少于'), self.env.cr.savepoint():
            wizard.action_award()
        self.assertFalse(self.Record.search([('user_id', '=', self.agent2.id)]))
        wizard.line_ids.write({'override_reason': '客户赠送锦旗'})
        wizard.action_award()
        award = self.Record.search([('user_id', '=', self.agent2.id)])
        self.assertEqual(award.override_reason, '客户赠送锦旗')

    def test_threshold_configurable(self):
        """A company asking for three written praises selects nobody with two."""
        self.company.cs_award_min_written_praises = 3
        self._praise(self.agent, datetime.date(2026, 2, 1))
        self._praise(self.agent, datetime.date(2026, 2, 2))
        self.assertNotIn(self.agent, self._wizard().line_ids.mapped('user_id'))
