from .common import CsCase


class TestBehaviourClass(CsCase):
    """The nightly behaviour class 客户行为分类 of customers from their purchases."""

    def test_classes_from_invoices(self):
        """Four invoices a year make a loyal customer, a silent former buyer is lost, a prospect ordinary."""
        lost = self.env['res.partner'].create({'name': '流失客户', 'is_company': True})
        prospect = self.env['res.partner'].create({'name': '潜在客户', 'is_company': True})
        for months in (1, 3, 5, 7):
            self._invoice(self.customer, 1000, months_ago=months)
        self._invoice(lost, 1000, months_ago=14)
        (self.customer | lost | prospect).cs_recompute_behaviour()
        self.assertEqual(self.customer.cs_behaviour, 'loyal')
        self.assertEqual(self.contact.cs_behaviour, 'loyal')
        self.assertEqual(lost.cs_behaviour, 'lost')
        self.assertEqual(prospect.cs_behaviour, 'ordinary')

    def test_thresholds_from_company(self):
        """With a loyalty threshold of five purchases, four invoices are ordinary."""
        self.company.cs_loyal_purchases = 5
        for months in (1, 3, 5, 7):
            self._invoice(self.customer, 1000, months_ago=months)
        self.customer.cs_recompute_behaviour()
        self.assertEqual(self.customer.cs_behaviour, 'ordinary')

    def test_cron_idempotent(self):
        """The nightly cron classifies everyone; a second run changes nothing."""
        cron = self.env.ref('customer_service_mgmt.ir_cron_cs_recompute_behaviour')
        self.assertEqual((cron.numbercall, cron.interval_type), (-1, 'days'))
        self._invoice(self.customer, 1000, months_ago=13)
        cron.method_direct_trigger()
        self.customer.invalidate_cache()
        self.assertEqual(self.customer.cs_behaviour, 'lost')
        self.assertEqual(self.env['res.partner'].cs_recompute_behaviour(), 0)
