import io

import openpyxl

from .common_rewards import CsRewardCase


class TestRewardStatement(CsRewardCase):
    """The employee reward/penalty statement 奖惩明细 in PDF and XLSX."""

    @classmethod
    def setUpClass(cls):
        super(TestRewardStatement, cls).setUpClass()
        cls._fine(amount=300, date='2026-10-10', period='2026-10').sudo(cls.manager).action_confirm()
        cancelled = cls._fine(amount=500, date='2026-10-12', period='2026-10', band_role='person',
                              ticket_id=False)
        cancelled.sudo(cls.manager).action_cancel('误判')
        cls.Record.sudo(cls.manager).create({
            'user_id': cls.agent.id, 'kind': 'reward', 'reason_type': 'service_star', 'amount': 800,
            'date': '2026-10-31', 'period': '2026-10', 'band_role': False}).sudo(cls.manager).action_confirm()
        cls._fine(amount=900, date='2026-11-02', period='2026-11', ticket_id=False).sudo(cls.manager).action_confirm()
        cls.data = {'date_from': '2026-10-01', 'date_to': '2026-10-31'}

    def test_xlsx_figures(self):
        """The XLSX lists October's records and totals confirmed rewards 800 and penalties 300."""
        report = self.env.ref('customer_service_mgmt.cs_reward_statement_xlsx')
        content, fmt = report.render_xlsx(self.agent.ids, self.data)
        self.assertEqual(fmt, 'xlsx')
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
        text = '\n'.join(' '.join(str(c) for c in row if c is not None) for row in rows)
        self.assertIn('每月之星', text)
        self.assertIn('误判', text)
        self.assertNotIn('900', text)
        totals = {row[0]: row[5] for row in rows if row[0] and '合计' in str(row[0])}
        self.assertEqual(sorted(totals.values()), [300, 800])

    def test_pdf_renders_chinese(self):
        """The PDF holds the employee, the Chinese labels and the amounts."""
        text = self._pdf_text('customer_service_mgmt.cs_reward_statement_pdf', self.agent.ids, self.data)
        self.assertIn('奖惩明细', text)
        self.assertIn(self.agent.name, text)
        self.assertIn('每月之星', text)
        self.assertIn('300.00', text)
        self.assertIn('800.00', text)

    def test_wizard_prints(self):
        """The statement wizard returns the report actions with the chosen period."""
        wizard = self.env['cs.reward.statement.wizard'].sudo(self.manager).create({
            'user_ids': [(6, 0, self.agent.ids)], 'date_from': '2026-10-01', 'date_to': '2026-10-31'})
        action = wizard.action_print_xlsx()
        self.assertEqual(action['report_type'], 'xlsx')
        self.assertEqual(action['data']['date_from'], '2026-10-01')
        self.assertEqual(wizard.action_print_pdf()['report_type'], 'qweb-pdf')
