import io
import re

import polib

from odoo.modules.module import get_module_resource
from odoo.tools.translate import trans_export

from .common import CsCase


class TestChinese(CsCase):
    """The users read Chinese: every term of the addon has a zh_CN translation, and it is loaded."""

    def test_every_term_translated(self):
        """Every term Odoo exports for the addon has a non-empty msgstr in i18n/zh_CN.po."""
        buf = io.BytesIO()
        trans_export(False, ['customer_service_mgmt'], buf, 'po', self.env.cr)
        exported = polib.pofile(buf.getvalue().decode('utf-8'))
        po = polib.pofile(get_module_resource('customer_service_mgmt', 'i18n', 'zh_CN.po'))
        translated = {entry.msgid for entry in po if entry.msgstr.strip()}
        missing = sorted({entry.msgid for entry in exported} - translated)
        self.assertFalse(missing, 'terms without a zh_CN translation (run `make i18n`, then translate):\n%s'
                         % '\n'.join(missing))

    def test_labels_in_chinese(self):
        """Menus, tiers and field labels appear in Chinese for a zh_CN user."""
        env = self.env(context={'lang': 'zh_CN'})
        self.assertEqual(env.ref('customer_service_mgmt.cs_root_menu').name, '客户服务')
        self.assertEqual(env.ref('customer_service_mgmt.cs_tier_vip').name, 'VIP客户')
        self.assertEqual(env['res.partner'].fields_get(['cs_tier_id'])['cs_tier_id']['string'], '客户等级')
        self.assertEqual(env.ref('customer_service_mgmt.group_cs_agent').name, '客服专员')

    def test_placeholders_kept(self):
        """A translation keeps the placeholders of its source, or the message fails when it is shown."""
        placeholder = re.compile(r'%(?:\(\w+\))?[sdfr]')
        po = polib.pofile(get_module_resource('customer_service_mgmt', 'i18n', 'zh_CN.po'))
        broken = [entry.msgid for entry in po if entry.msgstr and
                  sorted(placeholder.findall(entry.msgid)) != sorted(placeholder.findall(entry.msgstr))]
        self.assertFalse(broken, 'translations whose placeholders differ from the source:\n%s' % '\n'.join(broken))
