from odoo import api, fields, models

from ..models.helpdesk_ticket_followup import FOLLOWUPS


class CsTicketDissatisfiedFollowup(models.TransientModel):
    """不满意: handle the complaint again with a new deadline, or plan a revisit; the ticket's action decides
    who may and what is valid."""
    _name = 'cs.ticket.dissatisfied.followup'
    _inherit = ['cs.guard.mixin']
    _description = 'Follow Up a Dissatisfied Customer'

    ticket_id = fields.Many2one('helpdesk.ticket', string='Ticket', required=True,
                                default=lambda self: self.env.context.get('active_id'))
    mode = fields.Selection(FOLLOWUPS, string='Follow-up kind', required=True, default='rehandle')
    note = fields.Text(string='Note', required=True)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.ticket_id.action_cs_dissatisfied_followup(self.mode, self.note)
        return {'type': 'ir.actions.act_window_close'}
