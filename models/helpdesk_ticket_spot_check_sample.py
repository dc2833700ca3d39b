from odoo import _, api, models


class HelpdeskTicket(models.Model):
    """A failed spot-check reopens the complaint with a new working-day deadline; the log names the
    quality supervisor; the supervisor's sample activity is done."""
    _inherit = 'helpdesk.ticket'

    @api.multi
    def action_cs_spot_check(self, passed, note=False):
        result = super(HelpdeskTicket, self).action_cs_spot_check(passed, note)
        supervisor = self.env.user
        activity_type = self.env.ref('customer_service_mgmt.mail_activity_type_cs_spot_check')
        for ticket in self:
            ticket.sudo().message_post(body=_('Spot-check by %(user)s: %(result)s. %(note)s') % {
                'user': supervisor.name, 'result': _('passed') if passed else _('failed'), 'note': note or ''},
                subtype='mail.mt_note')
            ticket.sudo().activity_ids.filtered(
                lambda a: a.user_id == supervisor and a.activity_type_id == activity_type).action_feedback(
                feedback=note or '')
        return result

    @api.multi
    def _cs_reopen_after_spot_check(self, note):
        self._cs_reopen_with_new_deadline(note)
        return super(HelpdeskTicket, self)._cs_reopen_after_spot_check(note)
