from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

ARCHIVE = 'cs.customer.archive'


class MailMessage(models.Model):
    """The chatter of a customer archive reaches only those who may read the archive (POLICY §5): the
    host lets the author, the recipients and the notified read a message whatever the document's access;
    on an archive, the archive's own access decides."""
    _inherit = 'mail.message'

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False, access_rights_uid=None):
        result = super(MailMessage, self)._search(
            args, offset=offset, limit=limit, order=order, count=False, access_rights_uid=access_rights_uid)
        if self._uid != SUPERUSER_ID and result:
            hidden = self._cs_hidden_archive_messages(result)
            result = [mid for mid in result if mid not in hidden]
        return len(result) if count else result

    @api.multi
    def check_access_rule(self, operation):
        super(MailMessage, self).check_access_rule(operation)
        # the composer inherits mail.message but its ids are not messages' ids
        if self._name == 'mail.message' and self._uid != SUPERUSER_ID and self.ids \
                and self._cs_hidden_archive_messages(self.ids):
            raise AccessError(_('The messages of a customer archive are read only by those who may read the '
                                'archive (operation: %s).') % operation)

    @api.model
    def _cs_hidden_archive_messages(self, ids):
        """The ids among ``ids`` of messages on archives the current user may not read."""
        self.env.cr.execute("SELECT id, res_id FROM mail_message WHERE id = ANY(%s) AND model = %s",
                            (list(ids), ARCHIVE))
        rows = self.env.cr.fetchall()
        if not rows:
            return set()
        readable = self.env[ARCHIVE]._cs_readable_ids({res_id for _mid, res_id in rows})
        return {mid for mid, res_id in rows if res_id not in readable}
