from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..policy import followups as followup_policy

ADOPTIONS = [(followup_policy.ADOPTED, 'Adopted'), (followup_policy.NOT_ADOPTED, 'Not adopted')]


class HelpdeskTicket(models.Model):
    """Suggestions 建议 go to a leader for instruction 领导批示 (POLICY §2); the reply says whether the
    suggestion was adopted and why. Only the leader writes the instruction, through its action."""
    _inherit = 'helpdesk.ticket'

    cs_leader_id = fields.Many2one(
        'res.users', string='Instructing leader', track_visibility='onchange',
        help='The leader a suggestion is routed to for instruction (领导批示).')
    cs_leader_instruction = fields.Text(string='Leader instruction', readonly=True, copy=False,
                                        track_visibility='onchange')
    cs_instruction_date = fields.Datetime(string='Instructed on', readonly=True, copy=False)
    cs_adoption = fields.Selection(ADOPTIONS, string='Adoption', track_visibility='onchange', copy=False,
                                   help='Whether the suggestion was adopted.')
    cs_adoption_reason = fields.Text(string='Adoption reason', copy=False)

    @api.model
    def _cs_protected_fields(self):
        return super(HelpdeskTicket, self)._cs_protected_fields() | {'cs_leader_instruction', 'cs_instruction_date'}

    @api.model
    def create(self, vals):
        ticket = super(HelpdeskTicket, self).create(vals)
        if vals.get('cs_leader_id'):
            ticket._cs_ask_instruction()
        return ticket

    @api.multi
    def write(self, vals):
        before = {ticket.id: ticket.cs_leader_id for ticket in self}
        result = super(HelpdeskTicket, self).write(vals)
        if vals.get('cs_leader_id'):
            self.filtered(lambda t: t.cs_leader_id != before[t.id])._cs_ask_instruction()
        return result

    @api.multi
    def _cs_ask_instruction(self):
        """An activity for the leader of each suggestion routed to them."""
        for ticket in self.filtered(lambda t: t.cs_kind == 'suggestion' and t.cs_leader_id):
            leader = ticket.cs_leader_id
            ticket = ticket.sudo().with_context(lang=leader.lang or self.env.context.get('lang'))
            ticket._cs_todo(leader, _('Instruction asked: suggestion %s') % ticket.number, ticket.name)

    @api.multi
    def action_cs_instruct(self, instruction):
        """领导批示: the leader the suggestion was routed to records the instruction."""
        instruction = self._cs_text_argument('helpdesk.ticket', 'cs_leader_instruction', instruction)
        for ticket in self:
            problems = followup_policy.instruction_problems(
                ticket.cs_kind, ticket.cs_leader_id == self.env.user and not self.env.user._cs_is_accused(ticket),
                instruction)
            if not problems:
                ticket._cs_system_write({'cs_leader_instruction': instruction,
                                         'cs_instruction_date': fields.Datetime.now()})
                ticket.activity_ids.filtered(lambda a: a.user_id == self.env.user).sudo().action_feedback(
                    feedback=instruction)
                continue
            messages = {
                'instruction_not_suggestion': _('only suggestions are routed for instruction'),
                'instruction_not_leader': _('only the leader it is routed to instructs it'),
                'instruction_blank': _('the instruction is empty'),
            }
            text = _('Instruction on %(ticket)s refused: %(reasons)s.') % {
                'ticket': ticket.number, 'reasons': '；'.join(messages[p.rule] for p in problems)}
            if any(p.rule == 'instruction_not_leader' for p in problems):
                raise AccessError(text)
            raise UserError(text)
        return True

    @api.multi
    def _cs_closing_refusals(self):
        refusals = super(HelpdeskTicket, self)._cs_closing_refusals()
        problems = followup_policy.suggestion_closing_problems(self.cs_kind, self.cs_adoption,
                                                               self.cs_adoption_reason)
        if problems:
            missing = '、'.join(self._cs_field_label(name) for name in problems[0].values['fields'])
            refusals.append(_('A suggestion is answered adopted or not, and why: %(ticket)s cannot be closed '
                              'without: %(missing)s.') % {'ticket': self.number, 'missing': missing})
        return refusals
