"""The manager's morning dashboard 指标看板 and the general manager's compliance check 合规检查."""
import re

from conftest import shot

ERROR_DIALOG = '.modal:visible .o_dialog_warning, .modal:visible .o_error_detail, .modal:visible .o_dialog_error'
ENGLISH = re.compile(r'\b(Complaints|Handling|rate|Last month|Visits|Renewal|Satisfaction|Overdue|Open)\b')


def no_error_dialog(page):
    texts = [page.locator(ERROR_DIALOG).nth(i).inner_text() for i in range(page.locator(ERROR_DIALOG).count())]
    assert not texts, 'error dialog: %s' % texts


def open_menu(page, entry):
    """Click an entry of the 客户服务 menu (the left sidebar of the Odoo 11 web client)."""
    page.click('#oe_main_menu_navbar a:has-text("客户服务")')
    page.wait_for_selector('.o_sub_menu_content a:has-text("%s")' % entry)
    page.locator('.o_sub_menu_content').get_by_role('link', name=entry, exact=True).click()


def test_manager_opens_dashboard_and_a_tile(login):
    """The manager opens 指标看板: Chinese tiles, a 12-month table; a tile opens its complaint list."""
    page = login('cs_manager')
    open_menu(page, '指标看板')
    page.wait_for_selector('.o_form_view .o_cs_tiles .oe_stat_button', timeout=90000)
    text = page.inner_text('.o_form_view')
    labels = ('登记投诉', '投诉处理率', '按期率', '满意度', '上月', '重要客户回访覆盖率', '续约率', '最近 12 个月')
    for label in labels:
        assert label in text, label
    assert not ENGLISH.search(text), ENGLISH.search(text).group(0)
    assert page.locator('.o_form_view .o_field_one2many tbody tr.o_data_row').count() == 12
    no_error_dialog(page)
    shot(page, 'dashboard_tiles')
    tile = page.locator('.o_cs_tiles .oe_stat_button:has-text("登记投诉") .o_stat_value').first
    figure = tile.inner_text().strip()
    page.click('.o_cs_tiles .oe_stat_button:has-text("登记投诉")')
    page.wait_for_selector('.breadcrumb:has-text("登记投诉")', timeout=90000)
    page.wait_for_selector('.o_content > .o_view_controller .o_list_view, .o_content .o_list_view:not(.o_field_widget)')
    page.wait_for_selector('.o_loading', state='hidden')
    # the list holds as many complaints as the tile counts
    rows = page.locator('.o_content .o_list_view tr.o_data_row').count()
    assert str(rows) == figure or page.inner_text('.o_pager_counter').strip().endswith('/ %s' % figure), figure
    no_error_dialog(page)
    shot(page, 'dashboard_tile_list')


def test_gm_opens_compliance_check(login):
    """The general manager opens 合规检查: the breaches grouped by rule, in Chinese."""
    page = login('cs_gm')
    open_menu(page, '合规检查')
    page.wait_for_selector('.breadcrumb:has-text("合规检查")', timeout=90000)
    page.wait_for_selector('.o_list_view')
    assert '规则' in page.inner_text('.o_list_view thead')
    page.wait_for_selector('.o_loading', state='hidden')
    if page.locator('.o_list_view .o_group_header').count():
        page.locator('.o_list_view .o_group_header').first.click()
        page.wait_for_selector('.o_list_view tr.o_data_row')
        page.wait_for_selector('.o_loading', state='hidden')
    no_error_dialog(page)
    shot(page, 'compliance_check')
