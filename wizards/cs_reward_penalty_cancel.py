from odoo import api, fields, models


class CsRewardPenaltyCancel(models.TransientModel):
    """Asks the reason before a reward or penalty is cancelled; the record itself is kept."""
    _name = 'cs.reward.penalty.cancel'
    _description = 'Cancel Reward or Penalty'

    reason = fields.Text(required=True)

    @api.multi
    def action_cancel(self):
        records = self.env['cs.reward.penalty'].browse(self.env.context.get('active_ids', []))
        records.action_cancel(self.reason)
        return {'type': 'ir.actions.act_window_close'}
