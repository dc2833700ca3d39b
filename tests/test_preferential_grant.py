import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .archive_common import CsArchiveCase


class TestPreferentialGrant(CsArchiveCase):
    """Preferential treatment: requested on a VIP or key customer, approved by the GM, shown while valid."""

    @classmethod
    def setUpClass(cls):
        super(TestPreferentialGrant, cls).setUpClass()
        cls.Grant = cls.env['cs.preferential.grant']
        cls.tier['vip'].preferential_policy = '<p>账期九十天，优先供货</p>'
        cls.vip = cls._customer('优惠贵宾公司', 'top_secret', cls.salesperson)
        cls.general = cls._customer('普通客户公司', 'secret', cls.salesperson)

    def _day(self, days):
        return fields.Date.to_string(self.today + datetime.timedelta(days=days))

    def _request(self, partner=None, user=None, **vals):
        return self.Grant.sudo(user or self.salesperson).create(dict({
            'partner_id': (partner or self.vip).id, 'date_from': self._day(0), 'date_to': self._day(30)}, **vals))

    def test_gm_approves_then_shown(self):
        """The salesperson's request shows nothing until the GM approves; then the tier's privileges show."""
        grant = self._request()
        self.assertIn('账期九十天', grant.privileges)
        self.assertEqual(grant.tier_id, self.tier['vip'])
        self.assertFalse(self.vip.cs_privileges)
        grant.sudo(self.gm).action_approve()
        self.vip.invalidate_cache()
        self.assertIn('账期九十天', self.vip.sudo(self.agent).cs_privileges)
        self.assertEqual(str(self.vip.cs_privileges_until), self._day(30))

    def test_only_gm_approves(self):
        """A manager, the requester or an agent cannot approve; nothing changes."""
        grant = self._request()
        for user in (self.manager, self.salesperson, self.agent):
            with self.subTest(user=user.login), self.assertRaises(AccessError), self.env.cr.savepoint():
                grant.sudo(user).action_approve()
        self.assertEqual((grant.state, grant.approved_by_id.id), ('requested', False))

    def test_not_shown_outside_validity(self):
        """A grant valid from next week shows nothing today; one that ended shows nothing either."""
        grant = self._request(date_from=self._day(7), date_to=self._day(30))
        grant.sudo(self.gm).action_approve()
        self.vip.invalidate_cache()
        self.assertFalse(self.vip.cs_privileges)
        self.env.cr.execute('UPDATE cs_preferential_grant SET date_from = %s, date_to = %s WHERE id = %s',
                            (self._day(-30), self._day(-1), grant.id))
        self.vip.invalidate_cache()
        self.assertFalse(self.vip.cs_privileges)

    def test_cancelled_not_shown(self):
        """Cancelled by the GM, the privileges disappear."""
        grant = self._request()
        grant.sudo(self.gm).action_approve()
        grant.sudo(self.gm).action_cancel()
        self.vip.invalidate_cache()
        self.assertFalse(self.vip.cs_privileges)

    def test_bad_requests(self):
        """A general customer, a reversed or past period, forged state or approver: refused, nothing written."""
        attempts = [dict(partner=self.general), dict(date_from=self._day(5), date_to=self._day(1)),
                    dict(date_from=self._day(-20), date_to=self._day(-10)), dict(state='approved'),
                    dict(approved_by_id=self.gm.id), dict(privileges='<p>\u3000</p>')]
        self.tier['vip'].preferential_policy = False
        for attempt in attempts:
            with self.subTest(attempt=attempt), self.assertRaises((UserError, AccessError)), \
                    self.env.cr.savepoint():
                self._request(**attempt)
        self.assertFalse(self.Grant.search([]))

    def test_decided_grant_frozen(self):
        """After approval the requester cannot stretch the period or change the privileges."""
        grant = self._request()
        grant.sudo(self.gm).action_approve()
        for vals in ({'date_to': self._day(365)}, {'privileges': '<p>全部免费</p>'}, {'state': 'requested'}):
            with self.subTest(vals=vals), self.assertRaises((UserError, AccessError)), self.env.cr.savepoint():
                grant.sudo(self.salesperson).write(vals)
        grant.invalidate_cache()
        self.assertEqual(str(grant.date_to), self._day(30))
