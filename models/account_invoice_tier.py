from odoo import models


class AccountInvoice(models.Model):
    _inherit = 'account.invoice'

    def init(self):
        # The tier recompute sums posted customer invoices per commercial partner over a date window:
        # a partial index on exactly those rows keeps the nightly aggregate an index scan.
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS account_invoice_cs_tier_amount_idx
                ON account_invoice (commercial_partner_id, date_invoice)
                INCLUDE (amount_total_company_signed, company_id)
             WHERE state IN ('open', 'paid') AND type IN ('out_invoice', 'out_refund')
        """)
