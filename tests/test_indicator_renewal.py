from .common import CsCase


class TestRenewal(CsCase):
    """Renewal rate: customers invoiced in both 12-month windows / customers invoiced in the previous one."""

    def test_renewal_rate(self):
        """Of three customers who bought 13-23 months ago, two bought again: 66.7 %."""
        Partner = self.env['res.partner']
        again = Partner.create({'name': '回头客', 'is_company': True})
        gone = Partner.create({'name': '未续约', 'is_company': True})
        new = Partner.create({'name': '新客户', 'is_company': True})
        self._invoice(self.customer, 1000, months_ago=14)
        self._invoice(self.customer, 500, months_ago=2)
        self._invoice(again, 800, months_ago=20)
        self._invoice(again, 800, months_ago=11)
        self._invoice(gone, 700, months_ago=16)
        self._invoice(new, 900, months_ago=1)  # no previous purchase: not in the base
        self._invoice(gone, 700, months_ago=30)  # older than both windows
        ids = (self.customer | again | gone | new).ids
        rate = self.env['cs.indicator.renewal']._cs_renewal_rate(partner_ids=ids)
        self.assertAlmostEqual(rate, 200.0 / 3, places=2)
        rows = self.env['cs.indicator.renewal'].search([('partner_id', 'in', ids)])
        self.assertEqual(rows.mapped('partner_id'), self.customer | again | gone)
        self.assertEqual(rows.filtered('renewed').mapped('partner_id'), self.customer | again)
        group = self.env['cs.indicator.renewal'].read_group(
            [('partner_id', 'in', ids)], ['renewal_rate'], [])[0]
        self.assertAlmostEqual(group['renewal_rate'], 200.0 / 3, places=2)

    def test_no_previous_customers(self):
        """Without customers in the previous window the rate is undefined, not zero."""
        self.assertIsNone(self.env['cs.indicator.renewal']._cs_renewal_rate(partner_ids=[self.customer.id]))
