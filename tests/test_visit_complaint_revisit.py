import datetime

from odoo import fields

from .common_visit import CsVisitCase
from .common_followup import answer_referral


class TestVisitComplaintRevisit(CsVisitCase):
    """Closing a complaint plans one revisit by the customer's sales manager (through the complaint's
    closing hook, helpdesk.ticket._cs_on_complaint_closed → cs.visit._cs_plan_complaint_revisit)."""

    def _closed_ticket(self, partner):
        ticket = self.env['helpdesk.ticket'].create({
            'name': '产品质量投诉', 'description': '<p>包装破损</p>', 'partner_id': partner.id,
            'cs_kind': 'complaint', 'cs_finding': 'product', 'cs_reply': '已更换包装并致歉',
            'cs_customer_opinion': 'satisfied'})
        done = self.env['helpdesk.ticket.stage'].search([('closed', '=', True)], limit=1)
        answer_referral(ticket)
        ticket.stage_id = done
        return ticket

    def _revisit(self, ticket):
        return self.Visit.search([('ticket_id', '=', ticket.id), ('origin', '=', 'complaint')])

    def test_revisit_by_sales_manager(self):
        """One revisit, by the sales manager, a few days after closing, linked to the ticket."""
        ticket = self._closed_ticket(self.contact)
        visit = self._revisit(ticket)
        self.assertEqual(len(visit), 1)
        self.assertEqual(visit.partner_id, self.customer)
        self.assertEqual(visit.contact_id, self.contact)
        self.assertEqual(visit.user_id, self.sales_manager)
        self.assertEqual(fields.Date.from_string(visit.planned_date),
                         self.today + datetime.timedelta(days=self.policy.complaint_revisit_days))

    def test_once_per_complaint(self):
        """Planning again for the same complaint plans no second revisit."""
        ticket = self._closed_ticket(self.customer)
        self.assertFalse(self.Visit._cs_plan_complaint_revisit(ticket))
        self.assertEqual(self.Visit.search_count([('ticket_id', '=', ticket.id)]), 1)

    def test_salesperson_without_sales_manager(self):
        """Without a configured sales manager, the customer's salesperson revisits."""
        self.policy.sales_manager_user_id = False
        self.assertEqual(self._revisit(self._closed_ticket(self.customer)).user_id, self.rep)
