import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class ResCompany(models.Model):
    """The monthly complaint summary mailed to the department manager and the deputy GM in charge."""
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
        companies = self.browse()
        for company in self.search(['|', ('cs_summary_sent_month', '=', False), ('cs_summary_sent_month', '<', month)]):
            # the department manager and the deputy GM in charge (POLICY §2), whoever of them is known
            recipients = company._cs_summary_recipients()
            if not recipients:
                continue
            template.with_context(cs_month=month, lang=recipients[0].lang).send_mail(
                company.id, force_send=False, email_values={'email_to': ','.join(recipients.mapped('email'))})
            company.cs_summary_sent_month = month
            companies |= company
        _logger.info('complaint summary for %s: mailed for %d companies', month, len(companies))
        return companies

    @api.multi
    def _cs_summary_recipients(self):
        """Who reads the monthly summary: the department manager and the deputy GM in charge, with a mail."""
        self.ensure_one()
        return (self._cs_department_manager() | self._cs_deputy_gm()).filtered('email')
