from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from . import cs_roles


class ResCompany(models.Model):
    """The people above the site in the escalation chain 层级上报 (POLICY §2, seed 000 附件一) and the
    shorter term of a serious complaint."""
    _inherit = 'res.company'

    cs_deputy_gm_id = fields.Many2one(
        'res.users', string='Deputy general manager in charge',
        help='主管副总: receives major complaints at once and the last escalation level, approves the '
             'handling of complaints with a personal finding, and receives the monthly summary.')
    cs_serious_complaint_days = fields.Integer(
        string='Serious complaint working days', default=0,
        help='A serious complaint is resolved within this many working days; 0 keeps the normal term.')

    @api.constrains('cs_serious_complaint_days', 'cs_complaint_days')
    def _check_cs_serious_complaint_days(self):
        for company in self:
            if company.cs_serious_complaint_days < 0 \
                    or company.cs_serious_complaint_days > company.cs_complaint_days:
                raise ValidationError(_(
                    'The working days of a serious complaint in %(company)s must lie between 0 (the normal '
                    'term) and the normal %(days)s working days.') % {
                    'company': company.name, 'days': company.cs_complaint_days})

    @api.multi
    def _cs_role_user(self, user, group):
        """``user`` when configured, else the first active user of ``group`` in this company."""
        self.ensure_one()
        if user:
            return user
        root = self.env.ref('base.user_root')
        return self.env.ref(group).sudo().users.filtered(
            lambda u: u != root and u.active and u.company_id == self)[:1]

    @api.multi
    def _cs_department_manager(self):
        """The department manager 部门经理: the configured department head, else a department manager."""
        return self._cs_role_user(self.sudo().cs_department_head_id, cs_roles.DEPARTMENT_MANAGER)

    @api.multi
    def _cs_deputy_gm(self):
        """The deputy general manager in charge 主管副总: the configured one, else a user of the role."""
        return self._cs_role_user(self.sudo().cs_deputy_gm_id, cs_roles.DEPUTY_GM)

    @api.multi
    def _cs_level_user(self, level):
        """The deputy GM level; the department head level falls to a department manager before the GM."""
        self.ensure_one()
        if level == 'deputy_gm':
            return self._cs_deputy_gm()
        if level == 'department_head':
            return self._cs_department_manager() or super(ResCompany, self)._cs_level_user(level)
        return super(ResCompany, self)._cs_level_user(level)
