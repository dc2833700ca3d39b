from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..policy import deadlines as deadline_policy
from . import cs_roles


class ResCompany(models.Model):
    """The configurable numbers and people of the complaint policy 投诉处理 (POLICY §2)."""
    _inherit = 'res.company'

    cs_consultation_hours = fields.Integer(
        string='Consultation reply hours', default=deadline_policy.DEFAULT_TERMS.consultation_hours,
        help='A consultation not answered on the spot is answered within this many hours.')
    cs_complaint_days = fields.Integer(
        string='Complaint working days', default=deadline_policy.DEFAULT_TERMS.complaint_days,
        help='A complaint is resolved within this many working days after the day of registration.')
    cs_complaint_max_days = fields.Integer(
        string='Complaint maximum working days', default=deadline_policy.DEFAULT_TERMS.complaint_max_days,
        help='A manager may extend a complaint to at most this many working days in total.')
    cs_escalation_hours = fields.Integer(
        string='Hours between escalations', default=deadline_policy.DEFAULT_TERMS.escalation_hours,
        help='An overdue complaint climbs one more level when it stays open this long after the '
             'previous escalation.')
    cs_retention_months = fields.Integer(
        string='Retention months', default=deadline_policy.DEFAULT_TERMS.retention_months,
        help='Closed tickets are archived this many months after closing, unless marked important.')
    cs_manager_user_id = fields.Many2one(
        'res.users', string='Customer service manager',
        help='Receives the complaints escalated from their handler.')
    cs_general_manager_id = fields.Many2one(
        'res.users', string='General manager',
        help='Receives the complaints escalated from the customer service manager.')
    cs_department_head_id = fields.Many2one(
        'res.users', string='Department head',
        help='Notified at once of every major complaint; the general manager when empty.')

    @api.constrains('cs_consultation_hours', 'cs_complaint_days', 'cs_complaint_max_days',
                    'cs_escalation_hours', 'cs_retention_months')
    def _check_cs_complaint_terms(self):
        for company in self:
            if min(company.cs_consultation_hours, company.cs_complaint_days, company.cs_escalation_hours,
                   company.cs_retention_months) < 1:
                raise ValidationError(_('The complaint terms of %s must be positive numbers.') % company.name)
            if company.cs_complaint_max_days < company.cs_complaint_days:
                raise ValidationError(_(
                    'The maximum working days of a complaint (%s) cannot be fewer than its normal working '
                    'days (%s) in %s.') % (company.cs_complaint_max_days, company.cs_complaint_days,
                                          company.name))

    @api.multi
    def _cs_terms(self):
        self.ensure_one()
        return deadline_policy.Terms(
            consultation_hours=self.cs_consultation_hours, complaint_days=self.cs_complaint_days,
            complaint_max_days=self.cs_complaint_max_days, escalation_hours=self.cs_escalation_hours,
            retention_months=self.cs_retention_months)

    @api.multi
    def _cs_level_user(self, level):
        """The user a complaint escalated to ``level`` goes to: the configured one, else the first user
        of the matching group."""
        self.ensure_one()
        if level == deadline_policy.CS_MANAGER:
            user, group = self.cs_manager_user_id, cs_roles.MANAGER
        elif level == 'department_head':
            user = self.cs_department_head_id or self._cs_level_user(deadline_policy.GENERAL_MANAGER)
            group = None
        else:
            user, group = self.cs_general_manager_id, cs_roles.GM
        if not user and group:
            user = self.env.ref(group).users.filtered(
                lambda u: u.id != self.env.ref('base.user_root').id and u.company_id == self)[:1]
        return user
