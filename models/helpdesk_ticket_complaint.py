import logging
from datetime import datetime, time

import pytz
from psycopg2 import IntegrityError

from odoo import _, api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from ..policy import deadlines as deadline_policy
from ..policy import values as value_policy
from .cs_guard_mixin import system_write

_logger = logging.getLogger(__name__)

# The values the addon stamps or computes (POLICY §8): a user's create or write of them is refused; the
# extension, hand-over, spot-check, closing and escalation paths write them as the system.
PROTECTED = {
    'number', 'cs_registered_date', 'cs_deadline', 'cs_deadline_days', 'cs_extension_reason',
    'cs_escalation_level', 'cs_escalated_date', 'cs_escalation_ids', 'cs_closed_date', 'cs_on_time',
    'cs_on_time_rate', 'cs_resolution_hours', 'cs_first_responder_id', 'cs_spot_check', 'cs_spot_check_note',
    'cs_spot_checker_id', 'cs_spot_check_date',
    # the host's stamps, set by its own write when the stage or the handler changes
    'closed_date', 'assigned_date', 'last_stage_update',
}
# What the accused staff of a complaint may not change on it (they still comment in the chatter).
ACCUSED_LOCKED = ('cs_accused_user_ids', 'cs_investigator_id', 'cs_investigation', 'cs_finding',
                  'cs_rectification_plan', 'cs_action_ids', 'cs_reply', 'cs_customer_opinion', 'user_id')

KINDS = [
    (deadline_policy.CONSULTATION, 'Consultation'),
    (deadline_policy.SUGGESTION, 'Suggestion'),
    (deadline_policy.COMPLAINT, 'Complaint'),
]
SEVERITIES = [
    (deadline_policy.GENERAL, 'General'),
    (deadline_policy.SERIOUS, 'Serious'),
    (deadline_policy.MAJOR, 'Major'),
]
FINDINGS = [
    (deadline_policy.VIOLATION, 'Violation or dereliction of duty'),
    (deadline_policy.MISTAKE, 'General mistake or service shortfall'),
    (deadline_policy.MISUNDERSTANDING, 'Customer misunderstanding'),
    (deadline_policy.PRODUCT, 'Product problem'),
    (deadline_policy.OTHER_DEPARTMENT, 'Other department'),
]
OPINIONS = [
    (deadline_policy.SATISFIED, 'Satisfied'),
    (deadline_policy.BASICALLY_SATISFIED, 'Basically satisfied'),
    (deadline_policy.DISSATISFIED, 'Dissatisfied'),
]
LEVELS = [
    (deadline_policy.HANDLER, 'Handler'),
    (deadline_policy.CS_MANAGER, 'Customer service manager'),
    (deadline_policy.GENERAL_MANAGER, 'General manager'),
]


class HelpdeskTicket(models.Model):
    """The host's helpdesk ticket as the register of complaints, consultations and suggestions
    投诉、咨询、建议 (POLICY §2); its number stays the registration number."""
    _name = 'helpdesk.ticket'
    _inherit = ['helpdesk.ticket', 'cs.guard.mixin']

    # How many overdue complaints one escalation batch handles (one transaction per batch in the cron).
    _cs_escalation_batch_size = 500
    # How many closed tickets one archiving batch handles.
    _cs_retention_batch_size = 5000

    # The host's related fields, read-only: in 11.0 a writable related field writes through to its
    # target, and the form sends them on save (an agent may not write the stage or the team).
    closed = fields.Boolean(related='stage_id.closed', readonly=True)
    unattended = fields.Boolean(related='stage_id.unattended', readonly=True)
    user_ids = fields.Many2many(related='team_id.user_ids', readonly=True)
    active = fields.Boolean(default=True, track_visibility='onchange',
                            help='Closed tickets are archived after the retention period; never deleted.')
    cs_kind = fields.Selection(
        KINDS, string='Kind', required=True, default=deadline_policy.COMPLAINT, index=True,
        track_visibility='onchange')
    cs_severity = fields.Selection(
        SEVERITIES, string='Severity', required=True, default=deadline_policy.GENERAL,
        track_visibility='onchange', help='A major complaint notifies the department head at once.')
    cs_registered_date = fields.Datetime(
        string='Registered on', required=True, default=fields.Datetime.now, readonly=True, copy=False,
        help='When the ticket was registered: its deadline runs from here.')
    cs_contact_phone = fields.Char(string='Contact phone')
    cs_promised_date = fields.Date(
        string='Promised reply date', track_visibility='onchange',
        help='The reply date promised to the customer for a suggestion.')
    cs_deadline_days = fields.Integer(
        string='Working days allowed', track_visibility='onchange', readonly=True, copy=False,
        help='Working days a complaint has after the day of registration; a manager may extend it.')
    cs_extension_reason = fields.Text(string='Extension reason', track_visibility='onchange', readonly=True,
                                      copy=False)
    cs_deadline = fields.Datetime(
        string='Deadline', compute='_compute_cs_deadline', store=True, index=True,
        help='24 hours for a consultation, the promised reply date for a suggestion, working days on '
             'the company calendar (with its public holidays) for a complaint.')
    cs_remaining_hours = fields.Float(string='Hours left', compute='_compute_cs_remaining_hours')
    cs_overdue = fields.Boolean(string='Overdue', compute='_compute_cs_remaining_hours',
                                search='_search_cs_overdue')
    cs_due_today = fields.Boolean(string='Due today', compute='_compute_cs_remaining_hours',
                                  search='_search_cs_due_today')
    cs_due_this_week = fields.Boolean(string='Due this week', compute='_compute_cs_remaining_hours',
                                      search='_search_cs_due_this_week')
    cs_first_responder_id = fields.Many2one(
        'res.users', string='First responder', default=lambda self: self.env.user, readonly=True,
        index=True, copy=False, track_visibility='onchange',
        help='First-responder rule: the user who registered the ticket stays responsible until an '
             'explicit hand-over.')
    cs_accused_user_ids = fields.Many2many(
        'res.users', 'helpdesk_ticket_cs_accused_user_rel', 'ticket_id', 'user_id',
        string='Accused staff', help='The staff members the complaint is about: they recuse themselves and are never its '
             'handler nor its investigator.')
    cs_investigator_id = fields.Many2one(
        'res.users', string='Investigator', index=True, track_visibility='onchange')
    cs_investigation = fields.Text(string='Investigation facts')
    cs_finding = fields.Selection(
        FINDINGS, string='Responsibility finding', index=True, track_visibility='onchange')
    cs_action_ids = fields.One2many('cs.ticket.action', 'ticket_id', string='Corrective and preventive actions')
    cs_rectification_plan = fields.Text(string='Rectification plan')
    cs_reply = fields.Text(string='Reply to the customer', track_visibility='onchange')
    cs_customer_opinion = fields.Selection(
        OPINIONS, string='Customer opinion', index=True, track_visibility='onchange',
        help="The customer's opinion of the result.")
    cs_closed_date = fields.Datetime(
        string='Closed on', readonly=True, index=True, copy=False,
        help='When the ticket last reached a closed stage; empty while open.')
    cs_on_time = fields.Boolean(
        string='Closed on time', compute='_compute_cs_on_time', store=True,
        help='Closed by its deadline.')
    cs_on_time_rate = fields.Float(
        string='On-time rate (%)', compute='_compute_cs_on_time', store=True, group_operator='avg')
    cs_resolution_hours = fields.Float(
        string='Resolution hours', compute='_compute_cs_on_time', store=True, group_operator='avg',
        help='Hours from registration to closing.')
    cs_escalation_level = fields.Selection(
        LEVELS, string='Escalation level', required=True, default=deadline_policy.HANDLER, copy=False,
        readonly=True, track_visibility='onchange')
    cs_escalated_date = fields.Datetime(string='Last escalated on', readonly=True, copy=False)
    cs_escalation_ids = fields.One2many('cs.ticket.escalation', 'ticket_id', string='Escalations')
    cs_spot_check = fields.Selection(
        [('passed', 'Passed'), ('failed', 'Failed')], string='Spot-check', readonly=True, copy=False,
        track_visibility='onchange')
    cs_spot_check_note = fields.Text(string='Spot-check note', readonly=True, copy=False)
    cs_spot_checker_id = fields.Many2one('res.users', string='Spot-checked by', readonly=True, copy=False)
    cs_spot_check_date = fields.Datetime(string='Spot-checked on', readonly=True, copy=False)
    cs_important = fields.Boolean(
        string='Important', track_visibility='onchange',
        help='Important tickets are kept beyond the retention period instead of being archived.')

    # ------------------------------------------------------------------ computes

    @api.multi
    @api.depends('cs_kind', 'cs_registered_date', 'cs_promised_date', 'cs_deadline_days', 'company_id')
    def _compute_cs_deadline(self):
        for ticket in self:
            deadline = ticket._cs_deadline_for()
            ticket.cs_deadline = fields.Datetime.to_string(deadline) if deadline else False

    @api.multi
    def _compute_cs_remaining_hours(self):
        now = datetime.utcnow()
        today = self._cs_local(now).date()
        day = deadline_policy.due_window(today, 'day')
        week = deadline_policy.due_window(today, 'week')
        for ticket in self:
            deadline = fields.Datetime.from_string(ticket.cs_deadline)
            closed = fields.Datetime.from_string(ticket.cs_closed_date)
            ticket.cs_remaining_hours = deadline_policy.remaining_hours(deadline, now) if not closed else 0.0
            ticket.cs_overdue = not closed and deadline_policy.is_overdue(deadline, now)
            local = deadline and ticket._cs_local(deadline)
            ticket.cs_due_today = bool(not closed and local and day[0] <= local < day[1])
            ticket.cs_due_this_week = bool(not closed and local and week[0] <= local < week[1])

    @api.multi
    @api.depends('cs_closed_date', 'cs_deadline', 'cs_registered_date')
    def _compute_cs_on_time(self):
        for ticket in self:
            closed = fields.Datetime.from_string(ticket.cs_closed_date)
            deadline = fields.Datetime.from_string(ticket.cs_deadline)
            registered = fields.Datetime.from_string(ticket.cs_registered_date)
            on_time = deadline_policy.on_time(deadline, closed)
            ticket.cs_on_time = bool(on_time)
            ticket.cs_on_time_rate = (100.0 if on_time else 0.0) if closed else False
            ticket.cs_resolution_hours = (closed - registered).total_seconds() / 3600.0 \
                if closed and registered else False

    @api.model
    def _search_cs_overdue(self, operator, value):
        now = fields.Datetime.now()
        overdue = ['&', ('cs_closed_date', '=', False), ('cs_deadline', '<', now)]
        if (operator == '=') == bool(value):
            return overdue
        return ['|', ('cs_closed_date', '!=', False), '|', ('cs_deadline', '=', False), ('cs_deadline', '>=', now)]

    @api.model
    def _cs_search_due(self, window, operator, value):
        today = self._cs_local(datetime.utcnow()).date()
        start, end = (fields.Datetime.to_string(self._cs_utc(d))
                      for d in deadline_policy.due_window(today, window))
        due = ['&', '&', ('cs_closed_date', '=', False), ('cs_deadline', '>=', start), ('cs_deadline', '<', end)]
        if (operator == '=') == bool(value):
            return due
        return ['|', ('cs_closed_date', '!=', False), '|', ('cs_deadline', '=', False),
                '|', ('cs_deadline', '<', start), ('cs_deadline', '>=', end)]

    @api.model
    def _search_cs_due_today(self, operator, value):
        return self._cs_search_due('day', operator, value)

    @api.model
    def _search_cs_due_this_week(self, operator, value):
        return self._cs_search_due('week', operator, value)

    # ------------------------------------------------------------------ constraints

    @api.constrains('user_id', 'cs_investigator_id', 'cs_accused_user_ids')
    def _check_cs_recusal(self):
        for ticket in self:
            for user, role in ((ticket.user_id, _('handler')), (ticket.cs_investigator_id, _('investigator'))):
                if user and user in ticket.cs_accused_user_ids:
                    raise ValidationError(_(
                        'Recusal: %(user)s is accused in %(ticket)s and cannot be its %(role)s.') % {
                        'user': user.name, 'ticket': ticket.number, 'role': role})

    @api.constrains('cs_registered_date', 'cs_promised_date', 'cs_kind')
    def _check_cs_deadline(self):
        for ticket in self:
            registered = fields.Datetime.from_string(ticket.cs_registered_date)
            deadline = ticket._cs_deadline_for()
            if deadline_policy.deadline_problems(registered, deadline):
                raise ValidationError(_(
                    'The deadline of %(ticket)s (%(deadline)s) cannot lie before its registration (%(registered)s).'
                ) % {'ticket': ticket.number, 'deadline': ticket._cs_format(deadline),
                     'registered': ticket._cs_format(registered)})

    @api.constrains('stage_id', 'cs_kind', 'cs_finding', 'cs_reply', 'cs_customer_opinion', 'cs_promised_date')
    def _check_cs_closing(self):
        # a ticket outside the policy (another team's, POLICY §2) closes under the host's rules
        for ticket in self.filtered(lambda t: t.stage_id.closed and t._cs_is_governed()):
            problems = deadline_policy.closing_problems(
                ticket.cs_kind, ticket.cs_finding, ticket.cs_reply, ticket.cs_customer_opinion,
                ticket.cs_promised_date)
            if problems:
                labels = ticket._fields
                missing = ', '.join(labels[name].get_description(self.env)['string']
                                    for name in problems[0].values['fields'])
                kind = dict(self._fields['cs_kind']._description_selection(self.env))[ticket.cs_kind]
                raise ValidationError(_(
                    'Every ticket is followed through and answered: the %(kind)s %(ticket)s cannot be closed '
                    'without: %(missing)s.') % {'kind': kind, 'ticket': ticket.number, 'missing': missing})
            refusals = ticket._cs_closing_refusals()
            if refusals:
                raise ValidationError('\n'.join(refusals))

    @api.multi
    def _cs_is_governed(self):
        """Whether the customer service policy applies to this ticket (one record); features restrict it."""
        return True

    @api.multi
    def _cs_closing_refusals(self):
        """Hook: what else keeps this ticket (one record, reaching a closed stage) from closing, as
        translated sentences naming the rule and the ticket; features add theirs with super() (e.g. an
        approval, a follow-up, an answered request). Empty when it may close."""
        return []

    # ------------------------------------------------------------------ CRUD

    @api.model
    def _cs_protected_fields(self):
        return super(HelpdeskTicket, self)._cs_protected_fields() | PROTECTED

    @api.model
    def _cs_checked_fields(self):
        # the host's company, customer and handler too: a record of another company is refused by name
        return super(HelpdeskTicket, self)._cs_checked_fields() | {'company_id', 'partner_id', 'user_id'}

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)  # pylint: disable=self-cls-assignment
        self._cs_check_accused_list(vals)
        vals = dict(vals)
        company = self.env['res.company'].browse(vals.get('company_id')) if vals.get('company_id') \
            else self.env.user.company_id
        if vals.get('user_id') and vals['user_id'] != self.env.uid and not self.env.user._cs_is_manager():
            raise AccessError(_('Only a customer service manager may assign the new ticket "%s" to someone '
                                'else.') % (vals.get('name') or ''))
        if not vals.get('cs_deadline_days'):
            vals['cs_deadline_days'] = company.cs_complaint_days
        # the addon's period and the host's assignment stamp (written by its create) are the system's
        with system_write(self._name, {'cs_deadline_days', 'assigned_date'}):
            ticket = super(HelpdeskTicket, self).create(vals)
        if ticket.stage_id.closed:
            ticket._cs_mark_closed()
        ticket._cs_send_acknowledgement()
        if ticket.cs_kind == deadline_policy.COMPLAINT and ticket.cs_severity == deadline_policy.MAJOR:
            ticket._cs_notify_major()
        return ticket

    @api.multi
    def write(self, vals):
        self._cs_guard_write(vals)
        self._cs_check_accused_list(vals)
        self._cs_check_accused(vals)
        if 'user_id' in vals:
            self._cs_check_assign(vals['user_id'])
        was_closed = {ticket.id: ticket.stage_id.closed for ticket in self}
        result = super(HelpdeskTicket, self).write(vals)
        if 'stage_id' in vals:
            self.filtered(lambda t: t.stage_id.closed and not was_closed[t.id])._cs_mark_closed()
            reopened = self.filtered(lambda t: not t.stage_id.closed and was_closed[t.id])
            if reopened:
                super(HelpdeskTicket, reopened).write({'cs_closed_date': False})
        if 'cs_severity' in vals or 'cs_kind' in vals:
            # a complaint that becomes major is reported at once; the escalation log keeps it to once
            self.filtered(lambda t: t.cs_kind == deadline_policy.COMPLAINT
                          and t.cs_severity == deadline_policy.MAJOR)._cs_notify_major()
        return result

    @api.multi
    def copy(self, default=None):
        """A duplicate is a new registration: registered now, by its copier, in the first stage, not
        assigned, with a fresh number and none of the original's stamps (a default given by the caller
        may not carry them)."""
        default = dict(default or {})
        self._cs_guard_create(default)
        default.setdefault('stage_id', self._fields['stage_id'].default(self))
        default.setdefault('user_id', False)
        default.update({'closed_date': False, 'assigned_date': False, 'last_stage_update': fields.Datetime.now()})
        with system_write(self._name, {'number', 'closed_date', 'assigned_date', 'last_stage_update'}):
            return super(HelpdeskTicket, self).copy(default)

    @api.multi
    def unlink(self):
        raise UserError(_(
            'Registered tickets are never deleted (%s): archive them instead; closed tickets are archived '
            'automatically after the retention period.') % ', '.join(self.mapped('number')))

    @api.multi
    def _cs_check_accused(self, vals):
        """Nobody acts on a record about themself (POLICY §8): the accused staff of a complaint do not
        change its accused list, investigation, finding, actions, reply or handler; they still comment."""
        locked = [name for name in ACCUSED_LOCKED if name in vals]
        if not locked or self._cs_is_system():
            return
        for ticket in self:
            if not self.env.user._cs_is_accused(ticket):
                continue
            for name in locked:
                if not ticket._cs_same_value(ticket, name, vals[name]):
                    raise AccessError(ticket._cs_accused_message(name))

    @api.multi
    def _cs_accused_message(self, name):
        return _('Recusal: you are accused in %(ticket)s and cannot change its "%(field)s"; you can still '
                 'comment in its chatter.') % {'ticket': self._cs_record_label(), 'field': self._cs_field_label(name)}

    @api.model
    def _cs_check_accused_list(self, vals):
        """The accused are linked users of the company: the guard checks single links, this the list."""
        if 'cs_accused_user_ids' not in vals:
            return
        field, commands = self._fields['cs_accused_user_ids'], vals['cs_accused_user_ids'] or []
        ids, problem, bad = [], None, commands
        if not isinstance(commands, (list, tuple)):
            problem = 'type'
        for command in commands if not problem else ():
            if isinstance(command, (list, tuple)) and len(command) == 3 and command[0] == 6 \
                    and isinstance(command[2], (list, tuple)):
                ids.extend(command[2])
            elif isinstance(command, (list, tuple)) and len(command) >= 2 and command[0] in (3, 4):
                ids.append(command[1])
            elif not (isinstance(command, (list, tuple)) and command and command[0] == 5):
                problem, bad = 'type', command  # no creating or editing users through a complaint
                break
        for user_id in ids if not problem else ():
            problem, bad = self._cs_many2one_problem(field, user_id), user_id
            if problem:
                break
        if problem:
            raise UserError(self._cs_value_message('cs_accused_user_ids', bad, problem))

    # ------------------------------------------------------------------ actions

    @api.multi
    def _cs_argument_error(self, model, name, value, problem):
        """A bad argument of a public action, named by the field of the form that gives it."""
        return UserError('%s：%s' % (self._cs_record_label(), self.env[model]._cs_value_message(name, value, problem)))

    @api.multi
    def _cs_text_argument(self, model, name, value):
        """A note or reason given to an action: text or nothing, without NUL; returned cleaned."""
        problem = value_policy.text_problem(value)
        if problem in ('type', 'nul'):
            raise self._cs_argument_error(model, name, value, problem)
        return False if value_policy.is_blank(value) else value_policy.clean(value)

    @api.multi
    def action_cs_extend(self, days, reason):
        """Extend a complaint to ``days`` working days in total (a manager, with a reason)."""
        problem = value_policy.number_problem(days, integer=True) if days not in (None, False) else 'type'
        if problem:
            raise self._cs_argument_error('cs.ticket.extend', 'days', days, problem)
        reason = self._cs_text_argument('cs.ticket.extend', 'reason', reason)
        for ticket in self:
            ticket._cs_check_extension(ticket.cs_kind, ticket.cs_deadline_days, days, reason,
                                       ticket.company_id or self.env.user.company_id,
                                       closed=ticket.stage_id.closed, ticket=ticket)
            ticket._cs_system_write({'cs_deadline_days': days, 'cs_extension_reason': reason})
            ticket.message_post(body=_('Deadline extended to %(days)s working days, now %(deadline)s. '
                                       'Reason: %(reason)s') % {
                'days': days, 'deadline': ticket._cs_format(fields.Datetime.from_string(ticket.cs_deadline)),
                'reason': reason}, subtype='mail.mt_note')
        return True

    @api.multi
    def action_cs_hand_over(self, user, note=False, handler=True):
        """Hand the first responsibility (首问负责) over to ``user`` (a user record or id); a manager's
        decision, logged."""
        if not isinstance(handler, bool):
            raise self._cs_argument_error('cs.ticket.hand.over', 'handler', handler, 'type')
        note = self._cs_text_argument('cs.ticket.hand.over', 'note', note)
        user_id = user.id if isinstance(user, models.BaseModel) and user._name == 'res.users' and len(user) == 1 \
            else user
        if isinstance(user_id, bool) or not isinstance(user_id, int) or user_id <= 0:
            raise self._cs_argument_error('cs.ticket.hand.over', 'user_id', user, 'type')
        user = self.env['res.users'].sudo().with_context(active_test=False).browse(user_id)
        for ticket in self:
            self.env.user._cs_require(lambda u: u._cs_is_manager(), _(
                'Hand-over of %s: only a customer service manager hands a ticket over to another first '
                'responder.') % ticket.number)
            if self.env.user._cs_is_accused(ticket):
                raise AccessError(ticket._cs_accused_message('cs_first_responder_id'))
            company = ticket.company_id or self.env.user.company_id
            if not user.exists() or not user.active or user.share or not user._cs_is_agent() \
                    or company not in user.company_ids:
                raise UserError(_('Hand-over of %(ticket)s: "%(field)s" must be an active customer service '
                                  'user of %(company)s; %(value)s is not one.') % {
                    'ticket': ticket.number, 'company': company.name, 'value': user_id,
                    'field': self.env['cs.ticket.hand.over']._cs_field_label('user_id')})
            if user in ticket.cs_accused_user_ids:
                raise ValidationError(_('Recusal: %(user)s is accused in %(ticket)s and cannot be its %(role)s.') % {
                    'user': user.name, 'ticket': ticket.number, 'role': _('first responder')})
            old = ticket.cs_first_responder_id
            vals = {'cs_first_responder_id': user.id}
            if handler:
                vals['user_id'] = user.id
            ticket._cs_system_write(vals)
            ticket.message_post(body=_('Handed over from %(old)s to %(new)s. %(note)s') % {
                'old': old.name or '-', 'new': user.name, 'note': note or ''}, subtype='mail.mt_note')
        return True

    @api.multi
    def action_cs_spot_check(self, passed, note=False):
        """抽查验证 by a quality supervisor who neither handled the ticket nor is accused in it: a failed
        check reopens the complaint and notifies its handler."""
        if not isinstance(passed, bool):
            raise self._cs_argument_error('cs.ticket.spot.check', 'result', passed, 'type')
        note = self._cs_text_argument('cs.ticket.spot.check', 'note', note)
        user = self.env.user
        for ticket in self:
            user._cs_require(lambda u: u._cs_is_quality(), _(
                'Spot-check of %s: only a quality supervisor spot-checks tickets.') % ticket.number)
            if not self._cs_is_system() and (ticket.user_id == user or user._cs_is_accused(ticket)):
                raise AccessError(_('Spot-check of %s: nobody spot-checks a ticket they handle or are accused '
                                    'in; another quality supervisor does.') % ticket.number)
            if not ticket.stage_id.closed:
                raise UserError(_('Only closed tickets are spot-checked; %s is still open.') % ticket.number)
            if not passed and not note:
                raise UserError(_('A failed spot-check of %s needs a note saying what is wrong.') % ticket.number)
            ticket._cs_system_write({
                'cs_spot_check': 'passed' if passed else 'failed', 'cs_spot_check_note': note,
                'cs_spot_checker_id': self.env.uid, 'cs_spot_check_date': fields.Datetime.now()})
            if not passed:
                ticket._cs_reopen_after_spot_check(note)
        return True

    # ------------------------------------------------------------------ hooks

    @api.multi
    def _cs_on_complaint_closed(self):
        """Called once for each complaint (``self`` is one record) every time it reaches a closed stage,
        after the closing rules passed. Other features override it (revisit visits, penalty proposals)."""
        return True

    # ------------------------------------------------------------------ crons

    @api.model
    def _cron_cs_escalate_overdue(self):
        """Cron entry point: escalate overdue complaints one level."""
        return self.with_context(cs_commit_per_batch=not tools.config['test_enable'])._cs_escalate_overdue()

    @api.model
    def _cs_escalation_domain(self, now):
        """Open complaints past their deadline that can still climb a level."""
        return [('cs_kind', 'in', list(self._cs_escalated_kinds())), ('cs_closed_date', '=', False),
                ('cs_deadline', '<', fields.Datetime.to_string(now))]

    @api.model
    def _cs_escalated_kinds(self):
        """The kinds an overdue ticket escalates for (features add consultations)."""
        return (deadline_policy.COMPLAINT,)

    @api.model
    def _cs_escalation_chains(self):
        """{company id: its chain of levels, the handler first} for the overdue scan."""
        return {company.id: deadline_policy.LEVELS for company in self.env['res.company'].search([])}

    @api.model
    def _cs_escalate_overdue(self, now=None):
        """Escalate every overdue complaint one level, in batches; returns how many escalated. Safe to
        run twice: an escalation is unique per ticket and level (database constraint), and the next
        level waits ``escalation_hours`` after the previous one."""
        now = now or datetime.utcnow()
        candidates = escalated = 0
        for batch in self._cs_escalation_batches(now):
            for ticket, level in batch:
                candidates += 1
                if ticket._cs_escalate(level, 'overdue', now):
                    escalated += 1
            if self.env.context.get('cs_commit_per_batch'):
                self.env.cr.commit()  # pylint: disable=invalid-commit
        _logger.info('complaint escalation: %d complaints due to climb a level, %d escalated', candidates, escalated)
        return escalated

    @api.model
    def _cs_escalation_batches(self, now):
        """The overdue complaints due to climb a level now, as batches of (ticket, next level).

        One indexed query (the ORM's domain and record rules, selecting only the columns the rule needs)
        then the policy's escalation rule per row: the scan's queries do not grow with the register,
        and its rows are plain tuples, not records, until they are escalated."""
        query = self._where_calc(self._cs_escalation_domain(now))
        self._apply_ir_rules(query, 'read')
        from_clause, where_clause, params = query.get_sql()
        self.env.cr.execute(
            'SELECT "helpdesk_ticket".id, "helpdesk_ticket".company_id, "helpdesk_ticket".cs_escalation_level, '
            '"helpdesk_ticket".cs_deadline, "helpdesk_ticket".cs_escalated_date FROM ' + from_clause
            + ' WHERE ' + where_clause + ' ORDER BY "helpdesk_ticket".id', params)
        rows = self.env.cr.fetchall()
        hours = {company.id: company.cs_escalation_hours for company in self.env['res.company'].search([])}
        chains = self._cs_escalation_chains()
        default_company = self.env.user.company_id.id
        for batch_rows in tools.split_every(self._cs_escalation_batch_size, rows, list):
            batch = []
            for ticket_id, company_id, current, deadline, escalated in batch_rows:
                # Odoo 11 reads timestamps as strings
                level = deadline_policy.next_escalation(
                    current, fields.Datetime.from_string(deadline), now, fields.Datetime.from_string(escalated),
                    hours.get(company_id or default_company, 24),
                    chains.get(company_id or default_company, deadline_policy.LEVELS))
                if level:
                    batch.append((self.browse(ticket_id), level))
            yield batch

    @api.model
    def _cron_cs_archive_closed(self):
        """Cron entry point: archive closed tickets past the retention period."""
        return self.with_context(cs_commit_per_batch=not tools.config['test_enable'])._cs_archive_closed()

    @api.model
    def _cs_retention_domain(self, company, now):
        cutoff = deadline_policy.retention_cutoff(now, company.cs_retention_months)
        return [('cs_closed_date', '!=', False), ('cs_closed_date', '<', fields.Datetime.to_string(cutoff)),
                ('cs_important', '=', False), ('company_id', 'in', [company.id, False])]

    @api.model
    def _cs_archive_closed(self, now=None):
        """Archive (never delete) closed, unimportant tickets closed before the retention cutoff."""
        now = now or datetime.utcnow()
        archived = 0
        for company in self.env['res.company'].search([]):
            ids = self.search(self._cs_retention_domain(company, now), order='id').ids
            for batch in tools.split_every(self._cs_retention_batch_size, ids, list):
                self.browse(batch).write({'active': False})
                archived += len(batch)
                if self.env.context.get('cs_commit_per_batch'):
                    self.env.cr.commit()  # pylint: disable=invalid-commit
        _logger.info('ticket retention: %d closed tickets archived', archived)
        return archived

    # ------------------------------------------------------------------ business methods

    @api.multi
    def _cs_check_assign(self, user_id):
        """Agents take tickets for themselves; only managers assign them to someone else or take them
        away from their handler."""
        if self.env.user._cs_is_manager():
            return
        for ticket in self:
            if (user_id or False) == (ticket.user_id.id or False):
                continue
            if user_id != self.env.uid or ticket.user_id:
                raise AccessError(_('Only a customer service manager may assign %s to someone else.')
                                  % ticket.number)

    @api.model
    def _cs_check_extension(self, kind, current_days, new_days, reason, company, closed=False, ticket=None):
        problems = deadline_policy.extension_problems(
            kind, current_days or company.cs_complaint_days, new_days, company._cs_terms(), reason,
            self.env.user._cs_is_manager(), closed=closed)
        if not problems:
            return
        messages = {
            'extension_not_complaint': _('Only complaints have a working-day period to extend.'),
            'extension_closed': _('A closed complaint is not extended: reopen it first.'),
            'extension_not_manager': _('Only a customer service manager may extend a complaint.'),
            'extension_no_reason': _('An extension needs a reason (special circumstances).'),
            'extension_beyond_max': _('A complaint may be extended to at most %(max)s working days in total, '
                                      'not %(days)s.'),
            'extension_not_longer': _('An extension must give more than the current %(current)s working days '
                                      '(asked: %(days)s).'),
        }
        text = _('Extension of %(ticket)s refused: %(reasons)s') % {
            'ticket': ticket.number if ticket else '-',
            'reasons': '\n'.join(messages[p.rule] % p.values for p in problems)}
        if any(p.rule == 'extension_not_manager' for p in problems):
            raise AccessError(text)
        raise ValidationError(text)

    @api.multi
    def _cs_tz(self):
        """The timezone deadlines are counted in: the company's, else the user's."""
        company = self[:1].company_id or self.env.user.company_id
        return pytz.timezone(company.partner_id.tz or self.env.context.get('tz') or self.env.user.tz or 'UTC')

    @api.multi
    def _cs_local(self, utc_dt):
        return pytz.utc.localize(utc_dt).astimezone(self._cs_tz()).replace(tzinfo=None)

    @api.multi
    def _cs_utc(self, local_dt):
        return self._cs_tz().localize(local_dt).astimezone(pytz.utc).replace(tzinfo=None)

    @api.multi
    def _cs_format(self, utc_dt):
        """A UTC datetime as the company reads it."""
        return self._cs_local(utc_dt).strftime('%Y-%m-%d %H:%M') if utc_dt else ''

    @api.multi
    def _cs_deadline_for(self):
        """The deadline (naive UTC) of this ticket under the policy and the company calendar."""
        self.ensure_one()
        registered = fields.Datetime.from_string(self.cs_registered_date)
        if not registered:
            return None
        company = self.company_id or self.env.user.company_id
        if self.cs_kind == deadline_policy.CONSULTATION:
            return deadline_policy.consultation_deadline(registered, company.cs_consultation_hours)
        if self.cs_kind == deadline_policy.SUGGESTION:
            local = deadline_policy.suggestion_deadline(fields.Date.from_string(self.cs_promised_date))
            return self._cs_utc(local) if local else None
        days = self.cs_deadline_days or company.cs_complaint_days
        return self._cs_plan_working_days(registered, days, company)

    @api.multi
    def _cs_plan_working_days(self, registered, days, company):
        """The end of the ``days``-th working day after the registration day, planned by the host's
        calendar (``plan_days`` counts its start day: it starts on the day after registration, the
        policy's counting start) with the company's public holidays (calendar leaves)."""
        local = self._cs_local(registered)
        start = datetime.combine(deadline_policy.counting_start(local), time.min)
        calendar = company.resource_calendar_id
        tz = self._cs_tz().zone
        if calendar:
            deadline = calendar.with_context(tz=tz).plan_days(days, self._cs_utc(start), compute_leaves=True)
            if deadline:
                return deadline
        # no calendar (or one without working hours): Monday to Friday, due at the end of the day
        due = deadline_policy.complaint_due_date(local, days, lambda d: d.weekday() < 5)
        return self._cs_utc(datetime.combine(due, time(23, 59, 59)))

    @api.multi
    def _cs_mark_closed(self):
        """Stamp the closing time on tickets that just reached a closed stage, then run the hook once
        for each complaint among them."""
        if not self:
            return
        super(HelpdeskTicket, self).write({'cs_closed_date': fields.Datetime.now()})
        for ticket in self.filtered(lambda t: t.cs_kind == deadline_policy.COMPLAINT and t._cs_is_governed()):
            ticket._cs_on_complaint_closed()

    @api.multi
    def _cs_send_acknowledgement(self):
        """Acknowledge the registration to the customer, with the deadline, in the customer's language."""
        template = self.env.ref('customer_service_mgmt.cs_ticket_acknowledgement_mail_template',
                                raise_if_not_found=False)
        for ticket in self.filtered(lambda t: t.partner_id.email and t.cs_deadline):
            if template:
                ticket.message_post_with_template(template.id, composition_mode='comment')

    @api.multi
    def _cs_notify_major(self):
        """A major complaint goes to the department head at once (once per complaint)."""
        for ticket in self:
            ticket._cs_escalate('department_head', 'major', datetime.utcnow())

    @api.multi
    def _cs_escalate(self, level, reason, now):
        """Raise this complaint to ``level``: a logged escalation (unique per ticket and level), an
        activity and a mail for the user of that level. False when the level has no user or the
        escalation already exists."""
        self.ensure_one()
        # alone: the side effects below read the ticket in other environments (sudo, the recipient's
        # language), which would otherwise re-read the whole batch it was prefetched with each time
        self = self.with_prefetch()  # pylint: disable=self-cls-assignment
        user = self._cs_level_user(level)
        if not user:
            _logger.warning('complaint %s: nobody to escalate to at level %s', self.number, level)
            return False
        try:
            with self.env.cr.savepoint(), mute_logger('odoo.sql_db'):
                self.env['cs.ticket.escalation'].sudo().create({
                    'ticket_id': self.id, 'level': level, 'reason': reason, 'user_id': user.id,
                    'date': fields.Datetime.to_string(now)})
        except IntegrityError:
            return False  # escalated before (a concurrent or repeated run)
        ticket = self.sudo().with_context(lang=user.lang or (self.company_id or self.env.user.company_id)._cs_lang())
        ticket._cs_post_escalation(level, reason, user, now)
        if reason in ('overdue', 'manual'):  # a notification (major, serious) does not move the level
            super(HelpdeskTicket, self.sudo()).write({
                'cs_escalation_level': level, 'cs_escalated_date': fields.Datetime.to_string(now)})
        return True

    @api.multi
    def _cs_level_user(self, level):
        """Whom this ticket goes to at ``level``: the company's person (features resolve some levels,
        such as the site's manager, from the ticket itself)."""
        self.ensure_one()
        return (self.company_id or self.env.user.company_id)._cs_level_user(level)

    @api.multi
    def _cs_post_escalation(self, level, reason, user, now):
        """The activity and the mail of an escalation, written in the recipient's language."""
        levels = dict(self.env['cs.ticket.escalation']._fields['level']._description_selection(self.env))
        if reason == 'major':
            summary = _('Major complaint %s') % self.number
            body = _('Major complaint %(ticket)s (%(name)s) registered for %(customer)s: it is reported to you '
                     'at once.')
        else:
            summary = _('Overdue complaint %s') % self.number
            body = _('Complaint %(ticket)s (%(name)s) of %(customer)s is overdue since %(deadline)s and is '
                     'escalated to you (%(level)s).')
        values = {'ticket': self.number, 'name': self.name, 'customer': self.partner_id.name or '-',
                  'deadline': self._cs_format(fields.Datetime.from_string(self.cs_deadline)),
                  'level': levels.get(level, level)}
        self.env['mail.activity'].create({
            'res_model_id': self.env.ref('helpdesk_mgmt.model_helpdesk_ticket').id,
            'res_id': self.id,
            'activity_type_id': self.env.ref('customer_service_mgmt.mail_activity_type_cs_escalation').id,
            'date_deadline': fields.Date.to_string(self._cs_local(now).date()),
            'user_id': user.id,
            'summary': summary,
            'note': '<p>%s</p>' % tools.html_escape(body % values),
        })
        self.message_post(body='<p>%s</p>' % tools.html_escape(body % values), subject=summary,
                          partner_ids=[user.partner_id.id], message_type='comment', subtype='mail.mt_comment')

    @api.multi
    def _cs_reopen_after_spot_check(self, note):
        """Reopen a complaint whose spot-check failed and tell its handler why."""
        stage = self.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_in_progress', raise_if_not_found=False)
        if not stage or stage.closed:
            stage = self.env['helpdesk.ticket.stage'].search([('closed', '=', False)], limit=1)
        self.sudo().write({'stage_id': stage.id})
        handler = self.user_id or self.cs_first_responder_id
        if handler:
            ticket = self.sudo().with_context(lang=handler.lang or (self.company_id or self.env.user.company_id)._cs_lang())
            ticket._cs_post_spot_check_failure(handler, note)

    @api.multi
    def _cs_todo(self, user, summary, note, deadline=None):
        """A to-do activity for ``user`` on this ticket, created by the server (whoever triggers it may not
        write the ticket), with ``note`` as escaped text; due today unless ``deadline`` says otherwise."""
        self.ensure_one()
        return self.env['mail.activity'].sudo().create({
            'res_model_id': self.env['ir.model'].sudo()._get('helpdesk.ticket').id,
            'res_id': self.id,
            'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id,
            'date_deadline': deadline or fields.Date.context_today(self),
            'user_id': user.id,
            'summary': summary,
            'note': '<p>%s</p>' % tools.html_escape(note),
        })

    @api.multi
    def _cs_post_spot_check_failure(self, handler, note):
        summary = _('Spot-check failed: %s') % self.number
        body = _('The spot-check of %(ticket)s failed and it is reopened: %(note)s') % {
            'ticket': self.number, 'note': note}
        self._cs_todo(handler, summary, body)
        self.message_post(body='<p>%s</p>' % tools.html_escape(body), subject=summary,
                          partner_ids=[handler.partner_id.id], message_type='comment', subtype='mail.mt_comment')

    @api.model_cr
    def _init_column(self, column_name):
        """Tickets registered before the addon was installed keep their history: registered when they
        were created, by their creator, closed when their closed stage says so (not 'now', not the
        installing user, not open), so that installing does not make old tickets overdue."""
        statements = {
            'cs_registered_date': "UPDATE helpdesk_ticket SET cs_registered_date = COALESCE(create_date, now() at time zone 'UTC') "
                                  "WHERE cs_registered_date IS NULL",
            'cs_first_responder_id': 'UPDATE helpdesk_ticket SET cs_first_responder_id = create_uid '
                                     'WHERE cs_first_responder_id IS NULL',
            'cs_closed_date': 'UPDATE helpdesk_ticket t SET cs_closed_date = COALESCE(t.closed_date, t.last_stage_update, '
                              't.write_date) FROM helpdesk_ticket_stage s WHERE s.id = t.stage_id AND s.closed',
        }
        if column_name in statements:
            self._cr.execute(statements[column_name])
        return super(HelpdeskTicket, self)._init_column(column_name)

    @api.model_cr
    def init(self):
        # the escalation scan reads open overdue complaints only: a partial index keeps it proportional to them
        self._cr.execute("""
            CREATE INDEX IF NOT EXISTS helpdesk_ticket_cs_open_complaint_idx ON helpdesk_ticket (cs_deadline, id)
             WHERE cs_kind = 'complaint' AND cs_closed_date IS NULL AND active
        """)
