import os
import subprocess
import tempfile
import unicodedata
from unittest.mock import patch

from odoo import tools

from .complaint_common import ComplaintCase


class TestComplaintReport(ComplaintCase):
    """The registration form 客户投诉登记表 prints as a PDF, in Chinese."""

    def test_pdf_contains_number_and_chinese(self):
        """The PDF holds the ticket number, the Chinese title and the complaint's Chinese content."""
        ticket = self._ticket(cs_finding='mistake', cs_reply='已向客户致歉并安排补发')
        report = self.env.ref('customer_service_mgmt.helpdesk_ticket_cs_registration_report')
        with tempfile.TemporaryDirectory() as folder:
            # Odoo renders HTML instead of PDF under test unless a test report directory is configured
            # (this 11.0 build) or force_report_rendering is in the context (later 11.0 builds)
            with patch.dict(tools.config.options, {'test_report_directory': folder}):
                pdf, kind = report.with_context(force_report_rendering=True, lang='zh_CN').render_qweb_pdf(
                    ticket.ids)
            self.assertEqual(kind, 'pdf')
            self.assertTrue(pdf.startswith(b'%PDF'))
            path = os.path.join(folder, 'form.pdf')
            with open(path, 'wb') as handle:
                handle.write(pdf)
            text = subprocess.check_output(['pdftotext', '-enc', 'UTF-8', path, '-']).decode('utf-8')
        # the CJK font shares some glyphs with Kangxi radicals (月 may come back as U+2F49): fold them
        text = unicodedata.normalize('NFKC', text)
        self.assertIn(ticket.number, text)
        self.assertIn('投诉登记表', text)
        self.assertIn('送货延误三天', text)
        self.assertIn('一般失误', text)
