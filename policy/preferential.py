"""Preferential treatment by approval 优惠待遇 (POLICY §1): a request for the privileges of the customer's
tier, on a VIP or key customer, approved by the general manager, valid between two dates."""

from .problems import Problem


REQUESTED, APPROVED, REFUSED, CANCELLED = 'requested', 'approved', 'refused', 'cancelled'
ELIGIBLE_TIERS = ('vip', 'key')


def request_problems(tier_code, privileges_blank, date_from, date_to, today):
    problems = []
    if tier_code not in ELIGIBLE_TIERS:
        problems.append(Problem('tier', {'tier': tier_code}))
    if privileges_blank:
        problems.append(Problem('no_privileges', {}))
    if not date_from or not date_to or date_to < date_from:
        problems.append(Problem('period', {}))
    elif date_to < today:
        problems.append(Problem('over', {}))
    return problems


def is_valid(state, date_from, date_to, today):
    """The privileges show while the grant is approved and today falls within its validity."""
    return state == APPROVED and date_from <= today <= date_to
