from odoo import _, api, fields, models
from odoo.exceptions import UserError

# The documents whose blocked operation the override performs: model -> the method it calls.
OVERRIDABLE = {'account.invoice': 'action_invoice_open'}


class CsBlacklistOverrideWizard(models.TransientModel):
    """The general manager's reason to validate a blacklisted customer's invoice anyway."""
    _name = 'cs.blacklist.override.wizard'
    _inherit = ['cs.guard.mixin']
    _description = 'Override the Blacklist'

    res_model = fields.Char(required=True)
    res_id = fields.Integer(required=True)
    reason = fields.Text(required=True)

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)
        return super(CsBlacklistOverrideWizard, self).create(vals)

    @api.multi
    def action_confirm(self):
        """Check the user is the general manager and the reason, then perform the operation within the
        override (registered by res.partner._cs_check_blacklist)."""
        self.ensure_one()
        if self.res_model not in OVERRIDABLE:
            raise UserError(_('"%s": the blacklist is overridden only to validate a customer invoice, not for %s.')
                            % (self._cs_field_label('res_model'), self.res_model))
        record = self.env[self.res_model].browse(self.res_id).exists()
        if not record:
            raise UserError(_('"%s": the record %s does not exist.') % (self._cs_field_label('res_id'), self.res_id))
        record.check_access_rights('write')
        record.check_access_rule('write')
        with self.env['res.partner']._cs_blacklist_override(self.reason):
            getattr(record, OVERRIDABLE[self.res_model])()
        return {'type': 'ir.actions.act_window_close'}
