"""Customer archives and confidentiality 客户档案与保密, credit and admission 信用与准入 (POLICY §5).

Plain functions: the confidentiality ladder and who reads which level, the quarter an archive review
belongs to, the three disposal approvals, and the admission/exit state machine of a customer.
"""
import datetime

from .problems import Problem

# A problem the glue turns into a translated message, and its values.

SECRET, CONFIDENTIAL, TOP_SECRET = 'secret', 'confidential', 'top_secret'
LEVELS = (SECRET, CONFIDENTIAL, TOP_SECRET)
# Levels whose every consultation is registered 借阅登记: all of them (POLICY §5 as corrected).
LOGGED_LEVELS = LEVELS

# The roles that read archives, and the highest level each reads (seed 002 §7.1: managers and above
# only). Agents, salespeople, the information supervisor and quality supervisors read no archive.
SALESPERSON, AGENT, MANAGER, GM = 'salesperson', 'agent', 'manager', 'gm'
ROLE_CEILING = {MANAGER: CONFIDENTIAL, GM: TOP_SECRET}

# The three approvals a disposal 销毁 needs (客户信息主管, 客户服务部经理, 总经理), in any order.
INFO_SUPERVISOR = 'info_supervisor'
DISPOSAL_ROLES = (INFO_SUPERVISOR, MANAGER, GM)

# Admission and exit 准入与退出: the decisions and the state each one leads to.
ADMIT, BLACKLIST, EXIT, REINSTATE = 'admit', 'blacklist', 'exit', 'reinstate'
DECISIONS = (ADMIT, BLACKLIST, EXIT, REINSTATE)
PROSPECT, ADMITTED, BLACKLISTED, EXITED = 'prospect', 'admitted', 'blacklisted', 'exited'
STATES = (PROSPECT, ADMITTED, BLACKLISTED, EXITED)
_TRANSITIONS = {
    ADMIT: ({PROSPECT, EXITED}, ADMITTED),
    BLACKLIST: ({PROSPECT, ADMITTED, EXITED}, BLACKLISTED),
    EXIT: ({ADMITTED}, EXITED),
    REINSTATE: ({BLACKLISTED}, ADMITTED),
}

CREDIT_RATINGS = ('A', 'B', 'C', 'D')


def level_rank(level):
    """Position of a level on the ladder (secret 0 < confidential 1 < top secret 2)."""
    return LEVELS.index(level)


def readable_levels(ceiling):
    """The levels a reader whose highest level is ``ceiling`` may read (none without a ceiling)."""
    if not ceiling:
        return ()
    return LEVELS[:level_rank(ceiling) + 1]


def role_reads(role, level):
    """Whether ``role`` may read an archive of ``level``."""
    return level in readable_levels(ROLE_CEILING.get(role))


def read_domain(role, field):
    """The record-rule domain of what ``role`` reads: ``field`` (an archive's or a consultation's level)
    among :func:`readable_levels` of its ceiling. The addon writes the rules from it at install and update."""
    return [(field, 'in', list(readable_levels(ROLE_CEILING.get(role))))]


def may_set_level(role, current, new):
    """Whether ``role`` may change an archive's level from ``current`` to ``new`` (both effective
    levels): a manager may keep or raise it up to the level he reads, only the general manager lowers it
    or makes it top secret."""
    if role == GM:
        return True
    return role == MANAGER and level_rank(new) >= level_rank(current) and role_reads(role, new)


def effective_level(tier_level, override=None):
    """The archive's level: the manager's override when set, otherwise the level of the customer's tier
    (secret when the customer has no tier yet)."""
    return override or tier_level or SECRET


def quarter_of(day):
    """The quarter a date falls in, as a key 'YYYY-Qn' (the review cron runs once per key)."""
    return '%d-Q%d' % (day.year, (day.month - 1) // 3 + 1)


def quarter_start(day):
    """The first day of the quarter ``day`` falls in."""
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def needs_review(last_review, review_quarter, today):
    """An archive needs a review activity when it was not reviewed since the quarter began and no
    activity was created for this quarter yet."""
    if review_quarter == quarter_of(today):
        return False
    return last_review is None or last_review < quarter_start(today)


def review_domain(today):
    """:func:`needs_review` as the review cron's search domain over active archives (``review_quarter``
    and ``last_review_date`` are the archive's fields)."""
    return [('active', '=', True),
            '|', ('review_quarter', '=', False), ('review_quarter', '!=', quarter_of(today)),
            '|', ('last_review_date', '=', False), ('last_review_date', '<', quarter_start(today).isoformat())]


def check_approval(role, user_id, approvals):
    """Problems of adding the approval (role, user) to ``approvals``, a list of (role, user id):
    each role approves once, and one person approves once whatever their roles."""
    if role not in DISPOSAL_ROLES:
        return [Problem('unknown_role', {'role': role})]
    problems = []
    if any(r == role for r, u in approvals):
        problems.append(Problem('role_twice', {'role': role}))
    if any(u == user_id for r, u in approvals):
        problems.append(Problem('person_twice', {'role': role}))
    return problems


def missing_approvals(approvals):
    """The disposal roles that have not approved yet, in the policy's order."""
    done = {r for r, u in approvals}
    return [r for r in DISPOSAL_ROLES if r not in done]


def next_admission_state(current, decision):
    """The customer's state after ``decision``, or a Problem when the decision does not apply
    to a customer in state ``current`` (e.g. reinstating a customer who is not blacklisted)."""
    current = current or PROSPECT
    if decision not in _TRANSITIONS:
        return Problem('unknown_decision', {'decision': decision})
    sources, target = _TRANSITIONS[decision]
    if current not in sources:
        return Problem('not_applicable', {'decision': decision, 'state': current})
    return target
