from odoo import _, api, models


class CsVisit(models.Model):
    """A blacklisted customer 黑名单客户 gets no new visit (POLICY §5): planning one by hand is refused
    unless the general manager overrides with a reason; automatic planning skips the customer."""
    _inherit = 'cs.visit'

    @api.model
    def _cs_check_plannable(self, partner):
        partner._cs_check_blacklist(_('plan a visit'))
        return super(CsVisit, self)._cs_check_plannable(partner)

    @api.model
    def _cs_plannable(self, partner):
        return not partner.sudo()._cs_blacklisted_partners() and super(CsVisit, self)._cs_plannable(partner)

    @api.model
    def _cs_plannable_partner_sql(self, alias):
        return '(%s) AND NOT COALESCE(%s.cs_blacklisted, FALSE)' % (
            super(CsVisit, self)._cs_plannable_partner_sql(alias), alias)

    @api.model
    def _cs_create_overriding_blacklist(self, vals, reason):
        """The general manager plans a visit for a blacklisted customer, with a reason (registered)."""
        with self.env['res.partner']._cs_blacklist_override(reason):
            return self.create(vals)
