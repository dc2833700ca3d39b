import os

from odoo import api, models, tools
from odoo.modules.module import get_module_path

ADDON = 'customer_service_mgmt'


class IrTranslation(models.Model):
    """The host's terms in the users' language: OCA helpdesk_mgmt ships no zh_CN, so the addon ships one
    (i18n_extra/<module>.<lang>.po) and loads it whenever Odoo loads the addon's own catalogues: on install,
    on update and when a language is installed later."""
    _inherit = 'ir.translation'

    @api.model
    def load_module_terms(self, modules, langs):
        res = super(IrTranslation, self).load_module_terms(modules, langs)
        if ADDON in modules:
            for lang in langs:
                self._cs_load_host_terms(lang)
        return res

    @api.model
    def _cs_load_host_terms(self, lang):
        """Loads every host catalogue the addon ships for ``lang``. Terms already translated (by the host,
        by the addon's own catalogue, which loads first, or by a user) are kept, as Odoo does unless asked
        to overwrite (``--i18n-overwrite``)."""
        folder = os.path.join(get_module_path(ADDON), 'i18n_extra')
        suffix = '.%s.po' % lang
        loaded = []
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            module = name[:-len(suffix)]
            if not name.endswith(suffix) or not self.env['ir.module.module'].sudo().search_count(
                    [('name', '=', module), ('state', 'in', ('installed', 'to upgrade', 'to install'))]):
                continue
            tools.trans_load(self.env.cr, os.path.join(folder, name), lang, verbose=False,
                             module_name=module, context=dict(self.env.context))
            loaded.append(module)
        return loaded
