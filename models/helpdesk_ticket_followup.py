import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..policy import followups as followup_policy

FOLLOWUPS = [(followup_policy.REHANDLE, 'Re-handling'), (followup_policy.REVISIT, 'Revisit')]


class HelpdeskTicket(models.Model):
    """A dissatisfied customer is not the end (POLICY §2): before a complaint with the opinion 不满意
    closes, it is handled again with a new working-day deadline or a revisit is planned. A failed
    spot-check reopens with a new deadline the same way."""
    _inherit = 'helpdesk.ticket'

    cs_followup = fields.Selection(FOLLOWUPS, string='Dissatisfied follow-up', readonly=True, copy=False,
                                   track_visibility='onchange')
    cs_followup_note = fields.Text(string='Follow-up note', readonly=True, copy=False)
    cs_followup_visit_id = fields.Many2one('cs.visit', string='Follow-up revisit', readonly=True, copy=False)
    cs_rehandle_date = fields.Datetime(
        string='Handled again from', readonly=True, copy=False,
        help='A reopened complaint counts its new working-day deadline from here.')

    @api.model
    def _cs_protected_fields(self):
        return super(HelpdeskTicket, self)._cs_protected_fields() | {
            'cs_followup', 'cs_followup_note', 'cs_followup_visit_id', 'cs_rehandle_date'}

    @api.multi
    @api.depends('cs_kind', 'cs_registered_date', 'cs_promised_date', 'cs_deadline_days', 'company_id',
                 'cs_rehandle_date')
    def _compute_cs_deadline(self):
        # the base dependencies plus the restart of a complaint handled again
        return super(HelpdeskTicket, self)._compute_cs_deadline()

    @api.multi
    def _cs_deadline_for(self):
        """A complaint handled again has the company's working days again, counted from its reopening."""
        self.ensure_one()
        restart = fields.Datetime.from_string(self.cs_rehandle_date)
        if restart and self.cs_kind == 'complaint':
            company = self.company_id or self.env.user.company_id
            return self._cs_plan_working_days(restart, company.cs_complaint_days, company)
        return super(HelpdeskTicket, self)._cs_deadline_for()

    @api.multi
    def _cs_reopen_with_new_deadline(self, note):
        """Reopen (as the system) with a new working-day deadline counted from now; logged."""
        stage = self.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_in_progress', raise_if_not_found=False)
        if not stage or stage.closed:
            stage = self.env['helpdesk.ticket.stage'].search([('closed', '=', False)], limit=1)
        for ticket in self:
            ticket._cs_system_write({'cs_rehandle_date': fields.Datetime.now()})
            if ticket.stage_id.closed:
                ticket.sudo().write({'stage_id': stage.id})
            ticket.message_post(body=_('Handled again with a new deadline %(deadline)s: %(note)s') % {
                'deadline': ticket._cs_format(fields.Datetime.from_string(ticket.cs_deadline)), 'note': note},
                subtype='mail.mt_note')

    @api.multi
    def action_cs_dissatisfied_followup(self, mode, note):
        """不满意: handle again (``rehandle``: reopened with a new deadline) or plan a revisit within the
        company's days (``revisit``). The handler, the first responder or a manager decides."""
        note = self._cs_text_argument('helpdesk.ticket', 'cs_followup_note', note)
        if not isinstance(mode, str):
            raise self._cs_argument_error('helpdesk.ticket', 'cs_followup', mode, 'type')
        user = self.env.user
        for ticket in self:
            if not (user._cs_is_manager() or user in (ticket.user_id | ticket.cs_first_responder_id)) \
                    or user._cs_is_accused(ticket):
                raise AccessError(_('Follow-up of %s: its handler, its first responder or a customer service '
                                    'manager decides it.') % ticket.number)
            problems = followup_policy.followup_problems(ticket.cs_kind, ticket.cs_customer_opinion, mode, note)
            if problems:
                messages = {
                    'followup_not_dissatisfied': _('only a complaint whose customer is dissatisfied is followed up'),
                    'followup_mode': _('the follow-up is a re-handling or a revisit'),
                    'followup_no_note': _('the follow-up needs a note'),
                }
                raise UserError(_('Follow-up of %(ticket)s refused: %(reasons)s.') % {
                    'ticket': ticket.number, 'reasons': '；'.join(messages[p.rule] for p in problems)})
            vals = {'cs_followup': mode, 'cs_followup_note': note}
            if mode == followup_policy.REVISIT:
                vals['cs_followup_visit_id'] = ticket._cs_plan_dissatisfied_revisit().id
            ticket._cs_system_write(vals)
            if mode == followup_policy.REHANDLE:
                ticket._cs_reopen_with_new_deadline(note)
        return True

    @api.multi
    def _cs_plan_dissatisfied_revisit(self):
        """The complaint's revisit (one per complaint), planned within the company's days."""
        self.ensure_one()
        company = self.company_id or self.env.user.company_id
        Visit = self.env['cs.visit'].sudo()
        day = Visit._cs_today() + datetime.timedelta(days=company.cs_dissatisfied_revisit_days)
        visit = Visit.search([('ticket_id', '=', self.id), ('origin', '=', 'complaint')], limit=1)
        if not visit:
            visit = Visit._cs_plan_complaint_revisit(self.sudo())
        if not visit:
            raise UserError(_('%s: no revisit can be planned for this customer.') % self.number)
        if visit.planned_date > fields.Date.to_string(day):
            visit.write({'planned_date': fields.Date.to_string(day)})
        return visit

    @api.multi
    def _cs_closing_refusals(self):
        refusals = super(HelpdeskTicket, self)._cs_closing_refusals()
        if followup_policy.dissatisfied_closing_problems(self.cs_kind, self.cs_customer_opinion, self.cs_followup):
            refusals.append(_('The customer of %s is dissatisfied: handle it again or plan a revisit before '
                              'closing.') % self.number)
        return refusals
