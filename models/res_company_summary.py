import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class ResCompany(models.Model):
    """The monthly complaint summary mailed to the customer service department head."""
    _inherit = 'res.company'

    cs_summary_sent_month = fields.Char(
        string='Complaint summary last sent for', readonly=True,
        help='The month (YYYY-MM) whose complaint summary was last mailed; the cron sends each month once.')

    @api.model
    def _cron_cs_send_complaint_summary(self):
        """Monthly cron: mail last month's complaint summary (PDF attached) to each company's department
        head, once per month and company (a rerun sends nothing twice)."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        month = (today.replace(day=1) - relativedelta(months=1)).strftime('%Y-%m')
        template = self.env.ref('customer_service_mgmt.mail_template_cs_complaint_summary')
        companies = self.search([('cs_department_head_id', '!=', False),
                                 '|', ('cs_summary_sent_month', '=', False), ('cs_summary_sent_month', '<', month)])
        for company in companies:
            template.with_context(cs_month=month, lang=company.cs_department_head_id.lang).send_mail(
                company.id, force_send=False)
            company.cs_summary_sent_month = month
        _logger.info('complaint summary for %s: mailed for %d companies', month, len(companies))
        return companies
