from odoo.exceptions import AccessError

from .complaint_common import ComplaintCase


class TestComplaintSiteManager(ComplaintCase):
    """第一责任人: a verified complaint fines the person concerned and the sales manager of that person's
    site 销售现场, not the handler's manager; the configured fallback with a warning when none is known."""

    @classmethod
    def setUpClass(cls):
        super(TestComplaintSiteManager, cls).setUpClass()
        cls.accused = cls._user('accused', 'customer_service_mgmt.group_cs_agent')
        cls.site_manager = cls._user('site_manager', 'customer_service_mgmt.group_cs_salesperson')
        cls.fallback = cls._user('fallback', 'customer_service_mgmt.group_cs_manager')
        cls.agent.cs_manager_id = cls.manager  # the handler's manager: no longer the one fined
        cls.Record = cls.env['cs.reward.penalty']

    def _close(self, finding='violation', accused=None):
        ticket = self._ticket(user_id=self.agent.id)
        ticket.write({'cs_accused_user_ids': [(6, 0, (accused or self.accused).ids)], 'cs_finding': finding,
                      'cs_reply': '已致歉并整改', 'cs_customer_opinion': 'satisfied'})
        ticket.sudo(self.agent).write({'stage_id': self.stage_done.id})
        return ticket

    def _fined(self, ticket):
        return {(r.user_id, r.band_role) for r in self.Record.search([('ticket_id', '=', ticket.id)])}

    def test_site_manager_of_the_accused_is_fined(self):
        """The accused's site sales manager is proposed as first responsible person, not the handler's manager."""
        self.accused.cs_manager_id = self.site_manager
        ticket = self._close()
        self.assertEqual(self._fined(ticket), {(self.accused, 'person'), (self.site_manager, 'manager')})
        self.assertFalse(any('未找到' in (m.body or '') for m in ticket.message_ids))

    def test_two_sites_fine_both_managers(self):
        """Two accused of two sites: each person and each site's manager are proposed once."""
        other = self._user('accused2', 'customer_service_mgmt.group_cs_agent')
        self.accused.cs_manager_id = self.site_manager
        other.cs_manager_id = self.fallback
        ticket = self._close(accused=self.accused | other)
        self.assertEqual(self._fined(ticket), {(self.accused, 'person'), (other, 'person'),
                                               (self.site_manager, 'manager'), (self.fallback, 'manager')})

    def test_unknown_site_falls_back_with_a_warning(self):
        """No site manager: the configured fallback manager is proposed and the complaint says why."""
        self.company.cs_site_manager_fallback_id = self.fallback
        ticket = self._close()
        self.assertEqual(self._fined(ticket), {(self.accused, 'person'), (self.fallback, 'manager')})
        warning = ticket.message_ids.filtered(lambda m: '未找到' in (m.body or ''))
        self.assertEqual(len(warning), 1)
        self.assertIn(self.accused.name, warning.body)
        self.assertIn(self.fallback.name, warning.body)

    def test_no_fallback_uses_the_cs_manager(self):
        """Without a configured fallback the customer service manager answers for the unknown site."""
        ticket = self._close()
        self.assertIn((self.manager, 'manager'), self._fined(ticket))

    def test_no_penalty_finding_no_warning(self):
        """A customer misunderstanding fines nobody and warns about no site."""
        ticket = self._close('misunderstanding')
        self.assertFalse(self._fined(ticket))
        self.assertFalse(any('未找到' in (m.body or '') for m in ticket.message_ids))

    def test_sales_team_leader_is_the_site_manager(self):
        """With the host's sales teams installed, the leader of the accused's team is the site manager."""
        if 'crm.team' not in self.env:
            self.skipTest('the host sales teams (sales_team) are not installed in this database')
        team = self.env['crm.team'].create({'name': '北区销售现场', 'user_id': self.fallback.id})
        if 'sale_team_id' in self.accused._fields:
            self.accused.sale_team_id = team
        else:
            team.member_ids = [(4, self.accused.id)]
        self.accused.cs_manager_id = self.site_manager
        self.assertEqual(self.accused._cs_site_manager(), self.fallback)

    def test_nobody_sets_their_own_site_manager(self):
        """An agent cannot change whom they answer to; nothing is written."""
        self.accused.cs_manager_id = self.site_manager
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.accused.sudo(self.accused).write({'cs_manager_id': self.accused.id})
        self.accused.invalidate_cache()
        self.assertEqual(self.accused.cs_manager_id, self.site_manager)
