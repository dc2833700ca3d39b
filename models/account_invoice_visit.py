from odoo import api, fields, models


class AccountInvoice(models.Model):
    """A validated customer invoice plans the +3/+30/+60 day follow-up visits: once per customer, from its
    first posted invoice (its file, seed 003), or once per invoice when the company chose so."""
    _inherit = 'account.invoice'

    cs_visit_ids = fields.One2many('cs.visit', 'invoice_id', string='Follow-up visits',
                                   groups='customer_service_mgmt.group_cs_agent')
    cs_visit_count = fields.Integer(string='Follow-up visits', compute='_compute_cs_visit_count',
                                    groups='customer_service_mgmt.group_cs_agent')

    @api.multi
    def _compute_cs_visit_count(self):
        groups = self.env['cs.visit'].read_group(
            [('invoice_id', 'in', self.ids)], ['invoice_id'], ['invoice_id'])
        counts = {g['invoice_id'][0]: g['invoice_id_count'] for g in groups}
        for invoice in self:
            invoice.cs_visit_count = counts.get(invoice.id, 0)

    @api.multi
    def invoice_validate(self):
        res = super(AccountInvoice, self).invoice_validate()
        # a cancelled and re-validated invoice keeps the follow-ups it already has
        todo = self.filtered(lambda i: i.type == 'out_invoice' and not i.sudo().cs_visit_ids)._cs_followup_due()
        if todo:
            self.env['cs.visit']._cs_plan_purchase_followups(todo)
        return res

    @api.multi
    def _cs_followup_due(self):
        """The invoices whose validation plans follow-ups: all of them when the company plans per invoice;
        otherwise the first invoice of each customer that has no purchase follow-ups yet."""
        due = self.browse()
        seen = set()
        Visit = self.env['cs.visit'].sudo()
        for invoice in self.sorted(lambda i: (i.date_invoice or '', i.id)):
            if invoice.company_id.cs_followup_per_invoice:
                due |= invoice
                continue
            partner = invoice.commercial_partner_id
            if partner.id in seen or Visit.search_count([('partner_id', '=', partner.id), ('origin', '=', 'purchase')]):
                continue
            seen.add(partner.id)
            due |= invoice
        return due

    @api.multi
    def action_cs_plan_followups(self):
        """Button: plan the follow-ups of a posted invoice by hand (refused when it has them)."""
        return self.env['cs.visit']._cs_plan_purchase_followups(
            self.filtered(lambda i: i.type == 'out_invoice' and i.state in ('open', 'paid'))) and True

    @api.multi
    def action_cs_view_visits(self):
        self.ensure_one()
        action = self.env.ref('customer_service_mgmt.cs_visit_action').read()[0]
        action['domain'] = [('invoice_id', '=', self.id)]
        action['context'] = {}
        return action
