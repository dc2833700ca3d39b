from odoo.exceptions import AccessError, UserError

from .common_rewards import CsRewardCase


class TestRewardConfirm(CsRewardCase):
    """Confirmation and cancellation: confirmed records are never deleted."""

    def test_manager_confirms(self):
        """Confirmation records the confirmer and the date."""
        fine = self._fine()
        fine.sudo(self.manager).action_confirm()
        self.assertEqual(fine.state, 'confirmed')
        self.assertEqual(fine.confirmed_by_id, self.manager)
        self.assertTrue(fine.confirmed_date)

    def test_confirming_twice_refused(self):
        """A confirmed record cannot be confirmed again."""
        fine = self._fine()
        fine.sudo(self.manager).action_confirm()
        with self.assertRaisesRegex(UserError, '不是草稿'):
            fine.sudo(self.manager).action_confirm()

    def test_agent_cannot_confirm(self):
        """An agent cannot confirm, even their own record."""
        fine = self._fine()
        with self.assertRaises(AccessError):
            fine.sudo(self.agent).action_confirm()
        self.assertEqual(fine.state, 'draft')

    def test_confirmed_never_deleted(self):
        """Deleting a confirmed record is refused, even for the general manager."""
        fine = self._fine()
        fine.sudo(self.manager).action_confirm()
        with self.assertRaisesRegex(UserError, '永不删除'):
            fine.sudo(self.gm).unlink()
        self.assertTrue(fine.exists())

    def test_draft_may_be_deleted(self):
        """A draft proposal a manager rejects outright may be deleted."""
        fine = self._fine()
        fine.sudo(self.manager).unlink()
        self.assertFalse(fine.exists())

    def test_confirmed_amount_locked(self):
        """A confirmed amount cannot change; its notes can."""
        fine = self._fine(amount=300)
        fine.sudo(self.manager).action_confirm()
        with self.assertRaisesRegex(UserError, '不再是草稿'):
            fine.sudo(self.manager).write({'amount': 500})
        fine.sudo(self.manager).write({'notes': '已从工资扣除'})
        self.assertEqual(fine.amount, 300)

    def test_cancel_keeps_record_with_reason(self):
        """Cancelling needs a reason and keeps the record."""
        fine = self._fine()
        fine.sudo(self.manager).action_confirm()
        with self.assertRaisesRegex(UserError, '原因'):
            fine.sudo(self.manager).action_cancel('  ')
        self.assertEqual(fine.state, 'confirmed')
        wizard = self.env['cs.reward.penalty.cancel'].sudo(self.manager).with_context(
            active_ids=fine.ids).create({'reason': '复核后撤销'})
        wizard.action_cancel()
        self.assertEqual(fine.state, 'cancelled')
        self.assertEqual(fine.cancel_reason, '复核后撤销')
        with self.assertRaises(UserError):
            fine.sudo(self.manager).unlink()

    def test_confirmation_rechecks_band(self):
        """A draft left outside a narrowed band cannot be confirmed."""
        fine = self._fine(amount=900)
        self.band['person'].sudo(self.manager).write({'max_amount': 800})
        with self.assertRaisesRegex(Exception, '罚款标准'):
            fine.sudo(self.manager).action_confirm()
