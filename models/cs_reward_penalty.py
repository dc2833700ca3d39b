from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..policy import rewards as reward_policy
from ..policy import values as value_policy
from .cs_penalty_band import ROLES

# What may still change once a record is confirmed: nothing that changes who gets how much for what.
LOCKED_FIELDS = ('user_id', 'kind', 'reason_type', 'band_role', 'sanction_type', 'amount', 'currency_id',
                 'ticket_id', 'period', 'date', 'fine_id', 'company_id')


class CsRewardPenalty(models.Model):
    """A reward, fine or sanction 奖惩记录 (POLICY §4). Drafts are proposed (by closed complaints, the
    award wizards) or entered by a manager, then confirmed; confirmed records are never deleted, a
    cancellation keeps the record with its reason."""
    _name = 'cs.reward.penalty'
    _description = 'Reward or Penalty'
    _inherit = ['mail.thread', 'cs.guard.mixin']
    _order = 'date desc, id desc'

    def _default_period(self):
        return fields.Date.context_today(self)[:7]

    name = fields.Char(string='Reference', compute='_compute_name', store=True)
    user_id = fields.Many2one('res.users', string='Employee', required=True, index=True,
                              track_visibility='onchange')
    kind = fields.Selection([
        (reward_policy.REWARD, 'Reward'),
        (reward_policy.PENALTY, 'Penalty'),
        (reward_policy.SANCTION, 'Sanction'),
    ], required=True, default=reward_policy.PENALTY, track_visibility='onchange')
    reason_type = fields.Selection([
        (reward_policy.COMPLAINT, 'Verified complaint'),
        (reward_policy.PRAISE, 'Written praise'),
        (reward_policy.SERVICE_STAR, 'Service star of the month'),
        (reward_policy.HALF_YEAR_AWARD, 'Half-year best-service award'),
        (reward_policy.COMPENSATION, 'Economic loss compensation'),
        (reward_policy.OTHER, 'Other'),
    ], string='Reason type', required=True, default=reward_policy.COMPLAINT, track_visibility='onchange')
    band_role = fields.Selection(
        ROLES, string='Fined as', default=reward_policy.PERSON,
        help='Whose penalty band bounds the fine: the person concerned or the first responsible manager.')
    sanction_type = fields.Selection([
        ('verbal_warning', 'Verbal warning'),
        ('bonus_deduction', 'Bonus deduction'),
        ('rating_downgrade', 'Rating downgrade'),
    ], string='Sanction')
    amount = fields.Monetary(currency_field='currency_id', track_visibility='onchange')
    currency_id = fields.Many2one('res.currency', required=True,
                                  default=lambda self: self.env.user.company_id.currency_id)
    company_id = fields.Many2one('res.company', required=True, default=lambda self: self.env.user.company_id)
    ticket_id = fields.Many2one('helpdesk.ticket', string='Ticket', index=True, ondelete='restrict')
    fine_id = fields.Many2one(
        'cs.reward.penalty', string='On top of fine', ondelete='restrict',
        domain=[('kind', '=', 'penalty'), ('reason_type', '!=', 'compensation')],
        help='Compensation of an economic loss is recorded on top of a fine of the same employee.')
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    period = fields.Char(required=True, default=_default_period,
                         help='The month (YYYY-MM) or half-year (YYYY-H1, YYYY-H2) the record belongs to.')
    state = fields.Selection([
        ('draft', 'Draft'),
        ('confirmed', 'Confirmed'),
        ('cancelled', 'Cancelled'),
    ], default='draft', required=True, readonly=True, copy=False, index=True, track_visibility='onchange')
    confirmed_by_id = fields.Many2one('res.users', string='Confirmed by', readonly=True, copy=False)
    confirmed_date = fields.Datetime(string='Confirmed on', readonly=True, copy=False)
    cancel_reason = fields.Text(string='Cancellation reason', readonly=True, copy=False,
                                track_visibility='onchange')
    override_reason = fields.Text(
        string='Override reason', help='Why a manager awards someone the rule would not select.')
    notes = fields.Text()
    proposed = fields.Boolean(
        string='Proposed automatically', readonly=True, copy=False,
        help='Proposed when a complaint closed with a violation or mistake finding.')

    _sql_constraints = [
        ('amount_positive', 'CHECK(amount >= 0)', 'Amounts cannot be negative.'),
    ]

    def init(self):
        # Once per complaint: one proposed fine per person and role for a complaint (a closing that
        # runs twice, or a reopened complaint closed again, proposes nothing new).
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS cs_reward_penalty_complaint_uniq
                ON cs_reward_penalty (ticket_id, user_id, band_role)
             WHERE proposed
        """)
        # one half-year award per person and half-year, one service star per company and month
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS cs_reward_penalty_award_uniq
                ON cs_reward_penalty (user_id, period)
             WHERE reason_type = 'half_year_award' AND state <> 'cancelled'
        """)
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS cs_reward_penalty_star_uniq
                ON cs_reward_penalty (company_id, period)
             WHERE reason_type = 'service_star' AND state <> 'cancelled'
        """)

    @api.multi
    @api.depends('kind', 'user_id', 'period')
    def _compute_name(self):
        kinds = dict(self._fields['kind']._description_selection(self.env))
        for record in self:
            record.name = '%s %s %s' % (kinds.get(record.kind, ''), record.user_id.name or '', record.period or '')

    @api.onchange('kind', 'reason_type')
    def _onchange_kind(self):
        # only fines have a band; a sanction has no amount
        if self.kind != reward_policy.PENALTY or self.reason_type == reward_policy.COMPENSATION:
            self.band_role = False
        elif not self.band_role:
            self.band_role = reward_policy.PERSON
        if self.kind == reward_policy.SANCTION:
            self.amount = 0.0

    @api.constrains('kind', 'reason_type', 'band_role', 'amount', 'company_id')
    def _check_amount_band(self):
        bands = self.env['cs.penalty.band'].sudo()
        for record in self:
            band = bands._cs_bands(record.company_id).get(record.band_role) if record.band_role else None
            for problem in reward_policy.check_amount(record.kind, record.reason_type, record.amount, band):
                raise ValidationError(_('%s: %s') % (
                    record.user_id.name, bands._cs_problem_message(problem)))

    @api.constrains('kind', 'reason_type', 'fine_id', 'user_id')
    def _check_compensation_fine(self):
        for record in self.filtered(lambda r: r.reason_type == reward_policy.COMPENSATION):
            if record.kind != reward_policy.PENALTY or not record.fine_id or \
                    record.fine_id.user_id != record.user_id:
                raise ValidationError(_(
                    'Compensation of an economic loss by %s is recorded on top of a fine of the same '
                    'employee: choose that fine.') % record.user_id.name)

    @api.constrains('kind', 'sanction_type')
    def _check_sanction_type(self):
        for record in self:
            if record.kind == reward_policy.SANCTION and not record.sanction_type:
                raise ValidationError(_('The sanction for %s needs its type (verbal warning, bonus '
                                        'deduction or rating downgrade).') % record.user_id.name)

    @api.model
    def _cs_check_sign(self, vals):
        # before the database's CHECK, whose message does not reach the user in Chinese
        if (vals.get('amount') or 0) < 0:
            raise ValidationError(self.env['cs.penalty.band']._cs_problem_message(
                reward_policy.Problem('negative', {'amount': vals['amount']})))

    @api.model
    def _cs_protected_fields(self):
        # the state moves only through action_confirm / action_cancel, which stamp who, when and why
        return super(CsRewardPenalty, self)._cs_protected_fields() | {
            'state', 'confirmed_by_id', 'confirmed_date', 'cancel_reason', 'proposed'}

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)
        self._cs_check_sign(vals)
        if not self._cs_is_system():
            self.env.user._cs_require(lambda u: u._cs_is_manager(), _(
                'Only a customer service manager may record rewards and penalties.'))
            self.browse()._cs_check_not_self(vals.get('user_id'))
        return super(CsRewardPenalty, self).create(vals)

    @api.multi
    def write(self, vals):
        self._cs_guard_write(vals)
        self._cs_check_sign(vals)
        if set(vals) & set(LOCKED_FIELDS):
            locked = self.filtered(lambda r: r.state != 'draft')
            if locked:
                raise UserError(_('%s is no longer a draft: only its notes may change. Cancel it and '
                                  'record a new one instead.') % locked[0].name)
            if not self._cs_is_system():
                self._cs_check_not_self(vals.get('user_id'))
        return super(CsRewardPenalty, self).write(vals)

    @api.multi
    def unlink(self):
        kept = self.filtered(lambda r: r.state != 'draft')
        if kept:
            raise UserError(_('%s has been confirmed and can never be deleted: cancel it with a reason '
                              'instead.') % kept[0].name)
        if not self._cs_is_system():
            self._cs_check_not_self()
        return super(CsRewardPenalty, self).unlink()

    @api.multi
    def _cs_check_manager(self):
        self.env.user._cs_require(lambda u: u._cs_is_manager(), _(
            'Only a customer service manager may confirm or cancel rewards and penalties.'))

    @api.multi
    def _cs_check_not_self(self, user_id=None):
        """Nobody acts on a record about themself (POLICY §8): a manager neither records, changes,
        confirms, cancels nor deletes a reward or penalty of his own (the superuser's code may)."""
        if self._cs_is_system():
            return
        if isinstance(user_id, models.BaseModel):
            user_id = user_id.id
        own = self.filtered(lambda r: r.user_id.id == self.env.uid)
        if own or user_id == self.env.uid:
            raise AccessError(_('%s concerns you: rewards and penalties of your own are decided by another '
                                'manager.') % (own[:1].sudo().name or self.env.user.name))

    @api.multi
    def action_confirm(self):
        """A manager confirms drafts (not his own); confirming twice is refused."""
        self._cs_check_manager()
        self._cs_check_not_self()
        done = self.filtered(lambda r: r.state != 'draft')
        if done:
            raise UserError(_('%s is not a draft and cannot be confirmed again.') % done[0].name)
        # the band may have changed since the proposal: check again at confirmation
        self._check_amount_band()
        return self._cs_system_write({
            'state': 'confirmed', 'confirmed_by_id': self.env.uid, 'confirmed_date': fields.Datetime.now()})

    @api.multi
    def action_cancel_wizard(self):
        """Button: ask the reason before cancelling."""
        self._cs_check_manager()
        self._cs_check_not_self()
        action = self.env.ref('customer_service_mgmt.cs_reward_penalty_cancel_action').read()[0]
        action['context'] = {'active_ids': self.ids, 'active_model': self._name}
        return action

    @api.multi
    def action_cancel(self, reason):
        """Cancel with a reason (not one's own record); the record is kept."""
        self._cs_check_manager()
        self._cs_check_not_self()
        if value_policy.text_problem(reason) or value_policy.is_blank(reason):
            raise UserError(_('Cancelling %s needs a reason (not only spaces).')
                            % (', '.join(self.mapped('name')) or _('a reward or penalty')))
        done = self.filtered(lambda r: r.state == 'cancelled')
        if done:
            raise UserError(_('%s is already cancelled.') % done[0].name)
        return self._cs_system_write({'state': 'cancelled', 'cancel_reason': value_policy.clean(reason)})

    @api.model
    def _cs_propose_for_complaint(self, ticket, finding, accused, manager):
        """Draft fines for a verified complaint (violation or mistake), once per complaint: the rows that
        exist already are skipped and the unique index guards against a concurrent closing."""
        company = ticket.company_id or self.env.user.company_id
        self = self.env['res.company']._cs_in_company_lang(self, company)  # the notes
        bands = self.env['cs.penalty.band'].sudo()._cs_bands(company)
        if len(bands) < 2:
            return self.browse()
        proposals = reward_policy.proposals(finding, accused.ids, manager.id, list(bands.values()))
        existing = {(r.user_id.id, r.band_role) for r in self.sudo().search([
            ('ticket_id', '=', ticket.id), ('proposed', '=', True)])}
        created = self.browse()
        for proposal in proposals:
            if (proposal.user_id, proposal.role) in existing:
                continue
            created |= self.sudo()._cs_system_create({
                'user_id': proposal.user_id, 'kind': reward_policy.PENALTY,
                'reason_type': reward_policy.COMPLAINT, 'band_role': proposal.role,
                'amount': proposal.amount, 'ticket_id': ticket.id, 'company_id': company.id, 'proposed': True,
                'currency_id': company.currency_id.id,
                'notes': _('Proposed when complaint %s closed; adjust the amount within the band and '
                           'confirm.') % (ticket.number or ticket.name),
            })
        return created
