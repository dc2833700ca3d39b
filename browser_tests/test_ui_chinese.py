"""The whole day in Chinese: a zh_CN user reads the labels, buttons, filters and chatter of the main
screens, and no English word shows (a short allow-list of terms that are English in Chinese use too)."""
import json
import os
import re

import pytest

from conftest import SHOTS, URL, shot

# ASCII words of two letters or more, not glued to other ASCII letters (VIP客户 still shows "VIP")
WORD = re.compile(r'(?<![A-Za-z])[A-Za-z]{2,}(?![A-Za-z])')
ALLOWED = {'VIP', 'PDF', 'XLSX', 'Odoo', 'CNY', 'ID', 'SMS', 'CN'}
# what is not a word of the interface: e-mail addresses, web addresses, numbers with units of Odoo's own
NOT_WORDS = re.compile(r'[\w.+-]+@[\w-]+(\.[\w-]+)+|https?://\S+|www\.\S+')
SCREEN = '.o_control_panel, .o_content, #oe_main_menu_navbar, .modal:visible'


def english_words(text):
    return sorted({w for w in WORD.findall(NOT_WORDS.sub(' ', text)) if w not in ALLOWED})


def open_action(page, xmlid, view_type=None):
    page.goto('%s/web#action=%s%s' % (URL, xmlid, '&view_type=%s' % view_type if view_type else ''))
    page.wait_for_selector('.o_content .o_list_view, .o_content .o_form_view, .o_content .o_kanban_view, '
                           '.o_content .o_calendar_view, .o_content .o_pivot, .o_content .o_graph',
                           timeout=60000)
    page.wait_for_timeout(500)


def screen_text(page):
    """What the user reads: the menus, the control panel (with the filter and group-by menus opened),
    the view, its buttons, status bar, tabs (each one opened) and chatter."""
    texts = []
    for selector in ('.o_search_options .o_dropdown_toggler_btn', '.o_search_options button.dropdown-toggle'):
        toggles = page.locator(selector)
        for i in range(toggles.count()):
            if toggles.nth(i).is_visible():
                toggles.nth(i).click()
                texts.append(page.locator('.o_search_options').inner_text())
                toggles.nth(i).click()
    tabs = page.locator('.o_form_view .o_notebook .nav-tabs a')
    for i in range(tabs.count()):
        if tabs.nth(i).is_visible():
            tabs.nth(i).click()
            texts.append(page.locator('.o_notebook .tab-pane.active').first.inner_text())
    for selector in SCREEN.split(', '):
        nodes = page.locator(selector)
        texts.extend(nodes.nth(i).inner_text() for i in range(nodes.count()) if nodes.nth(i).is_visible())
    # labels shown as placeholders, tooltips of the status buttons and the view switcher's titles
    texts.extend(page.eval_on_selector_all(
        '.o_content input[placeholder], .o_cp_switch_buttons button[title]',
        'els => els.map(e => e.getAttribute("placeholder") || e.getAttribute("title"))'))
    return '\n'.join(t for t in texts if t)


def open_first_row(page, text=None):
    row = page.locator('.o_list_view tbody tr.o_data_row' + (':has-text("%s")' % text if text else '')).first
    row.locator('td.o_data_cell').first.click()
    page.wait_for_selector('.o_form_view', timeout=30000)
    page.wait_for_timeout(800)


def check(page, name, found):
    text = screen_text(page)
    shot(page, 'chinese_%s' % name)
    words = english_words(text)
    if words:
        found[name] = words


def report(found, name):
    """Fails on any English word; the words found are kept in english_words_<name>.json beside the
    screenshots (the figure the issue asks for)."""
    os.makedirs(SHOTS, exist_ok=True)
    with open(os.path.join(SHOTS, 'english_words_%s.json' % name), 'w') as f:
        json.dump({'count': sum(len(w) for w in found.values()), 'screens': found}, f, ensure_ascii=False,
                  indent=1, sort_keys=True)
    assert not found, 'English words on the screens of a zh_CN user: %s' % found


# Known and counted (issue 10 point 2, 2026-11-23: 118 distinct English words left on these screens, 217
# before): chatter tracking lines written in English at install (field labels, selection values), the
# English names of the visit policy lines and care occasions of the shipped data, the host's mail
# template names, the language's name, 'Administrator' and 'YourCompany' of the test database. Strict:
# once they are fixed the test passes, xfail then fails, and the marker goes.
KNOWN_ENGLISH = pytest.mark.xfail(strict=True, reason='English words remain, see english_words_*.json')


@KNOWN_ENGLISH
def test_main_screens_read_chinese(login):
    """客服经理: complaints (list, form with its chatter), the customer's 客户服务 tab, visits (list,
    form), rewards and penalties (list), the helpdesk's own menus: no English word."""
    page = login('cs_manager')
    found = {}
    check(page, 'home', found)
    open_action(page, 'customer_service_mgmt.helpdesk_ticket_cs_complaint_action')
    check(page, 'complaint_list', found)
    open_first_row(page)
    check(page, 'complaint_form', found)
    open_action(page, 'customer_service_mgmt.res_partner_cs_customer_action')
    open_first_row(page, '华夏精密机械有限公司')
    page.click('.o_notebook a:has-text("客户服务")')
    check(page, 'customer_form', found)
    open_action(page, 'customer_service_mgmt.cs_visit_action', 'list')
    check(page, 'visit_list', found)
    open_first_row(page)
    check(page, 'visit_form', found)
    open_action(page, 'customer_service_mgmt.cs_reward_penalty_action', 'list')
    check(page, 'reward_list', found)
    open_action(page, 'helpdesk_mgmt.helpdesk_ticket_action', 'list')
    check(page, 'helpdesk_tickets', found)
    open_action(page, 'helpdesk_mgmt.helpdesk_ticket_channel_action')
    check(page, 'helpdesk_channels', found)
    open_action(page, 'helpdesk_mgmt.helpdesk_ticket_stage_action')
    check(page, 'helpdesk_stages', found)
    report(found, 'manager')


@KNOWN_ENGLISH
def test_archive_form_reads_chinese(login):
    """总经理 reads a customer archive (giving the purpose of the borrowing): no English word."""
    page = login('cs_gm')
    found = {}
    open_action(page, 'customer_service_mgmt.cs_customer_archive_action')
    check(page, 'archive_list', found)
    open_first_row(page)
    purpose = page.locator('.modal:visible textarea, .modal:visible input[type=text]').first
    if page.locator('.modal:visible').count():
        check(page, 'archive_purpose', found)
        purpose.fill('浏览器测试：核对客户资料')
        page.locator('.modal:visible .modal-footer .btn-primary').first.click()
        page.wait_for_selector('.o_form_view', timeout=30000)
        page.wait_for_timeout(800)
    check(page, 'archive_form', found)
    report(found, 'gm')
