from odoo.exceptions import UserError

from .common_rewards import CsRewardCase


class TestServiceStar(CsRewardCase):
    """Service star of the month 每月之星, ranked from the month's indicators."""

    def _wizard(self):
        wizard = self.env['cs.service.star.wizard'].sudo(self.manager).create({'date': '2026-10-01', 'amount': 300})
        wizard.action_rank()
        return wizard

    def test_ranking_by_praises_and_fines(self):
        """More praises rank first; an agent with a confirmed fine that month is not ranked."""
        for day in ('2026-10-03', '2026-10-09'):
            self._praise(self.agent2, day, written=False)
        self._praise(self.agent, '2026-10-05')
        self._praise(self.quality, '2026-10-05')
        self._praise(self.quality, '2026-10-06')
        self._praise(self.quality, '2026-10-07')
        self._fine(user=self.quality, date='2026-10-20').sudo(self.manager).action_confirm()
        self._praise(self.agent, '2026-11-02')  # another month
        mine = self.agent | self.agent2 | self.quality
        # demo staff may have praises too: the assertions look at this test's agents only
        lines = self._wizard().line_ids.sorted('rank').filtered(lambda l: l.user_id in mine)
        self.assertEqual(lines[:2].mapped('user_id'), self.agent2 | self.agent)
        self.assertEqual(lines[0].user_id, self.agent2)
        self.assertEqual((lines[0].praises, lines[1].praises), (2, 1))
        self.assertNotIn(self.quality, lines.mapped('user_id'))
        self.assertEqual(lines[0].chosen, lines[0] == lines[0].wizard_id.line_ids.sorted('rank')[0])

    def test_choice_recorded_once_a_month(self):
        """The chosen agent gets a draft reward for the month; a second star for it is refused."""
        self._praise(self.agent, '2026-10-05')
        wizard = self._wizard()
        for line in wizard.line_ids:
            line.chosen = line.user_id == self.agent
        reward = wizard.action_choose()
        self.assertEqual((reward.user_id, reward.reason_type, reward.period, reward.amount),
                         (self.agent, 'service_star', '2026-10', 300))
        with self.assertRaisesRegex(UserError, '已评选'):
            self._wizard().action_choose()
