from odoo.exceptions import AccessError, ValidationError

from .common import CsCase


class TestTierAccess(CsCase):
    """Who may pin a tier by hand."""

    def test_agent_cannot_pin(self):
        """An agent's pin is refused and nothing is written."""
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.customer.sudo(self.agent).write({
                'cs_tier_id': self.tier['vip'].id, 'cs_tier_pinned': True, 'cs_tier_pin_reason': 'x'})
        self.customer.invalidate_cache()
        self.assertFalse(self.customer.cs_tier_pinned)
        self.assertEqual(self.customer.cs_tier_id, self.tier['reserve'])

    def test_agent_cannot_set_tier_on_create(self):
        """An agent cannot register a customer directly as VIP."""
        with self.assertRaises(AccessError):
            self.env['res.partner'].sudo(self.agent).create({
                'name': '自封VIP', 'is_company': True, 'cs_tier_id': self.tier['vip'].id})

    def test_manager_pins_with_reason(self):
        """A manager pins a tier with a reason; the contact follows; the change is tracked."""
        self.customer.sudo(self.manager).write({
            'cs_tier_id': self.tier['vip'].id, 'cs_tier_pinned': True, 'cs_tier_pin_reason': '总经理批准'})
        self.assertEqual(self.customer.cs_tier_id, self.tier['vip'])
        self.assertEqual(self.contact.cs_tier_id, self.tier['vip'])
        tracked = self.customer.message_ids.mapped('tracking_value_ids.field')
        self.assertIn('cs_tier_id', tracked)
        self.assertIn('cs_tier_pinned', tracked)

    def test_pin_without_reason_refused(self):
        """A pin needs a reason, even from a manager."""
        with self.assertRaisesRegex(ValidationError, '必须填写原因'):
            self.customer.sudo(self.manager).write({'cs_tier_pinned': True})

    def test_agent_edits_customer_and_adds_contacts(self):
        """Ordinary edits and new contacts stay open to agents (the tier is copied, not set by hand)."""
        self.customer.sudo(self.manager).write({
            'cs_tier_id': self.tier['key'].id, 'cs_tier_pinned': True, 'cs_tier_pin_reason': '战略'})
        self.customer.sudo(self.agent).write({'phone': '010-1234'})
        contact = self.env['res.partner'].sudo(self.agent).create({
            'name': '钱七', 'parent_id': self.customer.id})
        self.assertEqual(contact.cs_tier_id, self.tier['key'])
