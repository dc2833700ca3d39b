import importlib.util

from odoo.modules.module import get_module_resource
from odoo.tests.common import TransactionCase


def _load_migration():
    path = get_module_resource('customer_service_mgmt', 'migrations', '11.0.1.1.0', 'post-migration.py')
    spec = importlib.util.spec_from_file_location('cs_migration_11_0_1_1_0', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


migration = _load_migration()


class TestMigrationCronNames(TransactionCase):
    """An update from 11.0.1.0.0 points the (noupdate) visit crons at their new private entry points."""

    def test_old_public_cron_names_rewritten(self):
        """A cron still calling ``model.cron_plan_visits()`` calls ``model._cron_plan_visits()`` after it."""
        cron = self.env.ref('customer_service_mgmt.ir_cron_cs_plan_visits')
        cron.code = 'model.cron_plan_visits()'
        migration.migrate(self.env.cr, '11.0.1.0.0')
        cron.invalidate_cache()
        self.assertEqual(cron.code, 'model._cron_plan_visits()')
        self.assertTrue(hasattr(self.env['cs.visit'], '_cron_plan_visits'))
