from odoo import _, models


class CsVisitReportXlsx(models.AbstractModel):
    """The quarterly visit report as a spreadsheet (OCA report_xlsx)."""
    _name = 'report.customer_service_mgmt.cs_visit_report_xlsx'
    _inherit = 'report.report_xlsx.abstract'
    _description = 'Return visit report (XLSX)'

    def generate_xlsx_report(self, workbook, data, objs):
        bold = workbook.add_format({'bold': True})
        percent = workbook.add_format({'num_format': '0.0'})
        objs._cs_check_access()
        for report in objs:
            sheet = workbook.add_worksheet('%s Q%s' % (report.year, report.quarter))
            sheet.write(0, 0, report._cs_title(), bold)
            sheet.write(1, 0, '%s - %s' % (report.date_from, report.date_to))
            headers = [_('Visitor'), _('Customer tier'), _('Planned'), _('Done'), _('Overdue'),
                       _('Still open'), _('Completion rate (%)'), _('Average satisfaction'),
                       _('Open follow-ups')]
            for col, header in enumerate(headers):
                sheet.write(3, col, header, bold)
            row = 4
            for line in report._cs_rows():
                values = [line['visitor'], line['tier'], line['planned'], line['done'], line['overdue'],
                          line['open'], line['rate'], line['satisfaction'], line['followups']]
                for col, value in enumerate(values):
                    sheet.write(row, col, value, percent if col in (6, 7) else None)
                row += 1
            total = report._cs_totals()
            sheet.write(row, 0, _('Total of the quarter'), bold)
            for col, key in enumerate(('planned', 'done', 'overdue', 'open', 'rate', 'satisfaction',
                                       'followups'), 2):
                sheet.write(row, col, total[key], percent if key in ('rate', 'satisfaction') else bold)
            row += 2
            sheet.write(row, 0, _('Open problems'), bold)
            for visit in report._cs_open_problems():
                row += 1
                sheet.write(row, 0, visit.partner_id.display_name)
                sheet.write(row, 1, visit.user_id.name or '')
                sheet.write(row, 2, visit.planned_date)
                sheet.write(row, 3, visit.follow_up or '')
            sheet.set_column(0, 1, 24)
            sheet.set_column(2, 8, 12)
