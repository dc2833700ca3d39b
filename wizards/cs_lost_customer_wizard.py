from odoo import _, api, fields, models

QUARTERS = [('1', 'Q1'), ('2', 'Q2'), ('3', 'Q3'), ('4', 'Q4')]


class CsLostCustomerWizard(models.TransientModel):
    """Prints (or lists) the customers who moved to lost 流失 in a quarter, for the quarterly review."""
    _name = 'cs.lost.customer.wizard'
    _description = 'Lost Customers'

    def _default_year(self):
        return fields.Date.from_string(fields.Date.context_today(self)).year

    def _default_quarter(self):
        return str((fields.Date.from_string(fields.Date.context_today(self)).month - 1) // 3 + 1)

    year = fields.Integer(required=True, default=_default_year)
    quarter = fields.Selection(QUARTERS, required=True, default=_default_quarter)

    @api.multi
    def _cs_data(self):
        self.ensure_one()
        # the company travels in the data: the web client downloads a report with data without its ids
        return {'year': self.year, 'quarter': int(self.quarter), 'company_id': self.env.user.company_id.id}

    @api.multi
    def action_print_pdf(self):
        data = self._cs_data()
        Report = self.env['report.customer_service_mgmt.cs_lost_customer_document']
        Report._cs_check_access(Report._cs_company(data))
        return self.env.ref('customer_service_mgmt.cs_lost_customer_pdf').report_action(
            self.env.user.company_id, data=data)

    @api.multi
    def action_view_list(self):
        data = self._cs_data()
        Report = self.env['report.customer_service_mgmt.cs_lost_customer_document']
        company = Report._cs_company(data)
        Report._cs_check_access(company)
        start, end = Report._cs_bounds(data)
        return {
            'type': 'ir.actions.act_window',
            'name': _('Lost customers %s Q%s') % (data['year'], data['quarter']),
            'res_model': 'res.partner',
            'view_mode': 'tree,form',
            'views': [(self.env.ref('customer_service_mgmt.res_partner_lost_view_tree').id, 'tree'), (False, 'form')],
            'domain': Report._cs_domain(company, start, end),
            'context': {},
        }
