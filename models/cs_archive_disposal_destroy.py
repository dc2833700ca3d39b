import logging

from odoo import _, api, models

from .cs_customer_archive import SENSITIVE_FIELDS

_logger = logging.getLogger(__name__)

# Shorter fragments of content are not searched for in messages: a two-letter word would blank
# unrelated messages everywhere.
MIN_QUOTE = 4


class CsArchiveDisposal(models.Model):
    """Disposal destroys 销毁 (POLICY §5): once the three approvals are given, the archive's content is
    erased, with its history (tracking values of the content fields, message bodies quoting it), so that
    it cannot be read back; the cover, the approvals and the access register stay."""
    _inherit = 'cs.archive.disposal'

    @api.multi
    def _cs_dispose(self):
        result = super(CsArchiveDisposal, self)._cs_dispose()
        for disposal in self:
            disposal._cs_destroy_content()
        return result

    @api.multi
    def _cs_destroy_content(self):
        """Erase the content of the request's archive and every stored trace of it, as the server (SQL:
        the ORM's write of the content would be tracked and its read registered)."""
        self.ensure_one()
        archive = self.archive_id
        cr = self.env.cr
        cr.execute('SELECT %s FROM cs_customer_archive WHERE id = %%s' % ', '.join(SENSITIVE_FIELDS), (archive.id,))
        quotes = set()
        for value in cr.fetchone() or ():
            for line in (value or '').splitlines():
                line = line.strip()
                if len(line) >= MIN_QUOTE:
                    quotes.add(line)
        cr.execute('UPDATE cs_customer_archive SET %s WHERE id = %%s'
                   % ', '.join('%s = NULL' % name for name in SENSITIVE_FIELDS), (archive.id,))
        cr.execute("""
            DELETE FROM mail_tracking_value
             WHERE field IN %s AND mail_message_id IN (
                   SELECT id FROM mail_message WHERE model = 'cs.customer.archive' AND res_id = %s)""",
                   (SENSITIVE_FIELDS, archive.id))
        erased = cr.rowcount
        blanked = 0
        if quotes:
            patterns = []
            for quote in quotes:
                for text in (quote, _html_escape(quote)):
                    patterns.append('%' + text.replace('\\', '\\\\').replace('%', '\\%').replace('_', '\\_') + '%')
            cr.execute("""
                UPDATE mail_message SET body = %s
                 WHERE body LIKE ANY(%s)""", ('<p>%s</p>' % _('(destroyed with the archive)'), patterns))
            blanked = cr.rowcount
            cr.execute("""
                DELETE FROM mail_tracking_value
                 WHERE old_value_text LIKE ANY(%s) OR new_value_text LIKE ANY(%s)""", (patterns, patterns))
            erased += cr.rowcount
        archive.invalidate_cache(list(SENSITIVE_FIELDS))
        self.env['mail.message'].invalidate_cache()
        self.env['mail.tracking.value'].invalidate_cache()
        self.sudo().message_post(body=_('The content of the archive of %s has been destroyed.')
                                 % archive.sudo().partner_id.display_name)
        _logger.info('disposal %s: archive %s destroyed, %d tracking values erased, %d messages blanked',
                     self.name, archive.id, erased, blanked)


def _html_escape(text):
    return text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')
