import importlib.util

from odoo.modules.module import get_module_resource

from .complaint_common import ComplaintCase


def _load_migration():
    path = get_module_resource('customer_service_mgmt', 'migrations', '11.0.1.1.0', 'post-customer-service-teams.py')
    spec = importlib.util.spec_from_file_location('cs_migration_customer_service_teams', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


migration = _load_migration()


class TestMigrationCustomerServiceTeams(ComplaintCase):
    """An update from 11.0.1.0.0 (no team flag, every ticket under the policy) keeps every existing team and
    ticket under the policy."""

    def _old_state(self, team, tickets):
        """The columns as the previous version left them: not there, so NULL once added."""
        self.env.cr.execute('UPDATE helpdesk_ticket_team SET cs_customer_service = NULL WHERE id = %s', (team.id,))
        self.env.cr.execute('UPDATE helpdesk_ticket SET cs_governed = NULL WHERE id = ANY(%s)', (tickets.ids,))
        team.invalidate_cache()
        tickets.invalidate_cache()

    def test_existing_teams_and_tickets_stay_under_the_policy(self):
        """An old team becomes a customer-service team; its tickets and those without a team are governed."""
        team = self.env['helpdesk.ticket.team'].create({'name': '旧团队'})
        with_team = self._ticket(team_id=team.id)
        without = self._ticket()
        self._old_state(team, with_team | without)
        migration.migrate(self.env.cr, '11.0.1.0.0')
        team.invalidate_cache()
        (with_team | without).invalidate_cache()
        self.assertTrue(team.cs_customer_service)
        self.assertEqual((with_team.cs_governed, without.cs_governed), (True, True))

    def test_team_unticked_stays_unticked(self):
        """A team already marked as not customer service keeps its tickets out."""
        team = self.env['helpdesk.ticket.team'].create({'name': 'IT 支持', 'cs_customer_service': False})
        ticket = self._ticket(team_id=team.id)
        self.env.cr.execute('UPDATE helpdesk_ticket SET cs_governed = NULL WHERE id = %s', (ticket.id,))
        migration.migrate(self.env.cr, '11.0.1.0.0')
        ticket.invalidate_cache()
        self.assertFalse(ticket.cs_governed)

    def test_fresh_install_does_nothing(self):
        """Without a previous version nothing is touched."""
        team = self.env['helpdesk.ticket.team'].create({'name': '旧团队'})
        self._old_state(team, self.Ticket.browse())
        migration.migrate(self.env.cr, None)
        team.invalidate_cache()
        self.assertFalse(team.cs_customer_service)
