"""Rewards and penalties 奖惩 (POLICY §4).

Penalty bands (当事人 200-1000, 现场第一责任人 100-500 by default) bound the fine a verified complaint
brings; sanctions (口头警告、扣除奖金、降低评级) carry no amount; economic-loss compensation comes on
top of a fine and has no band. The half-year best-service award 最佳服务奖 goes to everyone with at least
two written praises in the half-year, or to the best visit-survey score; the service star 每月之星 is
ranked from the month's indicators.
"""
import datetime
from collections import namedtuple

from . import values
from .deadlines import PERSONAL_FINDINGS
from .problems import Problem

REWARD, PENALTY, SANCTION = 'reward', 'penalty', 'sanction'
KINDS = (REWARD, PENALTY, SANCTION)
PERSON, MANAGER = 'person', 'manager'
ROLES = (PERSON, MANAGER)
# reason types
COMPLAINT, PRAISE, SERVICE_STAR, HALF_YEAR_AWARD, COMPENSATION, OTHER = (
    'complaint', 'praise', 'service_star', 'half_year_award', 'compensation', 'other')
REASONS = (COMPLAINT, PRAISE, SERVICE_STAR, HALF_YEAR_AWARD, COMPENSATION, OTHER)
# findings 责任认定 that bring a penalty: 违规失职 and 一般失误/服务欠缺
# the findings that hold a staff member responsible: the complaint policy's one list
PENALTY_FINDINGS = PERSONAL_FINDINGS

PenaltyBand = namedtuple('PenaltyBand', 'role min_amount max_amount')
Proposal = namedtuple('Proposal', 'user_id role amount')


def validate_band(band):
    """Problems of a band: no negative bound, the minimum not above the maximum."""
    problems = []
    if band.min_amount < 0 or band.max_amount < 0:
        problems.append(Problem('band_negative', {'role': band.role}))
    elif band.min_amount > band.max_amount:
        problems.append(Problem('band_inverted', {
            'role': band.role, 'min': band.min_amount, 'max': band.max_amount}))
    return problems


def check_amount(kind, reason, amount, band=None):
    """Problems of an amount for a record of ``kind`` and ``reason``; ``band`` is the penalty band of
    the person's role (needed for fines, ignored otherwise).

    - no amount is ever negative;
    - a sanction carries no amount;
    - a fine (a penalty that is not compensation) lies within its band, bounds included;
    - compensation of an economic loss has a positive amount and no band.
    """
    amount = amount or 0.0
    if amount < 0:
        return [Problem('negative', {'amount': amount})]
    if kind == SANCTION:
        return [Problem('sanction_amount', {'amount': amount})] if amount else []
    if kind == PENALTY and reason == COMPENSATION:
        return [] if amount > 0 else [Problem('compensation_zero', {})]
    if kind == PENALTY:
        if band is None:
            return [Problem('no_band', {})]
        if not band.min_amount <= amount <= band.max_amount:
            return [Problem('out_of_band', {
                'role': band.role, 'amount': amount, 'min': band.min_amount, 'max': band.max_amount})]
    return []


def proposals(finding, accused_user_ids, manager_id, bands):
    """Draft fines a closed complaint proposes: one per accused person (当事人) and one for the site's
    first responsible manager (第一责任人), each at its band's minimum, only for the findings that bring a
    penalty. The manager is not fined twice when accused as well."""
    if finding not in PENALTY_FINDINGS:
        return []
    bands = {b.role: b for b in bands}
    result = [Proposal(uid, PERSON, bands[PERSON].min_amount) for uid in sorted(set(accused_user_ids))]
    if manager_id and manager_id not in accused_user_ids:
        result.append(Proposal(manager_id, MANAGER, bands[MANAGER].min_amount))
    return result


def half_year(day):
    """The half-year containing ``day``: (first day, last day, label 'YYYY-H1'|'YYYY-H2')."""
    if day.month <= 6:
        return datetime.date(day.year, 1, 1), datetime.date(day.year, 6, 30), '%d-H1' % day.year
    return datetime.date(day.year, 7, 1), datetime.date(day.year, 12, 31), '%d-H2' % day.year


def award_candidates(written_praises, visit_scores=None, min_written=2):
    """Who earns the half-year best-service award: everyone with at least ``min_written`` written
    praises, plus the person(s) with the best average visit-survey score.

    ``written_praises``: {user: number of written praises in the half-year};
    ``visit_scores``: {user: average satisfaction of their visits}.
    Returns {user: reason} with reason 'praise' or 'visit_score', sorted by user for stable output.
    """
    result = {}
    for user, count in written_praises.items():
        if count >= min_written:
            result[user] = 'praise'
    scores = {u: s for u, s in (visit_scores or {}).items() if s is not None}
    if scores:
        best = max(scores.values())
        for user, score in scores.items():
            if score == best and user not in result:
                result[user] = 'visit_score'
    return dict(sorted(result.items()))


def may_award(user, candidates, override_reason=None):
    """An award for someone who is not a candidate needs a manager's reason."""
    if user in candidates or not values.is_blank(override_reason):
        return []
    return [Problem('not_candidate', {})]


StarMetrics = namedtuple('StarMetrics', 'user verified_complaints praises satisfaction handled on_time_rate')


def star_ranking(metrics):
    """Rank the service-star candidates of a month, best first.

    A person with a verified complaint (a confirmed fine) that month is not a candidate: the star
    rewards service nobody complained about. Among the others: more praises first, then the higher
    average satisfaction, then the better on-time rate, then more tickets handled; the user id breaks
    ties so the ranking is stable. Missing satisfaction/on-time figures rank below any figure.
    """
    eligible = [m for m in metrics if not m.verified_complaints]

    def key(m):
        return (-m.praises,
                -(m.satisfaction if m.satisfaction is not None else -1),
                -(m.on_time_rate if m.on_time_rate is not None else -1),
                -m.handled, m.user)
    return sorted(eligible, key=key)
