from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class CsDemoLoader(models.AbstractModel):
    """Creates the demo invoices that give the demo customers their tiers. Invoices need a chart of
    accounts, which may be installed after this addon: without one, the invoices are skipped."""
    _name = 'cs.demo.loader'
    _description = 'Customer Service demo data loader'

    @api.model
    def _cs_load_invoices(self, specs):
        """specs: [(partner xmlid, amount, months ago, type)], posted as customer invoices or refunds."""
        company = self.env.user.company_id
        journal = self.env['account.journal'].search(
            [('type', '=', 'sale'), ('company_id', '=', company.id)], limit=1)
        account = self.env['account.account'].search([
            ('company_id', '=', company.id),
            ('user_type_id', '=', self.env.ref('account.data_account_type_revenue').id)], limit=1)
        if not journal or not account:
            return False
        today = fields.Date.from_string(fields.Date.context_today(self))
        invoices = self.env['account.invoice']
        for xmlid, amount, months_ago, inv_type in specs:
            partner = self.env.ref(xmlid)
            invoices |= invoices.create({
                'partner_id': partner.id,
                'type': inv_type,
                'journal_id': journal.id,
                'date_invoice': fields.Date.to_string(today - relativedelta(months=months_ago)),
                'invoice_line_ids': [(0, 0, {
                    'name': 'Demo',
                    'account_id': account.id,
                    'quantity': 1,
                    'price_unit': amount,
                })],
            })
        invoices.action_invoice_open()
        self._cs_pay_old_invoices(invoices, today)
        self.env['res.partner'].browse()._cs_recompute_tiers(silent=True)
        return True

    @api.model
    def _cs_pay_old_invoices(self, invoices, today):
        """The demo customers pay their invoices on time (a VIP needs a good payment record): every customer
        invoice older than two months is paid, by bank, when the chart of accounts has a bank journal."""
        bank = self.env['account.journal'].search(
            [('type', '=', 'bank'), ('company_id', '=', self.env.user.company_id.id)], limit=1)
        method = self.env.ref('account.account_payment_method_manual_in', raise_if_not_found=False)
        if not bank or not method:
            return
        old = fields.Date.to_string(today - relativedelta(months=2))
        for invoice in invoices.filtered(lambda i: i.type == 'out_invoice' and i.state == 'open'
                                         and i.date_invoice <= old):
            self.env['account.payment'].create({
                'payment_type': 'inbound', 'partner_type': 'customer', 'partner_id': invoice.partner_id.id,
                'amount': invoice.residual, 'currency_id': invoice.currency_id.id, 'journal_id': bank.id,
                'payment_method_id': method.id, 'payment_date': invoice.date_invoice,
                'invoice_ids': [(4, invoice.id)],
            }).post()
