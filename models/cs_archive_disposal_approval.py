from odoo import fields, models

from .cs_archive_disposal import DISPOSAL_ROLES


class CsArchiveDisposalApproval(models.Model):
    """One recorded approval of a disposal request; the database refuses a second approval of the same
    role or by the same person."""
    _name = 'cs.archive.disposal.approval'
    _description = 'Archive Disposal Approval'
    _order = 'date, id'

    disposal_id = fields.Many2one('cs.archive.disposal', required=True, index=True, ondelete='restrict')
    role = fields.Selection(DISPOSAL_ROLES, required=True)
    user_id = fields.Many2one('res.users', string='Approved by', required=True, ondelete='restrict')
    date = fields.Datetime(string='Approved on', required=True, default=fields.Datetime.now)

    _sql_constraints = [
        ('role_uniq', 'unique(disposal_id, role)', 'Each role approves a disposal once.'),
        ('user_uniq', 'unique(disposal_id, user_id)', 'One person approves a disposal once.'),
    ]
