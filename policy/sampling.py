"""Spot-checks on a sample 抽查验证 (POLICY §2, issue 14): each month the quality supervisor gets a random,
configurable share of the previous month's closed complaints, at least one per handler, drawn
reproducibly from a seed made of the month and the company."""
import datetime
import math
import random

from .problems import Problem


def share_problems(share):
    """The share is a percentage from 0 to 100."""
    if isinstance(share, bool) or not isinstance(share, (int, float)) or share != share or not 0 <= share <= 100:
        return [Problem('share_range', {'share': share})]
    return []


def previous_month(today):
    """(first day, first day of the next month, 'YYYY-MM') of the month before ``today``."""
    end = today.replace(day=1)
    start = (end - datetime.timedelta(days=1)).replace(day=1)
    return start, end, start.strftime('%Y-%m')


def seed(period, company_id):
    """The seed of a month's draw: the same month and company always draw the same sample."""
    return 'cs-spot-check-%s-%s' % (period, company_id)


def draw(tickets, share, seed_text):
    """The ids drawn from ``tickets`` ((id, handler id) pairs): ``share`` % of them rounded up, then at
    least one of every handler's tickets; none when the share is 0. Sorted ids."""
    if not tickets or not share:
        return []
    ordered = sorted(tickets)
    rng = random.Random(seed_text)
    count = min(len(ordered), int(math.ceil(len(ordered) * share / 100.0)))
    chosen = set(ticket_id for ticket_id, _handler in rng.sample(ordered, count))
    by_handler = {}
    for ticket_id, handler in ordered:
        by_handler.setdefault(handler, []).append(ticket_id)
    for handler in sorted(by_handler, key=lambda h: (h is None, h or 0)):
        ids = by_handler[handler]
        if not chosen.intersection(ids):
            chosen.add(rng.choice(ids))
    return sorted(chosen)
