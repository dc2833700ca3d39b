import logging

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..policy import declassification as term_policy

_logger = logging.getLogger(__name__)


class CsCustomerArchive(models.Model):
    """The confidentiality term 保密期限 (POLICY §5): the general manager may give an archive's level a
    declassification date; from that day the daily cron drops the archive one level, with a reason, a
    chatter message and a line in the declassification register."""
    _inherit = 'cs.customer.archive'

    declassify_date = fields.Date(
        string='Declassification date', track_visibility='onchange', copy=False,
        help='From this date the archive drops one level (top secret to confidential, confidential to '
             'secret); set by the general manager.')

    @api.model
    def create(self, vals):
        if vals.get('declassify_date'):
            self._cs_check_term(vals['declassify_date'], vals.get('partner_id'))
        return super(CsCustomerArchive, self).create(vals)

    @api.multi
    def write(self, vals):
        if 'declassify_date' in vals:
            for archive in self:
                if not archive._cs_same_value(archive, 'declassify_date', vals['declassify_date']):
                    archive._cs_check_term(vals['declassify_date'], archive.sudo().partner_id.id)
        return super(CsCustomerArchive, self).write(vals)

    @api.model
    def _cs_check_term(self, date, partner_id):
        """Only the general manager sets a term (it lowers the level), and never a day already past."""
        if self._cs_is_system():
            return
        label = self.env['res.partner'].sudo().browse(partner_id).display_name or _('a new customer')
        if not self.env.user._cs_is_gm():
            raise AccessError(_('Only the general manager may set the declassification date of the archive of '
                                '%s.') % label)
        self._cs_check_values({'declassify_date': date})
        today = fields.Date.from_string(fields.Date.context_today(self))
        if date and term_policy.term_problem(fields.Date.from_string(date), today):
            raise UserError(_('The declassification date %s of the archive of %s is already past: choose a '
                              'day to come.') % (date, label))

    @api.model
    def _cron_cs_declassify(self):
        """Daily cron entry point."""
        return self._cs_declassify()

    @api.model
    def _cs_declassify(self, today=None):
        """Drop by one level every archive whose term ran out, clear its term, register it."""
        today = today or fields.Date.context_today(self)
        archives = self.sudo().search(term_policy.due_domain(today))
        Register = self.env['cs.archive.declassification'].sudo()
        for archive in archives:
            before = archive.cs_confidentiality
            after = term_policy.lower_level(before)
            term = archive.declassify_date
            reason = _('Declassification date %s reached') % term
            archive.write({'confidentiality_override': after, 'confidentiality_reason': reason,
                           'declassify_date': False})
            Register.create({'archive_id': archive.id, 'partner_id': archive.partner_id.id, 'term_date': term,
                             'from_level': before, 'to_level': after})
            labels = dict(archive._fields['cs_confidentiality']._description_selection(self.env))
            archive.message_post(body=_('Confidentiality term reached on %s: level %s lowered to %s.') % (
                term, labels[before], labels[after]))
        _logger.info('archive declassification: %d archives lowered', len(archives))
        return archives
