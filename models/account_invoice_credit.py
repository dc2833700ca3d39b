from odoo import _, api, models

from .account_invoice_blacklist import UNPOSTED


class AccountInvoice(models.Model):
    """The credit limit holds on every path that posts a customer invoice, like the blacklist: the check
    sits in write (the move or the 'open' state), the button only refuses earlier."""
    _inherit = 'account.invoice'

    @api.multi
    def action_invoice_open(self):
        self._cs_check_credit_posting()
        return super(AccountInvoice, self).action_invoice_open()

    @api.multi
    def write(self, vals):
        if vals.get('move_id') or vals.get('state') == 'open':
            self._cs_check_credit_posting()
        return super(AccountInvoice, self).write(vals)

    @api.multi
    def _cs_check_credit_posting(self):
        for invoice in self.filtered(lambda inv: inv.type == 'out_invoice' and inv.state in UNPOSTED):
            self.env['res.partner']._cs_check_credit_limit(invoice)

    @api.multi
    def action_cs_credit_override(self):
        """Open a manager's override prompt for this invoice."""
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Override the credit limit'),
            'res_model': 'cs.credit.override.wizard',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_invoice_id': self.id},
        }
