from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..policy import values as value_policy


class CsArchiveAccessWizard(models.TransientModel):
    """The purpose prompt 借阅卡 shown before an archive opens (every level is registered)."""
    _name = 'cs.archive.access.wizard'
    _inherit = ['cs.guard.mixin']
    _description = 'Purpose of an Archive Consultation'

    archive_id = fields.Many2one('cs.customer.archive', string='Archive', required=True, ondelete='cascade')
    purpose = fields.Char(string='Purpose', required=True,
                          help='Why you consult this archive; it is registered with your name and the time.')

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)
        return super(CsArchiveAccessWizard, self).create(vals)

    @api.multi
    def write(self, vals):
        self._cs_guard_write(vals)
        return super(CsArchiveAccessWizard, self).write(vals)

    @api.multi
    def action_confirm(self):
        """Open the archive with the stated purpose: its read registers the consultation."""
        self.ensure_one()
        archive = self.archive_id
        archive.check_access_rights('read')
        archive.check_access_rule('read')
        if value_policy.is_blank(self.purpose):
            raise UserError(_('State the purpose of consulting the archive of %s ("%s" is empty).') % (
                archive.sudo().partner_id.display_name, self._cs_field_label('purpose')))
        return archive._cs_content_action(purpose=value_policy.clean(self.purpose))
