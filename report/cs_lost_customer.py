import datetime

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..policy import behaviour as behaviour_policy


class CsLostCustomerReport(models.AbstractModel):
    """Lost customers 流失客户 of a quarter (POLICY §1 behaviour classes): the customers who moved to lost,
    with their last purchase, complaints and visits, for the quarterly review. The customers are searched as
    the reader (his record rules apply), and only a customer service manager reads the report."""
    _name = 'report.customer_service_mgmt.cs_lost_customer_document'
    _description = 'Lost Customers'

    @api.model
    def _cs_quarter(self, data):
        year, quarter = (data or {}).get('year'), (data or {}).get('quarter')
        valid = all(isinstance(v, int) and not isinstance(v, bool) for v in (year, quarter)) \
            and 1900 <= year <= 9999 and 1 <= quarter <= 4
        if not valid:
            raise UserError(_('Lost customers: %s Q%s is not a quarter.') % (str(year)[:10], str(quarter)[:10]))
        return year, quarter

    @api.model
    def _cs_bounds(self, data):
        """The quarter's first and last day."""
        year, quarter = self._cs_quarter(data)
        start = datetime.date(year, 3 * quarter - 2, 1)
        end = start + relativedelta(months=3) - datetime.timedelta(days=1)
        return fields.Date.to_string(start), fields.Date.to_string(end)

    @api.model
    def _cs_company(self, data):
        company_id = (data or {}).get('company_id')
        if not isinstance(company_id, int) or isinstance(company_id, bool):
            raise UserError(_('Lost customers: %s is not a company.') % str(company_id)[:20])
        return self.env['res.company'].browse(company_id)

    @api.model
    def _cs_check_access(self, company):
        user = self.env.user
        user._cs_require(lambda u: u._cs_is_manager(), _(
            'Only a customer service manager may read the lost customers of %s.') % company.sudo().name)
        if self.env.uid != SUPERUSER_ID and (company not in user.company_ids or not company.exists()):
            raise AccessError(_('The lost customers of %s: not one of your companies.') % company.sudo().name)

    @api.model
    def _cs_domain(self, company, start, end):
        return [('cs_behaviour', '=', behaviour_policy.LOST), ('cs_is_commercial', '=', True),
                ('cs_behaviour_date', '>=', start), ('cs_behaviour_date', '<=', end),
                '|', ('company_id', '=', False), ('company_id', '=', company.id)]

    @api.model
    def _cs_lines(self, company, start, end):
        """One line per lost customer the reader may see: last purchase, complaints, visits."""
        partners = self.env['res.partner'].search(self._cs_domain(company, start, end), order='name')
        return [{
            'partner': partner,
            'tier': partner.cs_tier_id.display_name or '',
            'since': partner.cs_behaviour_date,
            'last_purchase': partner.cs_last_purchase_date or '',
            'last_amount': partner.cs_last_purchase_amount,
            'complaints': partner.cs_complaint_count,
            'visits_done': partner.cs_lost_visit_done_count,
            'last_visit': partner.cs_last_visit_date or '',
        } for partner in partners]

    @api.model
    def get_report_values(self, docids, data=None):
        company = self._cs_company(data)
        self._cs_check_access(company)
        start, end = self._cs_bounds(data)
        year, quarter = self._cs_quarter(data)
        return {
            'doc_ids': company.ids, 'doc_model': 'res.company', 'docs': company.sudo(),
            'lines': self._cs_lines(company, start, end),
            'title': _('Lost customers %s Q%s') % (year, quarter), 'start': start, 'end': end,
        }
