from odoo import api, fields, models


class CsTicketExtend(models.TransientModel):
    """A manager extends a complaint's working-day period (特殊情况), with a reason."""
    _name = 'cs.ticket.extend'
    # for the guard's messages naming the wizard's fields when the ticket's action refuses an argument
    _inherit = ['cs.guard.mixin']
    _description = 'Extend a Complaint Deadline'

    ticket_id = fields.Many2one('helpdesk.ticket', string='Ticket', required=True,
                                default=lambda self: self.env.context.get('active_id'))
    current_days = fields.Integer(related='ticket_id.cs_deadline_days', readonly=True)
    days = fields.Integer(string='Working days in total', required=True)
    reason = fields.Text(string='Reason', required=True)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.ticket_id.action_cs_extend(self.days, self.reason)
        return {'type': 'ir.actions.act_window_close'}
