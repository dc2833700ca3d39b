from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CsCreditOverrideWizard(models.TransientModel):
    """A manager's reason to validate a customer invoice above the customer's credit limit."""
    _name = 'cs.credit.override.wizard'
    _inherit = ['cs.guard.mixin']
    _description = 'Override a Credit Limit'

    invoice_id = fields.Many2one('account.invoice', string='Invoice', required=True, ondelete='cascade')
    reason = fields.Text(required=True)

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)
        return super(CsCreditOverrideWizard, self).create(vals)

    @api.multi
    def action_confirm(self):
        """Check the user is a manager and the reason, then validate the invoice within the override
        (registered by res.partner._cs_check_credit_limit)."""
        self.ensure_one()
        invoice = self.invoice_id
        if invoice.type != 'out_invoice' or invoice.state != 'draft':
            raise UserError(_('The credit limit is overridden only to validate a draft customer invoice (%s).')
                            % invoice.display_name)
        invoice.check_access_rights('write')
        invoice.check_access_rule('write')
        with self.env['res.partner']._cs_credit_override(self.reason):
            invoice.action_invoice_open()
        return {'type': 'ir.actions.act_window_close'}
