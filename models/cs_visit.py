import datetime
import logging

from odoo import SUPERUSER_ID, _, api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError

from ..policy import values as value_policy
from ..policy import visits as visit_policy
from .cs_guard_mixin import system_write
from .cs_visit_policy import METHODS

_logger = logging.getLogger(__name__)

ORIGINS = [
    ('policy', 'Visit policy'),
    ('purchase', 'After a purchase'),
    ('complaint', 'After a complaint'),
    ('temporary', 'Temporary'),
    ('care', 'Customer care'),
]
STATES = [
    ('to_approve', 'To approve'),
    ('planned', 'Planned'),
    ('done', 'Done'),
    ('overdue', 'Overdue'),
    ('cancelled', 'Cancelled'),
]
# states in which a temporary visit must carry a manager's approval
APPROVED_STATES = ('planned', 'done', 'overdue')
# what the planning stamps on a visit; users change a visit's state only through its actions
PROTECTED_FIELDS = {'state', 'approved_uid', 'approved_date', 'reminded', 'escalated', 'cs_auto_cancelled',
                    'cancel_reason', 'tier_id', 'policy_line_id', 'period_key', 'invoice_id', 'followup_step',
                    'care_occasion_id', 'care_year', 'origin'}
# the states a visit may still move out of (done is the end of the road)
OPEN_STATES = ('to_approve', 'planned', 'overdue')


class CsVisit(models.Model):
    """A return visit 回访 of a customer (POLICY §3): planned from the tier's visit policy, after a
    purchase or a complaint, as customer care, or as an approved temporary visit; recorded by the visitor.

    Every visit is created through :meth:`create` or the set-based planner :meth:`_cs_plan_policy`;
    both ask :meth:`_cs_plannable_partner_sql` / :meth:`_cs_check_plannable` whether a customer may be
    planned, the one place a block (e.g. a blacklist) plugs in."""
    _name = 'cs.visit'
    _description = 'Return Visit'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'cs.guard.mixin']
    _order = 'planned_date desc, id desc'

    # How many customers one planning statement covers (commit per batch in the cron).
    _cs_plan_batch_size = 50000
    # How many visits one reminder / escalation batch handles.
    _cs_notify_batch_size = 500

    name = fields.Char(string='Subject', required=True, default=lambda self: _('Return visit'))
    partner_id = fields.Many2one(
        'res.partner', string='Customer', required=True, index=True, ondelete='restrict',
        track_visibility='onchange', domain=[('cs_is_commercial', '=', True)])
    contact_id = fields.Many2one(
        'res.partner', string='Contact person', index=True, ondelete='restrict',
        help='The person visited or greeted (for customer care: the contact whose occasion it is).')
    company_id = fields.Many2one('res.company', required=True, default=lambda self: self.env.user.company_id)
    tier_id = fields.Many2one('cs.tier', string='Customer tier', index=True, readonly=True,
                              help='The customer\'s tier when the visit was planned.')
    policy_line_id = fields.Many2one(
        'cs.visit.policy.line', string='Visit rule', index=True, ondelete='restrict', readonly=True)
    origin = fields.Selection(ORIGINS, required=True, default='temporary', index=True,
                              track_visibility='onchange')
    period_key = fields.Char(string='Period', readonly=True, help='The visit period of the visit rule.')
    planned_date = fields.Date(required=True, index=True, track_visibility='onchange',
                               default=fields.Date.context_today)
    date_done = fields.Date(string='Visit date', track_visibility='onchange')
    user_id = fields.Many2one('res.users', string='Visitor', index=True, track_visibility='onchange')
    method = fields.Selection(METHODS, required=True, default='phone', track_visibility='onchange')
    state = fields.Selection(STATES, required=True, index=True, track_visibility='onchange', copy=False,
                             readonly=True)
    check_opinions = fields.Boolean(string='Opinions on products and service')
    check_progress = fields.Boolean(string='Progress of earlier requests')
    check_promotion = fields.Boolean(string='Promotion of new products and policies')
    check_needs = fields.Boolean(string='Future needs')
    outcome = fields.Text(track_visibility='onchange')
    satisfaction = fields.Integer(string='Satisfaction (1-5)', track_visibility='onchange', group_operator='avg')
    follow_up = fields.Text(string='Follow-up actions')
    follow_up_done = fields.Boolean(string='Follow-up completed', track_visibility='onchange')
    ticket_id = fields.Many2one('helpdesk.ticket', string='Related ticket', index=True, ondelete='restrict')
    invoice_id = fields.Many2one('account.invoice', string='Invoice', index=True, ondelete='restrict',
                                 readonly=True)
    followup_step = fields.Integer(string='Follow-up number', readonly=True)
    care_occasion_id = fields.Many2one('cs.care.occasion', string='Care occasion', index=True,
                                       ondelete='restrict', readonly=True)
    care_year = fields.Integer(readonly=True)
    reason = fields.Text(string='Reason', help='Why a temporary visit is needed.')
    approved_uid = fields.Many2one('res.users', string='Approved by', readonly=True, copy=False,
                                   track_visibility='onchange')
    approved_date = fields.Datetime(readonly=True, copy=False)
    remind_days = fields.Integer(string='Remind (days ahead)', default=3)
    reminded = fields.Boolean(readonly=True, copy=False,
                              help='The visitor received the reminder activity.')
    escalated = fields.Boolean(readonly=True, copy=False,
                               help='The visitor\'s manager was notified that the visit is overdue.')
    cancel_reason = fields.Char(readonly=True, copy=False, track_visibility='onchange')
    cs_auto_cancelled = fields.Boolean(
        string='Auto-cancelled', readonly=True, copy=False,
        help='Cancelled by a tier change; planned again if the customer returns to the tier.')

    _sql_constraints = [
        ('policy_period_uniq', 'unique(partner_id, policy_line_id, period_key)',
         'A customer is visited once per visit rule and period.'),
        ('invoice_step_uniq', 'unique(invoice_id, followup_step)',
         'An invoice has one set of follow-up visits.'),
        ('ticket_origin_uniq', 'unique(ticket_id, origin)', 'A complaint has one revisit.'),
        ('care_uniq', 'unique(contact_id, care_occasion_id, care_year)',
         'A contact is greeted once per occasion and year.'),
        ('satisfaction_range', 'CHECK(satisfaction IS NULL OR satisfaction BETWEEN 0 AND 5)',
         'The satisfaction score is 1 to 5.'),
    ]

    @api.constrains('satisfaction')
    def _check_satisfaction(self):
        for visit in self:
            visit._cs_check_satisfaction(visit.satisfaction)

    @api.multi
    def _cs_check_satisfaction(self, score):
        if not visit_policy.valid_satisfaction(score):
            raise ValidationError(_('The satisfaction score of visit "%s" must be between 1 and 5, not %s.')
                                  % (', '.join(self.mapped('display_name')) or _('Return visit'), score))

    @api.constrains('state', 'date_done', 'outcome')
    def _check_done_recorded(self):
        for visit in self.filtered(lambda v: v.state == 'done'):
            if not visit.date_done or value_policy.is_blank(visit.outcome):
                raise ValidationError(_('Visit "%s" can only be marked done with its visit date and outcome.')
                                      % visit.display_name)

    @api.constrains('origin', 'state', 'approved_uid')
    def _check_temporary_approved(self):
        for visit in self:
            if visit.origin == 'temporary' and visit.state in APPROVED_STATES and not visit.approved_uid:
                raise ValidationError(_('The temporary visit "%s" needs a manager\'s approval before it is planned.')
                                      % visit.display_name)

    @api.constrains('invoice_id', 'followup_step')
    def _check_invoice_followup_once(self):
        for visit in self.filtered('invoice_id'):
            if self.search_count([('invoice_id', '=', visit.invoice_id.id),
                                  ('followup_step', '=', visit.followup_step)]) > 1:
                raise ValidationError(_('Invoice %s already has its follow-up visits.')
                                      % visit.invoice_id.display_name)

    @api.multi
    def name_get(self):
        return [(v.id, '%s - %s' % (v.partner_id.display_name, v.name)) for v in self]

    @api.model
    def _cs_protected_fields(self):
        # origin too: a user's visit is a temporary one, the other origins are the planners'
        return super(CsVisit, self)._cs_protected_fields() | PROTECTED_FIELDS

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)
        vals = dict(vals)
        partner = self.env['res.partner'].browse(vals.get('partner_id')).commercial_partner_id
        stamped = {}
        if partner:
            vals['partner_id'] = partner.id
            self._cs_check_plannable(partner)
            if 'tier_id' not in vals:
                stamped['tier_id'] = partner.cs_tier_id.id
        if not vals.get('state'):
            stamped['state'] = 'to_approve' if vals.get('origin', 'temporary') == 'temporary' else 'planned'
        if 'satisfaction' in vals:
            # before the database's CHECK, whose message does not name the rule
            self._cs_check_satisfaction(vals['satisfaction'])
        vals.update(stamped)
        with system_write(self._name, stamped):
            return super(CsVisit, self).create(vals)

    @api.multi
    def write(self, vals):
        self._cs_guard_write(vals)
        if 'satisfaction' in vals:
            self._cs_check_satisfaction(vals['satisfaction'])
        if 'partner_id' in vals:
            return self._cs_move_to_partner(vals)
        if 'planned_date' in vals and not self._cs_is_system():
            # re-dating an open visit plans it again: the same gate as a new one
            for visit in self.filtered(lambda v: v.state in OPEN_STATES):
                self._cs_check_plannable(visit.partner_id.commercial_partner_id)
        return super(CsVisit, self).write(vals)

    @api.multi
    def _cs_move_to_partner(self, vals):
        """Moving visits to another customer plans them for that customer: the gate of a new visit, the
        commercial entity, and the tier stamped from it."""
        partner = self.env['res.partner'].browse(vals['partner_id']).commercial_partner_id
        vals = dict(vals, partner_id=partner.id or False)
        if partner:
            self._cs_check_plannable(partner)
        done = self.filtered(lambda v: v.state not in OPEN_STATES)
        if done and not self._cs_is_system():
            raise UserError(_('Visit "%s" is done or cancelled: it stays with its customer.')
                            % done[0].display_name)
        res = super(CsVisit, self).write(vals)
        if partner:
            self._cs_system_write({'tier_id': partner.cs_tier_id.id})
        return res

    @api.model
    def _cs_check_manager(self, message):
        self.env.user._cs_require(lambda u: u._cs_is_manager(), message)

    @api.multi
    def _cs_check_leadership(self, verb):
        """Temporary visits for urgent needs are decided by the GM or the deputy GM, not by the one who
        asked for them (POLICY §3, §8)."""
        self.env.user._cs_require(lambda u: u._cs_is_gm() or u._cs_is_deputy_gm(), _(
            'Only the general manager or the deputy general manager may %s the temporary visit "%s".')
            % (verb, ', '.join(self.mapped('display_name'))))
        own = self.filtered(lambda v: v.create_uid == self.env.user and self.env.uid != SUPERUSER_ID)
        if own:
            raise AccessError(_('You cannot %s your own request for the temporary visit "%s".')
                              % (verb, own[0].display_name))

    @api.multi
    def _cs_check_state(self, allowed, message):
        """Refuse an action on visits not in one of the ``allowed`` states (``message`` takes the visit)."""
        for visit in self:
            if visit.state not in allowed:
                raise UserError(message % visit.display_name)

    # --- the single gate for planning a visit (a blacklist adds its rule here) ---

    @api.model
    def _cs_check_plannable(self, partner):
        """Raise when no visit may be planned for this commercial partner. Every ORM creation passes here."""
        return True

    @api.model
    def _cs_plannable(self, partner):
        """Whether automatic planning (follow-ups, revisits, care) may plan a visit for this commercial
        partner: those that may not are skipped, where a person planning by hand gets the error."""
        return True

    @api.model
    def _cs_plannable_partner_sql(self, alias):
        """A SQL condition on ``alias`` (res_partner) that the set-based planner adds: the same rule as
        :meth:`_cs_check_plannable`, for whole batches."""
        return 'TRUE'

    # --- actions ---

    @api.multi
    def action_approve(self):
        """The company's leadership (GM or deputy GM, POLICY §3) approves temporary visits, never its own
        request: they become planned."""
        self._cs_check_leadership(_('approve'))
        self._cs_check_state(('to_approve',), _('Visit "%s" is not waiting for approval.'))
        for partner in self.mapped('partner_id'):
            self._cs_check_plannable(partner)
        self._cs_system_write({'approved_uid': self.env.uid, 'approved_date': fields.Datetime.now(),
                               'state': 'planned'})
        return True

    @api.multi
    def action_refuse(self):
        """The company's leadership (GM or deputy GM) refuses temporary visits: they are cancelled, with who
        refused them."""
        self._cs_check_leadership(_('refuse'))
        self._cs_check_state(('to_approve',), _('Visit "%s" is not waiting for approval.'))
        self._cs_system_write({'state': 'cancelled', 'cancel_reason': _('Refused by %s') % self.env.user.name})
        return True

    @api.multi
    def action_done(self):
        """The visitor (or a manager) records the visit: dated today unless a date is given; the outcome
        is required."""
        if not self.env.user._cs_is_manager():
            others = self.filtered(lambda v: v.user_id != self.env.user)
            if others:
                raise AccessError(_('Only the visitor of "%s" or a customer service manager may mark it done.')
                                  % others[0].display_name)
        self._cs_check_state(('planned', 'overdue'), _('Only a planned or overdue visit can be marked done ("%s").'))
        for visit in self:
            if not visit.date_done:
                visit.write({'date_done': fields.Date.context_today(self)})
            visit._cs_system_write({'state': 'done'})
        self.mapped('activity_ids').action_feedback(feedback=_('Visit done'))
        return True

    @api.multi
    def action_cancel(self):
        """A manager cancels open visits; whoever asked for a temporary visit may withdraw it before
        its approval."""
        if not self.env.user._cs_is_manager():
            others = self.filtered(lambda v: not (v.state == 'to_approve' and v.create_uid == self.env.user))
            if others:
                raise AccessError(_('Only a customer service manager may cancel visit "%s" (who asked for a '
                                    'temporary visit may withdraw it while it waits for approval).')
                                  % others[0].display_name)
        self._cs_check_state(OPEN_STATES, _('Visit "%s" is done or already cancelled.'))
        self._cs_system_write({'state': 'cancelled',
                               'cancel_reason': _('Cancelled by %s') % self.env.user.name})
        self.mapped('activity_ids').sudo().unlink()
        return True

    @api.multi
    def action_reset(self):
        """A manager plans a cancelled or overdue visit again (a temporary visit never approved goes
        back to approval); the customer must still be plannable."""
        self._cs_check_manager(_('Only a customer service manager may plan a visit again.'))
        self._cs_check_state(('cancelled', 'overdue'), _('Only a cancelled or overdue visit can be planned '
                                                        'again ("%s").'))
        for partner in self.mapped('partner_id'):
            self._cs_check_plannable(partner)
        for visit in self:
            unapproved = visit.origin == 'temporary' and not visit.approved_uid
            visit._cs_system_write({'state': 'to_approve' if unapproved else 'planned', 'cancel_reason': False,
                                    'cs_auto_cancelled': False, 'reminded': False, 'escalated': False})
        return True

    # --- planning from the policy (set-based) ---

    @api.model
    def _cron_plan_visits(self, today=None, commit=None):
        """Daily cron: plans the visits due within the horizon of each company's policy, for every
        customer of the tiers its rules name. Idempotent: the unique (customer, rule, period) lets a
        second or interrupted run insert only what is missing. Returns the number of visits planned.
        Private (not callable over the web API): ``today`` plans as of another day."""
        today = self._cs_today(today)
        commit = self._cs_commit(commit)
        planned = 0
        for policy in self.env['cs.visit.policy'].sudo().search([]):
            planned += self._cs_plan_policy(policy, today, commit=commit)
        _logger.info('return visits: %d visits planned', planned)
        return planned

    @api.model
    def _cs_today(self, today=None):
        """The day a planning runs as of: the one the (private) caller gives, else today. Never taken
        from the context, which any web API caller sets."""
        if today:
            return fields.Date.from_string(today) if isinstance(today, str) else today
        return fields.Date.from_string(fields.Date.context_today(self))

    @api.model
    def _cs_commit(self, commit=None):
        # a cron commits per batch, except under tests (the test's transaction is rolled back)
        if tools.config['test_enable']:
            return False
        return True if commit is None else bool(commit)

    @api.model
    def _cs_due_rule_periods(self, policy, today):
        """(rule, period, planned date) for every active rule of the policy and each due period."""
        result = []
        for line in policy.line_ids.filtered('active'):
            for period in visit_policy.due_periods(today, policy.horizon_days, line.interval_months):
                result.append((line, period, visit_policy.planned_date(period, today)))
        return result

    @api.model
    def _cs_plan_partner_ids(self, company, partner_ids=None):
        """The customers the planner covers, in id order: active commercial customers with a tier."""
        self.env.cr.execute("""
            SELECT p.id FROM res_partner p
             WHERE p.id = p.commercial_partner_id AND p.active AND p.customer AND p.cs_tier_id IS NOT NULL
               AND (p.company_id IS NULL OR p.company_id = %s)
               AND (%s IS NULL OR p.id = ANY(%s))
             ORDER BY p.id
        """, (company.id, partner_ids and True, partner_ids or []))
        return [r[0] for r in self.env.cr.fetchall()]

    @api.model
    def _cs_plan_policy(self, policy, today, partner_ids=None, commit=False):
        """Plans one policy, in batches of customers: one INSERT ... SELECT per batch covers every rule
        and period (the rules are few, the customers many). Returns the number of visits planned."""
        rules = self._cs_due_rule_periods(policy, today)
        if not rules:
            return 0
        values = []
        params = []
        for line, period, planned in rules:
            role_user = policy._cs_role_user(line.visitor_role)
            values.append('(%s::int, %s::int, %s::varchar, %s::date, %s::varchar, %s::int, %s::varchar, '
                          '%s::int, %s::boolean, %s::varchar, %s::boolean)')
            params.extend([line.id, line.tier_id.id or None, period.key, planned, line.visitor_role,
                           role_user.id or None, line.method, line.remind_days, line.selected_only,
                           line.with_context(lang=policy.company_id.partner_id.lang or 'en_US').name,
                           line.unselected_only])
        ids = self._cs_plan_partner_ids(policy.company_id, partner_ids)
        query = self._cs_plan_sql(values)
        planned_count = 0
        for batch in tools.split_every(self._cs_plan_batch_size, ids, list):
            self.env.cr.execute(query, params + [
                policy.company_id.id, self.env.uid, batch[0], batch[-1],
                policy.company_id.id, bool(partner_ids), partner_ids or []])
            planned_count += self.env.cr.rowcount
            if commit:
                self.env.cr.commit()  # pylint: disable=invalid-commit
        self.invalidate_cache()
        return planned_count

    @api.model
    def _cs_plan_sql(self, values):
        """The planning statement: customers of a batch (an id range) joined to the due (rule, period)
        rows; a conflict on (customer, rule, period) inserts nothing, except that a visit cancelled by a
        tier change comes back when the customer is back in the rule's tier."""
        return """
            INSERT INTO cs_visit (partner_id, company_id, tier_id, policy_line_id, origin, period_key,
                                  planned_date, user_id, method, state, name, remind_days, reminded,
                                  escalated, cs_auto_cancelled, create_uid, create_date, write_uid, write_date)
            SELECT p.id, ctx.company_id, p.cs_tier_id, r.line_id, 'policy', r.period_key, r.planned_date,
                   """ + visit_policy.visitor_sql('r.role', 'r.role_user', 'p.user_id', 'sp.cs_manager_id',
                                                  'p.cs_deputy_gm_id') + """,
                   r.method, 'planned', r.name, r.remind_days, FALSE, FALSE, FALSE,
                   ctx.uid, now() at time zone 'UTC', ctx.uid, now() at time zone 'UTC'
              FROM (VALUES """ + ', '.join(values) + """) AS r(line_id, tier_id, period_key, planned_date,
                               role, role_user, method, remind_days, selected_only, name, unselected_only)
              CROSS JOIN (SELECT %s::int AS company_id, %s::int AS uid) AS ctx
              JOIN res_partner p ON (r.tier_id IS NULL OR r.tier_id = p.cs_tier_id)
                                AND """ + visit_policy.selection_sql(
                                    'COALESCE(p.cs_visit_selected, FALSE)', 'r.selected_only', 'r.unselected_only') + """
              LEFT JOIN res_users sp ON sp.id = p.user_id
             WHERE p.id BETWEEN %s AND %s
               AND p.id = p.commercial_partner_id AND p.active AND p.customer AND p.cs_tier_id IS NOT NULL
               AND (p.company_id IS NULL OR p.company_id = %s)
               AND (NOT %s OR p.id = ANY(%s))
               AND """ + self._cs_plannable_partner_sql('p') + """
            ON CONFLICT (partner_id, policy_line_id, period_key) DO UPDATE
               SET state = 'planned', cs_auto_cancelled = FALSE, cancel_reason = NULL,
                   planned_date = EXCLUDED.planned_date, user_id = EXCLUDED.user_id,
                   tier_id = EXCLUDED.tier_id, reminded = FALSE, escalated = FALSE,
                   write_uid = EXCLUDED.write_uid, write_date = EXCLUDED.write_date
             WHERE cs_visit.cs_auto_cancelled
        """

    @api.model
    def _cs_replan_partners(self, partner_ids, today=None):
        """A tier change re-plans the customer's future visits: planned policy visits of rules of
        another tier are cancelled (kept, with the reason: nothing registered is deleted) and the new
        tier's rules are planned. Set-based: called with the partners whose tier changed in a batch."""
        if not partner_ids:
            return 0
        today = self._cs_today(today)
        self = self.env['res.company']._cs_in_company_lang(self)  # the cancel reason
        self.env.cr.execute("""
            UPDATE cs_visit v
               SET state = 'cancelled', cs_auto_cancelled = TRUE, cancel_reason = %s,
                   write_uid = %s, write_date = now() at time zone 'UTC'
              FROM cs_visit_policy_line l, res_partner p
             WHERE v.policy_line_id = l.id AND p.id = v.partner_id AND v.partner_id = ANY(%s)
               AND v.origin = 'policy' AND v.state = 'planned' AND v.planned_date >= %s
               AND ((l.tier_id IS NOT NULL AND l.tier_id IS DISTINCT FROM p.cs_tier_id)
                    OR NOT """ + visit_policy.selection_sql(
                        'COALESCE(p.cs_visit_selected, FALSE)', 'l.selected_only', 'COALESCE(l.unselected_only, FALSE)') + """)
         RETURNING v.id
        """, (_('The customer\'s tier changed'), self.env.uid, list(partner_ids), today))
        cancelled = [r[0] for r in self.env.cr.fetchall()]
        # the visits of rules for every tier stay; they now count under the new tier
        self.env.cr.execute("""
            UPDATE cs_visit v SET tier_id = p.cs_tier_id
              FROM res_partner p
             WHERE p.id = v.partner_id AND v.partner_id = ANY(%s) AND v.state = 'planned'
               AND v.planned_date >= %s AND v.tier_id IS DISTINCT FROM p.cs_tier_id
        """, (list(partner_ids), today))
        if cancelled:
            self.env['mail.activity'].sudo().search([
                ('res_model', '=', self._name), ('res_id', 'in', cancelled)]).unlink()
        self.invalidate_cache()
        planned = 0
        for policy in self.env['cs.visit.policy'].sudo().search([]):
            planned += self._cs_plan_policy(policy, today, list(partner_ids))
        _logger.info('return visits: tier change of %d customers, %d visits cancelled, %d planned',
                     len(partner_ids), len(cancelled), planned)
        return planned

    # --- follow-ups after a purchase, revisits after a complaint ---

    @api.model
    def _cs_plan_purchase_followups(self, invoices):
        """Plans the +3/+30/+60 day follow-ups of posted customer invoices (POLICY §3, seed 003):
        usage guidance, opinions, results. Refused for an invoice that already has them."""
        self = self.env['res.company']._cs_in_company_lang(self, invoices[:1].company_id or None)
        names = {1: _('Follow-up 1/3 after purchase: usage guidance'),
                 2: _('Follow-up 2/3 after purchase: opinions'),
                 3: _('Follow-up 3/3 after purchase: results')}
        visits = self.browse()
        for invoice in invoices.filtered(lambda i: self._cs_plannable(i.commercial_partner_id)):
            if self.sudo().search_count([('invoice_id', '=', invoice.id)]):
                raise UserError(_('Invoice %s already has its follow-up visits.') % invoice.display_name)
            if not invoice.company_id.cs_followup_per_invoice and self.sudo().search_count([
                    ('partner_id', '=', invoice.commercial_partner_id.id), ('origin', '=', 'purchase')]):
                raise UserError(_('%s already has its follow-up visits, planned once from its file (its first '
                                  'invoice); the company plans them per invoice only when so configured.')
                                % invoice.commercial_partner_id.display_name)
            policy = self.env['cs.visit.policy']._cs_for_company(invoice.company_id)
            offsets = policy._cs_followup_offsets() if policy else visit_policy.PURCHASE_FOLLOWUP_DAYS
            partner = invoice.commercial_partner_id
            visitor = invoice.user_id or partner.user_id or policy.account_rep_user_id
            day = fields.Date.from_string(invoice.date_invoice or fields.Date.context_today(self))
            for step, planned in visit_policy.purchase_followups(day, offsets):
                visits |= self.sudo().create({
                    'name': names[step],
                    'partner_id': partner.id,
                    'contact_id': invoice.partner_id.id if invoice.partner_id != partner else False,
                    'company_id': invoice.company_id.id,
                    'origin': 'purchase',
                    'invoice_id': invoice.id,
                    'followup_step': step,
                    'planned_date': fields.Date.to_string(planned),
                    'user_id': visitor.id,
                    'method': 'phone',
                    'remind_days': policy.followup_remind_days if policy else 1,
                    'check_opinions': step >= 2,
                })
        return visits

    @api.model
    def _cs_plan_complaint_revisit(self, tickets):
        """A closed complaint is revisited by the customer's sales manager (POLICY §2, §3): one revisit
        per ticket; a ticket that already has one is left alone. Called by the complaint's closing hook
        (helpdesk.ticket._cs_on_complaint_closed). Returns the visits planned."""
        self = self.env['res.company']._cs_in_company_lang(self, tickets[:1].company_id or None)
        visits = self.browse()
        done = set(self.sudo().search([('ticket_id', 'in', tickets.ids), ('origin', '=', 'complaint')])
                   .mapped('ticket_id').ids)
        today = self._cs_today()
        for ticket in tickets.filtered(lambda t: t.partner_id and t.id not in done
                                       and self._cs_plannable(t.partner_id.commercial_partner_id)):
            partner = ticket.partner_id.commercial_partner_id
            policy = self.env['cs.visit.policy']._cs_for_company(ticket.company_id or self.env.user.company_id)
            visitor = policy.sales_manager_user_id or partner.user_id or policy.account_rep_user_id
            planned = today + datetime.timedelta(days=policy.complaint_revisit_days if policy else 3)
            visits |= self.sudo().create({
                'name': _('Revisit after complaint %s') % (ticket.number or ticket.name),
                'partner_id': partner.id,
                'contact_id': ticket.partner_id.id if ticket.partner_id != partner else False,
                'company_id': (ticket.company_id or self.env.user.company_id).id,
                'origin': 'complaint',
                'ticket_id': ticket.id,
                'planned_date': fields.Date.to_string(planned),
                'user_id': visitor.id,
                'method': 'phone',
                'remind_days': 1,
                'check_progress': True,
            })
        return visits

    # --- reminders and escalation ---

    @api.model
    def _cron_remind_visits(self, today=None, commit=None):
        """Daily cron: a reminder activity for the visitor N days ahead of each planned visit, then
        overdue visits flip to overdue and their visitor's manager is notified, once."""
        today = self._cs_today(today)
        commit = self._cs_commit(commit)
        self = self.env['res.company']._cs_in_company_lang(self)  # activities and chatter lines
        reminded = self._cs_remind(today, commit)
        overdue, escalated = self._cs_flag_overdue(today, commit)
        _logger.info('return visits: %d reminders, %d overdue, %d escalations', reminded, overdue, escalated)
        return reminded, overdue, escalated

    @api.model
    def _cs_remind_domain_sql(self):
        return "state = 'planned' AND NOT reminded AND user_id IS NOT NULL AND " + visit_policy.reminder_due_sql(
            'planned_date', 'remind_days', '%(today)s')

    @api.model
    def _cs_remind(self, today, commit=False):
        self.env.cr.execute('SELECT id FROM cs_visit WHERE ' + self._cs_remind_domain_sql() + ' ORDER BY id',
                            {'today': today})
        ids = [r[0] for r in self.env.cr.fetchall()]
        model_id = self.env['ir.model']._get(self._name).id
        types = {'phone': 'mail.mail_activity_data_call', 'onsite': 'mail.mail_activity_data_meeting',
                 'email': 'mail.mail_activity_data_email', 'sms': 'mail.mail_activity_data_call'}
        types = {k: self.env.ref(v, raise_if_not_found=False) or self.env.ref('mail.mail_activity_data_todo')
                 for k, v in types.items()}
        for batch in tools.split_every(self._cs_notify_batch_size, ids, list):
            visits = self.sudo().browse(batch)
            for visit in visits:
                self.env['mail.activity'].sudo().create({
                    'res_model_id': model_id,
                    'res_id': visit.id,
                    'activity_type_id': types[visit.method].id,
                    'date_deadline': visit.planned_date,
                    'user_id': visit.user_id.id,
                    'summary': _('Return visit: %s') % visit.partner_id.display_name,
                    'note': visit.name,
                })
            visits.write({'reminded': True})
            if commit:
                self.env.cr.commit()  # pylint: disable=invalid-commit
        return len(ids)

    @api.model
    def _cs_flag_overdue(self, today, commit=False):
        """Planned visits whose date has passed become overdue (one UPDATE); those not escalated yet
        notify the visitor's manager (the policy's visit supervisor) with a message and an activity."""
        self.env.cr.execute("""
            UPDATE cs_visit SET state = 'overdue', write_date = now() at time zone 'UTC'
             WHERE state = 'planned' AND planned_date < %s
         RETURNING id
        """, (today,))
        flipped = self.env.cr.rowcount
        self.invalidate_cache()
        self.env.cr.execute("SELECT id FROM cs_visit WHERE state = 'overdue' AND NOT escalated ORDER BY id")
        ids = [r[0] for r in self.env.cr.fetchall()]
        model_id = self.env['ir.model']._get(self._name).id
        todo = self.env.ref('mail.mail_activity_data_todo')
        for batch in tools.split_every(self._cs_notify_batch_size, ids, list):
            for visit in self.sudo().browse(batch):
                policy = self.env['cs.visit.policy']._cs_for_company(visit.company_id)
                manager = policy.supervisor_user_id
                if manager:
                    body = _('The return visit %s planned on %s by %s is overdue.') % (
                        visit.display_name, visit.planned_date, visit.user_id.name or _('nobody'))
                    visit.message_post(body=body, partner_ids=[manager.partner_id.id],
                                       subtype='mail.mt_comment', message_type='notification')
                    self.env['mail.activity'].sudo().create({
                        'res_model_id': model_id, 'res_id': visit.id, 'activity_type_id': todo.id,
                        'date_deadline': fields.Date.to_string(today), 'user_id': manager.id,
                        'summary': _('Overdue return visit'), 'note': body,
                    })
                visit.escalated = True
            if commit:
                self.env.cr.commit()  # pylint: disable=invalid-commit
        return flipped, len(ids)

    # --- customer care ---

    @api.model
    def _cron_plan_care(self, today=None):
        """Daily cron: care visits for the birthdays and occasions coming within each occasion's lead
        time, once per contact, occasion and year; optionally a greeting mail."""
        today = self._cs_today(today)
        self = self.env['res.company']._cs_in_company_lang(self)
        count = 0
        for occasion in self.env['cs.care.occasion'].sudo().search([]):
            count += len(occasion._cs_plan(today))
        _logger.info('customer care: %d care visits planned', count)
        return count
