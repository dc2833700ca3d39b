from odoo import _, api, fields, models

from ..policy import rewards as reward_policy


class HelpdeskTicket(models.Model):
    """Complaints propose fines when they close with a violation or mistake finding (POLICY §4)."""
    _inherit = 'helpdesk.ticket'

    cs_reward_penalty_ids = fields.One2many('cs.reward.penalty', 'ticket_id', string='Rewards and penalties')
    cs_reward_penalty_count = fields.Integer(
        string='Rewards and penalties', compute='_compute_cs_reward_penalty_count')

    @api.multi
    def _compute_cs_reward_penalty_count(self):
        groups = self.env['cs.reward.penalty'].sudo().read_group(
            [('ticket_id', 'in', self.ids)], ['ticket_id'], ['ticket_id'])
        counts = {g['ticket_id'][0]: g['ticket_id_count'] for g in groups}
        for ticket in self:
            ticket.cs_reward_penalty_count = counts.get(ticket.id, 0)

    @api.model
    def _cs_protected_fields(self):
        # fines are attached to their complaint by the proposal, not through the ticket's list
        return super(HelpdeskTicket, self)._cs_protected_fields() | {'cs_reward_penalty_ids'}

    @api.multi
    def _cs_on_complaint_closed(self):
        result = super(HelpdeskTicket, self)._cs_on_complaint_closed()
        # proposed and read back as the server: the handler who closes the complaint may not read other
        # people's fines
        Record = self.env['cs.reward.penalty'].sudo()
        for ticket in self.sudo():
            if ticket.cs_finding not in reward_policy.PENALTY_FINDINGS:
                continue
            # one site manager per site of the persons concerned; the person fines are proposed once
            managers = ticket._cs_first_responsible_manager()
            proposed = Record.browse()
            for manager in managers or [managers]:
                proposed |= Record._cs_propose_for_complaint(
                    ticket, ticket.cs_finding, ticket.cs_accused_user_ids, manager)
            if proposed:
                ticket._cs_announce_proposals(proposed)
        return result

    @api.multi
    def _cs_announce_proposals(self, proposals):
        """Ask the customer service manager to confirm the proposed fines, in an activity of theirs. The
        fines are not posted in the complaint's chatter, which every colleague reads (POLICY §8)."""
        self.ensure_one()
        manager = (self.company_id or self.env.user.company_id).sudo().cs_manager_user_id
        if not manager:
            return
        self = self.env['res.company']._cs_in_company_lang(self, self.company_id or None)
        body = _('%(count)s proposed fines of complaint %(ticket)s await your confirmation: adjust them within '
                 'their bands under its rewards and penalties, then confirm.') % {
            'count': len(proposals), 'ticket': self.number}
        self._cs_todo(manager, _('Confirm the proposed fines'), body)

    @api.multi
    def action_view_cs_reward_penalties(self):
        self.ensure_one()
        action = self.env.ref('customer_service_mgmt.cs_reward_penalty_action').read()[0]
        action['domain'] = [('ticket_id', '=', self.id)]
        action['context'] = {'default_ticket_id': self.id}
        return action

    @api.model_cr
    def init(self):
        super(HelpdeskTicket, self).init()
        # the monthly complaint summary reads one month of one company's complaints
        self._cr.execute("""
            CREATE INDEX IF NOT EXISTS helpdesk_ticket_cs_complaint_month_idx
                ON helpdesk_ticket (company_id, cs_registered_date) WHERE cs_kind = 'complaint'
        """)
