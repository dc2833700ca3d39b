from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CsArchiveAccessWizard(models.TransientModel):
    """The purpose prompt 借阅卡 shown before a confidential or top-secret archive opens."""
    _name = 'cs.archive.access.wizard'
    _description = 'Purpose of an Archive Consultation'

    archive_id = fields.Many2one('cs.customer.archive', string='Archive', required=True, ondelete='cascade')
    purpose = fields.Char(string='Purpose', required=True,
                          help='Why you consult this archive; it is registered with your name and the time.')

    @api.multi
    def action_confirm(self):
        """Open the archive with the stated purpose: its read registers the consultation."""
        self.ensure_one()
        if not (self.purpose or '').strip():
            raise UserError(_('State the purpose of consulting the archive of %s.')
                            % self.archive_id.sudo().partner_id.display_name)
        archive = self.archive_id
        archive.check_access_rights('read')
        archive.check_access_rule('read')
        return archive._cs_content_action(purpose=self.purpose.strip())
