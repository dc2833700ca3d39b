from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .cs_scope import OverrideScope

CREDIT_GROUPS = 'customer_service_mgmt.group_cs_manager'

# A manager's override of the credit limit, while the posting it allows runs: opened only by
# res.partner._cs_credit_override (which checks who the user is and the reason), never by a context key.
_override = OverrideScope()


class ResPartner(models.Model):
    """Credit that does something (seed 003 第二十条, POLICY §5): a rating gives the class's default limit
    and payment term, the limit holds when a customer invoice is validated, and the credit is reviewed
    once per period of its class."""
    _name = 'res.partner'
    _inherit = ['res.partner', 'cs.guard.mixin']

    cs_credit_reminded_on = fields.Date(
        string='Credit review reminded on', readonly=True, copy=False, groups=CREDIT_GROUPS,
        help='When the last credit review reminder was planned (once per period of the credit class).')

    @api.model
    def _cs_protected_fields(self):
        return super(ResPartner, self)._cs_protected_fields() | {'cs_credit_reminded_on'}

    @api.constrains('cs_credit_limit')
    def _check_cs_credit_limit(self):
        for partner in self.sudo():
            if partner.cs_credit_limit < 0:
                raise ValidationError(_('The credit limit of %s cannot be below zero (%s); 0 means no limit.')
                                      % (partner.display_name, partner.cs_credit_limit))

    @api.model
    def create(self, vals):
        self._cs_apply_credit_class(vals)
        return super(ResPartner, self).create(vals)

    @api.multi
    def write(self, vals):
        if vals.get('cs_credit_rating') and 'cs_credit_limit' not in vals:
            # a rating given by hand brings its class's defaults (the commercial sync passes the limit too)
            vals = dict(vals)
            self._cs_apply_credit_class(vals)
        return super(ResPartner, self).write(vals)

    @api.model
    def _cs_apply_credit_class(self, vals):
        """Complete ``vals`` setting a rating with its class's default limit and payment term."""
        rating = vals.get('cs_credit_rating')
        if not rating or 'cs_credit_limit' in vals:
            return
        credit_class = self.env['cs.credit.class']._cs_for(rating, self.env.user.company_id)
        if credit_class:
            vals['cs_credit_limit'] = credit_class.credit_limit
            if credit_class.payment_term_id and 'property_payment_term_id' not in vals:
                vals['property_payment_term_id'] = credit_class.payment_term_id.id

    # the limit on validation

    @api.model
    def _cs_credit_override(self, reason):
        """A manager's override of the credit limit with ``reason``: a block within which the postings the
        limit refuses are allowed and registered (cs.credit.override). Checks the user and the reason first."""
        self.env.user._cs_require(lambda user: user._cs_is_manager(), _(
            'Only a customer service manager may override a credit limit.'))
        Override = self.env['cs.credit.override']
        return _override.open(Override._cs_clean_reason(
            reason, _('Overriding a credit limit needs a reason ("%s").') % Override._cs_field_label('reason')))

    @api.model
    def _cs_open_receivable(self, partner, company, exclude=None):
        """Open receivables of a commercial partner: the residual of its posted customer invoices and refunds."""
        invoices = self.env['account.invoice'].sudo().search([
            ('commercial_partner_id', '=', partner.id), ('state', '=', 'open'),
            ('type', 'in', ('out_invoice', 'out_refund')), ('company_id', '=', company.id),
            ('id', 'not in', exclude.ids if exclude else [])])
        return sum(invoices.mapped('residual_company_signed'))

    @api.model
    def _cs_check_credit_limit(self, invoice):
        """Refuse validating ``invoice`` when it takes its customer's open receivables above the credit limit,
        unless a manager overrides it with a reason (registered once per invoice). Returns the override."""
        partner = invoice.commercial_partner_id.sudo()
        limit = partner.cs_credit_limit
        if not limit or limit <= 0:
            return self.env['cs.credit.override']
        open_amount = self._cs_open_receivable(partner, invoice.company_id, exclude=invoice)
        total = open_amount + invoice.amount_total_company_signed
        if total <= limit:
            return self.env['cs.credit.override']
        block = _override.current()
        currency = invoice.company_id.currency_id
        amounts = {'partner': partner.display_name, 'total': '%.2f %s' % (total, currency.name),
                   'limit': '%.2f %s' % (limit, currency.name)}
        if block is None:
            raise UserError(_('%(partner)s would owe %(total)s with this invoice, above its credit limit of '
                              '%(limit)s: the invoice is validated only with a customer service manager\'s '
                              'override, with a reason.') % amounts)
        if not self.env.user._cs_is_manager():
            raise AccessError(_('Only a customer service manager may override the credit limit of %s.')
                              % partner.display_name)
        if invoice.id in block['registered']:
            return self.env['cs.credit.override']
        block['registered'].add(invoice.id)
        override = self.env['cs.credit.override'].sudo().create({
            'partner_id': partner.id, 'invoice_id': invoice.id, 'reason': block['reason'],
            'user_id': self.env.uid, 'date': fields.Datetime.now(),
            'open_amount': total, 'credit_limit': limit,
        })
        body = _('Credit limit overridden by %s (%s for a limit of %s): %s') % (
            self.env.user.name, amounts['total'], amounts['limit'], block['reason'])
        partner.message_post(body=body, author_id=self.env.user.partner_id.id)
        invoice.sudo().message_post(body=body, author_id=self.env.user.partner_id.id)
        return override

    # the review reminder

    @api.model
    def _cron_cs_credit_review(self):
        """Daily cron: a credit review reminder per rated customer, once per period of its class."""
        return self._cs_plan_credit_reviews(fields.Date.context_today(self))

    @api.model
    def _cs_plan_credit_reviews(self, today):
        """Plan the due credit review activities as of ``today`` (set-based selection, one activity each)."""
        today = fields.Date.from_string(today) if isinstance(today, str) else today
        company = self.env.user.company_id
        self.env.cr.execute("""
            SELECT p.id, p.user_id, c.code
              FROM res_partner p
              JOIN cs_credit_class c ON c.code = p.cs_credit_rating AND c.company_id = %(company)s
             WHERE p.id = p.commercial_partner_id AND p.active
               AND (GREATEST(p.cs_credit_review_date, p.cs_credit_reminded_on) IS NULL
                    OR GREATEST(p.cs_credit_review_date, p.cs_credit_reminded_on)
                       + make_interval(months => c.review_months) <= %(today)s)
             ORDER BY p.id
        """, {'company': company.id, 'today': today})
        rows = self.env.cr.fetchall()
        if not rows:
            return 0
        activity_type = self.env.ref('mail.mail_activity_data_todo')
        model = self.env['ir.model']._get('res.partner')
        fallback = company.cs_manager_user_id.id or self.env.uid
        Activity = self.env['mail.activity'].sudo()
        for partner_id, user_id, code in rows:
            Activity.create({
                'res_model_id': model.id, 'res_id': partner_id, 'activity_type_id': activity_type.id,
                'date_deadline': fields.Date.to_string(today), 'user_id': user_id or fallback,
                'summary': _('Credit review (class %s)') % code,
                'note': _('Review the credit rating and limit of this customer (seed 003, credit policy).'),
            })
        self.env.cr.execute('UPDATE res_partner SET cs_credit_reminded_on = %s WHERE id = ANY(%s)',
                            (today, [r[0] for r in rows]))
        self.invalidate_cache(['cs_credit_reminded_on'])
        return len(rows)
