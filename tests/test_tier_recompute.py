from odoo.exceptions import ValidationError

from .common import CsCase


class TestTierRecompute(CsCase):
    """Recomputing tiers: idempotence, pins, chatter, cron."""

    def _tier_messages(self, partner):
        return self.env['mail.message'].search([
            ('model', '=', 'res.partner'), ('res_id', '=', partner.id),
            ('tracking_value_ids.field', '=', 'cs_tier_id')])

    def test_recompute_is_idempotent(self):
        """A second run changes nothing and posts nothing."""
        self._invoice(self.customer, 200000)
        self.assertEqual(self.customer.cs_recompute_tiers(), 1)
        messages = self._tier_messages(self.customer)
        self.assertEqual(self.customer.cs_recompute_tiers(), 0)
        self.assertEqual(self._tier_messages(self.customer), messages)
        self.assertEqual(self.customer.cs_tier_id, self.tier['key'])

    def test_change_tracked_in_chatter(self):
        """A tier change leaves a chatter note with old and new tier, amount and date."""
        self._invoice(self.customer, 550000)
        before = self._tier_messages(self.customer)  # the creation logs the initial tier
        self.customer.cs_recompute_tiers()
        message = self._tier_messages(self.customer) - before
        self.assertEqual(len(message), 1)
        tracking = message.tracking_value_ids
        self.assertEqual(tracking.old_value_integer, self.tier['reserve'].id)
        self.assertEqual(tracking.new_value_integer, self.tier['vip'].id)
        self.assertEqual(tracking.new_value_char, self.tier['vip'].name)
        self.assertIn('550', message.body)
        self.assertIn(str(self.today), message.body)
        self.assertEqual(str(self.customer.cs_tier_date), str(self.today))

    def test_pinned_tier_kept(self):
        """A pinned tier survives the recompute; the amount is still refreshed."""
        self.customer.sudo(self.manager).write({
            'cs_tier_id': self.tier['key'].id, 'cs_tier_pinned': True, 'cs_tier_pin_reason': '战略合作'})
        self._invoice(self.customer, 800000)
        self.customer.cs_recompute_tiers()
        self.assertEqual(self.customer.cs_tier_id, self.tier['key'])
        self.assertEqual(self.customer.cs_annual_amount, 800000)
        self.customer.sudo(self.manager).write({'cs_tier_pinned': False, 'cs_tier_pin_reason': False})
        self.customer.cs_recompute_tiers()
        self.assertEqual(self.customer.cs_tier_id, self.tier['vip'])

    def test_empty_recordset_recomputes_all(self):
        """Called on no record, every commercial partner is recomputed."""
        other = self.env['res.partner'].create({'name': '另一客户', 'is_company': True})
        self._invoice(self.customer, 150000)
        self._invoice(other, 600000)
        self.env['res.partner'].cs_recompute_tiers()
        self.assertEqual(self.customer.cs_tier_id, self.tier['key'])
        self.assertEqual(other.cs_tier_id, self.tier['vip'])

    def test_recordset_scope(self):
        """Called on one partner, others are left as they are."""
        other = self.env['res.partner'].create({'name': '另一客户', 'is_company': True})
        self._invoice(other, 600000)
        self.customer.cs_recompute_tiers()
        self.assertEqual(other.cs_tier_id, self.tier['reserve'])

    def test_button_recomputes(self):
        """The form's button (a manager's) recomputes the customer, from a contact too."""
        self._invoice(self.customer, 150000)
        self.contact.sudo(self.manager).action_cs_recompute_tier()
        self.assertEqual(self.customer.cs_tier_id, self.tier['key'])

    def test_new_partner_starts_in_reserve(self):
        """A newly registered customer is a reserve customer until it buys."""
        partner = self.env['res.partner'].sudo(self.agent).create({'name': '新客户', 'is_company': True})
        self.assertEqual(partner.cs_tier_id, self.tier['reserve'])

    def test_cron_exists_and_runs(self):
        """The nightly cron is active, repeats forever and recomputes everyone."""
        cron = self.env.ref('customer_service_mgmt.ir_cron_cs_recompute_tiers')
        self.assertTrue(cron.active)
        self.assertEqual(cron.numbercall, -1)
        self.assertEqual((cron.interval_number, cron.interval_type), (1, 'days'))
        self._invoice(self.customer, 150000)
        cron.method_direct_trigger()
        self.assertEqual(self.customer.cs_tier_id, self.tier['key'])

    def test_invalid_table_stops_recompute(self):
        """A recompute never classifies with a broken table (here forced past the checks in SQL)."""
        self.env.cr.execute("UPDATE cs_tier SET min_amount = 5 WHERE id = %s", (self.tier['general'].id,))
        self.tier['general'].invalidate_cache()
        with self.assertRaisesRegex(ValidationError, '区间缺口'):
            self.customer.cs_recompute_tiers()
