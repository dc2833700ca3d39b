from odoo import _, api, fields, models


class CsBlacklistOverride(models.Model):
    """The register of the general manager's overrides of the blacklist (POLICY §5): which operation on
    which blacklisted customer was allowed, by whom, when and why. Written by
    ``res.partner._cs_check_blacklist``; append-only like the archive access log."""
    _name = 'cs.blacklist.override'
    _inherit = ['cs.register.mixin']
    _description = 'Blacklist Override'
    _order = 'date desc, id desc'
    _rec_name = 'operation'

    partner_id = fields.Many2one('res.partner', string='Customer', required=True, index=True,
                                 ondelete='restrict', readonly=True)
    operation = fields.Char(required=True, readonly=True)
    reason = fields.Text(required=True, readonly=True)
    user_id = fields.Many2one('res.users', string='Overridden by', required=True, readonly=True,
                              ondelete='restrict')
    date = fields.Datetime(string='Overridden on', required=True, readonly=True, default=fields.Datetime.now)
    res_model = fields.Char(string='Document model', readonly=True)
    res_id = fields.Integer(string='Document id', readonly=True)

    @api.model
    def _cs_register_message(self):
        return _('Blacklist overrides are a register: they cannot be changed or deleted.')
