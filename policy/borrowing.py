"""Borrowing cards 借阅卡 (POLICY §5, seed 002 §6.7): who may not read archives asks for one archive with
a purpose; their department manager approves; the card opens that archive read-only until its expiry."""

from .problems import Problem


REQUESTED, APPROVED, REFUSED = 'requested', 'approved', 'refused'


def request_problems(purpose_blank, has_department_manager, expiry, now):
    """Problems of filing a borrowing request (``expiry`` and ``now`` comparable datetimes)."""
    problems = []
    if purpose_blank:
        problems.append(Problem('no_purpose', {}))
    if not has_department_manager:
        problems.append(Problem('no_department_manager', {}))
    if expiry is None or expiry <= now:
        problems.append(Problem('expiry_past', {}))
    return problems


def decision_problems(state, approver_id, department_manager_id, requester_id, expiry, now):
    """Problems of approving or refusing a request: only the requester's department manager decides, once,
    on a request not yet expired, never on their own request."""
    problems = []
    if state != REQUESTED:
        problems.append(Problem('decided', {}))
    if approver_id == requester_id or approver_id != department_manager_id:
        problems.append(Problem('not_department_manager', {}))
    if expiry <= now:
        problems.append(Problem('expiry_past', {}))
    return problems


def is_open(state, expiry, now):
    """A card opens its archive while approved and not expired."""
    return state == APPROVED and expiry is not None and now <= expiry
