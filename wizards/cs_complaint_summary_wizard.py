from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class CsComplaintSummaryWizard(models.TransientModel):
    """Prints the monthly complaint summary of a chosen month in PDF or XLSX."""
    _name = 'cs.complaint.summary.wizard'
    _description = 'Monthly Complaint Summary'

    def _default_date(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        return fields.Date.to_string(today.replace(day=1) - relativedelta(months=1))

    date = fields.Date(string='Month', required=True, default=_default_date, help='Any day of the month.')

    @api.multi
    def _cs_print(self, xmlid):
        self.ensure_one()
        # the company travels in the data: the web client downloads a report with data without its ids
        company = self.env.user.company_id
        return self.env.ref(xmlid).report_action(company, data={'month': self.date[:7], 'company_id': company.id})

    @api.multi
    def action_print_pdf(self):
        return self._cs_print('customer_service_mgmt.cs_complaint_summary_pdf')

    @api.multi
    def action_print_xlsx(self):
        return self._cs_print('customer_service_mgmt.cs_complaint_summary_xlsx')
