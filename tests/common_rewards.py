import subprocess
import tempfile
import unicodedata

from odoo import tools

from .common import CsCase


class CsRewardCase(CsCase):
    """Fixtures for rewards and penalties: two agents with a site manager, the default bands, a ticket."""

    @classmethod
    def setUpClass(cls):
        super(CsRewardCase, cls).setUpClass()
        cls.Record = cls.env['cs.reward.penalty']
        cls.agent2 = cls._user('agent2', 'customer_service_mgmt.group_cs_agent')
        cls.agent.cs_manager_id = cls.manager
        cls.agent2.cs_manager_id = cls.manager
        cls.band = {
            'person': cls.env.ref('customer_service_mgmt.cs_penalty_band_person'),
            'manager': cls.env.ref('customer_service_mgmt.cs_penalty_band_manager'),
        }
        cls.ticket = cls.env['helpdesk.ticket'].create({
            'name': '服务态度差', 'description': '<p>客户投诉服务态度</p>', 'partner_id': cls.customer.id})

    @classmethod
    def _fine(cls, user=None, amount=300, role='person', **extra):
        vals = {'user_id': (user or cls.agent).id, 'kind': 'penalty', 'reason_type': 'complaint',
                'band_role': role, 'amount': amount, 'ticket_id': cls.ticket.id}
        vals.update(extra)
        # a manager never records his own fine: the general manager records the manager's
        creator = cls.gm if (user or cls.agent) == cls.manager else cls.manager
        return cls.Record.sudo(creator).create(vals)

    @classmethod
    def _praise(cls, user, date, written=True):
        return cls.env['cs.praise'].create({
            'partner_id': cls.customer.id, 'user_id': user.id, 'date': date, 'written': written,
            'text': '服务周到'})

    def _pdf_text(self, xmlid, ids, data=None):
        """Render a QWeb report to a real PDF with wkhtmltopdf and return its text (pdftotext).
        Odoo 11 renders HTML under tests unless a report directory is configured."""
        report = self.env.ref(xmlid)
        saved = tools.config['test_report_directory']
        tools.config['test_report_directory'] = tempfile.gettempdir()
        try:
            pdf, fmt = report.render_qweb_pdf(ids, data)
        finally:
            tools.config['test_report_directory'] = saved
        self.assertEqual(fmt, 'pdf')
        self.assertTrue(pdf.startswith(b'%PDF'))
        with tempfile.NamedTemporaryFile(suffix='.pdf') as f:
            f.write(pdf)
            f.flush()
            text = subprocess.check_output(['pdftotext', '-layout', f.name, '-']).decode('utf-8')
        # CJK fonts map some characters to Kangxi radicals (⽉ for 月): compare normalised text
        return unicodedata.normalize('NFKC', text)
