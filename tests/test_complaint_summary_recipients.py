from .complaint_common import ComplaintCase


class TestComplaintSummaryRecipients(ComplaintCase):
    """The monthly complaint summary goes to the department manager and the deputy GM in charge."""

    @classmethod
    def setUpClass(cls):
        super(TestComplaintSummaryRecipients, cls).setUpClass()
        cls.department_manager = cls._user('department_manager', 'customer_service_mgmt.group_cs_department_manager')
        cls.deputy_gm = cls._user('deputy_gm', 'customer_service_mgmt.group_cs_deputy_gm')
        cls.Mail = cls.env['mail.mail']

    def _send(self):
        self.company.cs_summary_sent_month = False
        before = self.Mail.search([])
        self.env['res.company']._cron_cs_send_complaint_summary()
        return self.Mail.search([]) - before

    def test_both_receive_it(self):
        """The department manager and the deputy GM are both addressed, with the PDF, once a month."""
        self.company.write({'cs_department_head_id': self.department_manager.id, 'cs_deputy_gm_id': self.deputy_gm.id})
        mail = self._send()
        self.assertEqual(len(mail), 1)
        self.assertIn(self.department_manager.email, mail.email_to)
        self.assertIn(self.deputy_gm.email, mail.email_to)
        self.assertTrue(mail.attachment_ids)
        before = self.Mail.search([])
        self.env['res.company']._cron_cs_send_complaint_summary()
        self.assertFalse(self.Mail.search([]) - before)

    def test_found_by_role(self):
        """Without configured people, the users holding the two roles receive it."""
        self.company.write({'cs_department_head_id': False, 'cs_deputy_gm_id': False})
        mail = self._send()
        self.assertIn(self.department_manager.email, mail.email_to)
        self.assertIn(self.deputy_gm.email, mail.email_to)

    def test_nobody_nothing_sent(self):
        """A company with neither role sends nothing and stays due."""
        # nobody of either role, the database's own (the demo's department manager) included
        holders = self.env['res.users'].search([('groups_id', 'in', [
            self.env.ref('customer_service_mgmt.group_cs_department_manager').id,
            self.env.ref('customer_service_mgmt.group_cs_deputy_gm').id])])
        holders.write({'active': False})
        self.company.write({'cs_department_head_id': False, 'cs_deputy_gm_id': False})
        self.assertFalse(self._send())
        self.assertFalse(self.company.cs_summary_sent_month)
