"""Return visits 回访 (POLICY §3): visit periods, the planned date in a period, which periods are due
within a planning horizon, and the follow-up offsets after a purchase.

A policy line visits a customer every ``interval`` months. Periods are aligned on the calendar: month
``m`` of year ``y`` falls in period ``((y * 12 + m - 1) // interval)``, so a quarterly line has the
periods Jan-Mar, Apr-Jun..., a half-yearly line Jan-Jun and Jul-Dec (for intervals dividing 12; other
intervals still tile the calendar without gaps). The period key names the period's first month and
the interval, e.g. ``2026-04/3M``: with the customer and the policy line it identifies a planned visit,
which the database keeps unique.
"""
import calendar
import datetime
from collections import namedtuple

from .problems import Problem

Period = namedtuple('Period', 'key start end')

# After a purchase: first visit for usage guidance, second for opinions, third for results (seed 003).
PURCHASE_FOLLOWUP_DAYS = (3, 30, 60)


def _month_index(day):
    return day.year * 12 + day.month - 1


def _month_start(index):
    return datetime.date(index // 12, index % 12 + 1, 1)


def validate_interval(interval):
    """Problems of a visit interval in months (empty when valid)."""
    if interval is None or interval <= 0:
        return [Problem('interval', {'interval': interval})]
    return []


def period_for(day, interval):
    """The period of ``interval`` months that contains ``day``."""
    if validate_interval(interval):
        raise ValueError('interval must be a positive number of months, not %r' % (interval,))
    first = _month_index(day) // interval * interval
    start = _month_start(first)
    end = _month_start(first + interval) - datetime.timedelta(days=1)
    return Period('%04d-%02d/%dM' % (start.year, start.month, interval), start, end)


def period_key(day, interval):
    """The key of the period containing ``day``, e.g. ``2026-10/3M``."""
    return period_for(day, interval).key


def next_period(period, interval):
    return period_for(period.end + datetime.timedelta(days=1), interval)


def planned_date(period, today):
    """When a visit of ``period`` is planned: the period's first day, or today for the period under
    way (a customer planned mid-period is visited from now on, never in the past)."""
    if period.start >= today:
        return period.start
    return min(max(today, period.start), period.end)


def due_periods(today, horizon_days, interval):
    """The periods a planning run on ``today`` covers: the one under way and every later one that
    starts within ``horizon_days``."""
    limit = today + datetime.timedelta(days=max(horizon_days, 0))
    period = period_for(today, interval)
    periods = [period]
    while True:
        period = next_period(period, interval)
        if period.start > limit:
            return periods
        periods.append(period)


def reminder_date(planned, days_ahead):
    """The day the visitor is reminded of a visit planned on ``planned``."""
    return planned - datetime.timedelta(days=max(days_ahead, 0))


def reminder_due(planned, days_ahead, today):
    """Whether the reminder of a visit planned on ``planned`` is due on ``today``: from its reminder date
    until the visit's day (a visit already past is overdue, not reminded)."""
    return reminder_date(planned, days_ahead) <= today <= planned


def reminder_due_sql(planned_sql, days_sql, today_sql):
    """The SQL form of :func:`reminder_due`, for the daily reminder cron."""
    return '(%(p)s >= %(t)s AND %(p)s - GREATEST(%(d)s, 0) <= %(t)s)' % {
        'p': planned_sql, 'd': days_sql, 't': today_sql}


def is_overdue(planned, today, grace_days=0):
    """A planned visit is overdue once its planned date (plus a grace) has passed."""
    return planned + datetime.timedelta(days=max(grace_days, 0)) < today


def purchase_followups(invoice_date, offsets=PURCHASE_FOLLOWUP_DAYS):
    """(step, planned date) of the follow-ups after a purchase on ``invoice_date``."""
    return [(step, invoice_date + datetime.timedelta(days=days)) for step, days in enumerate(offsets, 1)]


def occurrence(year, month, day):
    """A yearly date (a birthday, a fixed holiday) in ``year``; 29 February falls on the 28th in
    common years."""
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day, last))


def quarter_bounds(year, quarter):
    """First and last day of a calendar quarter (1-4)."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError('quarter must be 1-4, not %r' % (quarter,))
    start = datetime.date(year, 3 * quarter - 2, 1)
    end = _month_start(_month_index(start) + 3) - datetime.timedelta(days=1)
    return start, end


def valid_satisfaction(score):
    """A satisfaction score is 1 (very dissatisfied) to 5 (very satisfied), or not given."""
    return score in (None, False, 0) or 1 <= score <= 5


# Visitor roles (POLICY §3, §7) and how each is resolved per customer: the account rep is its salesperson,
# the responsible head the salesperson's site manager (first responsible manager), the deputy GM the one
# in charge of the customer; each falls back to the user the company's policy names for the role.
ACCOUNT_REP, HEAD, DEPUTY_GM, GM, SALES_MANAGER = 'account_rep', 'head', 'deputy_gm', 'gm', 'sales_manager'


def resolve_visitor(role, role_user, salesperson=None, site_manager=None, deputy_in_charge=None):
    """The visitor of a customer under a rule of ``role``: the customer's own person for the role when it
    has one, else the policy's ``role_user``."""
    own = {ACCOUNT_REP: salesperson, HEAD: site_manager, DEPUTY_GM: deputy_in_charge}.get(role)
    return own or role_user


def visitor_sql(role_sql, role_user_sql, salesperson_sql, site_manager_sql, deputy_sql):
    """The SQL form of :func:`resolve_visitor`, for the set-based planner."""
    return ("CASE %(role)s WHEN '%(rep)s' THEN COALESCE(%(sp)s, %(ru)s) "
            "WHEN '%(head)s' THEN COALESCE(%(sm)s, %(ru)s) "
            "WHEN '%(dgm)s' THEN COALESCE(%(dep)s, %(ru)s) ELSE %(ru)s END") % {
        'role': role_sql, 'ru': role_user_sql, 'sp': salesperson_sql, 'sm': site_manager_sql,
        'dep': deputy_sql, 'rep': ACCOUNT_REP, 'head': HEAD, 'dgm': DEPUTY_GM}


def selection_applies(selected, selected_only, unselected_only):
    """Whether a rule applies to a customer by its selection: rules for selected customers only (the GM's
    half-yearly VIP visit, the head's half-yearly general visit) and rules for the others (the rep's monthly
    visit of a general customer without the head's)."""
    return (selected or not selected_only) and (not selected or not unselected_only)


def selection_sql(selected_sql, selected_only_sql, unselected_only_sql):
    """The SQL form of :func:`selection_applies`."""
    return '((%s OR NOT %s) AND (NOT %s OR NOT %s))' % (
        selected_sql, selected_only_sql, selected_sql, unselected_only_sql)
