from odoo import _, api, fields, models

from .cs_tier import CONFIDENTIALITY


class CsArchiveAccessLog(models.Model):
    """The consultation register 借阅登记 of the archives, every level (POLICY §5): who read
    which customer's archive, at which level, when and for what purpose. Append-only: lines are written
    by the archive's read() as superuser; nobody but the administrator edits or deletes them."""
    _name = 'cs.archive.access.log'
    _inherit = ['cs.register.mixin', 'cs.guard.mixin']
    _description = 'Archive Access Log'
    _order = 'access_time desc, id desc'
    _rec_name = 'archive_id'

    archive_id = fields.Many2one('cs.customer.archive', string='Archive', required=True, index=True,
                                 ondelete='restrict', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Customer', required=True, index=True,
                                 ondelete='restrict', readonly=True)
    user_id = fields.Many2one('res.users', string='Read by', required=True, index=True,
                              ondelete='restrict', readonly=True)
    level = fields.Selection(CONFIDENTIALITY, string='Confidentiality level', required=True, readonly=True)
    purpose = fields.Char(string='Purpose', readonly=True,
                          help='Stated when the archive was opened from the form; empty for reads '
                               'through the web API.')
    access_time = fields.Datetime(string='Read on', required=True, readonly=True, default=fields.Datetime.now)
    company_id = fields.Many2one(related='archive_id.company_id', store=True, readonly=True)

    @api.model
    def _cs_register_message(self):
        return _('The archive access log is a register: its lines cannot be changed or deleted.')
