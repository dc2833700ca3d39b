from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .cs_scope import Scope

# The day a tier change re-plans as of, when the addon's code (an import, a test) gives one; a form's
# write re-plans as of today. Thread-local, so that no web API caller can set it (a context key could).
_replan = Scope()


def replan_as_of(today):
    return _replan(today)


class ResPartner(models.Model):
    """Return visits on the customer: the smart button, the on-site selection, and the re-planning of
    future visits when the tier changes (through a form or the nightly recompute)."""
    _inherit = 'res.partner'

    # restricted to customer service: other employees reading a partner never touch the visits
    cs_visit_ids = fields.One2many('cs.visit', 'partner_id', string='Return visits',
                                   groups='customer_service_mgmt.group_cs_agent')
    cs_visit_count = fields.Integer(string='Visits', compute='_compute_cs_visit_count',
                                    groups='customer_service_mgmt.group_cs_agent')
    cs_visit_selected = fields.Boolean(
        string='Selected for on-site visits', readonly=True, copy=False, track_visibility='onchange',
        help='Visit rules limited to selected customers (the half-yearly on-site visit of selected VIPs by '
             'the chairman or GM, of selected general customers by the head) plan visits for this customer; '
             'set by a manager\'s action.')
    cs_visit_selected_uid = fields.Many2one('res.users', string='Selected by', readonly=True, copy=False)
    cs_visit_selected_date = fields.Date(string='Selected on', readonly=True, copy=False)
    cs_deputy_gm_id = fields.Many2one(
        'res.users', string='Deputy GM in charge', track_visibility='onchange',
        help='The deputy general manager in charge of this customer 主管副总: visits it under the deputy GM\'s '
             'rules; the visit policy\'s deputy GM when empty.')

    @api.model
    def _cs_protected_fields(self):
        return super(ResPartner, self)._cs_protected_fields() | {
            'cs_visit_selected', 'cs_visit_selected_uid', 'cs_visit_selected_date'}

    @api.constrains('cs_deputy_gm_id')
    def _check_cs_deputy_gm_id(self):
        for partner in self:
            if partner.cs_deputy_gm_id and not partner.cs_deputy_gm_id._cs_is_deputy_gm():
                raise ValidationError(_('%s is not a deputy general manager: he cannot be in charge of %s.')
                                      % (partner.cs_deputy_gm_id.name, partner.display_name))

    @api.multi
    def action_cs_select_for_visits(self):
        """A manager selects customers for the on-site visits of the selected (POLICY §3)."""
        return self._cs_set_visit_selection(True)

    @api.multi
    def action_cs_unselect_for_visits(self):
        """A manager withdraws the selection."""
        return self._cs_set_visit_selection(False)

    @api.multi
    def _cs_set_visit_selection(self, selected):
        self.env.user._cs_require(lambda u: u._cs_is_manager(), _(
            'Only a customer service manager may select customers for on-site visits (%s).')
            % ', '.join(self[:3].mapped('display_name')))
        partners = self.mapped('commercial_partner_id')
        partners.check_access_rights('write')
        partners.check_access_rule('write')
        partners._cs_system_write({
            'cs_visit_selected': selected,
            'cs_visit_selected_uid': self.env.uid if selected else False,
            'cs_visit_selected_date': fields.Date.context_today(self) if selected else False})
        return True

    @api.multi
    def _compute_cs_visit_count(self):
        groups = self.env['cs.visit'].read_group(
            [('partner_id', 'in', self.ids)], ['partner_id'], ['partner_id'])
        counts = {g['partner_id'][0]: g['partner_id_count'] for g in groups}
        for partner in self:
            partner.cs_visit_count = counts.get(partner.id, 0)

    @api.multi
    def write(self, vals):
        if 'cs_deputy_gm_id' in vals and not self.env.user._cs_is_manager() \
                and any(p.cs_deputy_gm_id.id != (vals['cs_deputy_gm_id'] or False) for p in self):
            raise AccessError(_('Only a customer service manager may name the deputy GM in charge of %s.')
                              % ', '.join(self[:3].mapped('display_name')))
        if 'cs_tier_id' not in vals and 'cs_visit_selected' not in vals:
            return super(ResPartner, self).write(vals)
        before = {p.id: p.cs_tier_id.id for p in self if p.commercial_partner_id == p}
        res = super(ResPartner, self).write(vals)
        changed = [p.id for p in self if p.id in before and (
            p.cs_tier_id.id != before[p.id] or 'cs_visit_selected' in vals)]
        if changed:
            self.env['cs.visit'].sudo()._cs_replan_partners(changed, _replan.current())
        return res

    @api.multi
    def _cs_write_as_of(self, vals, today):
        """Write ``vals`` as the current user, re-planning the visits of a tier change as of ``today``."""
        with replan_as_of(today):
            return self.write(vals)

    @api.model
    def _cs_recompute_tier_batch(self, partner_ids, bands, company, today):
        # the nightly recompute changes tiers in SQL: re-plan the changed customers as one set
        changes, count = super(ResPartner, self)._cs_recompute_tier_batch(partner_ids, bands, company, today)
        if changes:
            self.env['cs.visit'].sudo()._cs_replan_partners([c[0] for c in changes], today)
        return changes, count

    @api.multi
    def action_cs_view_visits(self):
        self.ensure_one()
        action = self.env.ref('customer_service_mgmt.cs_visit_action').read()[0]
        action['domain'] = [('partner_id', '=', self.commercial_partner_id.id)]
        action['context'] = {'default_partner_id': self.commercial_partner_id.id,
                             'search_default_filter_open': 1}
        return action
