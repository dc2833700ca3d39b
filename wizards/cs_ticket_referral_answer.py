from odoo import api, fields, models


class CsTicketReferralAnswer(models.TransientModel):
    """The recipient of a request from customer service answers it; the request's action checks who."""
    _name = 'cs.ticket.referral.answer'
    _inherit = ['cs.guard.mixin']
    _description = 'Answer a Request from Customer Service'

    referral_id = fields.Many2one('cs.ticket.referral', string='Request', required=True)
    # related fields are read as the system: the recipient may not read the complaint itself
    ticket_number = fields.Char(related='referral_id.ticket_number', readonly=True)
    request = fields.Text(related='referral_id.request', readonly=True)
    answer = fields.Text(string='Answer', required=True)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.referral_id.action_cs_answer(self.answer)
        return {'type': 'ir.actions.act_window_close'}
