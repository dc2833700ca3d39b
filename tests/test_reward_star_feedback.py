from odoo.exceptions import AccessError, ValidationError

from .common_rewards import CsRewardCase


class TestRewardStarFeedback(CsRewardCase):
    """每月之星 from three-party feedback: scores per candidate, month and party rank the candidates."""

    def _score(self, user, party, score, creator=None, period='2026-10'):
        return self.env['cs.star.feedback'].sudo(creator or self.manager).create({
            'period': period, 'user_id': user.id, 'party': party, 'score': score})

    def test_feedback_ranks_the_star(self):
        """The candidate with the better three-party feedback ranks first and is proposed."""
        self._praise(self.agent, '2026-10-05')  # the indicators alone would put the agent first
        for party, score in (('customer', 5), ('developer', 4.5), ('agent', 5)):
            self._score(self.agent2, party, score)
        self._score(self.agent, 'customer', 3)
        wizard = self.env['cs.service.star.wizard'].sudo(self.manager).create({'date': '2026-10-01', 'amount': 300})
        wizard.action_rank()
        lines = wizard.line_ids.sorted('rank').filtered(lambda l: l.user_id in (self.agent | self.agent2))
        self.assertEqual(lines.mapped('user_id'), self.agent2 | self.agent)
        self.assertEqual(lines[0].user_id, self.agent2)
        self.assertAlmostEqual(lines[0].feedback_score, 14.5 / 3, places=2)
        self.assertTrue(wizard.line_ids.sorted('rank')[0].chosen)

    def test_bad_scores_refused(self):
        """Scores outside 1-5, a bad month, twice the same party: refused, nothing written."""
        Feedback = self.env['cs.star.feedback']
        for vals in ({'score': 6}, {'score': 0}, {'period': '2026-13'}):
            values = dict({'period': '2026-10', 'user_id': self.agent.id, 'party': 'customer', 'score': 4}, **vals)
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                Feedback.sudo(self.manager).create(values)
        self._score(self.agent, 'customer', 4)
        with self.assertRaises(Exception), self.env.cr.savepoint():
            self._score(self.agent, 'customer', 5)
        self.assertEqual(Feedback.search_count([('user_id', '=', self.agent.id)]), 1)

    def test_agents_do_not_score(self):
        """Agents read the feedback but do not enter or change it; a manager does not score himself."""
        feedback = self._score(self.agent2, 'customer', 4)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self._score(self.agent, 'customer', 5, creator=self.agent)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            feedback.sudo(self.agent2).write({'score': 5})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self._score(self.manager, 'agent', 5)
        self.assertEqual(feedback.score, 4)
