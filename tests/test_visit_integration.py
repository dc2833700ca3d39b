import datetime

from odoo.exceptions import UserError

from .common_visit import CsVisitCase
from .complaint_common import ComplaintCase


class TestVisitIntegration(ComplaintCase, CsVisitCase):
    """Visits meet complaints and the blacklist: a closed complaint is revisited, a blacklisted
    customer gets no new visit unless the general manager overrides."""

    def _blacklist(self, partner):
        self.env['cs.partner.decision'].create({
            'partner_id': partner.id, 'decision': 'blacklist', 'reason': '恶意拖欠货款'})
        self.assertTrue(partner.cs_blacklisted)

    def _manual_visit(self, user, **context):
        return self.Visit.sudo(user).with_context(**context).create({
            'name': '临时拜访', 'partner_id': self.customer.id, 'origin': 'temporary',
            'planned_date': str(self.today + datetime.timedelta(days=2)), 'user_id': self.rep.id,
            'method': 'onsite'})

    def test_closing_a_complaint_plans_the_revisit(self):
        """Closing a complaint through its stage plans one revisit by the sales manager; reclosing plans none."""
        ticket = self._ticket()
        self._complete(ticket)
        ticket.sudo(self.agent).write({'stage_id': self.stage_done.id})
        revisit = self.Visit.search([('ticket_id', '=', ticket.id)])
        self.assertEqual(len(revisit), 1)
        self.assertEqual((revisit.origin, revisit.user_id), ('complaint', self.sales_manager))
        ticket.write({'stage_id': self.stage_progress.id})
        ticket.write({'stage_id': self.stage_done.id})
        self.assertEqual(self.Visit.search_count([('ticket_id', '=', ticket.id)]), 1)

    def test_consultation_closing_plans_no_revisit(self):
        """Only complaints are revisited."""
        ticket = self._ticket(cs_kind='consultation', cs_reply='已答复')
        ticket.write({'stage_id': self.stage_done.id})
        self.assertFalse(self.Visit.search([('ticket_id', '=', ticket.id)]))

    def test_blacklisted_customer_refused_a_visit(self):
        """Planning a visit by hand for a blacklisted customer is refused, naming the rule; nothing is written."""
        self._blacklist(self.customer)
        with self.assertRaisesRegex(UserError, '黑名单'), self.env.cr.savepoint():
            self._manual_visit(self.manager)
        self.assertFalse(self.Visit.search([('partner_id', '=', self.customer.id)]))

    def test_general_manager_overrides_with_reason(self):
        """The general manager plans it with a reason, and the override is registered."""
        self._blacklist(self.customer)
        visit = self.Visit.sudo(self.gm)._cs_create_overriding_blacklist({
            'name': '临时拜访', 'partner_id': self.customer.id, 'origin': 'temporary',
            'planned_date': str(self.today + datetime.timedelta(days=2)), 'user_id': self.rep.id,
            'method': 'onsite'}, '总经理特批：催收货款')
        self.assertTrue(visit)
        override = self.env['cs.blacklist.override'].search([('partner_id', '=', self.customer.id)])
        self.assertEqual(len(override), 1)
        self.assertIn('催收货款', override.reason)

    def test_automatic_planning_skips_blacklisted(self):
        """The planning cron and the complaint revisit skip a blacklisted customer instead of failing."""
        self._blacklist(self.customer)
        self._plan()
        self.assertFalse(self.Visit.search([('partner_id', '=', self.customer.id)]))
        ticket = self._ticket()
        self._complete(ticket)
        ticket.write({'stage_id': self.stage_done.id})
        self.assertEqual(ticket.stage_id, self.stage_done)
        self.assertFalse(self.Visit.search([('ticket_id', '=', ticket.id)]))

    def test_planning_cron_plans_others(self):
        """The same cron plans the customer once it is not blacklisted (the skip is the blacklist's doing)."""
        self._make_general(self.customer)
        self._plan()
        self.assertTrue(self.Visit.search([('partner_id', '=', self.customer.id), ('origin', '=', 'policy')]))
