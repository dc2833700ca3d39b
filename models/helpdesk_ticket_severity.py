from datetime import datetime

from odoo import _, api, fields, models, tools

from ..policy import deadlines as deadline_policy
from .cs_guard_mixin import system_write

DEPARTMENT_HEAD, DEPUTY_GM = 'department_head', 'deputy_gm'


class HelpdeskTicket(models.Model):
    """Severity means something (POLICY §2): a serious complaint notifies the department manager and may
    have a shorter term; a major one notifies the deputy general manager in charge 主管副总 at once too."""
    _inherit = 'helpdesk.ticket'

    @api.model
    def create(self, vals):
        company = self.env['res.company'].browse(vals.get('company_id')) if vals.get('company_id') \
            else self.env.user.company_id
        serious_days = company.sudo().exists().cs_serious_complaint_days
        if serious_days and not vals.get('cs_deadline_days') \
                and vals.get('cs_kind', deadline_policy.COMPLAINT) == deadline_policy.COMPLAINT \
                and vals.get('cs_severity') == deadline_policy.SERIOUS:
            # the shorter term of a serious complaint is set by the registration, not by the user
            vals = dict(vals, cs_deadline_days=serious_days)
            with system_write(self._name, {'cs_deadline_days'}):
                ticket = super(HelpdeskTicket, self).create(vals)
        else:
            ticket = super(HelpdeskTicket, self).create(vals)
        ticket._cs_serious()._cs_notify_serious()
        return ticket

    @api.multi
    def write(self, vals):
        result = super(HelpdeskTicket, self).write(vals)
        if 'cs_severity' in vals or 'cs_kind' in vals:
            self._cs_serious()._cs_notify_serious()
        return result

    @api.multi
    def _cs_serious(self):
        return self.filtered(lambda t: t.cs_kind == deadline_policy.COMPLAINT
                             and t.cs_severity == deadline_policy.SERIOUS)

    @api.multi
    def _cs_notify_serious(self):
        """A serious complaint goes to the department manager (once per complaint and level)."""
        for ticket in self:
            ticket._cs_escalate(DEPARTMENT_HEAD, 'serious', datetime.utcnow())

    @api.multi
    def _cs_notify_major(self):
        """A major complaint goes to the department head and to the deputy GM in charge at once."""
        result = super(HelpdeskTicket, self)._cs_notify_major()
        for ticket in self.filtered(lambda t: t._cs_level_user(DEPUTY_GM)):  # a company may have none
            ticket._cs_escalate(DEPUTY_GM, 'major', datetime.utcnow())
        return result

    @api.multi
    def _cs_post_escalation(self, level, reason, user, now):
        if reason != 'serious':
            return super(HelpdeskTicket, self)._cs_post_escalation(level, reason, user, now)
        summary = _('Serious complaint %s') % self.number
        body = _('Serious complaint %(ticket)s (%(name)s) registered for %(customer)s: it is reported to you; '
                 'it is due %(deadline)s.') % {
            'ticket': self.number, 'name': self.name, 'customer': self.partner_id.name or '-',
            'deadline': self._cs_format(fields.Datetime.from_string(self.cs_deadline))}
        self.env['mail.activity'].create({
            'res_model_id': self.env.ref('helpdesk_mgmt.model_helpdesk_ticket').id,
            'res_id': self.id,
            'activity_type_id': self.env.ref('customer_service_mgmt.mail_activity_type_cs_escalation').id,
            'date_deadline': fields.Date.to_string(self._cs_local(now).date()),
            'user_id': user.id, 'summary': summary, 'note': '<p>%s</p>' % tools.html_escape(body),
        })
        self.message_post(body='<p>%s</p>' % tools.html_escape(body), subject=summary,
                          partner_ids=[user.partner_id.id], message_type='comment', subtype='mail.mt_comment')
        return True
