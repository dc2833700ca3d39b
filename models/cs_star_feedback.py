from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..policy import star_feedback as feedback_policy

PARTIES = [('customer', 'Customers'), ('developer', 'Developers'), ('agent', 'Agents')]


class CsStarFeedback(models.Model):
    """A party's score of a service-star candidate for a month 三方反馈 (POLICY §4): customers,
    developers and agents; entered by a customer service manager, one per candidate, month and party."""
    _name = 'cs.star.feedback'
    _inherit = ['cs.guard.mixin']
    _description = 'Service Star Feedback'
    _order = 'period desc, user_id, party'
    _rec_name = 'period'

    period = fields.Char(string='Month', required=True, index=True, help='YYYY-MM')
    user_id = fields.Many2one('res.users', string='Candidate', required=True, index=True)
    party = fields.Selection(PARTIES, string='Party', required=True)
    score = fields.Float(string='Score (1-5)', required=True, digits=(3, 1))
    note = fields.Text(string='Feedback')
    company_id = fields.Many2one('res.company', required=True, default=lambda self: self.env.user.company_id)

    _sql_constraints = [
        ('candidate_period_party_uniq', 'unique(user_id, period, party, company_id)',
         'One score per candidate, month and party.'),
    ]

    @api.constrains('score')
    def _check_score(self):
        for feedback in self:
            if feedback_policy.score_problems(feedback.score):
                raise ValidationError(_('The feedback score of %(user)s for %(period)s is from 1 to 5, not '
                                        '%(score)s.') % {'user': feedback.user_id.name, 'period': feedback.period,
                                                         'score': feedback.score})

    @api.constrains('period')
    def _check_period(self):
        for feedback in self:
            if feedback_policy.period_problems(feedback.period):
                raise ValidationError(_('The month of a feedback score is written YYYY-MM, not %s.')
                                      % feedback.period)

    @api.constrains('user_id')
    def _check_not_own(self):
        for feedback in self:
            if feedback.user_id == feedback.create_uid and feedback.create_uid._cs_is_manager() \
                    and feedback.create_uid.id != 1:
                raise ValidationError(_('%s cannot score himself for the service star.') % feedback.user_id.name)

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)  # pylint: disable=self-cls-assignment
        return super(CsStarFeedback, self).create(vals)

    @api.multi
    def write(self, vals):
        self._cs_guard_write(vals)
        return super(CsStarFeedback, self).write(vals)

    @api.model
    def _cs_feedback_scores(self, user_ids, period, company):
        """{user id: feedback score} of the month's candidates."""
        scores = {}
        for feedback in self.sudo().search([('user_id', 'in', list(user_ids)), ('period', '=', period),
                                            ('company_id', '=', company.id)]):
            scores.setdefault(feedback.user_id.id, []).append((feedback.party, feedback.score))
        return {uid: feedback_policy.feedback_score(pairs) for uid, pairs in scores.items()}
