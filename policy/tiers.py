"""Customer tiers 客户分级 (POLICY §1).

A tier table is a list of bands, each a code with a lower bound ``min_amount`` on the trailing-12-month
transaction amount. The reserve tier 储备客户 is the band of customers with no transactions (amount <= 0);
the value tiers (VIP, key, general) each start at their ``min_amount`` and end where the next higher one
starts. ``sequence`` orders the table from the highest tier down, as managers read it.
"""
from collections import namedtuple

from .problems import Problem

VIP, KEY, GENERAL, RESERVE = 'vip', 'key', 'general', 'reserve'
CODES = (VIP, KEY, GENERAL, RESERVE)

Band = namedtuple('Band', 'code sequence min_amount')
# A problem found in a band table: a code the glue turns into a translated message, and its values.


def value_bands(bands):
    """The bands customers with transactions fall in, from the highest threshold down."""
    return sorted((b for b in bands if b.code != RESERVE), key=lambda b: -b.min_amount)


def validate_bands(bands, complete=True):
    """Return the problems of a band table (empty when it is valid).

    With ``complete=False`` the table may still lack tiers (it is being built row by row, as at
    installation): missing tiers and the gap below the lowest tier are not reported yet.

    Rules: every code known and present exactly once; no negative threshold; the reserve band at 0;
    value bands with distinct thresholds (two equal thresholds overlap); the lowest value band starting
    at 0 (otherwise amounts below it fall in a gap); the sequence ordering tiers from the highest
    threshold down, so the table reads as it classifies.
    """
    problems = []
    seen = {}
    for band in bands:
        if band.code not in CODES:
            problems.append(Problem('unknown_code', {'code': band.code}))
        elif band.code in seen:
            problems.append(Problem('duplicate_code', {'code': band.code}))
        seen[band.code] = band
        if band.min_amount < 0:
            problems.append(Problem('negative', {'code': band.code, 'amount': band.min_amount}))
    for code in CODES:
        if complete and code not in seen:
            problems.append(Problem('missing_code', {'code': code}))
    if problems:
        return problems
    if RESERVE in seen and seen[RESERVE].min_amount != 0:
        problems.append(Problem('reserve_not_zero', {'amount': seen[RESERVE].min_amount}))
    ordered = value_bands(bands)
    for higher, lower in zip(ordered, ordered[1:]):
        if higher.min_amount == lower.min_amount:
            problems.append(Problem('overlap', {'code': higher.code, 'other': lower.code,
                                                'amount': higher.min_amount}))
    if complete and ordered and ordered[-1].min_amount > 0:
        problems.append(Problem('gap', {'code': ordered[-1].code, 'amount': ordered[-1].min_amount}))
    by_sequence = sorted(bands, key=lambda b: (b.sequence, b.code != RESERVE))
    expected = ordered + [seen[RESERVE]] if RESERVE in seen else ordered
    if not problems and [b.code for b in by_sequence] != [b.code for b in expected]:
        problems.append(Problem('order', {'codes': tuple(b.code for b in expected)}))
    return problems


def classify(amount, bands):
    """The code of the tier an amount falls in, for a valid band table."""
    if amount <= 0:
        return RESERVE
    for band in value_bands(bands):
        if amount >= band.min_amount:
            return band.code
    return RESERVE  # unreachable for a valid table: its lowest value band starts at 0


def sql_case(bands, amount_sql, overdue_sql=None, rating_sql=None):
    """A SQL CASE expression that classifies ``amount_sql`` into a tier code, the same rule as
    :func:`classify`, so a recompute can classify every customer in one set-based statement.
    Thresholds are numbers from a validated table; they are formatted, not user text.

    With ``overdue_sql`` (a boolean expression: the customer has a receivable overdue too long) and
    ``rating_sql`` (its credit rating), VIP also needs a good payment record (付款信誉良好); a customer
    who lacks it falls to the next band down, key."""
    parts = ["WHEN (%s) <= 0 THEN '%s'" % (amount_sql, RESERVE)]
    for band in value_bands(bands):
        condition = "(%s) >= %r" % (amount_sql, float(band.min_amount))
        if band.code == VIP and overdue_sql is not None:
            condition += " AND NOT (%s) AND %s" % (overdue_sql, _sql_good_rating(rating_sql))
        parts.append("WHEN %s THEN '%s'" % (condition, band.code))
    return "CASE %s ELSE '%s' END" % (' '.join(parts), RESERVE)


# Why a customer has its tier (shown on the customer): its amount, a manager's pin, or the good payment
# record VIP needs and it lacks (an overdue receivable, a C/D credit rating).
REASON_AMOUNT, REASON_PINNED, REASON_OVERDUE, REASON_RATING = 'amount', 'pinned', 'overdue', 'rating'
REASONS = (REASON_AMOUNT, REASON_PINNED, REASON_OVERDUE, REASON_RATING)
# Credit ratings that deny VIP (seed 003: 付款信誉良好).
BAD_RATINGS = ('C', 'D')


def _sql_good_rating(rating_sql):
    return "COALESCE(%s, '') NOT IN (%s)" % (rating_sql, ', '.join("'%s'" % r for r in BAD_RATINGS))


def classify_with_reason(amount, bands, overdue=False, rating=None):
    """The tier code of a customer and why: VIP needs the amount and a good payment record (no receivable
    overdue too long, a rating not C/D); lacking it the customer is key, for that reason."""
    code = classify(amount, bands)
    if code != VIP:
        return code, REASON_AMOUNT
    if overdue or rating in BAD_RATINGS:
        lower = [b for b in value_bands(bands) if b.code != VIP and amount >= b.min_amount]
        return (lower[0].code if lower else RESERVE), (REASON_OVERDUE if overdue else REASON_RATING)
    return VIP, REASON_AMOUNT


def sql_reason(bands, amount_sql, overdue_sql, rating_sql):
    """A SQL CASE giving the reason of the tier :func:`sql_case` assigns, as
    :func:`classify_with_reason` does (the pin is the caller's)."""
    vip = [b for b in bands if b.code == VIP]
    if not vip:
        return "'%s'" % REASON_AMOUNT
    reaches = "(%s) > 0 AND (%s) >= %r" % (amount_sql, amount_sql, float(vip[0].min_amount))
    return ("CASE WHEN %s AND (%s) THEN '%s' WHEN %s AND NOT %s THEN '%s' ELSE '%s' END" % (
        reaches, overdue_sql, REASON_OVERDUE, reaches, _sql_good_rating(rating_sql), REASON_RATING,
        REASON_AMOUNT))
