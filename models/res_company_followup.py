from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..policy import followups as followup_policy
from ..policy import sampling as sampling_policy


class ResCompany(models.Model):
    """Who receives findings that leave the department, how soon a dissatisfied customer is revisited."""
    _inherit = 'res.company'

    cs_product_dept_user_id = fields.Many2one(
        'res.users', string='Product and marketing department',
        help='Receives the complaints found to be a product problem (商品问题).')
    cs_group_cs_user_id = fields.Many2one(
        'res.users', string='Group customer service centre',
        help='Receives the complaints found to concern another unit (其他部门).')
    cs_dissatisfied_revisit_days = fields.Integer(
        string='Revisit of a dissatisfied customer within (days)', default=7,
        help='A dissatisfied customer\'s revisit is planned within this many days.')

    cs_opinion_link_days = fields.Integer(
        string='Opinion link valid for (days)', default=14,
        help='How long the link of the reply mail lets the customer give their opinion.')
    cs_spot_check_share = fields.Float(
        string='Spot-check share (%)', default=10.0,
        help='The share of the previous month\'s closed complaints drawn each month for the spot-check '
             '(0-100 %; at least one per handler when above 0).')
    cs_spot_check_user_id = fields.Many2one(
        'res.users', string='Spot-checking quality supervisor',
        help='Receives the monthly sample; by default a quality supervisor of the company.')

    @api.constrains('cs_spot_check_share')
    def _check_cs_spot_check_share(self):
        for company in self:
            if sampling_policy.share_problems(company.cs_spot_check_share):
                raise ValidationError(_('The spot-check share of %s is a percentage from 0 to 100, not %s.') % (
                    company.name, company.cs_spot_check_share))

    @api.multi
    def _cs_spot_checker(self):
        """The quality supervisor who receives the company's monthly sample."""
        self.ensure_one()
        if self.cs_spot_check_user_id:
            return self.cs_spot_check_user_id
        group = self.env.ref('customer_service_mgmt.group_cs_quality')
        return group.users.filtered(lambda u: self in u.company_ids and u.active
                                    and not u._cs_is_manager()).sorted('id')[:1]

    @api.constrains('cs_opinion_link_days')
    def _check_cs_opinion_link_days(self):
        for company in self:
            if not 1 <= company.cs_opinion_link_days <= 365:
                raise ValidationError(_('The opinion link of %s holds 1 to 365 days, not %s.') % (
                    company.name, company.cs_opinion_link_days))

    @api.constrains('cs_dissatisfied_revisit_days')
    def _check_cs_dissatisfied_revisit_days(self):
        for company in self:
            if not 1 <= company.cs_dissatisfied_revisit_days <= 90:
                raise ValidationError(_('The revisit of a dissatisfied customer is planned within 1 to 90 days '
                                        '(%s: %s).') % (company.name, company.cs_dissatisfied_revisit_days))

    @api.multi
    def _cs_referral_recipient(self, department):
        self.ensure_one()
        return {followup_policy.PRODUCT_DEPT: self.cs_product_dept_user_id,
                followup_policy.GROUP_CS: self.cs_group_cs_user_id}.get(department)
