from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..policy import preferential as pref_policy
from ..policy import values as value_policy
from .cs_guard_mixin import system_write


class CsPreferentialGrant(models.Model):
    """Preferential treatment by approval 优惠待遇审批 (POLICY §1): someone asks for the privileges of a VIP
    or key customer's tier (prefilled from cs.tier.preferential_policy) for a period; the general manager
    approves or refuses. The customer shows the privileges only while a grant is approved and valid."""
    _name = 'cs.preferential.grant'
    _description = 'Preferential Treatment Grant'
    _inherit = ['mail.thread', 'cs.guard.mixin']
    _order = 'id desc'

    name = fields.Char(string='Reference', readonly=True, copy=False, default='/')
    partner_id = fields.Many2one('res.partner', string='Customer', required=True, index=True, ondelete='restrict',
                                 domain=[('is_company', '=', True), ('customer', '=', True)],
                                 readonly=True, states={'requested': [('readonly', False)]})
    tier_id = fields.Many2one('cs.tier', string='Customer tier', readonly=True)
    privileges = fields.Html(string='Privileges', readonly=True, states={'requested': [('readonly', False)]},
                             help='Prefilled from the preferential treatment of the customer\'s tier.')
    date_from = fields.Date(string='Valid from', required=True, readonly=True,
                            states={'requested': [('readonly', False)]})
    date_to = fields.Date(string='Valid until', required=True, readonly=True,
                          states={'requested': [('readonly', False)]})
    state = fields.Selection([
        (pref_policy.REQUESTED, 'Awaiting GM approval'),
        (pref_policy.APPROVED, 'Approved'),
        (pref_policy.REFUSED, 'Refused'),
        (pref_policy.CANCELLED, 'Cancelled'),
    ], default=pref_policy.REQUESTED, required=True, readonly=True, track_visibility='onchange')
    requested_by_id = fields.Many2one('res.users', string='Requested by', readonly=True,
                                      default=lambda self: self.env.user)
    approved_by_id = fields.Many2one('res.users', string='Decided by', readonly=True, track_visibility='onchange')
    approval_date = fields.Datetime(string='Decided on', readonly=True)
    company_id = fields.Many2one('res.company', default=lambda self: self.env.user.company_id, required=True)

    @api.model
    def _cs_protected_fields(self):
        return super(CsPreferentialGrant, self)._cs_protected_fields() | {
            'name', 'tier_id', 'state', 'requested_by_id', 'approved_by_id', 'approval_date'}

    @api.onchange('partner_id')
    def _onchange_partner_id(self):
        tier = self.partner_id.commercial_partner_id.cs_tier_id
        if tier.preferential_policy and value_policy.is_blank(_html_text(self.privileges)):
            self.privileges = tier.preferential_policy

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)
        partner = self.env['res.partner'].browse(vals.get('partner_id')).commercial_partner_id
        tier = partner.sudo().cs_tier_id
        if value_policy.is_blank(_html_text(vals.get('privileges'))):
            vals = dict(vals, privileges=tier.preferential_policy or False)
        vals = dict(vals, tier_id=tier.id, requested_by_id=self.env.uid,
                    name=self.env['ir.sequence'].sudo().next_by_code('cs.preferential.grant') or '/')
        self._cs_check_request(partner, tier, vals)
        with system_write(self._name, ['name', 'tier_id', 'requested_by_id']):
            return super(CsPreferentialGrant, self).create(vals)

    @api.multi
    def write(self, vals):
        self._cs_guard_write(vals)
        if not self._cs_is_system() and set(vals) & {'partner_id', 'privileges', 'date_from', 'date_to'}:
            for grant in self:
                if grant.state != pref_policy.REQUESTED:
                    raise UserError(_('The preferential treatment %s has been decided: it cannot be changed; '
                                      'request a new one.') % grant.name)
        result = super(CsPreferentialGrant, self).write(vals)
        if not self._cs_is_system() and set(vals) & {'partner_id', 'privileges', 'date_from', 'date_to'}:
            for grant in self:
                partner = grant.partner_id.commercial_partner_id
                grant._cs_check_request(partner, partner.sudo().cs_tier_id, {
                    'privileges': grant.privileges, 'date_from': grant.date_from, 'date_to': grant.date_to})
        return result

    @api.model
    def _cs_check_request(self, partner, tier, vals):
        today = fields.Date.from_string(fields.Date.context_today(self))
        date_from = vals.get('date_from') and fields.Date.from_string(vals['date_from'])
        date_to = vals.get('date_to') and fields.Date.from_string(vals['date_to'])
        problems = pref_policy.request_problems(tier.code, value_policy.is_blank(_html_text(vals.get('privileges'))),
                                                date_from, date_to, today)
        if problems:
            messages = {
                'tier': _('Preferential treatment is granted to VIP and key customers only: %s is not one.'),
                'no_privileges': _('The preferential treatment of %s needs the privileges granted.'),
                'period': _('The preferential treatment of %s needs a validity period whose end is not '
                            'before its start.'),
                'over': _('The validity of the preferential treatment of %s is already over.'),
            }
            raise UserError('\n'.join(messages[p.rule] % partner.display_name for p in problems))

    @api.multi
    def action_approve(self):
        return self._cs_decide(pref_policy.APPROVED)

    @api.multi
    def action_refuse(self):
        return self._cs_decide(pref_policy.REFUSED)

    @api.multi
    def action_cancel(self):
        for grant in self:
            if self.env.user != grant.requested_by_id and not self.env.user._cs_is_gm():
                raise AccessError(_('Only its requester or the general manager may cancel %s.') % grant.name)
            if grant.state not in (pref_policy.REQUESTED, pref_policy.APPROVED):
                raise UserError(_('%s is already closed.') % grant.name)
        self._cs_system_write({'state': pref_policy.CANCELLED})
        return True

    @api.multi
    def _cs_decide(self, state):
        for grant in self:
            grant.check_access_rule('read')
            if not self.env.user._cs_is_gm():
                raise AccessError(_('Only the general manager approves or refuses the preferential treatment %s.')
                                  % grant.name)
            if grant.state != pref_policy.REQUESTED:
                raise UserError(_('The preferential treatment %s has already been decided.') % grant.name)
            grant._cs_system_write({'state': state, 'approved_by_id': self.env.uid,
                                    'approval_date': fields.Datetime.now()})
        return True


def _html_text(html):
    """The text of an HTML value (a prefilled editor holds '<p><br></p>' when empty)."""
    if not html or not isinstance(html, str):
        return html
    import re
    return re.sub(r'<[^>]*>|&nbsp;', '', html)
