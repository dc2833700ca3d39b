from odoo.exceptions import AccessError, UserError, ValidationError

from .complaint_common import ComplaintCase


class TestComplaintSeverity(ComplaintCase):
    """Severity means something: 严重 notifies the department manager and may have a shorter term; 重大
    notifies the deputy general manager in charge 主管副总 at once."""

    @classmethod
    def setUpClass(cls):
        super(TestComplaintSeverity, cls).setUpClass()
        cls.department_manager = cls._user('department_manager', 'customer_service_mgmt.group_cs_department_manager')
        cls.deputy_gm = cls._user('deputy_gm', 'customer_service_mgmt.group_cs_deputy_gm')
        cls.company.write({'cs_department_head_id': cls.department_manager.id, 'cs_deputy_gm_id': cls.deputy_gm.id})

    def _activities(self, ticket, user):
        return self.env['mail.activity'].search([
            ('res_model', '=', 'helpdesk.ticket'), ('res_id', '=', ticket.id), ('user_id', '=', user.id)])

    def test_serious_notifies_the_department_manager_once(self):
        """A serious complaint reaches the department manager at registration, once, and not the deputy GM."""
        ticket = self._ticket(cs_severity='serious')
        self.assertEqual([(e.level, e.reason, e.user_id) for e in ticket.cs_escalation_ids],
                         [('department_head', 'serious', self.department_manager)])
        activity = self._activities(ticket, self.department_manager)
        self.assertEqual(len(activity), 1)
        self.assertIn('严重投诉', activity.summary)
        self.assertFalse(self._activities(ticket, self.deputy_gm))
        ticket.write({'cs_severity': 'general'})
        ticket.write({'cs_severity': 'serious'})
        self.assertEqual(len(ticket.cs_escalation_ids), 1)

    def test_major_notifies_the_deputy_gm_at_once(self):
        """A major complaint reaches the department manager and the deputy GM at registration."""
        ticket = self._ticket(cs_severity='major')
        self.assertEqual({(e.level, e.reason, e.user_id) for e in ticket.cs_escalation_ids}, {
            ('department_head', 'major', self.department_manager), ('deputy_gm', 'major', self.deputy_gm)})
        self.assertIn('重大投诉', self._activities(ticket, self.deputy_gm).summary)

    def test_raised_to_major_notifies_the_deputy_gm(self):
        """A general complaint raised to major by its handler notifies the deputy GM."""
        ticket = self._ticket(user_id=self.agent.id)
        ticket.sudo(self.agent).write({'cs_severity': 'major'})
        self.assertIn(self.deputy_gm, ticket.cs_escalation_ids.mapped('user_id'))

    def test_deputy_gm_found_by_role(self):
        """Without a configured deputy GM, a user with the role is notified."""
        self.company.cs_deputy_gm_id = False
        ticket = self._ticket(cs_severity='major')
        self.assertIn(self.deputy_gm, ticket.cs_escalation_ids.mapped('user_id'))

    def test_serious_complaint_has_the_shorter_term(self):
        """With 2 working days for serious complaints, a serious one is due 2 working days out, a general one 3."""
        self.company.cs_serious_complaint_days = 2
        serious = self._ticket(cs_severity='serious', cs_registered_date='2026-11-02 02:00:00')
        general = self._ticket(cs_registered_date='2026-11-02 02:00:00')
        self.assertEqual((serious.cs_deadline_days, general.cs_deadline_days), (2, 3))
        self.assertLess(serious.cs_deadline, general.cs_deadline)

    def test_no_shorter_term_by_default(self):
        """With 0 (the default) a serious complaint keeps the normal term."""
        self.assertEqual(self._ticket(cs_severity='serious').cs_deadline_days, 3)

    def test_bad_serious_term_refused(self):
        """A serious term longer than the normal term, or negative, is refused; nothing is written."""
        for days in (4, -1):
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                self.company.cs_serious_complaint_days = days
            self.company.invalidate_cache()
            self.assertEqual(self.company.cs_serious_complaint_days, 0)

    def test_agent_cannot_give_a_term(self):
        """An agent registering a serious complaint cannot set its working days himself."""
        self.company.cs_serious_complaint_days = 2
        with self.assertRaises((AccessError, UserError)), self.env.cr.savepoint():
            self.Ticket.sudo(self.agent).create({'name': '严重', 'partner_id': self.customer.id,
                                                 'cs_severity': 'serious', 'cs_deadline_days': 9})

    def test_agent_cannot_change_the_company_terms(self):
        """The serious term and the deputy GM are the company's configuration: an agent's write is refused."""
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.company.sudo(self.agent).write({'cs_serious_complaint_days': 1, 'cs_deputy_gm_id': self.agent.id})
        self.company.invalidate_cache()
        self.assertEqual((self.company.cs_serious_complaint_days, self.company.cs_deputy_gm_id), (0, self.deputy_gm))
