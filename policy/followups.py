"""Following complaints and suggestions through (POLICY §2, issue 14): suggestions instructed by a leader
and answered adopted or not, findings sent to other departments, dissatisfied customers followed up,
corrective actions verified. Plain Python: the models turn the ``Problem``s into translated messages."""

from .deadlines import COMPLAINT, DISSATISFIED, OTHER_DEPARTMENT, PRODUCT, SUGGESTION
from .problems import Problem
from .values import is_blank


ADOPTED, NOT_ADOPTED = 'adopted', 'not_adopted'
ADOPTIONS = (ADOPTED, NOT_ADOPTED)
# where a finding that leaves the department goes (seed 000: 商品问题 / 其他部门)
PRODUCT_DEPT, GROUP_CS = 'product', 'group_cs'
REFERRAL_FOR_FINDING = {PRODUCT: PRODUCT_DEPT, OTHER_DEPARTMENT: GROUP_CS}
REHANDLE, REVISIT = 'rehandle', 'revisit'
FOLLOWUPS = (REHANDLE, REVISIT)


def suggestion_closing_problems(kind, adoption, reason):
    """A suggestion closes with its answer: adopted or not, and why."""
    if kind != SUGGESTION:
        return []
    missing = []
    if adoption not in ADOPTIONS:
        missing.append('cs_adoption')
    if is_blank(reason):
        missing.append('cs_adoption_reason')
    return [Problem('suggestion_unanswered', {'fields': tuple(missing)})] if missing else []


def instruction_problems(kind, is_leader, text):
    """Only the leader a suggestion was routed to writes the instruction 领导批示, and not an empty one."""
    problems = []
    if kind != SUGGESTION:
        problems.append(Problem('instruction_not_suggestion', {}))
    if not is_leader:
        problems.append(Problem('instruction_not_leader', {}))
    if is_blank(text):
        problems.append(Problem('instruction_blank', {}))
    return problems


def referral_department(kind, finding):
    """The department a complaint's finding goes to, or None when it stays inside."""
    return REFERRAL_FOR_FINDING.get(finding) if kind == COMPLAINT else None


def referral_closing_problems(kind, finding, referrals):
    """``referrals``: (department, answered) pairs. A finding that leaves the department needs its request
    to that department, answered, before the complaint closes; every request sent must be answered."""
    department = referral_department(kind, finding)
    problems = []
    if department and not any(dept == department for dept, _answered in referrals):
        problems.append(Problem('referral_missing', {'department': department}))
    if any(not answered for _dept, answered in referrals):
        problems.append(Problem('referral_unanswered', {}))
    return problems


def dissatisfied_closing_problems(kind, opinion, followup):
    """A dissatisfied customer is not the end: closing needs a re-handling or a planned revisit first."""
    if kind == COMPLAINT and opinion == DISSATISFIED and followup not in FOLLOWUPS:
        return [Problem('dissatisfied_no_followup', {})]
    return []


def followup_problems(kind, opinion, mode, note):
    """Whether a dissatisfied follow-up can be started: a dissatisfied complaint, a known mode, a note."""
    problems = []
    if kind != COMPLAINT or opinion != DISSATISFIED:
        problems.append(Problem('followup_not_dissatisfied', {}))
    if mode not in FOLLOWUPS:
        problems.append(Problem('followup_mode', {'mode': mode}))
    if is_blank(note):
        problems.append(Problem('followup_no_note', {}))
    return problems


def action_overdue(due, done, today):
    """An open corrective action past its due date."""
    return bool(due and not done and due < today)


def verification_problems(is_quality, is_owner, done, verified):
    """The quality supervisor verifies a done action, never its owner, once."""
    problems = []
    if not is_quality:
        problems.append(Problem('verify_not_quality', {}))
    elif is_owner:
        problems.append(Problem('verify_own_action', {}))
    if not done:
        problems.append(Problem('verify_not_done', {}))
    if verified:
        problems.append(Problem('verify_twice', {}))
    return problems
