import importlib.util

from odoo.modules.module import get_module_resource

from .complaint_common import ComplaintCase


def _load_migration():
    path = get_module_resource('customer_service_mgmt', 'migrations', '11.0.1.1.0', 'post-site-manager.py')
    spec = importlib.util.spec_from_file_location('cs_migration_site_manager', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


migration = _load_migration()


class TestMigrationSiteManager(ComplaintCase):
    """An update from 11.0.1.0.0 moves the unconfirmed fines of the first responsible person from the
    handler's manager (the old rule) to the site manager of the person concerned."""

    @classmethod
    def setUpClass(cls):
        super(TestMigrationSiteManager, cls).setUpClass()
        cls.accused = cls._user('accused', 'customer_service_mgmt.group_cs_agent')
        cls.site_manager = cls._user('site_manager', 'customer_service_mgmt.group_cs_salesperson')
        cls.agent.cs_manager_id = cls.manager
        cls.accused.cs_manager_id = cls.site_manager

    def _old_fine(self, ticket, user, role, state='draft'):
        """A proposed fine as 11.0.1.0.0 wrote it, straight into the table."""
        self.env.cr.execute("""
            INSERT INTO cs_reward_penalty (name, user_id, kind, reason_type, band_role, amount, currency_id,
                                           company_id, ticket_id, date, period, state, proposed)
            VALUES ('old', %s, 'penalty', 'complaint', %s, 100, %s, %s, %s, '2026-10-15', '2026-10', %s, true) RETURNING id
        """, (user.id, role, self.company.currency_id.id, self.company.id, ticket.id, state))
        return self.env['cs.reward.penalty'].browse(self.env.cr.fetchone()[0])

    def _old_ticket(self):
        return self._ticket(user_id=self.agent.id, cs_accused_user_ids=[(6, 0, self.accused.ids)])

    def test_draft_fine_moves_to_the_site_manager(self):
        """The handler's manager's draft fine becomes the accused's site manager's; the person's stays."""
        ticket = self._old_ticket()
        person = self._old_fine(ticket, self.accused, 'person')
        manager = self._old_fine(ticket, self.manager, 'manager')
        migration.migrate(self.env.cr, '11.0.1.0.0')
        (person | manager).invalidate_cache()
        self.assertEqual(manager.user_id, self.site_manager)
        self.assertIn(self.site_manager.name, manager.name)
        self.assertEqual(person.user_id, self.accused)

    def test_confirmed_fines_stay(self):
        """A fine decided before the update (confirmed) is not touched."""
        ticket = self._old_ticket()
        confirmed = self._old_fine(ticket, self.manager, 'manager', state='confirmed')
        migration.migrate(self.env.cr, '11.0.1.0.0')
        confirmed.invalidate_cache()
        self.assertEqual(confirmed.user_id, self.manager)

    def test_unknown_site_left_alone(self):
        """No site manager known: the old proposal is left for the manager to decide."""
        self.accused.cs_manager_id = False
        ticket = self._old_ticket()
        manager = self._old_fine(ticket, self.manager, 'manager')
        migration.migrate(self.env.cr, '11.0.1.0.0')
        manager.invalidate_cache()
        self.assertEqual(manager.user_id, self.manager)

    def test_fresh_install_does_nothing(self):
        """On a fresh install (no previous version) the migration changes nothing."""
        ticket = self._old_ticket()
        manager = self._old_fine(ticket, self.manager, 'manager')
        migration.migrate(self.env.cr, None)
        manager.invalidate_cache()
        self.assertEqual(manager.user_id, self.manager)
