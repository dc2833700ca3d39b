"""The confidentiality term 保密期限 (POLICY §5): a level can carry a declassification date 解密日期, after
which the archive drops one level (top secret -> confidential -> secret; secret is the floor)."""

from .archives import LEVELS, SECRET, level_rank
from .problems import Problem


def lower_level(level):
    """The level one step below ``level`` (secret stays secret)."""
    level = level or SECRET
    return LEVELS[max(level_rank(level) - 1, 0)]


def term_problem(date, today):
    """A declassification date is a day to come: one in the past when it is set is refused."""
    if date and date < today:
        return Problem('past', {'date': date})
    return None


def is_due(date, today):
    """Whether the term has run out on ``today``."""
    return bool(date) and date <= today


def due_domain(today, field='declassify_date'):
    """:func:`is_due` as the search domain the daily cron runs: the archives whose term ran out on
    ``today`` (a date string or date, as the ORM compares them)."""
    return [(field, '!=', False), (field, '<=', today)]
