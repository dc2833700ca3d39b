from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """The configurable numbers of the customer rules (POLICY §1, §3): the overdue days that deny VIP, and
    whether purchase follow-ups are planned per invoice instead of once from the customer's file."""
    _inherit = 'res.company'

    cs_vip_overdue_days = fields.Integer(
        string='VIP: receivables overdue at most (days)', default=90,
        help='A customer with a posted invoice unpaid this many days after its due date is not VIP '
             '(good payment record 付款信誉良好), whatever its amount: it is key.')
    cs_followup_per_invoice = fields.Boolean(
        string='Follow-ups after every invoice',
        help='Off (the policy): the 3/30/60-day follow-ups are planned once per customer, from its first '
             'posted invoice (its file). On: after every posted customer invoice.')

    @api.constrains('cs_vip_overdue_days')
    def _check_cs_vip_overdue_days(self):
        for company in self:
            if company.cs_vip_overdue_days < 0:
                raise ValidationError(_('%s: the overdue days that deny VIP cannot be negative (%s).')
                                      % (company.name, company.cs_vip_overdue_days))
