from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import SavepointCase

# Any refusal a user can meet: the attack suites accept each, the message naming the rule.
REFUSED = (AccessError, UserError, ValidationError)


class CsCase(SavepointCase):
    """Fixtures shared by the customer-service tests: users with explicit groups, a customer company
    with a contact, and helpers that post real customer invoices."""

    @classmethod
    def setUpClass(cls):
        super(CsCase, cls).setUpClass()
        # the users work in Chinese: messages are asserted as they read them
        cls.env = cls.env(context=dict(cls.env.context, lang='zh_CN', tz='Asia/Shanghai'))
        cls.company = cls.env.user.company_id
        cls.today = fields.Date.from_string(fields.Date.context_today(cls.env.user))
        cls.tier = {code: cls.env.ref('customer_service_mgmt.cs_tier_%s' % code)
                    for code in ('vip', 'key', 'general', 'reserve')}
        cls.agent = cls._user('agent', 'customer_service_mgmt.group_cs_agent')
        cls.quality = cls._user('quality', 'customer_service_mgmt.group_cs_quality')
        cls.manager = cls._user('manager', 'customer_service_mgmt.group_cs_manager')
        cls.gm = cls._user('gm', 'customer_service_mgmt.group_cs_gm')
        cls.customer = cls.env['res.partner'].create({
            'name': '测试客户有限公司', 'is_company': True, 'customer': True})
        cls.contact = cls.env['res.partner'].create({
            'name': '赵六', 'parent_id': cls.customer.id})
        cls.journal = cls.env['account.journal'].search(
            [('type', '=', 'sale'), ('company_id', '=', cls.company.id)], limit=1)
        cls.journal.update_posted = True  # lets the tests cancel a posted invoice
        cls.bank = cls.env['account.journal'].search(
            [('type', '=', 'bank'), ('company_id', '=', cls.company.id)], limit=1)
        cls.revenue = cls.env['account.account'].search([
            ('company_id', '=', cls.company.id),
            ('user_type_id', '=', cls.env.ref('account.data_account_type_revenue').id)], limit=1)

    def _refused(self, call, errors=REFUSED, text=None):
        """Assert ``call`` is refused (with ``text`` in the message when given) and writes nothing."""
        if text:
            with self.assertRaisesRegex(errors, text), self.env.cr.savepoint():
                call()
        else:
            with self.assertRaises(errors), self.env.cr.savepoint():
                call()
        self.env['res.partner'].invalidate_cache()

    @classmethod
    def _user(cls, login, group):
        return cls.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'cs %s' % login,
            'login': 'cs_test_%s' % login,
            'email': 'cs_test_%s@example.com' % login,
            'lang': 'zh_CN',
            'tz': 'Asia/Shanghai',
            'groups_id': [(6, 0, [cls.env.ref('base.group_user').id, cls.env.ref(group).id])],
        })

    @classmethod
    def _invoice(cls, partner, amount, months_ago=1, inv_type='out_invoice', currency=None, post=True):
        """A customer invoice (or refund) of `amount` dated `months_ago` months back, posted by default."""
        invoice = cls.env['account.invoice'].create({
            'partner_id': partner.id,
            'type': inv_type,
            'journal_id': cls.journal.id,
            'currency_id': (currency or cls.company.currency_id).id,
            'date_invoice': fields.Date.to_string(cls.today - relativedelta(months=months_ago)),
            'invoice_line_ids': [(0, 0, {
                'name': 'goods', 'account_id': cls.revenue.id, 'quantity': 1, 'price_unit': amount,
            })],
        })
        if post:
            invoice.action_invoice_open()
        return invoice
