from .common_visit import CsVisitCase


class TestVisitOverdue(CsVisitCase):
    """Visits past their date flip to overdue and the visitor's manager is notified once."""

    def _notifications(self, visit):
        return self.env['mail.message'].search([
            ('model', '=', 'cs.visit'), ('res_id', '=', visit.id),
            ('partner_ids', 'in', self.manager.partner_id.id)])

    def test_flip_and_single_notification(self):
        """Not overdue on its day; overdue the next day with one message and one activity for the manager."""
        visit = self.Visit.create({'partner_id': self.customer.id, 'origin': 'policy', 'name': '季度回访',
                                   'planned_date': '2026-11-20', 'user_id': self.rep.id})
        self.Visit._cron_remind_visits(today='2026-11-20')
        self.assertEqual(visit.state, 'planned')
        self.Visit._cron_remind_visits(today='2026-11-21')
        self.assertEqual(visit.state, 'overdue')
        self.assertEqual(len(self._notifications(visit)), 1)
        self.assertIn('逾期', self._notifications(visit).body)
        manager_activity = self.env['mail.activity'].search([
            ('res_model', '=', 'cs.visit'), ('res_id', '=', visit.id), ('user_id', '=', self.manager.id)])
        self.assertEqual(len(manager_activity), 1)
        self.Visit._cron_remind_visits(today='2026-11-22')
        self.Visit._cron_remind_visits(today='2026-11-23')
        self.assertEqual(len(self._notifications(visit)), 1)

    def test_done_and_cancelled_never_overdue(self):
        """Visits done or cancelled are left alone."""
        done = self.Visit.create({'partner_id': self.customer.id, 'origin': 'policy', 'name': '已完成',
                                  'planned_date': '2026-11-20', 'user_id': self.rep.id})
        done.write({'outcome': '已沟通', 'date_done': '2026-11-19', 'state': 'done'})
        cancelled = self.Visit.create({'partner_id': self.customer.id, 'origin': 'policy', 'name': '已取消',
                                       'planned_date': '2026-11-20', 'user_id': self.rep.id})
        cancelled.action_cancel()
        self.Visit._cron_remind_visits(today='2026-12-01')
        self.assertEqual((done.state, cancelled.state), ('done', 'cancelled'))

    def test_overdue_visit_can_still_be_done(self):
        """An overdue visit is still recorded when it finally happens."""
        visit = self.Visit.create({'partner_id': self.customer.id, 'origin': 'policy', 'name': '季度回访',
                                   'planned_date': '2026-11-20', 'user_id': self.rep.id})
        self.Visit._cron_remind_visits(today='2026-11-21')
        visit.write({'outcome': '补做回访', 'date_done': '2026-11-22', 'satisfaction': 4})
        visit.sudo(self.rep).action_done()
        self.assertEqual(visit.state, 'done')
