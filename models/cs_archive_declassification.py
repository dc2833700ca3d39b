from odoo import _, api, fields, models

from .cs_tier import CONFIDENTIALITY


class CsArchiveDeclassification(models.Model):
    """The register of declassifications 解密登记: each archive whose confidentiality term ran out, the
    level it had and the level it dropped to, by the daily cron. Append-only."""
    _name = 'cs.archive.declassification'
    _inherit = ['cs.register.mixin']
    _description = 'Archive Declassification'
    _order = 'id desc'
    _rec_name = 'archive_id'

    archive_id = fields.Many2one('cs.customer.archive', string='Archive', required=True, index=True,
                                 ondelete='restrict', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Customer', required=True, ondelete='restrict',
                                 readonly=True)
    term_date = fields.Date(string='Declassification date', required=True, readonly=True)
    from_level = fields.Selection(CONFIDENTIALITY, string='Level before', required=True, readonly=True)
    to_level = fields.Selection(CONFIDENTIALITY, string='Level after', required=True, readonly=True)
    date = fields.Datetime(string='Declassified on', required=True, readonly=True, default=fields.Datetime.now)
    company_id = fields.Many2one(related='archive_id.company_id', store=True, readonly=True)

    @api.model
    def _cs_register_message(self):
        return _('The declassification register cannot be changed or deleted.')
