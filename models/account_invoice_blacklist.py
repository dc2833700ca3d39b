from odoo import _, api, fields, models

# The states from which an invoice is posted (account_invoicing's pro-forma states included).
UNPOSTED = ('draft', 'proforma', 'proforma2')


class AccountInvoice(models.Model):
    _inherit = 'account.invoice'

    cs_partner_blacklisted = fields.Boolean(
        related='commercial_partner_id.cs_blacklisted', string='Customer blacklisted', readonly=True)

    @api.multi
    def action_invoice_open(self):
        """The button: refused at once for a blacklisted customer (the write below holds on every path)."""
        self._cs_check_blacklist_posting()
        return super(AccountInvoice, self).action_invoice_open()

    @api.multi
    def write(self, vals):
        """Every host path that posts a customer invoice (action_invoice_open, action_move_create,
        invoice_validate, the account.invoice.confirm wizard, a write of the state) writes its move or its
        'open' state here: a blacklisted customer's invoice is refused unless the general manager overrides
        the blacklist (cs.blacklist.override.wizard)."""
        if vals.get('move_id') or vals.get('state') == 'open':
            self._cs_check_blacklist_posting()
        return super(AccountInvoice, self).write(vals)

    @api.multi
    def _cs_check_blacklist_posting(self):
        for invoice in self.filtered(lambda inv: inv.type == 'out_invoice' and inv.state in UNPOSTED):
            invoice.partner_id._cs_check_blacklist(_('validate a customer invoice'), record=invoice)

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
