from odoo.exceptions import AccessError, UserError, ValidationError

from .archive_common import CsArchiveCase


class TestReceptionRegister(CsArchiveCase):
    """The reception register 来访登记: arrangements prefilled from the tier's reception standard."""

    @classmethod
    def setUpClass(cls):
        super(TestReceptionRegister, cls).setUpClass()
        cls.Reception = cls.env['cs.reception']
        cls.vip = cls._customer('来访贵宾公司', 'top_secret', cls.salesperson)
        cls.tier['vip'].reception_standard = '<p>总经理或分管副总接待</p>'

    def _vals(self, **extra):
        return dict({'partner_id': self.vip.id, 'date_start': '2026-12-01 02:00:00',
                     'date_stop': '2026-12-01 06:00:00', 'visitors': '王总、李经理', 'visitor_count': 2}, **extra)

    def test_prefilled_from_tier(self):
        """An agent registers a VIP's visit: the GM reception standard is copied in, the agent hosts."""
        reception = self.Reception.sudo(self.agent).create(self._vals())
        self.assertIn('总经理或分管副总接待', reception.arrangements)
        self.assertEqual(reception.host_id, self.agent)
        self.assertTrue(reception.name.startswith('LF'))
        # changing the tier's standard later does not rewrite what was arranged
        self.tier['vip'].reception_standard = '<p>新标准</p>'
        self.assertIn('总经理或分管副总接待', reception.arrangements)

    def test_own_arrangements_kept(self):
        """Arrangements given by the salesperson are kept; the onchange fills only an empty field."""
        reception = self.Reception.sudo(self.salesperson).create(self._vals(arrangements='<p>工厂参观</p>'))
        self.assertIn('工厂参观', reception.arrangements)
        new = self.Reception.sudo(self.agent).new({'partner_id': self.vip.id})
        new._onchange_partner_id()
        self.assertIn('总经理', new.arrangements)

    def test_listed_on_customer_and_calendar(self):
        """The customer's smart button counts and lists its receptions; the action opens in the calendar."""
        reception = self.Reception.sudo(self.agent).create(self._vals())
        partner = self.vip.sudo(self.agent)
        self.assertEqual(partner.cs_reception_count, 1)
        action = partner.action_cs_view_receptions()
        self.assertEqual(self.Reception.sudo(self.agent).search(action['domain']), reception)
        self.assertEqual(action['view_mode'].split(',')[0], 'calendar')

    def test_bad_input(self):
        """Blank visitors, departure before arrival, no visitor, a forged reference: refused, nothing written."""
        for vals in (self._vals(visitors='\u3000'), self._vals(date_stop='2026-11-30 00:00:00'),
                     self._vals(visitor_count=0), self._vals(name='LF-forged')):
            with self.subTest(vals=vals), self.assertRaises((UserError, ValidationError, AccessError)), \
                    self.env.cr.savepoint():
                self.Reception.sudo(self.agent).create(vals)
        self.assertFalse(self.Reception.search([('partner_id', '=', self.vip.id)]))

    def test_plain_user_refused(self):
        """An employee outside customer service has no access to the register."""
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.Reception.sudo(self.plain).create(self._vals())
