from odoo import _, api, fields, models


class CsCreditOverride(models.Model):
    """The register of managers' overrides of credit limits (POLICY §5): which customer invoice was validated
    above the limit, by whom, when and why. Written by ``res.partner._cs_check_credit_limit``; append-only."""
    _name = 'cs.credit.override'
    _inherit = ['cs.register.mixin']
    _description = 'Credit Limit Override'
    _order = 'date desc, id desc'
    _rec_name = 'partner_id'

    partner_id = fields.Many2one('res.partner', string='Customer', required=True, index=True,
                                 ondelete='restrict', readonly=True)
    invoice_id = fields.Many2one('account.invoice', string='Invoice', required=True, ondelete='restrict',
                                 readonly=True)
    reason = fields.Text(required=True, readonly=True)
    user_id = fields.Many2one('res.users', string='Overridden by', required=True, readonly=True,
                              ondelete='restrict')
    date = fields.Datetime(string='Overridden on', required=True, readonly=True, default=fields.Datetime.now)
    currency_id = fields.Many2one('res.currency', related='invoice_id.company_id.currency_id', readonly=True)
    open_amount = fields.Monetary(string='Open receivables with the invoice', readonly=True)
    credit_limit = fields.Monetary(string='Credit limit', readonly=True)

    @api.model
    def _cs_register_message(self):
        return _('Credit limit overrides are a register: they cannot be changed or deleted.')
