from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .cs_guard_mixin import system_write


class CsReception(models.Model):
    """The reception register 来访登记 (POLICY §1, seed 001): a customer's visit to us, with its date, the
    visitors, the host and the arrangements, prefilled from the reception standard of the customer's tier
    (VIP: the general manager or the deputy GM in charge receives them...)."""
    _name = 'cs.reception'
    _description = 'Customer Reception'
    _inherit = ['mail.thread', 'cs.guard.mixin']
    _order = 'date_start desc, id desc'

    name = fields.Char(string='Reference', readonly=True, copy=False, default='/')
    partner_id = fields.Many2one('res.partner', string='Customer', required=True, index=True, ondelete='restrict',
                                 domain=[('is_company', '=', True), ('customer', '=', True)],
                                 track_visibility='onchange')
    tier_id = fields.Many2one(related='partner_id.cs_tier_id', string='Customer tier', readonly=True)
    date_start = fields.Datetime(string='Arrival', required=True, track_visibility='onchange')
    date_stop = fields.Datetime(string='Departure')
    visitors = fields.Char(string='Visitors', required=True, help='Names and positions of the visitors.')
    visitor_count = fields.Integer(string='Number of visitors', default=1)
    host_id = fields.Many2one('res.users', string='Host', required=True, default=lambda self: self.env.user,
                              track_visibility='onchange')
    arrangements = fields.Html(string='Arrangements',
                               help='Reception, meals, accommodation, programme; prefilled from the tier\'s '
                                    'reception standard.')
    company_id = fields.Many2one('res.company', default=lambda self: self.env.user.company_id, required=True)

    @api.model
    def _cs_protected_fields(self):
        return super(CsReception, self)._cs_protected_fields() | {'name'}

    @api.constrains('date_start', 'date_stop', 'visitor_count')
    def _check_dates(self):
        for reception in self:
            if reception.date_stop and reception.date_stop < reception.date_start:
                raise ValidationError(_('The visit %s cannot end before it starts.') % reception.name)
            if reception.visitor_count < 1:
                raise ValidationError(_('The visit %s needs at least one visitor.') % reception.name)

    @api.onchange('partner_id')
    def _onchange_partner_id(self):
        standard = self.partner_id.commercial_partner_id.cs_tier_id.reception_standard
        if standard and not self.arrangements:
            self.arrangements = standard

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)
        if not vals.get('arrangements') and vals.get('partner_id'):
            partner = self.env['res.partner'].browse(vals['partner_id']).commercial_partner_id
            vals = dict(vals, arrangements=partner.cs_tier_id.reception_standard or False)
        vals = dict(vals, name=self.env['ir.sequence'].sudo().next_by_code('cs.reception') or '/')
        with system_write(self._name, ['name']):
            return super(CsReception, self).create(vals)

    @api.multi
    def write(self, vals):
        self._cs_guard_write(vals)
        return super(CsReception, self).write(vals)

