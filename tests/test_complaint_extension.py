from odoo.exceptions import AccessError, ValidationError

from .complaint_common import ComplaintCase


class TestComplaintExtension(ComplaintCase):
    """A manager may extend a complaint to at most 7 working days in total, with a reason (特殊情况)."""

    def setUp(self):
        super(TestComplaintExtension, self).setUp()
        self.ticket = self._ticket(cs_registered_date='2026-11-16 01:00:00')  # a Monday, due Thursday

    def _unchanged(self):
        self.ticket.invalidate_cache()
        self.assertEqual(self.ticket.cs_deadline_days, 3)
        self.assertEqual(self.ticket.cs_deadline, '2026-11-19 09:00:00')

    def test_manager_extends_with_reason(self):
        """Extended to 7 working days: due the Wednesday of the next week, logged with the reason."""
        self.ticket.sudo(self.manager).action_cs_extend(7, '需厂家质检')
        self.assertEqual(self.ticket.cs_deadline_days, 7)
        self.assertEqual(self.ticket.cs_deadline, '2026-11-25 09:00:00')
        self.assertEqual(self.ticket.cs_extension_reason, '需厂家质检')
        self.assertTrue(any('需厂家质检' in (m.body or '') for m in self.ticket.message_ids))
        self.assertIn('cs_deadline_days', self.ticket.message_ids.mapped('tracking_value_ids.field'))

    def test_beyond_seven_days_refused(self):
        """Eight working days in total is refused, naming the maximum; nothing written."""
        with self.assertRaisesRegex(ValidationError, '最多延长至共 7 个工作日'), self.env.cr.savepoint():
            self.ticket.sudo(self.manager).action_cs_extend(8, '需厂家质检')
        self._unchanged()

    def test_without_reason_refused(self):
        """An extension without a reason is refused."""
        with self.assertRaisesRegex(ValidationError, '必须填写原因'), self.env.cr.savepoint():
            self.ticket.sudo(self.manager).action_cs_extend(5, ' ')
        self._unchanged()

    def test_agent_cannot_extend(self):
        """An agent may not extend, neither through the action nor by writing the field."""
        with self.assertRaisesRegex(AccessError, '只有客服经理可以延长'), self.env.cr.savepoint():
            self.ticket.sudo(self.agent).action_cs_extend(5, '客户要求')
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.ticket.sudo(self.agent).write({'cs_deadline_days': 5, 'cs_extension_reason': '客户要求'})
        self._unchanged()

    def test_consultation_not_extended(self):
        """Only complaints have working days to extend."""
        consultation = self._ticket(cs_kind='consultation')
        with self.assertRaisesRegex(ValidationError, '只有投诉'):
            consultation.sudo(self.manager).action_cs_extend(5, '客户要求')

    def test_closed_complaint_not_extended(self):
        """A closed complaint keeps its deadline."""
        self._complete(self.ticket)
        self.ticket.write({'stage_id': self.stage_done.id})
        with self.assertRaisesRegex(ValidationError, '已关闭的投诉不能延期'):
            self.ticket.sudo(self.manager).action_cs_extend(5, '客户要求')
