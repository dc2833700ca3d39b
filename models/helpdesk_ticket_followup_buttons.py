from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    """Who sees the buttons of the follow-up forms (领导批示, 不满意跟进). Display only: the actions behind
    the forms check the user again."""
    _inherit = 'helpdesk.ticket'

    cs_can_instruct = fields.Boolean(compute='_compute_cs_can_instruct')
    cs_can_follow_up = fields.Boolean(compute='_compute_cs_can_follow_up')

    @api.multi
    @api.depends('cs_kind', 'cs_leader_id', 'cs_leader_instruction')
    def _compute_cs_can_instruct(self):
        user = self.env.user
        for ticket in self:
            ticket.cs_can_instruct = ticket.cs_kind == 'suggestion' and ticket.cs_leader_id == user \
                and not ticket.cs_leader_instruction

    @api.multi
    @api.depends('cs_kind', 'cs_customer_opinion', 'cs_followup', 'user_id', 'cs_first_responder_id')
    def _compute_cs_can_follow_up(self):
        user = self.env.user
        for ticket in self:
            ticket.cs_can_follow_up = ticket.cs_kind == 'complaint' \
                and ticket.cs_customer_opinion == 'dissatisfied' and not ticket.cs_followup \
                and (user._cs_is_manager() or user in (ticket.user_id | ticket.cs_first_responder_id)) \
                and not user._cs_is_accused(ticket)
