from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from .cs_archive_disposal import DISPOSAL_ROLES


class CsArchiveDisposalApproval(models.Model):
    """One recorded approval of a disposal request, for the archive it was given for; the database
    refuses a second approval of the same role or by the same person. Created only by the request's
    approval actions, never changed nor deleted."""
    _name = 'cs.archive.disposal.approval'
    _inherit = ['cs.guard.mixin']
    _description = 'Archive Disposal Approval'
    _order = 'date, id'

    disposal_id = fields.Many2one('cs.archive.disposal', required=True, index=True, ondelete='restrict')
    archive_id = fields.Many2one('cs.customer.archive', string='Archive approved', index=True,
                                 ondelete='restrict', help='The archive this approval was given for.')
    role = fields.Selection(DISPOSAL_ROLES, required=True)
    user_id = fields.Many2one('res.users', string='Approved by', required=True, ondelete='restrict')
    date = fields.Datetime(string='Approved on', required=True, default=fields.Datetime.now)

    _sql_constraints = [
        ('role_uniq', 'unique(disposal_id, role)', 'Each role approves a disposal once.'),
        ('user_uniq', 'unique(disposal_id, user_id)', 'One person approves a disposal once.'),
    ]

    @api.model
    def _cs_protected_fields(self):
        return super(CsArchiveDisposalApproval, self)._cs_protected_fields() | {
            'disposal_id', 'archive_id', 'role', 'user_id', 'date'}

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)
        if not self._cs_is_system():
            # a create leaves protected fields at their defaults: an approval made that way approves nothing
            raise AccessError(_('Disposal approvals are given only by the approval buttons of the request.'))
        return super(CsArchiveDisposalApproval, self).create(vals)

    @api.multi
    def write(self, vals):
        self._cs_guard_write(vals)
        return super(CsArchiveDisposalApproval, self).write(vals)

    @api.multi
    def unlink(self):
        if not self._cs_is_system():
            raise AccessError(_('Disposal approvals are a record of who approved: they are never deleted.'))
        return super(CsArchiveDisposalApproval, self).unlink()
