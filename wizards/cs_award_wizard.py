from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..policy import rewards as reward_policy


class CsAwardWizard(models.TransientModel):
    """Half-year best-service award 最佳服务奖: proposes everyone with enough written praises in the
    half-year (or the best visit score); a manager may add someone else with a reason."""
    _name = 'cs.award.wizard'
    _description = 'Half-year Best-service Award'

    date = fields.Date(string='Any day of the half-year', required=True, default=fields.Date.context_today)
    period = fields.Char(compute='_compute_period')
    amount = fields.Monetary(currency_field='currency_id', help='Award paid to each winner.')
    currency_id = fields.Many2one('res.currency', default=lambda self: self.env.user.company_id.currency_id)
    line_ids = fields.One2many('cs.award.wizard.line', 'wizard_id', string='Candidates')

    @api.multi
    @api.depends('date')
    def _compute_period(self):
        for wizard in self:
            wizard.period = wizard.date and reward_policy.half_year(fields.Date.from_string(wizard.date))[2]

    @api.multi
    def _cs_candidates(self):
        """{user id: (written praises, visit score, reason)} for the half-year of the wizard."""
        self.ensure_one()
        start, end, _label = reward_policy.half_year(fields.Date.from_string(self.date))
        company = self.env.user.company_id
        groups = self.env['cs.praise'].read_group([
            ('written', '=', True), ('date', '>=', fields.Date.to_string(start)),
            ('date', '<=', fields.Date.to_string(end)), ('company_id', '=', company.id),
        ], ['user_id'], ['user_id'])
        praises = {g['user_id'][0]: g['user_id_count'] for g in groups}
        scores = self.env['cs.indicator']._cs_visit_scores(start, end)
        candidates = reward_policy.award_candidates(
            praises, scores, company.cs_award_min_written_praises)
        return {uid: (praises.get(uid, 0), scores.get(uid), reason) for uid, reason in candidates.items()}, praises, scores

    @api.multi
    def action_find_candidates(self):
        """Button: fill the lines with the half-year's candidates."""
        self.ensure_one()
        candidates, _praises, _scores = self._cs_candidates()
        self.line_ids.unlink()
        self.write({'line_ids': [(0, 0, {
            'user_id': uid, 'written_praises': count, 'visit_score': score or 0.0,
            'candidate_reason': reason, 'selected': True,
        }) for uid, (count, score, reason) in candidates.items()]})
        return self._cs_reopen()

    @api.multi
    def _cs_reopen(self):
        return {'type': 'ir.actions.act_window', 'res_model': self._name, 'res_id': self.id,
                'view_mode': 'form', 'target': 'new'}

    @api.multi
    def action_award(self):
        """Record a draft award for every selected line; refused as a whole if one line breaks a rule."""
        self.ensure_one()
        self.env['cs.reward.penalty']._cs_check_manager()
        candidates, praises, _scores = self._cs_candidates()
        period = self.period
        lines = self.line_ids.filtered('selected')
        if not lines:
            raise UserError(_('Select at least one employee to award.'))
        Record = self.env['cs.reward.penalty']
        if self.env.user in lines.mapped('user_id') and not Record._cs_is_system():
            raise AccessError(_('%s cannot award himself the best-service award for %s: another manager '
                                'decides.') % (self.env.user.name, period))
        for line in lines:
            if reward_policy.may_award(line.user_id.id, candidates, line.override_reason):
                raise UserError(_(
                    '%s has %d written praise(s) in %s, fewer than the %d the best-service award needs, '
                    'and not the best visit score: a manager may override with a reason.') % (
                    line.user_id.name, praises.get(line.user_id.id, 0), period,
                    self.env.user.company_id.cs_award_min_written_praises))
            if Record.search_count([('user_id', '=', line.user_id.id), ('period', '=', period),
                                    ('reason_type', '=', reward_policy.HALF_YEAR_AWARD),
                                    ('state', '!=', 'cancelled')]):
                raise UserError(_('%s already has the best-service award for %s.') % (line.user_id.name, period))
        records = Record.browse()
        for line in lines:
            records |= Record.create({
                'user_id': line.user_id.id, 'kind': reward_policy.REWARD,
                'reason_type': reward_policy.HALF_YEAR_AWARD, 'band_role': False,
                'amount': self.amount, 'period': period, 'date': self.date,
                'override_reason': line.override_reason or False,
                'notes': _('%d written praise(s) in %s') % (praises.get(line.user_id.id, 0), period),
            })
        action = self.env.ref('customer_service_mgmt.cs_reward_penalty_action').read()[0]
        action['domain'] = [('id', 'in', records.ids)]
        return action


class CsAwardWizardLine(models.TransientModel):
    _name = 'cs.award.wizard.line'
    _description = 'Best-service Award Candidate'

    wizard_id = fields.Many2one('cs.award.wizard', required=True, ondelete='cascade')
    user_id = fields.Many2one('res.users', string='Employee', required=True)
    written_praises = fields.Integer(readonly=True)
    visit_score = fields.Float(string='Visit score', readonly=True)
    candidate_reason = fields.Selection([
        ('praise', 'Written praises'), ('visit_score', 'Best visit score')], readonly=True,
        string='Selected for')
    selected = fields.Boolean(default=True)
    override_reason = fields.Char(help='Needed to award someone the rule does not select.')
