from odoo import api, fields, models


class CsTicketSpotCheck(models.TransientModel):
    """The quality supervisor's spot-check 抽查验证 of a closed ticket."""
    _name = 'cs.ticket.spot.check'
    # for the guard's messages naming the wizard's fields when the ticket's action refuses an argument
    _inherit = ['cs.guard.mixin']
    _description = 'Spot-check a Ticket'

    ticket_id = fields.Many2one('helpdesk.ticket', string='Ticket', required=True,
                                default=lambda self: self.env.context.get('active_id'))
    result = fields.Selection([('passed', 'Passed'), ('failed', 'Failed')], string='Result',
                              required=True, default='passed')
    note = fields.Text(string='Note')

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.ticket_id.action_cs_spot_check(self.result == 'passed', self.note)
        return {'type': 'ir.actions.act_window_close'}
