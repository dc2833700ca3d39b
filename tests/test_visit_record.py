from odoo.exceptions import ValidationError

from .common_visit import CsVisitCase


class TestVisitRecord(CsVisitCase):
    """Recording a visit: date and outcome required to close it, satisfaction 1-5."""

    def setUp(self):
        super(TestVisitRecord, self).setUp()
        self.visit = self.Visit.create({'partner_id': self.customer.id, 'origin': 'policy', 'name': '月度回访',
                                        'planned_date': '2026-11-25', 'user_id': self.rep.id})

    def test_done_needs_outcome(self):
        """Marked done without an outcome: refused, the visit stays planned."""
        with self.assertRaisesRegex(ValidationError, '回访日期和回访结果'), self.env.cr.savepoint():
            self.visit.sudo(self.rep).action_done()
        with self.assertRaisesRegex(ValidationError, '回访日期和回访结果'), self.env.cr.savepoint():
            self.visit.write({'state': 'done', 'outcome': '已沟通'})
        self.visit.invalidate_cache()
        self.assertEqual(self.visit.state, 'planned')

    def test_satisfaction_range(self):
        """A score of 6 or -1 is refused; 1 to 5 is kept."""
        for score in (6, -1):
            with self.assertRaisesRegex(ValidationError, '1 到 5'), self.env.cr.savepoint():
                self.visit.write({'satisfaction': score})
        self.visit.invalidate_cache()
        self.assertEqual(self.visit.satisfaction, 0)
        self.visit.write({'satisfaction': 5, 'outcome': '很满意', 'check_opinions': True})
        self.visit.sudo(self.rep).action_done()
        self.assertEqual((self.visit.state, self.visit.satisfaction), ('done', 5))
        self.assertTrue(self.visit.date_done)

    def test_record_tracked(self):
        """Completing the visit is tracked in its chatter."""
        self.visit.write({'outcome': '已沟通'})
        self.visit.sudo(self.rep).action_done()
        tracked = self.visit.message_ids.mapped('tracking_value_ids.field')
        self.assertIn('state', tracked)
