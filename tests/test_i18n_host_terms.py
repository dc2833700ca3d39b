import io

import polib

from odoo.modules.module import get_module_resource
from odoo.tools.translate import trans_export

from .common import CsCase

HOST_PO = ('customer_service_mgmt', 'i18n_extra', 'helpdesk_mgmt.zh_CN.po')


class TestHostTermsChinese(CsCase):
    """The helpdesk's own terms (OCA helpdesk_mgmt ships no zh_CN) read Chinese: the addon's catalogue."""

    def test_every_host_term_translated(self):
        """Every term Odoo exports for helpdesk_mgmt has a non-empty msgstr in the addon's catalogue."""
        buf = io.BytesIO()
        trans_export(False, ['helpdesk_mgmt'], buf, 'po', self.env.cr)
        exported = {entry.msgid for entry in polib.pofile(buf.getvalue().decode('utf-8'))}
        po = polib.pofile(get_module_resource(*HOST_PO))
        translated = {entry.msgid for entry in po if entry.msgstr.strip()}
        self.assertFalse(sorted(exported - translated), 'helpdesk_mgmt terms without zh_CN in %s' % '/'.join(HOST_PO))

    def test_host_labels_in_chinese(self):
        """Stages, channels, menus, field labels, buttons and mail subjects of the helpdesk read Chinese."""
        env = self.env(context={'lang': 'zh_CN'})
        stages = {xmlid: env.ref('helpdesk_mgmt.helpdesk_ticket_stage_%s' % xmlid).name
                  for xmlid in ('new', 'in_progress', 'awaiting', 'done', 'cancelled')}
        self.assertEqual(stages, {'new': '新建', 'in_progress': '处理中', 'awaiting': '等待中', 'done': '已完成',
                                  'cancelled': '已取消'})
        self.assertEqual(env.ref('helpdesk_mgmt.helpdesk_ticket_channel_web').name, '网站')
        self.assertEqual(env.ref('helpdesk_mgmt.helpdesk_ticket_channel_menu').name, '渠道')
        fields = env['helpdesk.ticket'].fields_get(['channel_id', 'category_id', 'team_id', 'priority'])
        self.assertEqual(fields['channel_id']['string'], '渠道')
        self.assertEqual(fields['team_id']['string'], '服务团队')
        self.assertIn(('3', '非常高'), fields['priority']['selection'])
        form = env['helpdesk.ticket'].fields_view_get(env.ref('helpdesk_mgmt.ticket_view_form').id, 'form')
        self.assertIn('分配给我', form['arch'])
        self.assertNotIn('Assign to me', form['arch'])
        search = env['helpdesk.ticket'].fields_view_get(view_type='search')['arch']
        self.assertIn('我的工单', search)
        template = env.ref('helpdesk_mgmt.closed_ticket_template')
        self.assertEqual(template.subject, '工单 ${object.number} 已关闭。')
        self.assertIn('您好', template.body_html)

    def test_loaded_again_when_the_language_is_loaded(self):
        """Loading the addon's terms (install, update, a language installed later) brings them back."""
        self.env.cr.execute("DELETE FROM ir_translation WHERE module = 'helpdesk_mgmt' AND lang = 'zh_CN'")
        self.env['ir.translation'].clear_caches()
        stage = self.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_new')
        self.assertEqual(stage.with_context(lang='zh_CN').name, 'New')
        stage.invalidate_cache()
        self.env['ir.translation'].load_module_terms(['customer_service_mgmt'], ['zh_CN'])
        self.env['ir.translation'].clear_caches()
        stage.invalidate_cache()
        self.assertEqual(stage.with_context(lang='zh_CN').name, '新建')

    def test_own_terms_win(self):
        """A term the addon translates itself (or a user edited) is kept: the host catalogue only adds."""
        self.env.cr.execute("""UPDATE ir_translation SET value = '待受理' WHERE lang = 'zh_CN'
                               AND name = 'helpdesk.ticket.stage,name' AND res_id = %s""",
                            (self.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_new').id,))
        self.env['ir.translation'].load_module_terms(['customer_service_mgmt'], ['zh_CN'])
        self.env['ir.translation'].clear_caches()
        stage = self.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_new')
        stage.invalidate_cache()
        self.assertEqual(stage.with_context(lang='zh_CN').name, '待受理')
