from .common_visit import CsVisitCase


class TestVisitTierChange(CsVisitCase):
    """A tier change re-plans the customer's future visits: the old tier's visits are cancelled
    (kept, with the reason), the new tier's are planned."""

    def test_form_change_replans(self):
        """Pinning a key customer as VIP cancels the head's key visit and plans the VIP visits."""
        self._set_tier(self.customer, 'key')
        self._plan()
        head_visit = self._visits(self.customer, policy_line_id=self.line['key_head'].id)
        self.assertEqual(head_visit.state, 'planned')
        self._set_tier(self.customer, 'vip')
        self.assertEqual(head_visit.state, 'cancelled')
        self.assertTrue(head_visit.cancel_reason)
        vip_head = self.env.ref('customer_service_mgmt.cs_visit_policy_line_vip_head')
        self.assertEqual({line for line, key in self._plan_of(self.customer)}, {self.line['vip_deputy'], vip_head})
        self.assertEqual(self._visits(self.customer, policy_line_id=vip_head.id).tier_id, self.tier['vip'])

    def test_back_to_tier_restores(self):
        """Back in the old tier, the cancelled visit of the period is planned again, not duplicated."""
        self._set_tier(self.customer, 'key')
        self._plan()
        self._set_tier(self.customer, 'vip')
        self._set_tier(self.customer, 'key')
        head = self._visits(self.customer, policy_line_id=self.line['key_head'].id)
        self.assertEqual(len(head), 1)
        self.assertEqual(head.state, 'planned')
        self.assertEqual(self._visits(self.customer, policy_line_id=self.line['vip_deputy'].id).state, 'cancelled')
        self.assertEqual(self._plan(), 0)

    def test_recompute_replans(self):
        """The nightly recompute (set-based SQL) re-plans the customers whose tier it changed."""
        self._plan()
        self.assertFalse(self._plan_of(self.customer))
        self._invoice(self.customer, 200000)
        self.customer._cs_recompute_tiers(today=self.day)
        self.assertEqual(self.customer.cs_tier_id, self.tier['key'])
        self.assertEqual({line for line, key in self._plan_of(self.customer)}, {self.line['key_head']})

    def test_done_visits_untouched(self):
        """Visits already done stay done after a tier change."""
        self._set_tier(self.customer, 'key')
        self._plan()
        head = self._visits(self.customer, policy_line_id=self.line['key_head'].id)
        head.write({'outcome': '客户满意', 'date_done': '2026-11-22', 'state': 'done'})
        self._set_tier(self.customer, 'general')
        self.assertEqual(head.state, 'done')
