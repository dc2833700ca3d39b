from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import formatLang

from ..policy import tiers as tier_policy

CONFIDENTIALITY = [
    ('secret', 'Secret'),
    ('confidential', 'Confidential'),
    ('top_secret', 'Top secret'),
]


class CsTier(models.Model):
    """A band of the customer tier table 客户分级 (POLICY §1): one row per tier, edited by managers."""
    _name = 'cs.tier'
    _description = 'Customer Tier'
    _inherit = ['cs.guard.mixin']
    _order = 'sequence, id'

    code = fields.Selection([
        (tier_policy.VIP, 'VIP'),
        (tier_policy.KEY, 'Key'),
        (tier_policy.GENERAL, 'General'),
        (tier_policy.RESERVE, 'Reserve'),
    ], required=True, help='The tier this band stands for; the four tiers are fixed by the policy.')
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10, help='Orders the table from the highest tier down.')
    company_id = fields.Many2one(
        'res.company', default=lambda self: self.env.user.company_id, required=True)
    currency_id = fields.Many2one(related='company_id.currency_id', readonly=True)
    min_amount = fields.Monetary(
        string='Minimum annual amount', currency_field='currency_id',
        help='Lower bound of the trailing-12-month transaction amount for this tier. '
             'The tier ends where the next higher tier starts.')
    max_amount = fields.Monetary(
        string='Up to (excluded)', currency_field='currency_id', compute='_compute_max_amount',
        help='Where the next higher tier starts; empty for the top tier.')
    confidentiality = fields.Selection(
        CONFIDENTIALITY, string='Confidentiality level', required=True, default='secret',
        help='Confidentiality of the archives of customers in this tier.')
    reception_standard = fields.Html(
        translate=True, help='Who receives and hosts a visiting customer of this tier.')
    preferential_policy = fields.Html(
        string='Preferential treatment', translate=True,
        help='Privileges customers of this tier may be granted.')
    gm_approval = fields.Boolean(
        string='Privileges need GM approval',
        help='Preferential treatment for customers of this tier needs the general manager\'s approval.')
    partner_count = fields.Integer(string='Customers', compute='_compute_partner_count')

    _sql_constraints = [
        ('code_uniq', 'unique(code, company_id)', 'Each tier appears once in the tier table.'),
        ('min_amount_positive', 'CHECK(min_amount >= 0)',
         'A tier threshold cannot be negative.'),
    ]

    @api.multi
    @api.depends('min_amount', 'code')
    def _compute_max_amount(self):
        for tier in self:
            higher = self.search([
                ('company_id', '=', tier.company_id.id),
                ('code', '!=', tier_policy.RESERVE),
                ('min_amount', '>', tier.min_amount),
            ], order='min_amount', limit=1)
            tier.max_amount = higher.min_amount if tier.code != tier_policy.RESERVE else 0.0

    @api.multi
    def _compute_partner_count(self):
        groups = self.env['res.partner'].read_group(
            [('cs_tier_id', 'in', self.ids), ('cs_is_commercial', '=', True)],
            ['cs_tier_id'], ['cs_tier_id'])
        counts = {g['cs_tier_id'][0]: g['cs_tier_id_count'] for g in groups}
        for tier in self:
            tier.partner_count = counts.get(tier.id, 0)

    @api.constrains('code', 'sequence', 'min_amount', 'company_id')
    def _check_band_table(self):
        for company in self.mapped('company_id'):
            # rows cannot be deleted, so the table is only incomplete while it is first created
            bands = self._cs_bands(company)
            complete = set(tier_policy.CODES) <= {b.code for b in bands}
            problems = tier_policy.validate_bands(bands, complete=complete)
            if problems:
                raise ValidationError(_('The customer tier table of %s is not valid:\n%s') % (
                    company.name, '\n'.join(self._cs_problem_message(p) for p in problems)))

    @api.model
    def create(self, vals):
        # the code first: its message names the four tiers, the guard's only the field
        self._cs_check_code(vals)
        self = self._cs_guard_create(vals)
        if vals.get('confidentiality', 'secret') != 'secret':
            self.browse()._cs_check_confidentiality_right()
        return super(CsTier, self).create(vals)

    @api.multi
    def write(self, vals):
        self._cs_check_code(vals)
        self._cs_guard_write(vals)
        if 'confidentiality' in vals and self.filtered(lambda t: t.confidentiality != vals['confidentiality']):
            self._cs_check_confidentiality_right()
        return super(CsTier, self).write(vals)

    @api.multi
    def _cs_check_confidentiality_right(self):
        # the level decides who reads the archives of a whole tier (POLICY §5): the general manager's
        if not self.env.user._cs_is_gm():
            raise AccessError(_('Only the general manager may change the confidentiality level of the tier %s '
                                '(a customer service manager may change its thresholds).')
                              % (', '.join(self.mapped('name')) or _('Customer Tier')))

    @api.multi
    def unlink(self):
        raise UserError(_(
            'Customer tiers cannot be deleted: the policy has exactly four tiers (%s). '
            'Change their thresholds instead.') % ', '.join(self.mapped('name')))

    @api.multi
    def action_view_partners(self):
        self.ensure_one()
        action = self.env.ref('customer_service_mgmt.res_partner_cs_customer_action').read()[0]
        action['domain'] = [('cs_tier_id', '=', self.id), ('cs_is_commercial', '=', True)]
        action['context'] = {}
        return action

    @api.model
    def _cs_check_code(self, vals):
        # checked before the ORM's own selection check, whose message does not name the rule
        if 'code' in vals and vals['code'] not in tier_policy.CODES:
            raise ValidationError(_('"%s" is not one of the four customer tiers (%s).') % (
                vals['code'], ', '.join(tier_policy.CODES)))

    @api.model
    def _cs_bands(self, company):
        """The company's tier table as policy bands."""
        return [tier_policy.Band(t.code, t.sequence, t.min_amount)
                for t in self.search([('company_id', '=', company.id)])]

    @api.model
    def _cs_problem_message(self, problem):
        """A policy problem as a translated sentence naming the rule."""
        labels = dict(self._fields['code']._description_selection(self.env))
        values = dict(problem.values)
        for key in ('code', 'other'):
            if key in values:
                values[key] = labels.get(values[key], values[key])
        if 'amount' in values:
            values['amount'] = formatLang(self.env, values['amount'], currency_obj=self.env.user.company_id.currency_id)
        if 'codes' in values:
            values['codes'] = ' > '.join(labels.get(c, c) for c in values['codes'])
        messages = {
            'unknown_code': _('"%(code)s" is not one of the four tiers.'),
            'duplicate_code': _('The tier %(code)s appears twice.'),
            'missing_code': _('The tier %(code)s is missing.'),
            'negative': _('The threshold of %(code)s is negative (%(amount)s): thresholds start at 0.'),
            'reserve_not_zero': _('The reserve tier is for customers without transactions: '
                                  'its threshold must be 0, not %(amount)s.'),
            'overlap': _('Overlap: %(code)s and %(other)s both start at %(amount)s.'),
            'gap': _('Gap: amounts between 0 and %(amount)s belong to no tier '
                     '(the lowest tier, %(code)s, must start at 0).'),
            'order': _('Order: the sequence must list the tiers from the highest threshold down '
                       '(%(codes)s).'),
        }
        return messages[problem.rule] % values
