from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import CsCase


class TestTierTable(CsCase):
    """The tier table 客户分级 as managers edit it."""

    def test_defaults_follow_policy(self):
        """The shipped table holds POLICY §1's thresholds and confidentiality levels."""
        self.assertEqual(self.tier['vip'].min_amount, 500000)
        self.assertEqual(self.tier['key'].min_amount, 100000)
        self.assertEqual(self.tier['general'].min_amount, 0)
        self.assertEqual(self.tier['vip'].confidentiality, 'top_secret')
        self.assertEqual(self.tier['key'].confidentiality, 'confidential')
        self.assertEqual(self.tier['general'].confidentiality, 'secret')
        self.assertTrue(self.tier['vip'].gm_approval and self.tier['key'].gm_approval)
        self.assertEqual(self.tier['key'].max_amount, 500000)

    def test_overlap_refused(self):
        """Moving key onto VIP's threshold is refused, naming the overlap, and nothing changes."""
        with self.assertRaisesRegex(ValidationError, '区间重叠'), self.env.cr.savepoint():
            self.tier['key'].sudo(self.manager).write({'min_amount': 500000})
        self.tier['key'].invalidate_cache()
        self.assertEqual(self.tier['key'].min_amount, 100000)

    def test_gap_refused(self):
        """A general tier starting above 0 leaves a gap and is refused."""
        with self.assertRaisesRegex(ValidationError, '区间缺口'):
            self.tier['general'].sudo(self.manager).write({'min_amount': 1000})

    def test_order_refused(self):
        """Thresholds out of the table's order are refused."""
        with self.assertRaisesRegex(ValidationError, '顺序错误'):
            self.tier['key'].sudo(self.manager).write({'min_amount': 800000})

    @mute_logger('odoo.sql_db')
    def test_negative_refused_by_database(self):
        """A negative threshold is refused by the database constraint."""
        with self.assertRaises(IntegrityError):
            self.tier['general'].sudo(self.manager).write({'min_amount': -1})

    def test_unknown_code_refused(self):
        """Only the four tiers exist: another code is refused with a message naming them."""
        with self.assertRaisesRegex(ValidationError, '不是四个客户等级之一'):
            self.env['cs.tier'].sudo(self.manager).create({'code': 'gold', 'name': 'Gold'})

    def test_tiers_cannot_be_deleted(self):
        """Deleting a tier would break the table: refused even for a manager."""
        self.tier['key'].sudo(self.manager).check_access_rights('write')
        with self.assertRaises((UserError, AccessError)):
            self.tier['key'].sudo(self.manager).unlink()
        self.assertTrue(self.tier['key'].exists())

    def test_manager_edits_agent_cannot(self):
        """A manager changes a threshold; an agent may read the table but not edit it."""
        self.tier['vip'].sudo(self.manager).write({'min_amount': 600000})
        self.assertEqual(self.tier['vip'].min_amount, 600000)
        self.assertTrue(self.tier['vip'].sudo(self.agent).read(['min_amount']))
        with self.assertRaises(AccessError):
            self.tier['vip'].sudo(self.agent).write({'min_amount': 700000})
