import datetime

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..policy import rewards as reward_policy


class CsServiceStarWizard(models.TransientModel):
    """Service star of the month 每月之星: ranks the agents from the month's indicators; the manager
    records the chosen one as a draft reward."""
    _name = 'cs.service.star.wizard'
    _description = 'Service Star of the Month'

    def _default_date(self):
        # usually chosen at the start of a month for the month before
        today = fields.Date.from_string(fields.Date.context_today(self))
        return fields.Date.to_string(today.replace(day=1) - relativedelta(months=1))

    date = fields.Date(string='Month', required=True, default=_default_date,
                       help='Any day of the month to rank.')
    period = fields.Char(compute='_compute_period')
    amount = fields.Monetary(currency_field='currency_id')
    currency_id = fields.Many2one('res.currency', default=lambda self: self.env.user.company_id.currency_id)
    line_ids = fields.One2many('cs.service.star.wizard.line', 'wizard_id', string='Ranking')

    @api.multi
    @api.depends('date')
    def _compute_period(self):
        for wizard in self:
            wizard.period = wizard.date and wizard.date[:7]

    @api.multi
    def _cs_month(self):
        start = fields.Date.from_string(self.date).replace(day=1)
        return start, start + relativedelta(months=1) - datetime.timedelta(days=1)

    @api.multi
    def action_rank(self):
        """Button: rank the month's candidates."""
        self.ensure_one()
        start, end = self._cs_month()
        agents = self.env.ref('customer_service_mgmt.group_cs_agent').users
        metrics = self.env['cs.indicator']._cs_star_metrics(agents.ids, start, end)
        ranking = reward_policy.star_ranking(metrics)
        self.line_ids.unlink()
        self.write({'line_ids': [(0, 0, {
            'rank': rank, 'user_id': m.user, 'praises': m.praises,
            'satisfaction': m.satisfaction or 0.0, 'on_time_rate': m.on_time_rate or 0.0,
            'handled': m.handled, 'chosen': rank == 1,
        }) for rank, m in enumerate(ranking, 1)]})
        return {'type': 'ir.actions.act_window', 'res_model': self._name, 'res_id': self.id,
                'view_mode': 'form', 'target': 'new'}

    @api.multi
    def action_choose(self):
        """Record the chosen line as the month's star (one per month)."""
        self.ensure_one()
        Record = self.env['cs.reward.penalty']
        Record._cs_check_manager()
        chosen = self.line_ids.filtered('chosen')
        if len(chosen) != 1:
            raise UserError(_('Choose exactly one service star for %s.') % self.period)
        if chosen.user_id == self.env.user and not Record._cs_is_system():
            raise AccessError(_('%s cannot choose himself as the service star of %s: another manager '
                                'decides.') % (self.env.user.name, self.period))
        if Record.search_count([('period', '=', self.period), ('company_id', '=', self.env.user.company_id.id),
                                ('reason_type', '=', reward_policy.SERVICE_STAR), ('state', '!=', 'cancelled')]):
            raise UserError(_('The service star of %s has already been chosen.') % self.period)
        start, end = self._cs_month()
        return Record.create({
            'user_id': chosen.user_id.id, 'kind': reward_policy.REWARD,
            'reason_type': reward_policy.SERVICE_STAR, 'band_role': False, 'amount': self.amount,
            'period': self.period, 'date': fields.Date.to_string(end),
            'notes': _('Ranked %d of %d for %s') % (chosen.rank, len(self.line_ids), self.period),
        })


class CsServiceStarWizardLine(models.TransientModel):
    _name = 'cs.service.star.wizard.line'
    _description = 'Service Star Candidate'
    _order = 'rank'

    wizard_id = fields.Many2one('cs.service.star.wizard', required=True, ondelete='cascade')
    rank = fields.Integer(readonly=True)
    user_id = fields.Many2one('res.users', string='Employee', required=True, readonly=True)
    praises = fields.Integer(readonly=True)
    satisfaction = fields.Float(readonly=True, digits=(3, 2))
    on_time_rate = fields.Float(string='On-time rate (%)', readonly=True, digits=(5, 1))
    handled = fields.Integer(string='Tickets handled', readonly=True)
    chosen = fields.Boolean()
