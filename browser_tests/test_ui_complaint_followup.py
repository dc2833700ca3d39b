"""A dissatisfied customer is not the end, in the browser and in Chinese: the handler's closing of a
complaint with 不满意 is refused with a clear message; the handler opens the follow-up form, plans a
re-handling, and the complaint shows its new deadline."""
import re

from conftest import shot
from test_ui_complaint_journeys import (choose_many2one, done_stage_id, no_error_dialog, open_tab,
                                        register_complaint, save, select_option)


def test_handler_follows_up_a_dissatisfied_customer(login):
    """客服专员 closes with 不满意: refused; 不满意跟进 → 重新处理 reopens with a new deadline."""
    page = login('cs_agent')
    register_complaint(page, '浏览器旅程：客户不满意')
    assign = page.locator('.o_form_statusbar button', has_text=re.compile('Assign to me|分配给我'))
    assign.click()
    assign.wait_for(state='hidden')
    no_error_dialog(page)
    page.click('.o_form_button_edit')
    page.wait_for_selector('.o_form_view.o_form_editable')
    open_tab(page, '调查核实')
    select_option(page, 'cs_finding', '一般失误、服务欠缺')
    page.fill('.o_field_widget[name=cs_investigation]', '经核实，送货司机未按约定时间送达。')
    open_tab(page, '答复')
    page.fill('.o_field_widget[name=cs_reply]', '已向客户致歉，并调整了配送安排。')
    select_option(page, 'cs_customer_opinion', '不满意')
    save(page)
    no_error_dialog(page)
    followup = page.locator('.o_form_statusbar button', has_text='不满意跟进')
    assert followup.is_visible()

    # closing is refused, with a message in Chinese naming the rule
    done = done_stage_id()
    page.click('.o_statusbar_status button[data-value="%d"]' % done)
    dialog = page.locator('.modal:visible').first
    dialog.wait_for()
    # the message is ours, in Chinese (the host titles the dialog "Odoo Server Error - 验证错误")
    text = dialog.locator('.modal-body').inner_text()
    assert '不满意' in text and '重新处理' in text and '回访' in text, text
    assert not re.search(r'[A-Za-z]{4,}', text), text
    shot(page, 'followup_closing_refused')
    dialog.locator('.modal-footer button').first.click()
    page.wait_for_selector('.modal:visible', state='detached')
    page.reload()
    page.wait_for_selector('.o_form_view.o_form_readonly')
    assert not page.locator('.o_statusbar_status button.btn-primary[data-value="%d"]' % done).count()
    old_deadline = page.inner_text('.o_field_widget[name=cs_deadline]')

    # the follow-up form: re-handling with a note
    page.locator('.o_form_statusbar button', has_text='不满意跟进').click()
    wizard = page.locator('.modal:visible')
    wizard.wait_for()
    assert '重新处理' in wizard.inner_text() and '回访' in wizard.inner_text()
    wizard.locator('.o_field_widget[name=note]').fill('重新安排配送，三个工作日内上门。')
    shot(page, 'followup_wizard')
    wizard.locator('.modal-footer button.btn-primary').click()
    page.wait_for_selector('.modal:visible', state='detached')
    no_error_dialog(page)

    # the complaint shows its new deadline and the re-handling
    page.wait_for_selector('.o_form_statusbar button:has-text("不满意跟进")', state='hidden')
    deadline = page.inner_text('.o_field_widget[name=cs_deadline]')
    assert re.search(r'\d{4}(-|年)', deadline) and deadline >= old_deadline, (old_deadline, deadline)
    open_tab(page, '答复')
    assert '重新处理' in page.inner_text('.o_field_widget[name=cs_followup]')
    assert re.search(r'\d{4}(-|年)', page.inner_text('.o_field_widget[name=cs_rehandle_date]'))
    chatter = page.inner_text('.o_chatter')
    day = '%04d-%02d-%02d' % tuple(int(n) for n in re.findall(r'\d+', deadline)[:3])
    assert '重新处理，新期限 %s' % day in chatter, (deadline, chatter)
    shot(page, 'followup_rehandled')
