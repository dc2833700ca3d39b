from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .cs_visit_policy import METHODS, VISITOR_ROLES


class CsVisitPolicyLine(models.Model):
    """One rule of the visit policy: customers of a tier (or of every tier) are visited by a role every
    N months with a method, and the visitor is reminded some days ahead."""
    _name = 'cs.visit.policy.line'
    _description = 'Return Visit Rule'
    _order = 'policy_id, sequence, id'

    policy_id = fields.Many2one('cs.visit.policy', required=True, ondelete='cascade', index=True)
    company_id = fields.Many2one(related='policy_id.company_id', store=True, readonly=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    tier_id = fields.Many2one(
        'cs.tier', string='Customer tier', ondelete='restrict',
        help='Customers of this tier are visited; empty: customers of every tier.')
    visitor_role = fields.Selection(VISITOR_ROLES, required=True, default='account_rep')
    interval_months = fields.Integer(string='Every (months)', required=True, default=1)
    method = fields.Selection(METHODS, required=True, default='phone')
    remind_days = fields.Integer(string='Remind (days ahead)', default=3)
    selected_only = fields.Boolean(
        string='Selected customers only',
        help='Only customers marked "selected for on-site visits" are visited under this rule.')
    unselected_only = fields.Boolean(
        string='Customers not selected only',
        help='Only customers not selected for on-site visits are visited under this rule (e.g. the monthly '
             'visit of general customers by their account representative, when the head does not visit them).')

    @api.constrains('selected_only', 'unselected_only')
    def _check_selection(self):
        for line in self:
            if line.selected_only and line.unselected_only:
                raise ValidationError(_('The visit rule "%s" cannot be both for selected customers only and '
                                        'for customers not selected only.') % line.name)

    _sql_constraints = [
        ('interval_positive', 'CHECK(interval_months > 0)', 'A visit interval is at least one month.'),
        ('remind_days_positive', 'CHECK(remind_days >= 0)', 'Reminder days cannot be negative.'),
    ]

    @api.constrains('interval_months')
    def _check_interval_months(self):
        for line in self:
            self.env['cs.visit.policy']._cs_check_interval(line.name, line.interval_months)

    @api.model
    def create(self, vals):
        # checked before the database's CHECK, whose message does not name the rule
        self.env['cs.visit.policy']._cs_check_interval(vals.get('name'), vals.get('interval_months', 1))
        return super(CsVisitPolicyLine, self).create(vals)

    @api.multi
    def write(self, vals):
        if 'interval_months' in vals:
            for line in self:
                self.env['cs.visit.policy']._cs_check_interval(
                    vals.get('name', line.name), vals['interval_months'])
        return super(CsVisitPolicyLine, self).write(vals)
