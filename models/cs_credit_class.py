from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..policy import archives as archive_policy


class CsCreditClass(models.Model):
    """A credit class 信用等级 of the credit policy (seed 003 第二十条, POLICY §5): per rating A/B/C/D the
    default credit limit and payment term a customer receives when rated, and how often its credit is
    reviewed. One row per class and company, edited by managers."""
    _name = 'cs.credit.class'
    _description = 'Credit Class'
    _inherit = ['cs.guard.mixin']
    _order = 'company_id, code'
    _rec_name = 'code'

    code = fields.Selection([(r, r) for r in archive_policy.CREDIT_RATINGS], string='Credit rating', required=True)
    company_id = fields.Many2one('res.company', string='Company', required=True,
                                 default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related='company_id.currency_id', readonly=True)
    credit_limit = fields.Monetary(string='Default credit limit', currency_field='currency_id',
                                   help='Given to a customer when it receives this rating; 0: no limit.')
    payment_term_id = fields.Many2one('account.payment.term', string='Payment term', ondelete='restrict',
                                      help='Given to a customer when it receives this rating.')
    review_months = fields.Integer(string='Review every (months)', required=True, default=12,
                                   help='A credit review reminder is planned once per period for the customers '
                                        'of this class.')

    _sql_constraints = [
        ('code_company_uniq', 'unique(code, company_id)', 'Each credit class appears once per company.'),
    ]

    @api.constrains('credit_limit')
    def _check_credit_limit(self):
        for credit_class in self:
            if credit_class.credit_limit < 0:
                raise ValidationError(_('The default credit limit of class %s cannot be below zero (%s); '
                                        '0 means no limit.') % (credit_class.code, credit_class.credit_limit))

    @api.constrains('review_months')
    def _check_review_months(self):
        for credit_class in self:
            if credit_class.review_months < 1:
                raise ValidationError(_('The credit review period of class %s is at least one month.')
                                      % credit_class.code)

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)
        return super(CsCreditClass, self).create(vals)

    @api.multi
    def write(self, vals):
        self._cs_guard_write(vals)
        return super(CsCreditClass, self).write(vals)

    @api.multi
    def unlink(self):
        raise UserError(_('Credit classes cannot be deleted: the policy has four (%s). Change their limits '
                          'instead.') % ', '.join(self.mapped('code')))

    @api.model
    def _cs_for(self, rating, company):
        """The class of ``rating`` in ``company`` (empty when the table lacks it)."""
        if not rating:
            return self.browse()
        return self.sudo().search([('code', '=', rating), ('company_id', '=', company.id)], limit=1)
