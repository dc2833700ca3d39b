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
        self.env['res.partner'].browse()._cs_recompute_tiers(silent=True)
        return True
