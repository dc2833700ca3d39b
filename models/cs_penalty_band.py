from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import formatLang

from ..policy import rewards as reward_policy

ROLES = [
    (reward_policy.PERSON, 'Person concerned'),
    (reward_policy.MANAGER, 'First responsible manager'),
]


class CsPenaltyBand(models.Model):
    """A penalty band 罚款标准 (POLICY §4): the range of the fine a verified complaint brings for one role,
    per company; managers edit it."""
    _name = 'cs.penalty.band'
    _description = 'Penalty Band'
    _inherit = ['cs.guard.mixin']
    _order = 'company_id, role'

    role = fields.Selection(ROLES, required=True,
                            help='The person concerned 当事人 or the site\'s first responsible manager 第一责任人.')
    name = fields.Char(required=True, translate=True)
    company_id = fields.Many2one('res.company', default=lambda self: self.env.user.company_id, required=True)
    currency_id = fields.Many2one(related='company_id.currency_id', readonly=True)
    min_amount = fields.Monetary(string='Minimum fine', currency_field='currency_id', required=True)
    max_amount = fields.Monetary(string='Maximum fine', currency_field='currency_id', required=True)

    _sql_constraints = [
        ('role_uniq', 'unique(role, company_id)', 'Each role has one penalty band per company.'),
    ]

    @api.constrains('min_amount', 'max_amount')
    def _check_band(self):
        for band in self:
            for problem in reward_policy.validate_band(band._cs_band()):
                raise ValidationError(band._cs_problem_message(problem))

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)
        return super(CsPenaltyBand, self).create(vals)

    @api.multi
    def write(self, vals):
        # NaN or infinite bounds would pass every comparison of the band check
        self._cs_guard_write(vals)
        return super(CsPenaltyBand, self).write(vals)

    @api.multi
    def unlink(self):
        raise UserError(_('Penalty bands cannot be deleted: change their amounts instead (%s).')
                        % ', '.join(self.mapped('name')))

    @api.multi
    def _cs_band(self):
        self.ensure_one()
        return reward_policy.PenaltyBand(self.role, self.min_amount, self.max_amount)

    @api.model
    def _cs_bands(self, company):
        """The company's bands as policy bands, by role."""
        return {b.role: b._cs_band() for b in self.search([('company_id', '=', company.id)])}

    @api.model
    def _cs_problem_message(self, problem):
        """A policy problem of a band or an amount as a translated sentence naming the rule."""
        values = dict(problem.values)
        currency = self.env.user.company_id.currency_id
        for key in ('amount', 'min', 'max'):
            if key in values:
                values[key] = formatLang(self.env, values[key], currency_obj=currency)
        if 'role' in values:
            values['role'] = dict(self._fields['role']._description_selection(self.env)).get(
                values['role'], values['role'])
        messages = {
            'band_negative': _('The penalty band of the %(role)s cannot have negative amounts.'),
            'band_inverted': _('The penalty band of the %(role)s is inverted: its minimum %(min)s is above '
                               'its maximum %(max)s.'),
            'negative': _('Amounts cannot be negative (%(amount)s).'),
            'sanction_amount': _('A sanction (verbal warning, bonus deduction, rating downgrade) carries no '
                                 'amount (%(amount)s given).'),
            'compensation_zero': _('Compensation of an economic loss needs the amount of the loss.'),
            'no_band': _('A fine needs the role it is for (person concerned or first responsible manager), '
                         'whose penalty band bounds it.'),
            'out_of_band': _('The fine of %(amount)s is outside the penalty band of the %(role)s '
                             '(%(min)s to %(max)s).'),
            'not_candidate': _('Fewer than the required written praises in the half-year and not the best '
                               'visit score: the award needs a manager\'s override with a reason.'),
        }
        return messages[problem.rule] % values
