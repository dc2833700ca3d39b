from odoo import api, fields, models


class CsTicketHandOver(models.TransientModel):
    """A manager hands the first responsibility 首问负责 of a ticket over to another user."""
    _name = 'cs.ticket.hand.over'
    # for the guard's messages naming the wizard's fields when the ticket's action refuses an argument
    _inherit = ['cs.guard.mixin']
    _description = 'Hand a Ticket Over'

    ticket_id = fields.Many2one('helpdesk.ticket', string='Ticket', required=True,
                                default=lambda self: self.env.context.get('active_id'))
    user_id = fields.Many2one('res.users', string='New responsible user', required=True)
    handler = fields.Boolean(string='Also make them the handler', default=True)
    note = fields.Text(string='Note')

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.ticket_id.action_cs_hand_over(self.user_id, self.note, self.handler)
        return {'type': 'ir.actions.act_window_close'}
