"""Complaints, consultations and suggestions 投诉、咨询、建议 (POLICY §2): kinds, deadlines in working
days, extensions, closing rules, escalation and retention, as plain functions.

Datetimes here are naive and in the company's local time unless a function says otherwise; the glue
converts from and to the UTC the database stores. Working days come from a predicate
``is_working_day(date)`` so that the rule tests without a calendar; the glue plans the same days with the
host's ``resource.calendar.plan_days`` and its public holidays.

Counting rule: the day of registration does not count (开始的当日不计入, the rule of the PRC Civil Code on
periods, art. 201); "3 working days" end with the third working day after the registration day, at the
end of that day's working hours. A complaint registered on a Friday afternoon is due on Wednesday evening;
one registered on a Saturday is due on Wednesday evening as well.
"""
from collections import namedtuple
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from .problems import Problem
from .values import is_blank

CONSULTATION, SUGGESTION, COMPLAINT = 'consultation', 'suggestion', 'complaint'
KINDS = (CONSULTATION, SUGGESTION, COMPLAINT)

GENERAL, SERIOUS, MAJOR = 'general', 'serious', 'major'
SEVERITIES = (GENERAL, SERIOUS, MAJOR)

VIOLATION, MISTAKE, MISUNDERSTANDING, PRODUCT, OTHER_DEPARTMENT = (
    'violation', 'mistake', 'misunderstanding', 'product', 'other_department')
FINDINGS = (VIOLATION, MISTAKE, MISUNDERSTANDING, PRODUCT, OTHER_DEPARTMENT)
# findings that hold a staff member responsible (the rewards and penalties policy proposes fines for these)
PERSONAL_FINDINGS = (VIOLATION, MISTAKE)

SATISFIED, BASICALLY_SATISFIED, DISSATISFIED = 'satisfied', 'basically_satisfied', 'dissatisfied'
OPINIONS = (SATISFIED, BASICALLY_SATISFIED, DISSATISFIED)

# escalation levels, in order: the handler first, then the CS manager, then the general manager
HANDLER, CS_MANAGER, GENERAL_MANAGER = 'handler', 'cs_manager', 'general_manager'
LEVELS = (HANDLER, CS_MANAGER, GENERAL_MANAGER)

# the configurable numbers of the policy, with POLICY §2's defaults
Terms = namedtuple('Terms', 'consultation_hours complaint_days complaint_max_days escalation_hours '
                            'retention_months')
DEFAULT_TERMS = Terms(consultation_hours=24, complaint_days=3, complaint_max_days=7, escalation_hours=24,
                      retention_months=12)

# a search for the n-th working day gives up after this many calendar days (a calendar without
# working days would otherwise loop forever)
MAX_SEARCH_DAYS = 3660


def counting_start(registered):
    """The first calendar day that counts towards a working-day deadline: the day after registration."""
    return registered.date() + timedelta(days=1)


def add_working_days(start, days, is_working_day):
    """The ``days``-th working day counting from the date ``start`` itself (a working ``start`` is the
    first). None when the calendar has no working day within ``MAX_SEARCH_DAYS``."""
    if days < 1:
        raise ValueError('a working-day period is at least one day, not %r' % days)
    day, counted = start, 0
    for _i in range(MAX_SEARCH_DAYS):
        if is_working_day(day):
            counted += 1
            if counted == days:
                return day
        day += timedelta(days=1)
    return None


def complaint_due_date(registered, days, is_working_day):
    """The date a complaint registered at ``registered`` is due after ``days`` working days."""
    return add_working_days(counting_start(registered), days, is_working_day)


def consultation_deadline(registered, hours):
    """A consultation not answered on the spot is answered within ``hours`` clock hours."""
    return registered + timedelta(hours=hours)


def suggestion_deadline(promised_date):
    """A suggestion is answered by the end of the reply date promised to the customer."""
    return datetime.combine(promised_date, time(23, 59, 59)) if promised_date else None


def deadline_problems(registered, deadline):
    """A deadline must not lie before the registration."""
    if registered and deadline and deadline < registered:
        return [Problem('deadline_before_registration', {'deadline': deadline, 'registered': registered})]
    return []


def extension_problems(kind, current_days, new_days, terms, reason, is_manager, closed=False):
    """Problems of extending a complaint's period to ``new_days`` working days in total.

    Only open complaints are extended, only by a manager, only with a reason (特殊情况), to more days
    than now and at most ``terms.complaint_max_days`` in total."""
    problems = []
    if kind != COMPLAINT:
        problems.append(Problem('extension_not_complaint', {}))
    elif closed:
        problems.append(Problem('extension_closed', {}))
    if not is_manager:
        problems.append(Problem('extension_not_manager', {}))
    if is_blank(reason):
        problems.append(Problem('extension_no_reason', {}))
    if new_days > terms.complaint_max_days:
        problems.append(Problem('extension_beyond_max', {'days': new_days, 'max': terms.complaint_max_days}))
    elif new_days <= current_days:
        problems.append(Problem('extension_not_longer', {'days': new_days, 'current': current_days}))
    return problems


def closing_problems(kind, finding, reply, opinion, promised_date=None):
    """What a ticket lacks to reach a closed stage (件件有落实，事事有回复).

    A complaint needs a responsibility finding, a reply and the customer's opinion; a consultation needs
    a reply; a suggestion needs a reply when a reply date was promised."""
    missing = []
    if kind == COMPLAINT:
        if not finding:
            missing.append('cs_finding')
        if not _filled(reply):
            missing.append('cs_reply')
        if not opinion:
            missing.append('cs_customer_opinion')
    elif kind == CONSULTATION or (kind == SUGGESTION and promised_date):
        if not _filled(reply):
            missing.append('cs_reply')
    return [Problem('closing_incomplete', {'kind': kind, 'fields': tuple(missing)})] if missing else []


def _filled(text):
    """Whether a reply holds words, not only empty markup such as the editor's ``<p><br></p>``."""
    if not text:
        return False
    inside, chars = False, []
    for char in text:
        if char == '<':
            inside = True
        elif char == '>':
            inside = False
        elif not inside:
            chars.append(char)
    return bool(''.join(chars).replace('&nbsp;', '').strip())


def is_overdue(deadline, now, closed=None):
    """Whether a ticket missed its deadline: still open after it, or closed after it."""
    if not deadline:
        return False
    return (closed or now) > deadline


def on_time(deadline, closed):
    """Whether a closed ticket was closed by its deadline (None while open)."""
    if not closed:
        return None
    return not deadline or closed <= deadline


def remaining_hours(deadline, now):
    """Hours left until the deadline, negative once it has passed."""
    if not deadline:
        return 0.0
    return (deadline - now).total_seconds() / 3600.0


def next_escalation(level, deadline, now, last_escalated, escalation_hours, levels=LEVELS):
    """The level an overdue complaint escalates to now, or None.

    One level at a time along ``levels`` (the company's chain, the handler first): the first step as soon
    as the deadline has passed, each further step when ``escalation_hours`` have passed since the previous
    one without the complaint being closed. A level no longer in the chain restarts it at its first step."""
    if not deadline or now <= deadline:
        return None
    index = levels.index(level) if level in levels else 0
    if index + 1 >= len(levels):
        return None
    if last_escalated and now - last_escalated < timedelta(hours=escalation_hours):
        return None
    return levels[index + 1]


def retention_cutoff(now, months):
    """Closed tickets closed before this moment are archived (unless important)."""
    return now - relativedelta(months=months)


def due_window(today, window):
    """The local [start, end) datetimes of 'due today' (window='day') or 'due this week' (Monday to
    Sunday, window='week')."""
    start = datetime.combine(today, time.min)
    if window == 'day':
        return start, start + timedelta(days=1)
    start -= timedelta(days=today.weekday())
    return start, start + timedelta(days=7)
