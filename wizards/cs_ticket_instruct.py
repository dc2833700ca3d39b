from odoo import api, fields, models


class CsTicketInstruct(models.TransientModel):
    """领导批示: the leader a suggestion is routed to types the instruction; the ticket's action checks it."""
    _name = 'cs.ticket.instruct'
    # for the guard's messages naming the fields when the ticket's action refuses an argument
    _inherit = ['cs.guard.mixin']
    _description = 'Instruct a Suggestion'

    ticket_id = fields.Many2one('helpdesk.ticket', string='Ticket', required=True,
                                default=lambda self: self.env.context.get('active_id'))
    instruction = fields.Text(string='Instruction', required=True)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.ticket_id.action_cs_instruct(self.instruction)
        return {'type': 'ir.actions.act_window_close'}
