from odoo import fields, models

from ..policy import behaviour as behaviour_policy


class ResCompany(models.Model):
    _inherit = 'res.company'

    cs_award_min_written_praises = fields.Integer(
        string='Written praises for the best-service award', default=2,
        help='Written customer praises in a half-year that earn the best-service award 最佳服务奖.')
    cs_loyal_purchases = fields.Integer(
        string='Purchases a year of a loyal customer', default=behaviour_policy.DEFAULT_PARAMS.loyal_purchases)
    cs_lost_months = fields.Integer(
        string='Months without purchase of a lost customer', default=behaviour_policy.DEFAULT_PARAMS.lost_months)
    cs_satisfied_score = fields.Float(
        string='Satisfaction of a satisfied customer', default=behaviour_policy.DEFAULT_PARAMS.satisfied_score,
        help='Average satisfaction on the 1-5 scale (complaint opinions and visit scores).')

    def _cs_behaviour_params(self):
        self.ensure_one()
        return behaviour_policy.Params(
            self.cs_loyal_purchases, self.cs_lost_months, self.cs_satisfied_score)
