from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common import CsCase


class TestBehaviourLostReport(CsCase):
    """Lost customers 流失客户 of a quarter, printed from a wizard for the quarterly review."""

    @classmethod
    def setUpClass(cls):
        super(TestBehaviourLostReport, cls).setUpClass()
        cls.invoice = cls._invoice(cls.customer, 12345, months_ago=5)
        cls.other = cls.env['res.partner'].create({'name': '忠诚客户', 'is_company': True, 'customer': True})
        # as the nightly behaviour recompute writes it
        cls.env.cr.execute("UPDATE res_partner SET cs_behaviour = 'lost', cs_behaviour_date = %s WHERE id = %s",
                           (fields.Date.to_string(cls.today), cls.customer.id))
        cls.env.cr.execute("UPDATE res_partner SET cs_behaviour = 'loyal', cs_behaviour_date = %s WHERE id = %s",
                           (fields.Date.to_string(cls.today), cls.other.id))
        cls.env['res.partner'].invalidate_cache()
        cls.data = {'year': cls.today.year, 'quarter': (cls.today.month - 1) // 3 + 1, 'company_id': cls.company.id}

    def _wizard(self, user):
        return self.env['cs.lost.customer.wizard'].sudo(user).create({
            'year': self.data['year'], 'quarter': str(self.data['quarter'])})

    def test_manager_reads_lines(self):
        """The manager's report lists the lost customer with its last purchase, not the loyal one."""
        Report = self.env['report.customer_service_mgmt.cs_lost_customer_document'].sudo(self.manager)
        values = Report.get_report_values([], data=self.data)
        partners = [line['partner'] for line in values['lines']]
        self.assertEqual(partners, [self.customer])
        line = values['lines'][0]
        self.assertEqual((line['last_purchase'], line['last_amount']), (self.invoice.date_invoice, 12345))

    def test_pdf_rendered_as_browser_asks(self):
        """Rendered from data alone (no ids, as the web client downloads it), in Chinese."""
        action = self._wizard(self.manager).action_print_pdf()
        report = self.env.ref('customer_service_mgmt.cs_lost_customer_pdf').sudo(self.manager)
        html = report.with_context(lang='zh_CN').render_qweb_html([], data=action['data'])[0].decode()
        self.assertIn(self.customer.name, html)
        self.assertIn('流失客户', html)
        self.assertNotIn(self.other.name, html)

    def test_list_view(self):
        """The wizard's list shows the quarter's lost customers."""
        action = self._wizard(self.manager).action_view_list()
        self.assertEqual(self.env['res.partner'].sudo(self.manager).search(action['domain']), self.customer)

    def test_agent_refused(self):
        """Attack: an agent neither prints nor lists, nor renders with hand-made data."""
        wizard = self._wizard(self.agent)
        with self.assertRaises(AccessError):
            wizard.action_print_pdf()
        with self.assertRaises(AccessError):
            wizard.action_view_list()
        with self.assertRaises(AccessError):
            self.env['report.customer_service_mgmt.cs_lost_customer_document'].sudo(self.agent).get_report_values(
                [], data=self.data)

    def test_bad_quarter_refused(self):
        """Bad input: a quarter 5 or a company that is not an id is refused clearly."""
        Report = self.env['report.customer_service_mgmt.cs_lost_customer_document'].sudo(self.manager)
        with self.assertRaisesRegex(UserError, '季度'):
            Report.get_report_values([], data=dict(self.data, quarter=5))
        with self.assertRaises(UserError):
            Report.get_report_values([], data=dict(self.data, company_id='1; DROP'))
