from odoo import api, models


class ResCompany(models.Model):
    """What the addon writes by itself (crons, server code: chatter lines, visit subjects, penalty names,
    activities) is read by the whole company: it is written in the company's language, not in that of
    whoever (or whichever cron user) triggered it."""
    _inherit = 'res.company'

    @api.multi
    def _cs_lang(self):
        """The company's language: its partner's, else the language the database was set up in."""
        company = self[:1] or self.env.user.company_id
        return company.partner_id.lang or self.env['ir.default'].sudo().get('res.partner', 'lang') or 'en_US'

    @api.model
    def _cs_in_company_lang(self, records, company=None):
        """``records`` with the language of ``company`` (default: the current user's company)."""
        company = company or self.env.user.company_id
        return records.with_context(lang=company._cs_lang())
