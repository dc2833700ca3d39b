"""The customer's own opinion: the agent sends the reply; the customer opens the link of the mail (not
logged in), answers in Chinese, and a second use, a forged link are refused with a Chinese page."""
import re

from conftest import URL, shot
from rpc import Session


def send_reply():
    """As the agent: a complaint with a reply, sent to a customer with an e-mail address; the link."""
    agent = Session('cs_agent')
    partner = agent.call('res.partner', 'create', {'name': '意见测试客户', 'email': 'yijian@example.com',
                                                   'lang': 'zh_CN'})
    ticket = agent.call('helpdesk.ticket', 'create', {
        'name': '发票开错', 'partner_id': partner, 'cs_kind': 'complaint', 'description': '<p>发票抬头错误</p>',
        'cs_reply': '已重新开具发票并寄出'})
    agent.call('helpdesk.ticket', 'action_cs_send_reply', [ticket])
    messages = agent.call('mail.message', 'search_read', [('model', '=', 'helpdesk.ticket'), ('res_id', '=', ticket),
                                                          ('body', 'ilike', '/cs/opinion/')], ['body'])
    link = re.search(r'href="([^"]*/cs/opinion/[^"]+)"', messages[0]['body']).group(1)
    return agent, ticket, '%s/cs/opinion/%s' % (URL, link.split('/cs/opinion/')[1])


def test_customer_gives_opinion_once(browser):
    """The page is in Chinese, records the answer as the customer's, and refuses a second use."""
    agent, ticket, link = send_reply()
    context = browser.new_context(locale='zh-CN')
    page = context.new_page()
    page.goto(link)
    assert '您对处理结果的意见' in page.content()
    assert '已重新开具发票并寄出' in page.content()
    shot(page, 'opinion_form')
    page.check('input[value=dissatisfied]')
    page.fill('textarea[name=comment]', '寄送太慢')
    page.click('button[type=submit]')
    page.wait_for_selector('.cs-thanks')
    assert '谢谢' in page.inner_text('body')
    shot(page, 'opinion_thanks')
    row = agent.call('helpdesk.ticket', 'read', [ticket], ['cs_customer_opinion', 'cs_opinion_source',
                                                          'cs_opinion_comment'])[0]
    assert (row['cs_customer_opinion'], row['cs_opinion_source'], row['cs_opinion_comment']) == \
        ('dissatisfied', 'customer', '寄送太慢')
    response = page.goto(link)
    assert response.status == 403
    assert '已使用' in page.inner_text('.cs-refused')
    shot(page, 'opinion_used')
    context.close()


def test_forged_link_refused(browser):
    """A forged token shows the Chinese refusal and writes nothing."""
    agent, ticket, link = send_reply()
    context = browser.new_context(locale='zh-CN')
    page = context.new_page()
    response = page.goto(link[:-4] + 'abcd')
    assert response.status == 403
    assert '无效' in page.inner_text('.cs-refused')
    shot(page, 'opinion_forged')
    row = agent.call('helpdesk.ticket', 'read', [ticket], ['cs_customer_opinion'])[0]
    assert not row['cs_customer_opinion']
    context.close()
