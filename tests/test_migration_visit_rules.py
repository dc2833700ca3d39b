import importlib.util

from odoo.modules.module import get_module_resource

from .common_visit import CsVisitCase


def _load_migration():
    path = get_module_resource('customer_service_mgmt', 'migrations', '11.0.1.1.0', 'post-visit-rules.py')
    spec = importlib.util.spec_from_file_location('cs_migration_visit_rules', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


migration = _load_migration()


class TestMigrationVisitRules(CsVisitCase):
    """An update from 11.0.1.0.0 rewrites the shipped visit rules and migrates the existing plans."""

    def _old_version(self):
        """The rules and plans as 11.0.1.0.0 left them, written in SQL."""
        cr = self.env.cr
        cr.execute("""UPDATE cs_visit_policy_line SET selected_only = FALSE, unselected_only = NULL,
                             tier_id = NULL, method = 'phone' WHERE id = %s""", (self.line['all_rep'].id,))
        cr.execute("UPDATE cs_visit_policy_line SET selected_only = FALSE, unselected_only = NULL WHERE id = %s",
                   (self.line['vip_gm'].id,))
        cr.execute('UPDATE res_partner SET cs_visit_selected = NULL WHERE id = ANY(%s)',
                   ([self.customer.id, self.key.id, self.vip.id],))

    def _old_visit(self, partner, line, method):
        self.env.cr.execute("""
            INSERT INTO cs_visit (partner_id, company_id, tier_id, policy_line_id, origin, period_key, planned_date,
                                  user_id, method, state, name, remind_days, reminded, escalated, cs_auto_cancelled,
                                  create_uid, create_date, write_uid, write_date)
            SELECT p.id, %s, p.cs_tier_id, %s, 'policy', '2099-01/1M', '2099-01-01', %s, %s, 'planned', 'old',
                   3, FALSE, FALSE, FALSE, 1, now(), 1, now()
              FROM res_partner p WHERE p.id = %s RETURNING id
        """, (self.company.id, line.id, self.rep.id, method, partner.id))
        return self.Visit.browse(self.env.cr.fetchone()[0])

    def setUp(self):
        super(TestMigrationVisitRules, self).setUp()
        Partner = self.env['res.partner']
        self.key = Partner.create({'name': '重点客户', 'is_company': True, 'customer': True})
        self.vip = Partner.create({'name': 'VIP客户', 'is_company': True, 'customer': True})
        self._set_tier(self.customer, 'general')
        self._set_tier(self.key, 'key')
        self._set_tier(self.vip, 'vip')

    def test_rules_and_plans_migrate(self):
        """Old rules are rewritten; plans of rules that no longer apply are cancelled, the others go on-site."""
        self._old_version()
        general_rep = self._old_visit(self.customer, self.line['all_rep'], 'phone')
        key_rep = self._old_visit(self.key, self.line['all_rep'], 'phone')
        vip_gm = self._old_visit(self.vip, self.line['vip_gm'], 'onsite')
        migration.migrate(self.env.cr, '11.0.1.0.0')
        self.Visit.invalidate_cache()
        rep_line, gm_line = self.line['all_rep'], self.line['vip_gm']
        self.assertEqual((rep_line.tier_id, rep_line.method, rep_line.unselected_only),
                         (self.tier['general'], 'onsite', True))
        self.assertTrue(gm_line.selected_only)
        self.assertEqual((general_rep.state, general_rep.method), ('planned', 'onsite'))
        self.assertEqual((key_rep.state, key_rep.cs_auto_cancelled), ('cancelled', True))
        self.assertEqual(vip_gm.state, 'cancelled')
        self.assertIn('回访规则', vip_gm.cancel_reason)

    def test_manager_tiered_rule_kept(self):
        """A rep rule a manager already gave a tier is not narrowed again; a fresh install is left alone."""
        self._old_version()
        self.env.cr.execute('UPDATE cs_visit_policy_line SET tier_id = %s WHERE id = %s',
                            (self.tier['key'].id, self.line['all_rep'].id))
        migration.migrate(self.env.cr, '11.0.1.0.0')
        migration.migrate(self.env.cr, None)
        self.Visit.invalidate_cache()
        self.assertEqual((self.line['all_rep'].tier_id, self.line['all_rep'].method), (self.tier['key'], 'phone'))
