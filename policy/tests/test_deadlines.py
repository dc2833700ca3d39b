"""Working-day deadlines, extensions, closing rules and escalation of tickets (POLICY §2), without a
database."""
import unittest
from datetime import date, datetime, timedelta

from ..deadlines import (
    DEFAULT_TERMS, add_working_days, closing_problems, complaint_due_date, consultation_deadline,
    counting_start, deadline_problems, due_window, extension_problems, is_overdue, next_escalation,
    on_time, remaining_hours, retention_cutoff, suggestion_deadline)

# 2026-10-01..07 is China's National Day holiday; 2026-11-20 is a Friday
HOLIDAYS = {date(2026, 10, 1) + timedelta(days=i) for i in range(7)}


def weekdays(day):
    return day.weekday() < 5


def working(day):
    return weekdays(day) and day not in HOLIDAYS


def rules(problems):
    return [p.rule for p in problems]


class TestWorkingDays(unittest.TestCase):

    def test_registration_day_does_not_count(self):
        """A complaint registered on Monday is due on Thursday: the period starts the next day."""
        self.assertEqual(counting_start(datetime(2026, 11, 16, 9, 0)), date(2026, 11, 17))
        self.assertEqual(complaint_due_date(datetime(2026, 11, 16, 9, 0), 3, working), date(2026, 11, 19))

    def test_over_a_weekend(self):
        """Registered on Friday: Monday, Tuesday, Wednesday count; the weekend does not."""
        self.assertEqual(complaint_due_date(datetime(2026, 11, 20, 16, 0), 3, working), date(2026, 11, 25))

    def test_registered_on_a_weekend(self):
        """Registered on Saturday or Sunday: due on Wednesday, like a Friday registration."""
        self.assertEqual(complaint_due_date(datetime(2026, 11, 21, 10, 0), 3, working), date(2026, 11, 25))
        self.assertEqual(complaint_due_date(datetime(2026, 11, 22, 10, 0), 3, working), date(2026, 11, 25))

    def test_over_a_public_holiday(self):
        """The National Day week does not count: registered on 30 September, due on 12 October."""
        self.assertEqual(complaint_due_date(datetime(2026, 9, 30, 10, 0), 3, working), date(2026, 10, 12))
        self.assertEqual(complaint_due_date(datetime(2026, 9, 30, 10, 0), 3, weekdays), date(2026, 10, 5))

    def test_extension_days_counted_the_same_way(self):
        """Seven working days from a Monday end on the Wednesday of the next week."""
        self.assertEqual(complaint_due_date(datetime(2026, 11, 16, 9, 0), 7, working), date(2026, 11, 25))

    def test_calendar_without_working_days(self):
        """A calendar without a working day gives no date instead of looping."""
        self.assertIsNone(add_working_days(date(2026, 1, 1), 3, lambda d: False))
        with self.assertRaises(ValueError):
            add_working_days(date(2026, 1, 1), 0, working)


class TestOtherDeadlines(unittest.TestCase):

    def test_consultation_24_clock_hours(self):
        """A consultation is answered within 24 clock hours, weekends included."""
        self.assertEqual(consultation_deadline(datetime(2026, 11, 20, 16, 30), 24), datetime(2026, 11, 21, 16, 30))

    def test_suggestion_promised_date(self):
        """A suggestion is due at the end of the promised reply date; no date, no deadline."""
        self.assertEqual(suggestion_deadline(date(2026, 12, 1)), datetime(2026, 12, 1, 23, 59, 59))
        self.assertIsNone(suggestion_deadline(None))

    def test_deadline_before_registration(self):
        """A deadline before the registration is a problem."""
        self.assertEqual(rules(deadline_problems(datetime(2026, 11, 20), datetime(2026, 11, 19))),
                         ['deadline_before_registration'])
        self.assertEqual(deadline_problems(datetime(2026, 11, 20), datetime(2026, 11, 21)), [])

    def test_overdue_on_time_remaining(self):
        """Overdue while open after the deadline; on time when closed by it; hours left can go negative."""
        deadline = datetime(2026, 11, 25, 17, 0)
        self.assertFalse(is_overdue(deadline, datetime(2026, 11, 25, 16, 0)))
        self.assertTrue(is_overdue(deadline, datetime(2026, 11, 25, 18, 0)))
        self.assertFalse(is_overdue(deadline, datetime(2026, 12, 1), closed=datetime(2026, 11, 24)))
        self.assertTrue(on_time(deadline, datetime(2026, 11, 25, 17, 0)))
        self.assertFalse(on_time(deadline, datetime(2026, 11, 25, 17, 1)))
        self.assertIsNone(on_time(deadline, None))
        self.assertEqual(remaining_hours(deadline, datetime(2026, 11, 25, 19, 30)), -2.5)

    def test_due_windows(self):
        """Due this week runs from Monday to Sunday around today."""
        self.assertEqual(due_window(date(2026, 11, 19), 'week'),
                         (datetime(2026, 11, 16), datetime(2026, 11, 23)))
        self.assertEqual(due_window(date(2026, 11, 19), 'day'),
                         (datetime(2026, 11, 19), datetime(2026, 11, 20)))

    def test_retention_cutoff(self):
        """Closed tickets are kept 12 months before archiving."""
        self.assertEqual(retention_cutoff(datetime(2026, 11, 22), 12), datetime(2025, 11, 22))


class TestExtension(unittest.TestCase):

    def test_manager_extends_with_reason(self):
        """A manager extends a complaint from 3 to 7 working days with a reason."""
        self.assertEqual(extension_problems('complaint', 3, 7, DEFAULT_TERMS, '需要厂家检测', True), [])

    def test_beyond_seven_days(self):
        """Eight working days in total is beyond the maximum."""
        self.assertEqual(rules(extension_problems('complaint', 3, 8, DEFAULT_TERMS, '原因', True)),
                         ['extension_beyond_max'])

    def test_without_reason_or_by_agent(self):
        """A reason is required and only a manager may extend."""
        self.assertEqual(rules(extension_problems('complaint', 3, 5, DEFAULT_TERMS, '  ', False)),
                         ['extension_not_manager', 'extension_no_reason'])

    def test_only_longer_and_only_complaints(self):
        """An extension lengthens a complaint's period; consultations are not extended."""
        self.assertEqual(rules(extension_problems('complaint', 5, 5, DEFAULT_TERMS, 'x', True)),
                         ['extension_not_longer'])
        self.assertEqual(rules(extension_problems('consultation', 3, 5, DEFAULT_TERMS, 'x', True)),
                         ['extension_not_complaint'])

    def test_closed_complaint_not_extended(self):
        """A closed complaint keeps the deadline it was judged on."""
        self.assertEqual(rules(extension_problems('complaint', 3, 5, DEFAULT_TERMS, 'x', True, closed=True)),
                         ['extension_closed'])


class TestClosing(unittest.TestCase):

    def test_complaint_needs_finding_reply_opinion(self):
        """A complaint closes only with a finding, a reply and the customer's opinion."""
        problems = closing_problems('complaint', None, '<p><br></p>', None)
        self.assertEqual(problems[0].values['fields'], ('cs_finding', 'cs_reply', 'cs_customer_opinion'))
        self.assertEqual(closing_problems('complaint', 'mistake', '<p>已道歉并补发</p>', 'satisfied'), [])

    def test_consultation_needs_reply(self):
        """A consultation closes only with a reply; no finding or opinion is asked."""
        self.assertEqual(closing_problems('consultation', None, '', None)[0].values['fields'], ('cs_reply',))
        self.assertEqual(closing_problems('consultation', None, '已答复', None), [])

    def test_suggestion_reply_when_promised(self):
        """A suggestion needs a reply only when a reply date was promised."""
        self.assertEqual(closing_problems('suggestion', None, None, None), [])
        self.assertEqual(rules(closing_problems('suggestion', None, None, None, date(2026, 12, 1))),
                         ['closing_incomplete'])


class TestEscalation(unittest.TestCase):
    deadline = datetime(2026, 11, 25, 17, 0)

    def test_one_level_at_a_time(self):
        """Overdue: the handler's complaint goes to the CS manager, a day later to the general manager."""
        now = datetime(2026, 11, 25, 18, 0)
        self.assertEqual(next_escalation('handler', self.deadline, now, None, 24), 'cs_manager')
        self.assertIsNone(next_escalation('cs_manager', self.deadline, now, now, 24))
        later = now + timedelta(hours=24)
        self.assertEqual(next_escalation('cs_manager', self.deadline, later, now, 24), 'general_manager')
        self.assertIsNone(next_escalation('general_manager', self.deadline, later + timedelta(days=9), now, 24))

    def test_not_before_deadline(self):
        """Nothing escalates before the deadline."""
        self.assertIsNone(next_escalation('handler', self.deadline, self.deadline, None, 24))
