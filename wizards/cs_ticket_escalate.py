from odoo import api, fields, models


class CsTicketEscalate(models.TransientModel):
    """上报: the handler escalates a case beyond their capacity one level up, with the reason."""
    _name = 'cs.ticket.escalate'
    # for the guard's messages naming the wizard's fields when the ticket's action refuses an argument
    _inherit = ['cs.guard.mixin']
    _description = 'Escalate a Ticket'

    ticket_id = fields.Many2one('helpdesk.ticket', string='Ticket', required=True,
                                default=lambda self: self.env.context.get('active_id'))
    level = fields.Selection(related='ticket_id.cs_escalation_level', readonly=True)
    reason = fields.Text(string='Reason', required=True,
                         help='Why the case is beyond the handler\'s capacity.')

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.ticket_id.action_cs_escalate(self.reason)
        return {'type': 'ir.actions.act_window_close'}
