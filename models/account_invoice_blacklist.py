from odoo import _, api, fields, models


class AccountInvoice(models.Model):
    _inherit = 'account.invoice'

    cs_partner_blacklisted = fields.Boolean(
        related='commercial_partner_id.cs_blacklisted', string='Customer blacklisted', readonly=True)

    @api.multi
    def action_invoice_open(self):
        """A blacklisted customer's invoice is not validated unless the general manager overrides the
        blacklist with a reason (context key ``cs_blacklist_override_reason``, set by the override wizard)."""
        for invoice in self.filtered(lambda inv: inv.type == 'out_invoice' and inv.state == 'draft'):
            invoice.commercial_partner_id._cs_check_blacklist(_('validate a customer invoice'), record=invoice)
        return super(AccountInvoice, self).action_invoice_open()

    @api.multi
    def action_cs_blacklist_override(self):
        """Open the general manager's override prompt for this invoice."""
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Override the blacklist'),
            'res_model': 'cs.blacklist.override.wizard',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_res_model': self._name, 'default_res_id': self.id},
        }
