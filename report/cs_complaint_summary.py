import datetime

import pytz
from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..policy import behaviour as behaviour_policy
from ..policy import teams as team_policy

# the breakdowns of the monthly summary, in the order of the GROUPING SETS below
DIMENSIONS = ('category_id', 'channel_id', 'cs_severity', 'cs_finding')


class CsComplaintSummary(models.AbstractModel):
    """The monthly complaint summary 客户投诉月度汇总 (POLICY §2 统计分析): counts and rates of the month's
    complaints, in total and by category, channel, severity and finding. One statement over the
    month's complaints (GROUPING SETS), shared by the PDF, the XLSX and the monthly mail."""
    _name = 'report.customer_service_mgmt.cs_complaint_summary'
    _description = 'Monthly Complaint Summary'

    @api.model
    def _cs_month(self, data=None):
        """The month to summarise: data['month'] or context cs_month ('YYYY-MM'), else last month (a
        parameter, not a right: who may read the summary is checked by :meth:`_cs_check_access`)."""
        month = (data or {}).get('month') or self.env.context.get('cs_month')
        if not month:
            today = fields.Date.from_string(fields.Date.context_today(self))
            month = (today.replace(day=1) - relativedelta(months=1)).strftime('%Y-%m')
        try:
            valid = isinstance(month, str) and len(month) == 7 and \
                1900 <= datetime.datetime.strptime(month, '%Y-%m').year <= 9999
        except ValueError:
            valid = False
        if not valid:
            raise UserError(_('"Month" of the complaint summary: %s is not a month (YYYY-MM).')
                            % str(month).replace('\x00', '\\0')[:20])
        return month

    @api.model
    def _cs_companies(self, docids, data=None):
        """The companies to summarise: the report's ids, or the company of the wizard's data (the web
        client downloads a report that carries data without its ids)."""
        ids = docids or [(data or {}).get('company_id')]
        if not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
            raise UserError(_('"Company" of the complaint summary: %s is not a company.') % (ids,))
        return self.env['res.company'].browse(ids)

    @api.model
    def _cs_check_access(self, companies):
        """The summary counts every complaint of a company: a customer service manager's report (as its
        menu), for the companies he works in."""
        user = self.env.user
        names = ', '.join(companies.sudo().mapped('name'))
        user._cs_require(lambda u: u._cs_is_manager(), _(
            'Only a customer service manager may read the monthly complaint summary of %s.') % names)
        if self.env.uid != SUPERUSER_ID and (companies - user.company_ids or not companies.exists()):
            raise AccessError(_('The monthly complaint summary of %s: not one of your companies.') % names)

    @api.model
    def _cs_bounds(self, month, company):
        """The month as naive UTC datetimes [start, end) in the company's time zone."""
        tz = pytz.timezone(company.partner_id.tz or self.env.user.tz or 'UTC')
        start = datetime.datetime.strptime(month + '-01', '%Y-%m-%d')
        end = start + relativedelta(months=1)
        to_utc = lambda d: tz.localize(d).astimezone(pytz.utc).replace(tzinfo=None)  # noqa: E731
        return fields.Datetime.to_string(to_utc(start)), fields.Datetime.to_string(to_utc(end))

    @api.model
    def _cs_query(self):
        """One aggregate of the month's complaints at the finest grain (category, channel, severity,
        finding): a few hundred rows at most, which the totals and the four breakdowns roll up in Python.
        Sums and counts, not averages, so that the roll-up is exact."""
        # float8 arithmetic: EXTRACT and numeric literals would make PostgreSQL sum in (slow) numeric
        opinion_score = ' '.join("WHEN '%s' THEN %s::float8" % (k, v) for k, v in sorted(
            behaviour_policy.OPINION_SCORES.items()))
        return """
            SELECT t.category_id, t.channel_id, t.cs_severity, t.cs_finding,
                   COUNT(*) AS registered,
                   COUNT(t.cs_closed_date) AS closed,
                   COUNT(*) FILTER (WHERE t.cs_closed_date IS NOT NULL AND t.cs_on_time) AS on_time,
                   SUM(date_part('epoch', t.cs_closed_date - t.cs_registered_date)) AS seconds,
                   COUNT(t.cs_customer_opinion) AS with_opinion,
                   COUNT(*) FILTER (WHERE t.cs_customer_opinion = 'dissatisfied') AS dissatisfied,
                   SUM(CASE t.cs_customer_opinion %s END) AS score
              FROM helpdesk_ticket t
             WHERE t.cs_kind = 'complaint' AND %s AND t.company_id = %%(company)s
               AND t.cs_registered_date >= %%(start)s AND t.cs_registered_date < %%(end)s
             GROUP BY 1, 2, 3, 4
        """ % (opinion_score, team_policy.governed_sql('t'))

    @api.model
    def _cs_figures(self, sums):
        registered, closed, on_time, seconds, with_opinion, dissatisfied, score = sums
        pct = lambda a, b: round(100.0 * a / b, 1) if b else None  # noqa: E731
        return {
            'registered': registered, 'closed': closed,
            'handling_rate': pct(closed, registered), 'on_time_rate': pct(on_time, closed),
            'resolution_hours': round(float(seconds) / closed / 3600.0, 1) if closed else None,
            'dissatisfied_rate': pct(dissatisfied, with_opinion),
            'satisfaction': round(float(score) / with_opinion, 2) if with_opinion else None,
        }

    @api.model
    def _cs_summary(self, month=None, company=None):
        """{'month', 'company', 'total': figures, 'breakdowns': [(title, [(label, figures)])]}.
        Private: callers check the reader's right first (:meth:`_cs_check_access`)."""
        company = company or self.env.user.company_id
        month = self._cs_month({'month': month})
        start, end = self._cs_bounds(month, company)
        self.env.cr.execute(self._cs_query(), {'company': company.id, 'start': start, 'end': end})
        rows = self.env.cr.fetchall()
        Ticket = self.env['helpdesk.ticket']
        titles = {'category_id': _('By category'), 'channel_id': _('By channel'),
                  'cs_severity': _('By severity'), 'cs_finding': _('By finding')}
        labels = {
            'category_id': dict(self.env['helpdesk.ticket.category'].sudo().search([]).name_get()),
            'channel_id': dict(self.env['helpdesk.ticket.channel'].sudo().search([]).name_get()),
            'cs_severity': dict(Ticket._fields['cs_severity']._description_selection(self.env)),
            'cs_finding': dict(Ticket._fields['cs_finding']._description_selection(self.env)),
        }
        add = lambda a, b: [x + (y or 0) for x, y in zip(a, b)]  # noqa: E731
        total = [0] * 7
        groups = {name: {} for name in DIMENSIONS}
        for row in rows:
            keys, sums = row[:4], row[4:]
            total = add(total, sums)
            for name, key in zip(DIMENSIONS, keys):
                groups[name][key] = add(groups[name].get(key, [0] * 7), sums)
        breakdowns = []
        for name in DIMENSIONS:
            lines = [(labels[name].get(key, key) if key else _('(none)'), self._cs_figures(sums))
                     for key, sums in groups[name].items()]
            breakdowns.append((titles[name], sorted(lines, key=lambda r: (-r[1]['registered'], str(r[0])))))
        return {'month': month, 'company': company, 'total': self._cs_figures(total), 'breakdowns': breakdowns}

    @api.model
    def _cs_columns(self):
        return [('registered', _('Registered')), ('closed', _('Closed')),
                ('handling_rate', _('Handling rate (%)')), ('on_time_rate', _('On-time rate (%)')),
                ('resolution_hours', _('Average resolution hours')),
                ('dissatisfied_rate', _('Dissatisfied (%)')), ('satisfaction', _('Average satisfaction'))]


class CsComplaintSummaryPdf(models.AbstractModel):
    _name = 'report.customer_service_mgmt.cs_complaint_summary_document'
    _description = 'Monthly Complaint Summary (PDF)'

    @api.model
    def get_report_values(self, docids, data=None):
        base = self.env['report.customer_service_mgmt.cs_complaint_summary']
        companies = base._cs_companies(docids, data)
        base._cs_check_access(companies)
        month = base._cs_month(data)
        return {'doc_ids': companies.ids, 'doc_model': 'res.company', 'docs': companies,
                'summaries': [base._cs_summary(month, company) for company in companies],
                'columns': base._cs_columns()}


class CsComplaintSummaryXlsx(models.AbstractModel):
    _name = 'report.customer_service_mgmt.cs_complaint_summary_xlsx'
    _inherit = 'report.report_xlsx.abstract'
    _description = 'Monthly Complaint Summary (XLSX)'

    def _get_objs_for_report(self, docids, data):
        return self.env['report.customer_service_mgmt.cs_complaint_summary']._cs_companies(docids, data)

    def generate_xlsx_report(self, workbook, data, companies):
        base = self.env['report.customer_service_mgmt.cs_complaint_summary']
        base._cs_check_access(companies)
        month = base._cs_month(data)
        columns = base._cs_columns()
        bold = workbook.add_format({'bold': True})
        for company in companies:
            summary = base._cs_summary(month, company)
            sheet = workbook.add_worksheet('%s %s' % (company.name[:20], month))
            sheet.write(0, 0, _('Monthly Complaint Summary'), bold)
            sheet.write(1, 0, company.name)
            sheet.write(1, 1, month)
            row = 3
            sheet.write(row, 0, _('All complaints'), bold)
            for col, (key, label) in enumerate(columns, 1):
                sheet.write(row - 1, col, label, bold)
                sheet.write(row, col, summary['total'][key])
            for title, lines in summary['breakdowns']:
                row += 2
                sheet.write(row, 0, title, bold)
                for col, (key, label) in enumerate(columns, 1):
                    sheet.write(row, col, label, bold)
                for label, figures in lines:
                    row += 1
                    sheet.write(row, 0, label)
                    for col, (key, _label) in enumerate(columns, 1):
                        sheet.write(row, col, figures[key])
            sheet.set_column(0, 0, 22)
            sheet.set_column(1, len(columns), 14)
