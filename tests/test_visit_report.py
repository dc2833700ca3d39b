import io
import os
import subprocess
import tempfile
import unicodedata

from unittest.mock import patch

import openpyxl

from odoo import tools

from .common_visit import CsVisitCase


class TestVisitReport(CsVisitCase):
    """The quarterly visit-effectiveness report 回访工作评估报告 counts planned, done and overdue visits
    by visitor and tier, average satisfaction and open follow-ups, in PDF and XLSX."""

    @classmethod
    def setUpClass(cls):
        super(TestVisitReport, cls).setUpClass()
        key_customer = cls.env['res.partner'].create({'name': '重点客户公司', 'is_company': True, 'customer': True})
        cls.env['res.partner'].browse(key_customer.id).sudo(cls.manager).write({
            'cs_tier_id': cls.tier['key'].id, 'cs_tier_pinned': True, 'cs_tier_pin_reason': '测试'})
        cls.customer.sudo(cls.manager).write({
            'cs_tier_id': cls.tier['vip'].id, 'cs_tier_pinned': True, 'cs_tier_pin_reason': '测试'})

        def visit(partner, user, date, **vals):
            v = cls.env['cs.visit'].create(dict({'partner_id': partner.id, 'origin': 'policy', 'name': '回访',
                                                 'planned_date': date, 'user_id': user.id}))
            if vals:
                v.write(vals)
            return v
        # Q2 2030: the rep's VIP customer: one done (4, open follow-up), one overdue, one still planned
        visit(cls.customer, cls.rep, '2030-04-10', outcome='要求改进包装', date_done='2030-04-10', satisfaction=4,
              follow_up='改进包装方案', state='done')
        visit(cls.customer, cls.rep, '2030-05-10', state='overdue')
        visit(cls.customer, cls.rep, '2030-06-20')
        # the head's key customer: two done (2 and 5)
        visit(key_customer, cls.head, '2030-04-15', outcome='不满意', date_done='2030-04-15', satisfaction=2,
              state='done')
        visit(key_customer, cls.head, '2030-06-15', outcome='满意', date_done='2030-06-15', satisfaction=5,
              state='done')
        # outside the report: another quarter, a cancelled visit
        visit(cls.customer, cls.rep, '2030-07-01')
        visit(cls.customer, cls.rep, '2030-05-01', state='cancelled')
        cls.report = cls.env['cs.visit.report'].create({'year': 2030, 'quarter': '2'})

    def test_counts(self):
        """Per visitor and tier: planned 3/done 1/overdue 1 for the rep, planned 2/done 2 for the head."""
        rows = {(r['visitor'], r['tier']): r for r in self.report._cs_rows()}
        rep = rows[(self.rep.name, self.tier['vip'].name)]
        self.assertEqual((rep['planned'], rep['done'], rep['overdue'], rep['open'], rep['followups']),
                         (3, 1, 1, 1, 1))
        self.assertEqual(rep['satisfaction'], 4)
        head = rows[(self.head.name, self.tier['key'].name)]
        self.assertEqual((head['planned'], head['done'], head['overdue']), (2, 2, 0))
        self.assertEqual(head['satisfaction'], 3.5)
        total = self.report._cs_totals()
        self.assertEqual((total['planned'], total['done'], total['overdue'], total['followups']), (5, 3, 1, 1))
        self.assertAlmostEqual(total['satisfaction'], 11 / 3.0)

    def test_pdf(self):
        """The PDF renders in Chinese with the title, each visitor's counts and the open problem."""
        # Odoo 11 renders HTML in tests unless a report directory is configured: give it one
        with tempfile.TemporaryDirectory() as folder, \
                patch.dict(tools.config.options, {'test_report_directory': folder}):
            pdf, fmt = self.env.ref('customer_service_mgmt.cs_visit_report_pdf').with_context(
                lang='zh_CN').render_qweb_pdf(self.report.ids)
        self.assertEqual(fmt, 'pdf')
        self.assertTrue(pdf.startswith(b'%PDF'))
        with tempfile.NamedTemporaryFile(suffix='.pdf', delete=False) as f:
            f.write(pdf)
        try:
            # pdftotext gives some characters as their compatibility forms (Kangxi radicals): normalise
            text = unicodedata.normalize('NFKC', subprocess.check_output(
                ['pdftotext', '-layout', f.name, '-']).decode('utf-8'))
        finally:
            os.unlink(f.name)
        self.assertIn('回访工作评估报告', text)
        rep_line = next(line for line in text.splitlines() if self.rep.name in line)
        self.assertEqual(rep_line.split()[-7:], ['3', '1', '1', '1', '33.3', '4.0', '1'])
        head_line = next(line for line in text.splitlines() if self.head.name in line)
        self.assertEqual(head_line.split()[-7:], ['2', '2', '0', '0', '100.0', '3.5', '0'])
        self.assertIn('改进包装方案', text)

    def test_xlsx(self):
        """The XLSX has one row per visitor and tier with the same counts, and the total."""
        content, fmt = self.env.ref('customer_service_mgmt.cs_visit_report_xlsx').with_context(
            lang='zh_CN').render_xlsx(self.report.ids, {})
        self.assertEqual(fmt, 'xlsx')
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = [[c.value for c in row] for row in sheet.iter_rows()]
        self.assertIn('回访工作评估报告', rows[0][0])
        self.assertEqual(rows[3][:3], ['回访人', '客户等级', '已计划'])
        by_visitor = {r[0]: r for r in rows if r and r[0] in (self.rep.name, self.head.name)}
        self.assertEqual(by_visitor[self.rep.name][1:6], [self.tier['vip'].name, 3, 1, 1, 1])
        self.assertEqual(by_visitor[self.head.name][1:6], [self.tier['key'].name, 2, 2, 0, 0])
        total = next(r for r in rows if r and r[0] == '本季度合计')
        self.assertEqual(total[2:6], [5, 3, 1, 1])
