"""Service star of the month from three-party feedback 三方反馈 (POLICY §4, seed 001): customers,
developers and agents score each candidate; the star ranking puts the feedback first."""
import re

from .problems import Problem


PARTIES = ('customer', 'developer', 'agent')
MIN_SCORE, MAX_SCORE = 1.0, 5.0
PERIOD = re.compile(r'^\d{4}-(0[1-9]|1[0-2])$')


def score_problems(score):
    if isinstance(score, bool) or not isinstance(score, (int, float)) or score != score \
            or not MIN_SCORE <= score <= MAX_SCORE:
        return [Problem('score_range', {'score': score, 'min': MIN_SCORE, 'max': MAX_SCORE})]
    return []


def period_problems(period):
    return [] if isinstance(period, str) and PERIOD.match(period) else [Problem('period', {'period': period})]


def feedback_score(scores):
    """The candidate's feedback: the mean of each party's average, every party counting the same; None
    without any score. ``scores``: (party, score) pairs."""
    by_party = {}
    for party, score in scores:
        by_party.setdefault(party, []).append(score)
    if not by_party:
        return None
    return sum(sum(values) / len(values) for values in by_party.values()) / len(by_party)


def rank_with_feedback(ranking, feedback):
    """``ranking``: the candidates (with ``user``) already ranked by the indicators; ``feedback``: {user:
    score}. The feedback decides first, the indicators' order breaks ties; no feedback ranks last."""
    def key(m):
        score = feedback.get(m.user)
        return -(score if score is not None else -1)
    return sorted(ranking, key=key)
