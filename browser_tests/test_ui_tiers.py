"""Customer tiers as a manager sees them in the web client, in Chinese."""
from conftest import URL, shot


def open_action(page, xmlid):
    page.goto('%s/web#action=%s' % (URL, xmlid))
    page.wait_for_selector('.o_content .o_view_controller, .o_content .o_list_view, .o_content .o_form_view',
                           timeout=60000)


def test_customer_list_shows_tiers(login):
    """The 客户服务 menu is there and the customer list shows each customer's tier."""
    page = login('cs_manager')
    assert page.locator('#oe_main_menu_navbar a:has-text("客户服务")').count() == 1
    open_action(page, 'customer_service_mgmt.res_partner_cs_customer_action')
    page.wait_for_selector('.o_list_view')
    header = page.inner_text('.o_list_view thead')
    assert '客户等级' in header
    row = page.locator('.o_list_view tbody tr', has_text='华夏精密机械有限公司')
    assert 'VIP客户' in row.inner_text()
    shot(page, 'customers_by_tier')


def test_customer_form_tab(login):
    """The customer form has a 客户服务 tab with the tier, the annual amount and the recompute button."""
    page = login('cs_manager')
    open_action(page, 'customer_service_mgmt.res_partner_cs_customer_action')
    page.click('.o_list_view tbody tr:has-text("华夏精密机械有限公司") td.o_data_cell')
    page.wait_for_selector('.o_form_view')
    page.click('.o_notebook a:has-text("客户服务")')
    tab = page.inner_text('.o_notebook .tab-pane.active')
    assert '年交易额' in tab and 'VIP客户' in tab and '重新计算等级' in tab
    shot(page, 'customer_form_tier')


def test_agent_cannot_open_tier_configuration(login):
    """An agent sees the customer service menu but not its configuration."""
    page = login('cs_agent')
    page.click('#oe_main_menu_navbar a:has-text("客户服务")')
    page.wait_for_selector('.o_sub_menu_content a:has-text("客户")')
    sections = page.inner_text('.o_sub_menu_content .oe_secondary_menu:visible')
    assert '客户' in sections and '报表' in sections
    assert '配置' not in sections
    shot(page, 'agent_menu')


def test_manager_sees_tier_configuration(login):
    """A manager opens 配置 > 客户分级 and sees the four tiers with their thresholds."""
    page = login('cs_manager')
    page.click('#oe_main_menu_navbar a:has-text("客户服务")')
    menu = page.locator('.o_sub_menu_content').get_by_role('link', name='客户分级', exact=True)
    menu.click()
    page.wait_for_selector('.o_list_view thead:has-text("最低年交易额")')
    body = page.inner_text('.o_list_view tbody')
    for name in ('VIP客户', '重点客户', '一般客户', '储备客户'):
        assert name in body
    assert '500,000.00' in body
    shot(page, 'tier_table')
