import re
import unittest

import polib

from odoo.modules.module import get_module_resource

CATALOGUES = (('i18n', 'zh_CN.po'), ('i18n_extra', 'helpdesk_mgmt.zh_CN.po'))
_CJK = '[\u4e00-\u9fff\u3001-\u303f\uff01-\uff5e]'
_PLACEHOLDER = r'(?:%(?:\(\w+\))?[sdf]|\$\{[^}]*\})'
# an ASCII comma, colon or semicolon with Chinese (or a placeholder) on both sides, Chinese on one at least
ASCII_PUNCT = re.compile(r'(?:{c}\s*[,:;]\s*(?:{c}|{p})|{p}\s*[,:;]\s*{c})'.format(c=_CJK, p=_PLACEHOLDER))


def ascii_punctuation(text):
    """The stretches of ``text`` where ASCII punctuation separates Chinese words."""
    return [m.group(0) for m in ASCII_PUNCT.finditer(text or '')]


class TestChinesePunctuation(unittest.TestCase):
    """Chinese messages use Chinese punctuation (，：；、), not ASCII commas and colons between words."""

    def test_detector(self):
        """The rule finds ASCII punctuation between Chinese words and leaves Chinese punctuation alone."""
        self.assertTrue(ascii_punctuation('客户等级: %s'))
        self.assertTrue(ascii_punctuation('投诉 %s 已关闭, 请回访'))
        self.assertTrue(ascii_punctuation('原因;%(reason)s'))
        self.assertFalse(ascii_punctuation('客户等级：%s，年交易额 %s；日期'))
        self.assertFalse(ascii_punctuation('<td style="margin: 0; padding: 0;">工单</td>'))

    def test_catalogues_use_chinese_punctuation(self):
        """No msgstr of the addon's catalogues has ASCII ',' ':' ';' between Chinese words."""
        bad = []
        for folder, name in CATALOGUES:
            for entry in polib.pofile(get_module_resource('customer_service_mgmt', folder, name)):
                found = ascii_punctuation(entry.msgstr)
                if found:
                    bad.append('%s: %r in %r' % (name, found, entry.msgstr[:80]))
        self.assertFalse(bad, 'use Chinese punctuation (，：；、):\n%s' % '\n'.join(bad))
