from datetime import datetime

from odoo import _, api, fields, models, tools
from odoo.exceptions import AccessError, UserError

from ..policy import deadlines as deadline_policy
from ..policy import escalation as escalation_policy
from .cs_escalation_level import LEVEL_NAMES


class HelpdeskTicket(models.Model):
    """Escalation as the regulations describe it (POLICY §2, seed 000 附件一): the company's chain of levels,
    resolved from the ticket's site; by hand with a reason; overdue consultations too; the deputy GM in
    charge approves the handling of a complaint with a personal finding; the result goes to the customer
    and to the accused."""
    _inherit = 'helpdesk.ticket'

    cs_escalation_level = fields.Selection(selection_add=[
        (level, name) for level, name in LEVEL_NAMES if level not in ('cs_manager', 'general_manager')])
    cs_approved_by_id = fields.Many2one(
        'res.users', string='Handling approved by', readonly=True, copy=False, track_visibility='onchange',
        help='The deputy general manager in charge who approved the proposed handling of this complaint.')
    cs_approved_date = fields.Datetime(string='Handling approved on', readonly=True, copy=False)
    cs_needs_approval = fields.Boolean(
        string='Needs the deputy GM\'s approval', compute='_compute_cs_needs_approval',
        help='A complaint with a personal finding closes after the deputy GM in charge approved its handling.')

    @api.multi
    @api.depends('cs_kind', 'cs_finding', 'company_id', 'team_id')
    def _compute_cs_needs_approval(self):
        for ticket in self:
            ticket.cs_needs_approval = ticket._cs_needs_approval()

    @api.model
    def _cs_protected_fields(self):
        return super(HelpdeskTicket, self)._cs_protected_fields() | {'cs_approved_by_id', 'cs_approved_date'}

    @api.multi
    def write(self, vals):
        result = super(HelpdeskTicket, self).write(vals)
        if {'cs_finding', 'cs_rectification_plan', 'cs_investigation'} & set(vals):
            # an approval is of the handling it saw: a changed finding or plan needs a new one
            approved = self.filtered('cs_approved_by_id')
            if approved:
                approved._cs_system_write({'cs_approved_by_id': False, 'cs_approved_date': False})
            self.filtered(lambda t: t._cs_needs_approval() and not t.stage_id.closed)._cs_request_approval()
        return result

    # ------------------------------------------------------------------ levels

    @api.multi
    def _cs_chain(self):
        self.ensure_one()
        return self.env['cs.escalation.level']._cs_chain(self.company_id or self.env.user.company_id)

    @api.model
    def _cs_escalation_chains(self):
        Level = self.env['cs.escalation.level']
        return {company.id: Level._cs_chain(company) for company in self.env['res.company'].search([])}

    @api.model
    def _cs_escalated_kinds(self):
        return super(HelpdeskTicket, self)._cs_escalated_kinds() + (deadline_policy.CONSULTATION,)

    @api.multi
    def _cs_level_user(self, level):
        """The site sales manager is the one of the ticket's site (the persons concerned's)."""
        self.ensure_one()
        if level == escalation_policy.SITE_MANAGER:
            return self.sudo()._cs_site_managers()[0][:1]
        return super(HelpdeskTicket, self)._cs_level_user(level)

    @api.multi
    def _cs_next_level(self, current):
        """The nearest level above ``current`` that has somebody to notify, or None."""
        for level in escalation_policy.levels_above(self._cs_chain(), current):
            if self._cs_level_user(level):
                return level
        return None

    @api.multi
    def _cs_escalate(self, level, reason, now, note=False):
        """Climbing (overdue, by hand) skips a level nobody holds; a level reached before through a
        notification (serious, major) is climbed to without notifying its person twice."""
        self.ensure_one()
        if reason in ('overdue', 'manual') and not self._cs_level_user(level):
            level = self._cs_next_level(level) or level
        done = super(HelpdeskTicket, self)._cs_escalate(level, reason, now)
        Escalation = self.env['cs.ticket.escalation'].sudo()
        row = Escalation.search([('ticket_id', '=', self.id), ('level', '=', level)], limit=1)
        if done and note:
            row.write({'note': note})
        if not done and row and reason in ('overdue', 'manual'):
            super(HelpdeskTicket, self.sudo()).write({
                'cs_escalation_level': level, 'cs_escalated_date': fields.Datetime.to_string(now)})
            done = True
        return done

    @api.multi
    def _cs_post_escalation(self, level, reason, user, now):
        if reason != 'manual' and self.cs_kind == deadline_policy.COMPLAINT:
            return super(HelpdeskTicket, self)._cs_post_escalation(level, reason, user, now)
        levels = dict(self.env['cs.ticket.escalation']._fields['level']._description_selection(self.env))
        kinds = dict(self._fields['cs_kind']._description_selection(self.env))
        values = {'ticket': self.number, 'name': self.name, 'customer': self.partner_id.name or '-',
                  'kind': kinds.get(self.cs_kind), 'level': levels.get(level, level),
                  'deadline': self._cs_format(fields.Datetime.from_string(self.cs_deadline)),
                  'by': self.env.user.name}
        if reason == 'manual':
            summary = _('Escalated to you: %s') % self.number
            body = _('%(by)s escalates %(kind)s %(ticket)s (%(name)s) of %(customer)s to you (%(level)s): it is '
                     'beyond the handler\'s capacity.') % values
        else:
            summary = _('Overdue %(kind)s %(ticket)s') % values
            body = _('%(kind)s %(ticket)s (%(name)s) of %(customer)s is overdue since %(deadline)s and is '
                     'escalated to you (%(level)s).') % values
        self._cs_notify(user, summary, body, 'customer_service_mgmt.mail_activity_type_cs_escalation', now)
        return True

    @api.multi
    def _cs_notify(self, user, summary, body, activity_type, now=None):
        """An activity for ``user`` and a mail in the chatter addressed to them."""
        now = now or datetime.utcnow()
        self.env['mail.activity'].sudo().create({
            'res_model_id': self.env.ref('helpdesk_mgmt.model_helpdesk_ticket').id, 'res_id': self.id,
            'activity_type_id': self.env.ref(activity_type).id,
            'date_deadline': fields.Date.to_string(self._cs_local(now).date()),
            'user_id': user.id, 'summary': summary, 'note': '<p>%s</p>' % tools.html_escape(body),
        })
        self.sudo().message_post(body='<p>%s</p>' % tools.html_escape(body), subject=summary,
                                 partner_ids=[user.partner_id.id], message_type='comment',
                                 subtype='mail.mt_comment')

    # ------------------------------------------------------------------ by hand

    @api.multi
    def _cs_may_escalate(self, user):
        """The handler, the first responder or a manager, never an accused of the ticket."""
        self.ensure_one()
        return not user._cs_is_accused(self) and (
            user == self.user_id or user == self.cs_first_responder_id or user._cs_is_manager())

    @api.multi
    def action_cs_escalate(self, reason):
        """上报: escalate by hand one level up the chain, with the reason the case is beyond the handler."""
        reason = self._cs_text_argument('cs.ticket.escalate', 'reason', reason)
        now = datetime.utcnow()
        for ticket in self:
            if not ticket._cs_is_governed():
                raise UserError(_('Escalation of %s refused: its team is not a customer service team, the '
                                  'escalation rules do not apply to it.') % ticket.number)
            levels = ticket._cs_chain()
            target = ticket._cs_next_level(ticket.cs_escalation_level)
            problems = escalation_policy.manual_problems(
                levels, ticket.cs_escalation_level, reason, ticket.stage_id.closed,
                ticket._cs_may_escalate(self.env.user), bool(target))
            if problems:
                ticket._cs_raise_escalation_problems(problems)
            ticket._cs_escalate(target, 'manual', now, note=reason)
        return True

    @api.multi
    def _cs_raise_escalation_problems(self, problems):
        levels = dict(self._fields['cs_escalation_level']._description_selection(self.env))
        messages = {
            'escalation_not_allowed': _('only its handler, its first responder or a customer service manager '
                                        'escalates it, and never an accused'),
            'escalation_closed': _('it is closed'),
            'escalation_no_reason': _('an escalation needs the reason the case is beyond the handler'),
            'escalation_last_level': _('it is already at the last level (%s)') % levels.get(
                self.cs_escalation_level, self.cs_escalation_level),
            'escalation_nobody': _('nobody holds the levels above it: configure the escalation levels'),
        }
        text = _('Escalation of %(ticket)s refused: %(reasons)s.') % {
            'ticket': self.number, 'reasons': '；'.join(messages[p.rule] for p in problems)}
        if any(p.rule == 'escalation_not_allowed' for p in problems):
            raise AccessError(text)
        raise UserError(text)

    # ------------------------------------------------------------------ the deputy GM's approval

    @api.multi
    def _cs_needs_approval(self):
        self.ensure_one()
        company = (self.company_id or self.env.user.company_id).sudo()
        if not self._cs_is_governed():
            return False
        return escalation_policy.needs_approval(self.cs_kind, self.cs_finding, bool(company._cs_deputy_gm()))

    @api.multi
    def _cs_request_approval(self):
        """The investigation result and the proposed handling go to the deputy GM (one open request)."""
        for ticket in self:
            deputy = (ticket.company_id or self.env.user.company_id).sudo()._cs_deputy_gm()
            summary = _('Approve the handling of %s') % ticket.number
            if ticket.sudo().activity_ids.filtered(lambda a: a.user_id == deputy and a.summary == summary):
                continue
            findings = dict(self._fields['cs_finding']._description_selection(self.env))
            body = _('Complaint %(ticket)s (%(name)s): finding %(finding)s. Facts: %(facts)s. Proposed handling: '
                     '%(plan)s. Approve it before it closes.') % {
                'ticket': ticket.number, 'name': ticket.name, 'finding': findings.get(ticket.cs_finding),
                'facts': ticket.cs_investigation or '-', 'plan': ticket.cs_rectification_plan or '-'}
            ticket.with_context(lang=deputy.lang or self.env.context.get('lang'))._cs_notify(
                deputy, summary, body, 'mail.mail_activity_data_todo')

    @api.multi
    def action_cs_approve_handling(self):
        """The deputy GM in charge approves the proposed handling of a complaint with a personal finding."""
        user = self.env.user
        for ticket in self:
            user._cs_require(lambda u: u._cs_is_deputy_gm() and not u._cs_is_accused(ticket), _(
                'Approval of %s: only the deputy general manager in charge, not accused in it, approves the '
                'handling of a complaint.') % ticket.number)
            if not ticket._cs_needs_approval():
                raise UserError(_('Approval of %s: only a complaint with a finding of violation or general mistake '
                                  'is approved by the deputy general manager.') % ticket.number)
            if ticket.stage_id.closed:
                raise UserError(_('Approval of %s: it is closed already.') % ticket.number)
            ticket._cs_system_write({'cs_approved_by_id': user.id, 'cs_approved_date': fields.Datetime.now()})
            ticket.sudo().activity_ids.filtered(lambda a: a.user_id == user).action_feedback(
                feedback=_('Handling approved'))
        return True

    @api.multi
    def _cs_closing_refusals(self):
        refusals = super(HelpdeskTicket, self)._cs_closing_refusals()
        if self._cs_needs_approval() and not self.cs_approved_by_id:
            refusals.append(_('Complaint %s has a personal finding: the deputy general manager in charge approves '
                              'its handling before it closes.') % self.number)
        return refusals

    # ------------------------------------------------------------------ the result

    @api.multi
    def _cs_on_complaint_closed(self):
        """The result goes to the customer and to the accused 被投诉者 (POLICY §2)."""
        result = super(HelpdeskTicket, self)._cs_on_complaint_closed()
        ticket = self.sudo()
        recipients = ticket.partner_id.filtered('email') | ticket.cs_accused_user_ids.mapped('partner_id')
        if recipients:
            body = _('Result of complaint %(ticket)s (%(name)s): %(reply)s') % {
                'ticket': ticket.number, 'name': ticket.name, 'reply': ticket.cs_reply or '-'}
            ticket.message_post(body='<p>%s</p>' % tools.html_escape(body),
                                subject=_('Result of complaint %s') % ticket.number,
                                partner_ids=recipients.ids, message_type='comment', subtype='mail.mt_comment')
        return result

    @api.model_cr
    def init(self):
        super(HelpdeskTicket, self).init()
        # the overdue scan reads open complaints and consultations only
        self._cr.execute("""
            CREATE INDEX IF NOT EXISTS helpdesk_ticket_cs_open_escalated_idx ON helpdesk_ticket (cs_deadline, id)
             WHERE cs_kind IN ('complaint', 'consultation') AND cs_closed_date IS NULL AND active
        """)
