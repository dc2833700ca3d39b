"""The borrowing card 借阅卡 in the web client: an agent asks, their department manager approves, the agent reads."""
from conftest import URL, shot
from rpc import Session

CUSTOMER = '长江电子科技股份有限公司'


def open_action(page, xmlid):
    page.goto('%s/web#action=%s' % (URL, xmlid))
    page.wait_for_selector('.o_content .o_list_view, .o_content .o_form_view', timeout=60000)


def test_borrowing_flow(login):
    """Agent files a card with a purpose; it shows nothing; the department manager approves; the agent reads."""
    agent = login('cs_agent')
    open_action(agent, 'customer_service_mgmt.cs_archive_borrow_action')
    agent.click('.o_list_button_add')
    agent.wait_for_selector('.o_form_view.o_form_editable')
    agent.fill('.o_field_widget[name=partner_id] input', CUSTOMER[:2])
    agent.click('.ui-autocomplete li a:has-text("%s")' % CUSTOMER)
    agent.fill('.o_field_widget[name=purpose]', '核对采购联系人，准备季度回访')
    agent.click('.o_form_button_save')
    agent.wait_for_selector('.o_form_view.o_form_readonly')
    text = agent.inner_text('.o_form_view')
    assert '待审批' in text and '赵刚' in text, text
    assert '总经理负责制' not in text
    shot(agent, 'borrow_requested_by_agent')

    head = login('cs_head')
    open_action(head, 'customer_service_mgmt.cs_archive_borrow_action')
    head.click('.o_list_view tbody tr:has-text("%s") td.o_data_cell' % CUSTOMER)
    head.wait_for_selector('.o_form_view button:has-text("批准")')
    assert '核对采购联系人' in head.inner_text('.o_form_view')
    head.click('.o_form_view button:has-text("批准")')
    head.wait_for_selector('.o_form_view .o_statusbar_status .btn-primary:has-text("已批准")')
    assert '总经理负责制' not in head.inner_text('.o_form_view')
    assert '档案内容' not in head.inner_text('.o_form_view')
    shot(head, 'borrow_approved_by_head')

    agent.reload()
    agent.wait_for_selector('.o_form_view:has-text("总经理负责制")', timeout=60000)
    assert '档案内容' in agent.inner_text('.o_form_view')
    shot(agent, 'borrow_open_to_agent')
    # the read was registered with the card's purpose
    gm = Session('admin', 'admin')
    logs = gm.call('cs.archive.access.log', 'search_read', [('purpose', '=', '核对采购联系人，准备季度回访')],
                   ['user_id'])
    assert logs and all(log['user_id'][1] == '王芳' for log in logs)


def test_agent_cannot_approve_own_card():
    """Over the web API the agent cannot approve their own card."""
    agent = Session('cs_agent')
    partner = agent.call('res.partner', 'search', [('name', '=', CUSTOMER)])[0]
    card = agent.call('cs.archive.borrow', 'create', {'partner_id': partner, 'purpose': '自批尝试'})
    try:
        agent.call('cs.archive.borrow', 'action_approve', [card])
        raise AssertionError('approved')
    except Exception as error:  # RpcError
        assert '部门经理' in str(error)
    state = agent.call('cs.archive.borrow', 'read', [card], ['state'])[0]['state']
    assert state == 'requested'
