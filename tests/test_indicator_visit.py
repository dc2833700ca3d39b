from .common import CsCase


class TestIndicatorVisit(CsCase):
    """Visit completion rate and visit scores in the indicators, by the month the visits were planned for."""

    def _visit(self, planned, state, done=None, score=None):
        return self.env['cs.visit'].sudo().create({
            'name': '回访', 'partner_id': self.customer.id, 'origin': 'temporary', 'approved_uid': self.manager.id,
            'planned_date': planned, 'user_id': self.agent.id, 'method': 'phone', 'state': state,
            'date_done': done, 'outcome': done and '客户满意' or False, 'satisfaction': score})

    def test_completion_rate_and_scores(self):
        """October: 2 done (scores 4 and 5), 1 overdue, 1 cancelled (left out); a November visit elsewhere.
        Expected: 3 visits, 2 done, completion 66.67 %, average score 4.5."""
        self._visit('2026-10-05', 'done', '2026-10-06', 4)
        self._visit('2026-10-12', 'done', '2026-10-12', 5)
        self._visit('2026-10-20', 'overdue')
        self._visit('2026-10-25', 'cancelled')
        self._visit('2026-11-03', 'planned')
        groups = self.env['cs.indicator'].read_group(
            [('source', '=', 'visit'), ('user_id', '=', self.agent.id),
             ('date', '>=', '2026-10-01'), ('date', '<=', '2026-10-31')],
            ['visit_count', 'visit_done_count', 'visit_completion_rate', 'visit_score'], [])
        october = groups[0]
        self.assertEqual((october['visit_count'], october['visit_done_count']), (3, 2))
        self.assertAlmostEqual(october['visit_completion_rate'], 200.0 / 3, places=2)
        self.assertAlmostEqual(october['visit_score'], 4.5)
        self.assertEqual(self.env['cs.indicator']._cs_visit_scores(
            self.today.replace(year=2026, month=10, day=1), self.today.replace(year=2026, month=10, day=31)),
            {self.agent.id: 4.5})
