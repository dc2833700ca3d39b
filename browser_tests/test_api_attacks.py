"""Attacks through the real web API (JSON-RPC, as any logged-in user can send them) against the running
server: a context key, a private method and a direct state write are refused, and nothing is written
(POLICY §8)."""
import pytest

from rpc import RpcError, Session

REFUSALS = ('odoo.exceptions.AccessError', 'odoo.exceptions.UserError', 'odoo.exceptions.ValidationError',
            'odoo.exceptions.except_orm')


@pytest.fixture(scope='module')
def admin():
    return Session('admin', 'admin')


@pytest.fixture(scope='module')
def agent():
    return Session('cs_agent')


@pytest.fixture(scope='module')
def manager():
    return Session('cs_manager')


def refused(call):
    """The refusal of ``call``: a business error (never a server traceback nor a database error)."""
    with pytest.raises(RpcError) as caught:
        call()
    assert caught.value.name in REFUSALS, caught.value
    assert 'psycopg2' not in caught.value.message
    return caught.value


def test_context_key_grants_no_hand_over(agent, manager, admin):
    """An agent's write of the first responder with the old hand-over context key is refused."""
    partner = admin.ref('customer_service_mgmt.demo_partner_huaxia')
    ticket = agent.call('helpdesk.ticket', 'create', {
        'name': 'API 攻击：移交', 'cs_kind': 'complaint', 'partner_id': partner})
    error = refused(lambda: agent.call('helpdesk.ticket', 'write', [ticket],
                                       {'cs_first_responder_id': manager.uid},
                                       context={'cs_hand_over': True}))
    assert '首问' in error.message or '系统' in error.message, error.message
    row = admin.call('helpdesk.ticket', 'read', [ticket], ['cs_first_responder_id'])[0]
    assert row['cs_first_responder_id'][0] == agent.uid


def test_private_method_is_not_callable(agent, manager):
    """Cron entry points are private: the server refuses to call them remotely, for any role."""
    for session in (agent, manager):
        refused(lambda: session.call('helpdesk.ticket', '_cron_cs_escalate_overdue'))
        refused(lambda: session.call('res.partner', '_cs_recompute_tiers', [], '2030-01-01'))


def test_direct_state_write_is_refused(manager, admin):
    """A manager cannot confirm a reward by writing its state: only the action confirms."""
    agent_uid = admin.call('res.users', 'search', [('login', '=', 'cs_agent')])[0]
    record = manager.call('cs.reward.penalty', 'create', {
        'user_id': agent_uid, 'kind': 'reward', 'reason_type': 'other', 'amount': 100.0,
        'notes': 'API 攻击：直接写状态'})
    refused(lambda: manager.call('cs.reward.penalty', 'write', [record], {'state': 'confirmed'}))
    refused(lambda: manager.call('cs.reward.penalty', 'create', {
        'user_id': agent_uid, 'kind': 'reward', 'reason_type': 'other', 'amount': 100.0,
        'state': 'confirmed'}))
    row = admin.call('cs.reward.penalty', 'read', [record], ['state', 'confirmed_by_id'])[0]
    assert row['state'] == 'draft' and not row['confirmed_by_id']


def test_default_state_in_context_is_ignored(manager, admin):
    """A ``default_state`` context key does not create a confirmed record."""
    agent_uid = admin.call('res.users', 'search', [('login', '=', 'cs_agent')])[0]
    record = manager.call('cs.reward.penalty', 'create', {
        'user_id': agent_uid, 'kind': 'reward', 'reason_type': 'other', 'amount': 50.0},
        context={'default_state': 'confirmed'})
    row = admin.call('cs.reward.penalty', 'read', [record], ['state'])[0]
    assert row['state'] == 'draft'


def test_agent_reads_no_archive(agent, admin):
    """An agent reads no customer archive content over the API (only managers and above borrow)."""
    try:
        rows = agent.call('cs.customer.archive', 'search_read', [], ['key_persons', 'special_strategy'])
    except RpcError as error:
        assert error.name in REFUSALS
        return
    assert rows == []
