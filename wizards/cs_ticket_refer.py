from odoo import api, fields, models


class CsTicketRefer(models.TransientModel):
    """Send a complaint's finding to the department it names; the ticket's action picks the recipient."""
    _name = 'cs.ticket.refer'
    _inherit = ['cs.guard.mixin']
    _description = 'Send a Finding to Another Department'

    ticket_id = fields.Many2one('helpdesk.ticket', string='Ticket', required=True,
                                default=lambda self: self.env.context.get('active_id'))
    request = fields.Text(string='Request', required=True)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.ticket_id.action_cs_refer(self.request)
        return {'type': 'ir.actions.act_window_close'}
