from odoo import api, fields, models, tools

from ..policy import behaviour as behaviour_policy
from ..policy import rewards as reward_policy
from ..policy import teams as team_policy

# The columns of cs_visit (return visits 回访) the indicators read: the visitor, the 1-5 score and the
# date a done visit took place. A visit counts in the month it was planned for (see _cs_visit_sql).
VISIT_USER_FIELDS = ('user_id',)
VISIT_SCORE_FIELDS = ('satisfaction',)
VISIT_DATE_FIELDS = ('date_done',)


class CsIndicator(models.Model):
    """Service indicators 服务指标 (POLICY §6) as one reporting view: one row per complaint, praise,
    reward/penalty and visit, with measures whose group operator makes every rate correct at any grouping
    (a rate is the average of a 0/100 figure over the rows it applies to; other rows carry NULL)."""
    _name = 'cs.indicator'
    _description = 'Service Indicators'
    _auto = False
    _rec_name = 'date'
    _order = 'date desc'

    date = fields.Date(readonly=True)
    source = fields.Selection([
        ('complaint', 'Complaint'), ('praise', 'Praise'), ('reward_penalty', 'Reward or penalty'),
        ('visit', 'Visit')], readonly=True)
    user_id = fields.Many2one('res.users', string='Employee', readonly=True)
    team_id = fields.Many2one('helpdesk.ticket.team', string='Team', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Customer', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    complaint_count = fields.Integer(string='Complaints registered', readonly=True)
    closed_count = fields.Integer(string='Complaints closed', readonly=True)
    handling_rate = fields.Float(string='Handling rate (%)', group_operator='avg', readonly=True)
    on_time_rate = fields.Float(string='On-time rate (%)', group_operator='avg', readonly=True)
    resolution_hours = fields.Float(string='Average resolution hours', group_operator='avg', readonly=True)
    dissatisfied_rate = fields.Float(string='Dissatisfied (%)', group_operator='avg', readonly=True)
    satisfaction = fields.Float(string='Average satisfaction', group_operator='avg', readonly=True,
                                help='On the 1-5 scale: complaint opinions (5/3/1) and visit scores.')
    visit_count = fields.Integer(string='Visits planned', readonly=True)
    visit_done_count = fields.Integer(string='Visits done', readonly=True)
    visit_completion_rate = fields.Float(string='Visit completion rate (%)', group_operator='avg', readonly=True)
    visit_score = fields.Float(string='Average visit score', group_operator='avg', readonly=True)
    praise_count = fields.Integer(string='Praises', readonly=True)
    written_praise_count = fields.Integer(string='Written praises', readonly=True)
    verified_complaint_count = fields.Integer(string='Confirmed fines for complaints', readonly=True)
    penalty_amount = fields.Float(string='Confirmed penalties', readonly=True)
    reward_amount = fields.Float(string='Confirmed rewards', readonly=True)

    # the parts of the UNION, in id order (features add theirs at the end, at most 8)
    _cs_sources = ('complaint', 'praise', 'reward_penalty', 'visit')
    # the measures every part of the UNION fills, in this order
    _cs_columns = ('date', 'source', 'user_id', 'team_id', 'partner_id', 'company_id', 'complaint_count',
                   'closed_count', 'handling_rate', 'on_time_rate', 'resolution_hours', 'dissatisfied_rate',
                   'satisfaction', 'visit_count', 'visit_done_count', 'visit_completion_rate', 'visit_score',
                   'praise_count', 'written_praise_count', 'verified_complaint_count', 'penalty_amount',
                   'reward_amount')

    @api.model
    def _cs_select(self, source, values):
        """One part of the UNION: the given columns, NULL (typed) for the others."""
        types = {'date': 'date', 'source': 'varchar', 'user_id': 'integer', 'team_id': 'integer',
                 'partner_id': 'integer', 'company_id': 'integer'}
        # a unique id per row without a window function, so that filters reach each part of the UNION
        cols = ['(%s * 8 + %d) AS id' % (values['id'], self._cs_sources.index(source))]
        for name in self._cs_columns:
            # every part casts to the same types, so the UNION reads integers and floats, not numerics
            kind = types.get(name, 'integer' if name.endswith('_count') else 'float8')
            if name == 'source':
                cols.append("'%s'::varchar AS source" % source)
            elif name in values:
                cols.append('(%s)::%s AS %s' % (values[name], kind, name))
            else:
                cols.append('NULL::%s AS %s' % (kind, name))
        return 'SELECT ' + ', '.join(cols)

    @api.model
    def _cs_complaint_sql(self):
        """The complaint rows: registered in the month of registration (company time zone), closed,
        on time, resolution hours, customer opinion as dissatisfied share and 1-5 satisfaction."""
        opinion_score = ' '.join("WHEN '%s' THEN %s" % (k, v) for k, v in sorted(
            behaviour_policy.OPINION_SCORES.items()))
        closed = 't.cs_closed_date IS NOT NULL'
        return self._cs_select('complaint', {
            'id': 't.id',
            'date': "(t.cs_registered_date AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(cp.tz, 'UTC'))::date",
            'user_id': 't.user_id', 'team_id': 't.team_id', 'partner_id': 't.partner_id',
            'company_id': 't.company_id', 'complaint_count': '1',
            'closed_count': 'CASE WHEN %s THEN 1 ELSE 0 END' % closed,
            'handling_rate': 'CASE WHEN %s THEN 100.0 ELSE 0.0 END' % closed,
            'on_time_rate': 'CASE WHEN %s THEN (CASE WHEN t.cs_on_time THEN 100.0 ELSE 0.0 END) END' % closed,
            'resolution_hours': 'CASE WHEN %s THEN EXTRACT(EPOCH FROM t.cs_closed_date - t.cs_registered_date) / 3600.0 END'
                                % closed,
            'dissatisfied_rate': "CASE WHEN t.cs_customer_opinion IS NOT NULL THEN "
                                 "(CASE WHEN t.cs_customer_opinion = 'dissatisfied' THEN 100.0 ELSE 0.0 END) END",
            'satisfaction': 'CASE t.cs_customer_opinion %s END' % opinion_score,
        }) + """ FROM helpdesk_ticket t
                 LEFT JOIN res_company c ON c.id = t.company_id
                 LEFT JOIN res_partner cp ON cp.id = c.partner_id
                WHERE t.cs_kind = 'complaint' AND """ + team_policy.governed_sql('t')

    @api.model
    def _cs_praise_sql(self):
        return self._cs_select('praise', {
            'id': 'p.id',
            'date': 'p.date', 'user_id': 'p.user_id', 'partner_id': 'p.partner_id', 'company_id': 'p.company_id',
            'praise_count': '1', 'written_praise_count': 'CASE WHEN p.written THEN 1 ELSE 0 END',
        }) + ' FROM cs_praise p'

    @api.model
    def _cs_reward_penalty_sql(self):
        return self._cs_select('reward_penalty', {
            'id': 'r.id',
            'date': 'r.date', 'user_id': 'r.user_id', 'team_id': 't.team_id', 'partner_id': 't.partner_id',
            'company_id': 'r.company_id',
            'verified_complaint_count': "CASE WHEN r.kind = 'penalty' AND r.reason_type = 'complaint' "
                                        "THEN 1 ELSE 0 END",
            'penalty_amount': "CASE WHEN r.kind = 'penalty' THEN r.amount ELSE 0 END",
            'reward_amount': "CASE WHEN r.kind = 'reward' THEN r.amount ELSE 0 END",
        }) + " FROM cs_reward_penalty r LEFT JOIN helpdesk_ticket t ON t.id = r.ticket_id " \
             "WHERE r.state = 'confirmed'"

    @api.model
    def _cs_visit_columns(self):
        """(user, score, date, partner) columns of table cs_visit, or None while visits are not installed."""
        self.env.cr.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'cs_visit'")
        columns = {r[0] for r in self.env.cr.fetchall()}
        if not columns or 'state' not in columns:
            return None
        pick = lambda names: next((n for n in names if n in columns), None)  # noqa: E731
        user, score, date = pick(VISIT_USER_FIELDS), pick(VISIT_SCORE_FIELDS), pick(VISIT_DATE_FIELDS)
        if not (user and date):
            return None
        return user, score, date, 'partner_id' if 'partner_id' in columns else None

    @api.model
    def _cs_visit_sql(self):
        """The visit rows (visit completion rate and scores): planned/done/overdue count, cancelled not."""
        columns = self._cs_visit_columns()
        if not columns:
            return None
        user, score, date, partner = columns
        score_sql = 'v.%s' % score if score else 'NULL'
        return self._cs_select('visit', {
            'id': 'v.id',
            # planned vs done is measured in the month the visit was planned for
            'date': 'v.planned_date', 'user_id': 'v.%s' % user,
            'partner_id': 'v.%s' % partner if partner else 'NULL::integer',
            'company_id': 'v.company_id' if 'company_id' in self._cs_visit_company() else 'NULL::integer',
            'visit_count': '1', 'visit_done_count': "CASE WHEN v.state = 'done' THEN 1 ELSE 0 END",
            'visit_completion_rate': "CASE WHEN v.state = 'done' THEN 100.0 ELSE 0 END",
            'visit_score': "CASE WHEN v.state = 'done' THEN %s END" % score_sql,
            'satisfaction': "CASE WHEN v.state = 'done' THEN %s END" % score_sql,
        }) + " FROM cs_visit v WHERE v.state IN ('planned', 'done', 'overdue')"

    @api.model
    def _cs_visit_company(self):
        self.env.cr.execute("SELECT column_name FROM information_schema.columns "
                            "WHERE table_name = 'cs_visit' AND column_name = 'company_id'")
        return {r[0] for r in self.env.cr.fetchall()}

    @api.model
    def _cs_ensure_sources(self):
        """Create the columns of the source tables first: models of this addon are initialised in
        import order, which may put this view before the ticket or visit fields it reads."""
        for name in ('helpdesk.ticket', 'cs.visit'):
            if name in self.env:
                self.env[name]._auto_init()

    @api.model_cr
    def init(self):
        self._cs_ensure_sources()
        parts = [p for p in self._cs_parts() if p]
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute('CREATE VIEW %s AS (%s)' % (self._table, ' UNION ALL '.join(parts)))

    @api.model
    def _cs_parts(self):
        """The SELECTs of the UNION; features add theirs with super()."""
        return [self._cs_complaint_sql(), self._cs_praise_sql(), self._cs_reward_penalty_sql(), self._cs_visit_sql()]

    @api.model
    def _cs_visit_scores(self, start, end):
        """{user id: average visit score} over done visits between two dates (empty without visits)."""
        groups = self.read_group([
            ('source', '=', 'visit'), ('visit_score', '!=', False),
            ('date', '>=', fields.Date.to_string(start)), ('date', '<=', fields.Date.to_string(end))],
            ['user_id', 'visit_score'], ['user_id'])
        return {g['user_id'][0]: g['visit_score'] for g in groups if g['user_id']}

    @api.model
    def _cs_star_metrics(self, user_ids, start, end):
        """The month's figures of each candidate, for the service-star ranking."""
        groups = self.read_group([
            ('user_id', 'in', list(user_ids)), ('date', '>=', fields.Date.to_string(start)),
            ('date', '<=', fields.Date.to_string(end))],
            ['user_id', 'praise_count', 'satisfaction', 'on_time_rate', 'closed_count',
             'verified_complaint_count'], ['user_id'])
        by_user = {g['user_id'][0]: g for g in groups if g['user_id']}
        metrics = []
        for uid in user_ids:
            g = by_user.get(uid, {})
            metrics.append(reward_policy.StarMetrics(
                uid, g.get('verified_complaint_count') or 0, g.get('praise_count') or 0,
                g.get('satisfaction'), g.get('closed_count') or 0, g.get('on_time_rate')))
        return metrics
