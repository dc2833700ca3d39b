import threading
from contextlib import contextmanager

from odoo import api, fields, models

# The day a tier change re-plans as of, when the addon's code (an import, a test) gives one; a form's
# write re-plans as of today. Thread-local, so that no web API caller can set it (a context key could).
_replan = threading.local()


@contextmanager
def replan_as_of(today):
    previous = getattr(_replan, 'today', None)
    _replan.today = today
    try:
        yield
    finally:
        _replan.today = previous


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
        string='Selected for on-site visits',
        help='Visit rules limited to selected customers (e.g. the half-yearly on-site visit of general '
             'customers) plan visits for this customer.')

    @api.multi
    def _compute_cs_visit_count(self):
        groups = self.env['cs.visit'].read_group(
            [('partner_id', 'in', self.ids)], ['partner_id'], ['partner_id'])
        counts = {g['partner_id'][0]: g['partner_id_count'] for g in groups}
        for partner in self:
            partner.cs_visit_count = counts.get(partner.id, 0)

    @api.multi
    def write(self, vals):
        if 'cs_tier_id' not in vals and 'cs_visit_selected' not in vals:
            return super(ResPartner, self).write(vals)
        before = {p.id: p.cs_tier_id.id for p in self if p.commercial_partner_id == p}
        res = super(ResPartner, self).write(vals)
        changed = [p.id for p in self if p.id in before and (
            p.cs_tier_id.id != before[p.id] or 'cs_visit_selected' in vals)]
        if changed:
            self.env['cs.visit'].sudo()._cs_replan_partners(changed, getattr(_replan, 'today', None))
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
