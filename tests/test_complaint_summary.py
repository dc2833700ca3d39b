import io

import openpyxl

from .test_indicator_complaint import IndicatorCase
from .common_rewards import CsRewardCase


class TestComplaintSummary(IndicatorCase):
    """The monthly complaint summary 客户投诉月度汇总 in PDF and XLSX, and its monthly mail."""

    _pdf_text = CsRewardCase._pdf_text

    def _summary(self):
        return self.env['report.customer_service_mgmt.cs_complaint_summary']._cs_summary('2026-10')

    def test_figures(self):
        """Totals and the breakdowns by category and finding match the hand-built October."""
        summary = self._summary()
        total = summary['total']
        self.assertEqual((total['registered'], total['closed']), (4, 3))
        self.assertEqual((total['handling_rate'], total['on_time_rate']), (75.0, 66.7))
        self.assertEqual((total['resolution_hours'], total['dissatisfied_rate'], total['satisfaction']),
                         (80.0, 33.3, 3.0))
        self.assertEqual(len(summary['breakdowns']), 4)
        categories = summary['breakdowns'][0][1]
        self.assertEqual({label: f['registered'] for label, f in categories},
                         {self.cat_a.display_name: 2, self.cat_b.display_name: 2})
        findings = {label: (f['registered'], f['closed']) for label, f in summary['breakdowns'][3][1]}
        self.assertEqual(findings['违规失职'], (1, 1))
        self.assertEqual(findings['客户误解'], (1, 1))
        self.assertEqual(findings['（无）'], (1, 0))

    def test_xlsx(self):
        """The XLSX holds the October totals."""
        report = self.env.ref('customer_service_mgmt.cs_complaint_summary_xlsx')
        content, _fmt = report.render_xlsx(self.company.ids, {'month': '2026-10'})
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = list(sheet.iter_rows(values_only=True))
        total = next(row for row in rows if row[0] == '全部投诉')
        self.assertEqual(list(total[1:8]), [4, 3, 75.0, 66.7, 80.0, 33.3, 3.0])

    def test_pdf(self):
        """The PDF renders in Chinese with the month and the rates."""
        text = self._pdf_text('customer_service_mgmt.cs_complaint_summary_pdf', self.company.ids, {'month': '2026-10'})
        self.assertIn('客户投诉月度汇总', text)
        self.assertIn('2026-10', text)
        self.assertIn('75.0', text)
        self.assertIn('违规失职', text)
        self.assertIn('按投诉类别', text)

    def test_monthly_mail_once(self):
        """The cron mails last month's summary with the PDF to the department head, once a month."""
        self.company.cs_department_head_id = self.manager
        Mail = self.env['mail.mail']
        before = Mail.search([])
        self.env['res.company']._cron_cs_send_complaint_summary()
        mail = Mail.search([]) - before
        self.assertEqual(len(mail), 1)
        self.assertIn(self.manager.email, mail.email_to)
        self.assertTrue(mail.attachment_ids)
        self.assertTrue(self.company.cs_summary_sent_month)
        self.env['res.company']._cron_cs_send_complaint_summary()
        self.assertEqual(Mail.search([]) - before, mail)
        cron = self.env.ref('customer_service_mgmt.ir_cron_cs_send_complaint_summary')
        self.assertEqual((cron.interval_type, cron.numbercall), ('months', -1))
