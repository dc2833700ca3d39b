from odoo import api, fields, models


class AccountInvoice(models.Model):
    """A validated customer invoice plans the +3/+30/+60 day follow-up visits, once per invoice."""
    _inherit = 'account.invoice'

    cs_visit_ids = fields.One2many('cs.visit', 'invoice_id', string='Follow-up visits',
                                   groups='customer_service_mgmt.group_cs_agent')

    @api.multi
    def invoice_validate(self):
        res = super(AccountInvoice, self).invoice_validate()
        # a cancelled and re-validated invoice keeps the follow-ups it already has
        todo = self.filtered(lambda i: i.type == 'out_invoice' and not i.sudo().cs_visit_ids)
        if todo:
            self.env['cs.visit']._cs_plan_purchase_followups(todo)
        return res

    @api.multi
    def action_cs_plan_followups(self):
        """Button: plan the follow-ups of a posted invoice by hand (refused when it has them)."""
        return self.env['cs.visit']._cs_plan_purchase_followups(
            self.filtered(lambda i: i.type == 'out_invoice' and i.state in ('open', 'paid'))) and True
