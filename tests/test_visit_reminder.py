from .common_visit import CsVisitCase


class TestVisitReminder(CsVisitCase):
    """The visitor gets a reminder activity N days ahead of the visit, once."""

    def _activities(self, visit):
        return self.env['mail.activity'].search([('res_model', '=', 'cs.visit'), ('res_id', '=', visit.id)])

    def test_reminder_on_the_right_day(self):
        """Planned on the 30th with 3 days' notice: nothing on the 26th, an activity on the 27th, once."""
        visit = self.Visit.create({'partner_id': self.customer.id, 'origin': 'policy', 'name': '月度回访',
                                   'planned_date': '2026-11-30', 'user_id': self.rep.id, 'remind_days': 3,
                                   'method': 'onsite'})
        self.Visit._cron_remind_visits(today='2026-11-26')
        self.assertFalse(self._activities(visit))
        self.Visit._cron_remind_visits(today='2026-11-27')
        activity = self._activities(visit)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.rep)
        self.assertEqual(str(activity.date_deadline), '2026-11-30')
        self.assertEqual(activity.activity_type_id, self.env.ref('mail.mail_activity_data_meeting'))
        self.assertTrue(visit.reminded)
        self.Visit._cron_remind_visits(today='2026-11-28')
        self.assertEqual(len(self._activities(visit)), 1)

    def test_planned_visits_get_reminders(self):
        """Visits planned by the policy cron are reminded by the reminder cron."""
        self._set_tier(self.customer, 'key')
        self._plan()
        self.Visit._cron_remind_visits(today=self.day)
        head = self._visits(self.customer, policy_line_id=self.line['key_head'].id)
        self.assertEqual(self._activities(head).user_id, self.head)

    def test_done_visit_closes_activity(self):
        """Marking the visit done marks its reminder done."""
        visit = self.Visit.create({'partner_id': self.customer.id, 'origin': 'policy', 'name': '月度回访',
                                   'planned_date': '2026-11-30', 'user_id': self.rep.id, 'remind_days': 3})
        self.Visit._cron_remind_visits(today='2026-11-29')
        visit.write({'outcome': '已沟通', 'date_done': '2026-11-29'})
        visit.sudo(self.rep).action_done()
        self.assertEqual(visit.state, 'done')
        self.assertFalse(self._activities(visit))
