from .complaint_common import ComplaintCase
from .common_followup import answer_referral


class IndicatorCase(ComplaintCase):
    """October 2026, by hand (times UTC, company in Asia/Shanghai):

    | ticket | handler | team | registered | closed        | on time | opinion             | finding          |
    | C1     | agent   | T1   | 10-05 02:00 | 10-06 02:00 (24 h)  | yes | satisfied (5)       | mistake          |
    | C2     | agent   | T1   | 10-12 02:00 | 10-20 02:00 (192 h) | no  | dissatisfied (1)    | violation        |
    | C3     | agent2  | T1   | 10-14 02:00 | open                |     |                     |                  |
    | C4     | agent2  | T2   | 10-20 02:00 | 10-21 02:00 (24 h)  | yes | basically (3)       | misunderstanding |
    plus a complaint in November and a consultation in October, which October's complaint figures ignore.
    """

    @classmethod
    def setUpClass(cls):
        super(IndicatorCase, cls).setUpClass()
        cls.agent2 = cls._user('agent2', 'customer_service_mgmt.group_cs_agent')
        Team = cls.env['helpdesk.ticket.team']
        cls.team1 = Team.create({'name': '华东客服组', 'user_ids': [(6, 0, (cls.agent | cls.agent2).ids)]})
        cls.team2 = Team.create({'name': '华南客服组', 'user_ids': [(6, 0, cls.agent2.ids)]})
        categories = cls.env['helpdesk.ticket.category'].search([], limit=2)
        cls.cat_a, cls.cat_b = categories[0], categories[1]
        cls.c1 = cls._complaint(cls.agent, cls.team1, '2026-10-05 02:00:00', '2026-10-06 02:00:00',
                                'satisfied', 'mistake', cls.cat_a)
        cls.c2 = cls._complaint(cls.agent, cls.team1, '2026-10-12 02:00:00', '2026-10-20 02:00:00',
                                'dissatisfied', 'violation', cls.cat_a)
        cls.c3 = cls._complaint(cls.agent2, cls.team1, '2026-10-14 02:00:00', None, None, None, cls.cat_b)
        cls.c4 = cls._complaint(cls.agent2, cls.team2, '2026-10-20 02:00:00', '2026-10-21 02:00:00',
                                'basically_satisfied', 'misunderstanding', cls.cat_b)
        cls._complaint(cls.agent, cls.team1, '2026-11-03 02:00:00', '2026-11-04 02:00:00', 'satisfied',
                       'product', cls.cat_a)
        cls._ticket(user=cls.agent, cs_kind='consultation', user_id=cls.agent.id, team_id=cls.team1.id,
                    cs_registered_date='2026-10-08 02:00:00')

    @classmethod
    def _complaint(cls, handler, team, registered, closed, opinion, finding, category):
        ticket = cls._ticket(user=handler, user_id=handler.id, team_id=team.id, category_id=category.id,
                             cs_registered_date=registered)
        if closed:
            ticket.write({'cs_finding': finding, 'cs_reply': '已答复', 'cs_customer_opinion': opinion})
            if opinion == 'dissatisfied':  # a dissatisfied customer is revisited before closing
                ticket.action_cs_dissatisfied_followup('revisit', '销售经理回访')
            answer_referral(ticket)
            ticket.write({'stage_id': cls.stage_done.id})
            ticket.write({'cs_closed_date': closed})  # back-dated: closing stamps the present
        return ticket


class TestIndicatorComplaint(IndicatorCase):
    """Complaint indicators by month, team and employee on the hand-built October."""

    FIELDS = ['complaint_count', 'closed_count', 'handling_rate', 'on_time_rate', 'resolution_hours',
              'dissatisfied_rate', 'satisfaction']

    def _groups(self, groupby):
        domain = [('source', '=', 'complaint'), ('date', '>=', '2026-10-01'), ('date', '<=', '2026-10-31'),
                  ('user_id', 'in', (self.agent | self.agent2).ids)]
        return self.env['cs.indicator'].read_group(
            domain, self.FIELDS + [groupby.split(':')[0]], [groupby], lazy=False)

    def _assert(self, group, expected):
        for name, value in zip(self.FIELDS, expected):
            self.assertAlmostEqual(group[name], value, places=2, msg=name)

    def test_month_totals(self):
        """October: 4 registered, 3 closed, 75 % handled, 2/3 on time, 80 h, 1/3 dissatisfied, 3.0."""
        month, = self._groups('date:month')
        self._assert(month, (4, 3, 75.0, 200.0 / 3, 80.0, 100.0 / 3, 3.0))

    def test_by_employee(self):
        """agent: 2/2 closed, 50 % on time, 108 h, 50 % dissatisfied; agent2: 1/2, 100 %, 24 h, 0 %."""
        groups = {g['user_id'][0]: g for g in self._groups('user_id')}
        self._assert(groups[self.agent.id], (2, 2, 100.0, 50.0, 108.0, 50.0, 3.0))
        self._assert(groups[self.agent2.id], (2, 1, 50.0, 100.0, 24.0, 0.0, 3.0))

    def test_by_team(self):
        """Team 1 holds C1-C3, team 2 C4."""
        groups = {g['team_id'][0]: g for g in self._groups('team_id')}
        self._assert(groups[self.team1.id], (3, 2, 200.0 / 3, 50.0, 108.0, 50.0, 3.0))
        self._assert(groups[self.team2.id], (1, 1, 100.0, 100.0, 24.0, 0.0, 3.0))

    def test_service_star_uses_complaint_figures(self):
        """With equal praises, the agent with the better on-time rate ranks first."""
        wizard = self.env['cs.service.star.wizard'].sudo(self.manager).create({'date': '2026-10-15'})
        wizard.action_rank()
        lines = wizard.line_ids.sorted('rank').filtered(lambda l: l.user_id in self.agent | self.agent2)
        self.assertEqual(lines.mapped('user_id').ids, [self.agent2.id, self.agent.id])
        self.assertEqual((lines[0].on_time_rate, lines[0].handled), (100.0, 1))
