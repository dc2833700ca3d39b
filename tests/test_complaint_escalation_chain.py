from datetime import datetime, timedelta

from odoo.exceptions import AccessError

from .escalation_common import EscalationCase


class TestComplaintEscalationChain(EscalationCase):
    """层级上报 along the regulations' chain: handler -> site sales manager -> department manager -> deputy
    GM in charge, resolved from the ticket's site, one level per interval; overdue consultations too."""

    def setUp(self):
        super(TestComplaintEscalationChain, self).setUp()
        self.now = datetime.utcnow()

    def test_overdue_complaint_climbs_the_default_chain(self):
        """An overdue complaint reaches the accused's site manager, then the department manager, then the deputy GM."""
        ticket = self._case(cs_registered_date='2020-03-02 01:00:00')
        self.Ticket._cs_escalate_overdue(self.now)
        self.assertEqual((ticket.cs_escalation_level, ticket.cs_escalation_ids.user_id),
                         ('site_manager', self.site_manager))
        self.assertEqual(len(self._activities(ticket, self.site_manager)), 1)
        self.Ticket._cs_escalate_overdue(self.now + timedelta(hours=25))
        self.assertEqual(ticket.cs_escalation_level, 'department_head')
        self.Ticket._cs_escalate_overdue(self.now + timedelta(hours=50))
        self.assertEqual(ticket.cs_escalation_level, 'deputy_gm')
        self.Ticket._cs_escalate_overdue(self.now + timedelta(hours=100))
        self.assertEqual([(e.level, e.user_id) for e in ticket.cs_escalation_ids.sorted('id')], [
            ('site_manager', self.site_manager), ('department_head', self.department_manager),
            ('deputy_gm', self.deputy_gm)])

    def test_level_without_anybody_is_skipped(self):
        """No site manager known: the overdue complaint goes straight to the department manager."""
        self.accused.cs_manager_id = False
        ticket = self._case(cs_registered_date='2020-03-02 01:00:00')
        self.Ticket._cs_escalate_overdue(self.now)
        self.assertEqual((ticket.cs_escalation_level, ticket.cs_escalation_ids.user_id),
                         ('department_head', self.department_manager))

    def test_configured_levels(self):
        """A company's own chain (CS manager, then general manager) is followed instead of the default."""
        Level = self.env['cs.escalation.level'].sudo(self.manager)
        Level.create({'level': 'cs_manager', 'sequence': 1})
        Level.create({'level': 'general_manager', 'sequence': 2})
        ticket = self._case(cs_registered_date='2020-03-02 01:00:00')
        self.Ticket._cs_escalate_overdue(self.now)
        self.assertEqual(ticket.cs_escalation_ids.user_id, self.manager)

    def test_overdue_consultation_escalates(self):
        """A consultation unanswered after 24 hours escalates too, with a message saying it is a consultation."""
        ticket = self._case(cs_kind='consultation', cs_registered_date='2020-03-02 01:00:00')
        self.Ticket._cs_escalate_overdue(self.now)
        self.assertEqual(ticket.cs_escalation_level, 'site_manager')
        self.assertIn('咨询', self._activities(ticket, self.site_manager).summary)

    def test_serious_then_overdue_climbs_without_notifying_twice(self):
        """A serious complaint told to the department manager climbs past that level without a second activity."""
        ticket = self._case(cs_severity='serious', cs_registered_date='2020-03-02 01:00:00')
        self.Ticket._cs_escalate_overdue(self.now)
        self.Ticket._cs_escalate_overdue(self.now + timedelta(hours=25))
        self.assertEqual(ticket.cs_escalation_level, 'department_head')
        self.assertEqual(len(self._activities(ticket, self.department_manager)), 1)

    def test_suggestion_does_not_escalate(self):
        """A suggestion past its promised date is not escalated."""
        ticket = self._case(cs_kind='suggestion', cs_promised_date='2020-03-03', cs_registered_date='2020-03-02 01:00:00')
        self.Ticket._cs_escalate_overdue(self.now)
        self.assertFalse(ticket.cs_escalation_ids)

    def test_agent_cannot_configure_levels(self):
        """An agent cannot change the chain; nothing is written."""
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.env['cs.escalation.level'].sudo(self.agent).create({'level': 'general_manager'})
        self.assertFalse(self.env['cs.escalation.level'].search([]))
