from odoo import api, fields, models

from .cs_indicator import CsIndicator as BaseIndicator


class CsIndicator(models.Model):
    """The follow-through indicators (POLICY §2, §6): suggestions and how many were adopted, the follow-ups
    of dissatisfied customers (re-handled, revisited), and the customer's opinions by source."""
    _inherit = 'cs.indicator'

    source = fields.Selection(selection_add=[('followup', 'Follow-up')])
    suggestion_count = fields.Integer(string='Suggestions', readonly=True)
    adopted_count = fields.Integer(string='Suggestions adopted', readonly=True)
    rehandled_count = fields.Integer(string='Dissatisfied: handled again', readonly=True)
    revisit_followup_count = fields.Integer(string='Dissatisfied: revisits planned', readonly=True)
    opinion_customer_count = fields.Integer(string='Opinions given by customers', readonly=True)
    opinion_staff_count = fields.Integer(string='Opinions entered by staff', readonly=True)

    _cs_sources = BaseIndicator._cs_sources + ('followup',)
    _cs_columns = BaseIndicator._cs_columns + (
        'suggestion_count', 'adopted_count', 'rehandled_count', 'revisit_followup_count', 'opinion_customer_count',
        'opinion_staff_count')

    @api.model
    def _cs_followup_values(self):
        """The columns of a follow-up row (one per suggestion or complaint); features add theirs."""
        return {
            'id': 't.id',
            'date': "(t.cs_registered_date AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(cp.tz, 'UTC'))::date",
            'user_id': 't.user_id', 'team_id': 't.team_id', 'partner_id': 't.partner_id',
            'company_id': 't.company_id',
            'suggestion_count': "CASE WHEN t.cs_kind = 'suggestion' THEN 1 ELSE 0 END",
            'adopted_count': "CASE WHEN t.cs_kind = 'suggestion' AND t.cs_adoption = 'adopted' THEN 1 ELSE 0 END",
            'rehandled_count': "CASE WHEN t.cs_followup = 'rehandle' THEN 1 ELSE 0 END",
            'revisit_followup_count': "CASE WHEN t.cs_followup = 'revisit' THEN 1 ELSE 0 END",
            'opinion_customer_count': "CASE WHEN t.cs_opinion_source = 'customer' THEN 1 ELSE 0 END",
            'opinion_staff_count': "CASE WHEN t.cs_opinion_source = 'staff' THEN 1 ELSE 0 END",
        }

    @api.model
    def _cs_followup_sql(self):
        return self._cs_select('followup', self._cs_followup_values()) + """ FROM helpdesk_ticket t
                 LEFT JOIN res_company c ON c.id = t.company_id
                 LEFT JOIN res_partner cp ON cp.id = c.partner_id
                WHERE t.cs_kind IN ('suggestion', 'complaint')"""

    @api.model
    def _cs_parts(self):
        return super(CsIndicator, self)._cs_parts() + [self._cs_followup_sql()]
