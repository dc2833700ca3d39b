"""Browser tests: Debian's chromium driven by Playwright against a running Odoo server (tools/test.sh
starts one on the test database). They speak HTTP only and never import odoo."""
import os

import pytest
from playwright.sync_api import sync_playwright

URL = os.environ.get('CSM_URL', 'http://127.0.0.1:8169')
DB = os.environ.get('CSM_DB', 'csm_test')
SHOTS = os.environ.get('CSM_SCREENSHOTS', os.path.join(os.path.dirname(__file__), '..', '.run', 'screenshots'))


@pytest.fixture(scope='session')
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get('CHROMIUM', '/usr/bin/chromium'),
            args=['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
                  '--no-first-run', '--disable-component-update', '--disable-sync'])
        yield browser
        browser.close()


@pytest.fixture
def login(browser):
    """Returns a function that logs a user in and gives the page, in Chinese, at a desktop size."""
    contexts = []

    def _login(user, password=None):
        context = browser.new_context(viewport={'width': 1400, 'height': 900}, locale='zh-CN')
        contexts.append(context)
        page = context.new_page()
        # a loaded machine (CI runs everything on two cores) can take its time; a real failure still fails
        page.set_default_timeout(90000)
        page.goto('%s/web/login?db=%s' % (URL, DB))
        page.fill('input[name=login]', user)
        page.fill('input[name=password]', password or user)
        page.click('button[type=submit]')
        page.wait_for_selector('#oe_main_menu_navbar .oe_application_menu_placeholder a', timeout=60000)
        return page

    yield _login
    for context in contexts:
        context.close()


def shot(page, name):
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=os.path.join(SHOTS, name + '.png'), full_page=True)
