from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..policy import visits as visit_policy

# Who visits (POLICY §3, seed 003 第十一条): the account rep is the customer's salesperson; the other
# roles map to users through the company's visit policy.
VISITOR_ROLES = [
    ('account_rep', 'Account representative'),
    ('head', 'Responsible head'),
    ('deputy_gm', 'Deputy general manager'),
    ('gm', 'Chairman / general manager'),
    ('sales_manager', 'Sales manager'),
]
METHODS = [
    ('phone', 'Phone'),
    ('sms', 'SMS'),
    ('email', 'Email'),
    ('onsite', 'On-site'),
]


class CsVisitPolicy(models.Model):
    """The return-visit policy 回访制度 of a company: how often and by whom each tier is visited, the
    planning horizon, the follow-ups after a purchase, and which user holds each visitor role."""
    _name = 'cs.visit.policy'
    _description = 'Return Visit Policy'
    _inherit = ['mail.thread']

    name = fields.Char(required=True, translate=True, track_visibility='onchange')
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        'res.company', required=True, default=lambda self: self.env.user.company_id)
    line_ids = fields.One2many('cs.visit.policy.line', 'policy_id', string='Visit rules', copy=True)
    horizon_days = fields.Integer(
        string='Planning horizon (days)', default=31, track_visibility='onchange',
        help='The planning cron plans the visits of the period under way and of every period '
             'starting within this many days.')
    followup_days_1 = fields.Integer(
        string='First follow-up (days after purchase)', default=3, track_visibility='onchange',
        help='Usage guidance.')
    followup_days_2 = fields.Integer(
        string='Second follow-up (days after purchase)', default=30, track_visibility='onchange',
        help='Opinions on the products.')
    followup_days_3 = fields.Integer(
        string='Third follow-up (days after purchase)', default=60, track_visibility='onchange',
        help='Results of use.')
    followup_remind_days = fields.Integer(
        string='Remind follow-ups (days ahead)', default=1)
    complaint_revisit_days = fields.Integer(
        string='Complaint revisit (days after closing)', default=3, track_visibility='onchange')
    account_rep_user_id = fields.Many2one(
        'res.users', string='Default account representative', track_visibility='onchange',
        help='Visits customers that have no salesperson.')
    head_user_id = fields.Many2one('res.users', string='Responsible head', track_visibility='onchange')
    deputy_gm_user_id = fields.Many2one(
        'res.users', string='Deputy general manager', track_visibility='onchange')
    gm_user_id = fields.Many2one(
        'res.users', string='Chairman / general manager', track_visibility='onchange')
    sales_manager_user_id = fields.Many2one(
        'res.users', string='Sales manager', track_visibility='onchange',
        help='Revisits customers after a complaint is closed; without one, the customer\'s salesperson does.')
    supervisor_user_id = fields.Many2one(
        'res.users', string='Visit supervisor', track_visibility='onchange',
        help='The visitors\' manager: notified once when a visit becomes overdue.')

    _sql_constraints = [
        ('company_uniq', 'unique(company_id)', 'A company has one return-visit policy.'),
    ]

    @api.constrains('horizon_days', 'followup_days_1', 'followup_days_2', 'followup_days_3',
                    'complaint_revisit_days', 'followup_remind_days')
    def _check_days(self):
        for policy in self:
            days = (policy.horizon_days, policy.followup_days_1, policy.followup_days_2,
                    policy.followup_days_3, policy.complaint_revisit_days, policy.followup_remind_days)
            if any(d < 0 for d in days):
                raise ValidationError(_('The numbers of days of the visit policy %s cannot be negative.')
                                      % policy.name)

    @api.model
    def _cs_for_company(self, company=None):
        company = company or self.env.user.company_id
        return self.sudo().search([('company_id', '=', company.id)], limit=1)

    @api.multi
    def _cs_role_user(self, role):
        """The user holding a visitor role (empty for the account rep: the customer's salesperson)."""
        self.ensure_one()
        return {
            'account_rep': self.account_rep_user_id,
            'head': self.head_user_id,
            'deputy_gm': self.deputy_gm_user_id,
            'gm': self.gm_user_id,
            'sales_manager': self.sales_manager_user_id,
        }[role]

    @api.multi
    def _cs_followup_offsets(self):
        self.ensure_one()
        return (self.followup_days_1, self.followup_days_2, self.followup_days_3)

    @api.multi
    def action_plan_now(self):
        """Button: plan the due visits now (a manager's; as of today, in one transaction)."""
        self.env.user._cs_require(lambda u: u._cs_is_manager(), _(
            'Only a customer service manager may plan the visits of the policy %s now.')
            % ', '.join(self.mapped('name')))
        self.env['cs.visit']._cron_plan_visits(commit=False)
        return True

    @api.model
    def _cs_interval_problem_message(self, line_name, problem):
        return _('The visit interval of "%s" must be at least one month (not %s).') % (
            line_name, problem.values['interval'])

    @api.model
    def _cs_check_interval(self, line_name, interval):
        problems = visit_policy.validate_interval(interval)
        if problems:
            raise ValidationError(self._cs_interval_problem_message(line_name, problems[0]))
