"""Escalation 层级上报 as the regulations describe it (POLICY §2, seed 000 附件一): one level at a time
along the company's chain, automatically when overdue or major, by hand with a reason when a case is
beyond the handler's capacity; the deputy general manager in charge 主管副总 approves the handling of a
complaint with a personal finding before it closes. Plain functions, no Odoo."""
from .deadlines import COMPLAINT, CONSULTATION, CS_MANAGER, GENERAL_MANAGER, HANDLER, PERSONAL_FINDINGS
from .problems import Problem
from .values import is_blank

SITE_MANAGER, DEPARTMENT_MANAGER, DEPUTY_GM = 'site_manager', 'department_head', 'deputy_gm'
# the levels a company may put in its chain, and the chain of the regulations
CONFIGURABLE = (SITE_MANAGER, CS_MANAGER, DEPARTMENT_MANAGER, DEPUTY_GM, GENERAL_MANAGER)
DEFAULT_CHAIN = (SITE_MANAGER, DEPARTMENT_MANAGER, DEPUTY_GM)
# what escalates automatically when overdue
ESCALATED_KINDS = (COMPLAINT, CONSULTATION)


def chain(configured):
    """The full chain, the handler first: the company's configured levels (in order), else the default."""
    levels = tuple(level for level in configured if level in CONFIGURABLE) or DEFAULT_CHAIN
    return (HANDLER,) + levels


def levels_above(levels, current):
    """The levels after ``current`` in ``levels``, nearest first (all of them from an unknown level)."""
    index = levels.index(current) if current in levels else 0
    return levels[index + 1:]


def manual_problems(levels, current, reason, closed, may_escalate, has_next_user):
    """Why an escalation by hand is refused, as Problems (empty when it may go ahead)."""
    problems = []
    if not may_escalate:
        problems.append(Problem('escalation_not_allowed', {}))
    if closed:
        problems.append(Problem('escalation_closed', {}))
    if is_blank(reason):
        problems.append(Problem('escalation_no_reason', {}))
    if not levels_above(levels, current):
        problems.append(Problem('escalation_last_level', {'level': current}))
    elif not has_next_user:
        problems.append(Problem('escalation_nobody', {}))
    return problems


def needs_approval(kind, finding, has_deputy_gm):
    """Whether the deputy GM must approve the handling before closing: a complaint with a personal finding
    (违规失职 / 一般失误) in a company that has a deputy GM in charge."""
    return bool(has_deputy_gm) and kind == COMPLAINT and finding in PERSONAL_FINDINGS
