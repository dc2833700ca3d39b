from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .res_partner_archive import OVERRIDE_KEY


class CsBlacklistOverrideWizard(models.TransientModel):
    """The general manager's reason to validate a blacklisted customer's invoice anyway."""
    _name = 'cs.blacklist.override.wizard'
    _description = 'Override the Blacklist'

    res_model = fields.Char(required=True)
    res_id = fields.Integer(required=True)
    reason = fields.Text(required=True)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        if not (self.reason or '').strip():
            raise UserError(_('Overriding the blacklist needs a reason.'))
        record = self.env[self.res_model].browse(self.res_id).with_context(**{OVERRIDE_KEY: self.reason})
        if self.res_model == 'account.invoice':
            record.action_invoice_open()
        return {'type': 'ir.actions.act_window_close'}
