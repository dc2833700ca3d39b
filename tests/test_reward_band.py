from odoo.exceptions import ValidationError

from .common_rewards import CsRewardCase


class TestRewardBand(CsRewardCase):
    """Penalty bands 罚款标准 bound the fines."""

    def test_defaults_follow_policy(self):
        """The shipped bands are 200-1000 for the person concerned and 100-500 for the manager."""
        self.assertEqual((self.band['person'].min_amount, self.band['person'].max_amount), (200, 1000))
        self.assertEqual((self.band['manager'].min_amount, self.band['manager'].max_amount), (100, 500))

    def test_fine_within_band(self):
        """Fines at the bounds are accepted."""
        self.assertEqual(self._fine(amount=1000).amount, 1000)
        self.assertEqual(self._fine(user=self.manager, amount=100, role='manager').amount, 100)

    def test_fine_above_band_refused(self):
        """A 1,200 fine for the person concerned is refused, naming the band; nothing is written."""
        count = self.Record.search_count([])
        with self.assertRaisesRegex(ValidationError, '罚款标准'), self.env.cr.savepoint():
            self._fine(amount=1200)
        self.assertEqual(self.Record.search_count([]), count)

    def test_manager_fine_above_manager_band_refused(self):
        """600 is within the person's band but above the manager's."""
        with self.assertRaisesRegex(ValidationError, '罚款标准'):
            self._fine(user=self.manager, amount=600, role='manager')

    def test_negative_amount_refused(self):
        """A negative amount is refused for a reward too."""
        with self.assertRaisesRegex(ValidationError, '不能为负'):
            self.Record.sudo(self.manager).create({
                'user_id': self.agent.id, 'kind': 'reward', 'reason_type': 'other', 'amount': -5})

    def test_sanction_without_amount(self):
        """A verbal warning carries no amount; with an amount it is refused."""
        warning = self.Record.sudo(self.manager).create({
            'user_id': self.agent.id, 'kind': 'sanction', 'reason_type': 'complaint',
            'sanction_type': 'verbal_warning', 'band_role': False})
        self.assertEqual(warning.amount, 0)
        with self.assertRaisesRegex(ValidationError, '不涉及金额'):
            self.Record.sudo(self.manager).create({
                'user_id': self.agent.id, 'kind': 'sanction', 'reason_type': 'complaint',
                'sanction_type': 'bonus_deduction', 'band_role': False, 'amount': 100})

    def test_compensation_on_top_of_fine(self):
        """Compensation of an economic loss goes beyond the band, on top of a fine of the same person."""
        fine = self._fine(amount=1000)
        compensation = self._fine(amount=8000, reason_type='compensation', band_role=False, fine_id=fine.id)
        self.assertEqual(compensation.fine_id, fine)
        with self.assertRaisesRegex(ValidationError, '经济损失'):
            self._fine(amount=8000, reason_type='compensation', band_role=False)

    def test_changed_band_applies(self):
        """A manager's new band bounds the next fines; an inverted band is refused."""
        self.band['person'].sudo(self.manager).write({'max_amount': 2000})
        self.assertEqual(self._fine(amount=1500).amount, 1500)
        with self.assertRaisesRegex(ValidationError, '颠倒'):
            self.band['person'].sudo(self.manager).write({'min_amount': 3000})
