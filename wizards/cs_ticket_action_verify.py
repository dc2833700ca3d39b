from odoo import api, fields, models


class CsTicketActionVerify(models.TransientModel):
    """The quality supervisor verifies a done corrective or preventive action; the action's own check
    refuses anyone else."""
    _name = 'cs.ticket.action.verify'
    _inherit = ['cs.guard.mixin']
    _description = 'Verify a Corrective Action'

    action_id = fields.Many2one('cs.ticket.action', string='Action', required=True)
    ticket_number = fields.Char(related='action_id.ticket_number', readonly=True)
    action_name = fields.Char(related='action_id.name', readonly=True)
    note = fields.Text(string='Verification note')

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.action_id.action_cs_verify(self.note)
        return {'type': 'ir.actions.act_window_close'}
