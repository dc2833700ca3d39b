from datetime import datetime

from odoo.exceptions import ValidationError

from .complaint_common import ComplaintCase


class TestComplaintDeadline(ComplaintCase):
    """Deadlines 处理期限 on the company's working calendar (times below: UTC; Shanghai is UTC+8)."""

    def test_complaint_over_a_weekend(self):
        """Registered Friday 16:00: Monday to Wednesday count, due Wednesday 17:00 local."""
        ticket = self._ticket(cs_registered_date='2026-11-20 08:00:00')
        self.assertEqual(ticket.cs_deadline_days, 3)
        self.assertEqual(ticket.cs_deadline, '2026-11-25 09:00:00')

    def test_complaint_over_a_public_holiday(self):
        """A public holiday on the calendar (Tuesday) pushes the deadline to Thursday."""
        self.env['resource.calendar.leaves'].create({
            'name': '公司假日', 'calendar_id': self.calendar.id, 'tz': 'Asia/Shanghai',
            'date_from': '2026-11-23 16:00:00', 'date_to': '2026-11-24 15:59:59'})
        ticket = self._ticket(cs_registered_date='2026-11-20 08:00:00')
        self.assertEqual(ticket.cs_deadline, '2026-11-26 09:00:00')

    def test_registration_day_does_not_count(self):
        """Registered Monday 09:00 local: due Thursday 17:00 local, the Monday does not count."""
        ticket = self._ticket(cs_registered_date='2026-11-16 01:00:00')
        self.assertEqual(ticket.cs_deadline, '2026-11-19 09:00:00')

    def test_consultation_24_hours(self):
        """A consultation is answered within 24 hours, whatever the calendar."""
        ticket = self._ticket(cs_kind='consultation', cs_registered_date='2026-11-20 08:00:00')
        self.assertEqual(ticket.cs_deadline, '2026-11-21 08:00:00')

    def test_suggestion_promised_date(self):
        """A suggestion is due at the end of the promised reply date, local time."""
        ticket = self._ticket(cs_kind='suggestion', cs_registered_date='2026-11-20 08:00:00',
                              cs_promised_date='2026-12-01')
        self.assertEqual(ticket.cs_deadline, '2026-12-01 15:59:59')

    def test_deadline_before_registration_refused(self):
        """A promised reply date before the registration is refused and nothing is written."""
        ticket = self._ticket(cs_kind='suggestion', cs_registered_date='2026-11-20 08:00:00',
                              cs_promised_date='2026-12-01')
        with self.assertRaisesRegex(ValidationError, '不能早于登记时间'), self.env.cr.savepoint():
            ticket.write({'cs_promised_date': '2026-11-19'})
        ticket.invalidate_cache()
        self.assertEqual(ticket.cs_promised_date, '2026-12-01')

    def test_overdue_and_due_filters(self):
        """An open ticket past its deadline is overdue and found by the overdue filter; a closed one is not."""
        late = self._ticket(cs_registered_date='2020-03-02 01:00:00')
        fresh = self._ticket()
        self.assertTrue(late.cs_overdue)
        self.assertLess(late.cs_remaining_hours, 0)
        self.assertFalse(fresh.cs_overdue)
        overdue = self.Ticket.search([('cs_overdue', '=', True)])
        self.assertIn(late, overdue)
        self.assertNotIn(fresh, overdue)
        self.assertIn(fresh, self.Ticket.search([('cs_overdue', '=', False)]))
        self._complete(late)
        late.stage_id = self.stage_done
        self.assertFalse(late.cs_overdue)
        self.assertNotIn(late, self.Ticket.search([('cs_overdue', '=', True)]))

    def test_due_today(self):
        """A consultation registered now is due within the day or the next: the filters agree with the flag."""
        ticket = self._ticket(cs_kind='consultation')
        self.assertEqual(ticket in self.Ticket.search([('cs_due_today', '=', True)]), ticket.cs_due_today)
        self.assertEqual(ticket in self.Ticket.search([('cs_due_this_week', '=', True)]),
                         ticket.cs_due_this_week)
        deadline = self._utc(ticket, 'cs_deadline')
        self.assertLess(abs((deadline - datetime.utcnow()).total_seconds() - 24 * 3600), 120)
