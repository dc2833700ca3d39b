from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..policy import followups as followup_policy


class HelpdeskTicket(models.Model):
    """Findings that leave the department (POLICY §2): the complaint sends a tracked request to the
    department the finding names and waits for its answer before closing."""
    _inherit = 'helpdesk.ticket'

    cs_referral_ids = fields.One2many('cs.ticket.referral', 'ticket_id', string='Requests to other departments')

    @api.multi
    def action_cs_refer(self, request):
        """Send the finding to the department it names (商品问题 -> product/marketing, 其他部门 -> group
        customer-service centre), to the recipient configured on the company."""
        request = self._cs_text_argument('cs.ticket.referral', 'request', request)
        for ticket in self:
            if not self.env.user._cs_is_agent():
                raise AccessError(_('Request of %s: only customer service staff send requests.') % ticket.number)
            if self.env.user._cs_is_accused(ticket):
                raise AccessError(ticket._cs_accused_message('cs_referral_ids'))
            department = followup_policy.referral_department(ticket.cs_kind, ticket.cs_finding)
            if not department:
                raise UserError(_('%s: only a complaint found to be a product problem or another department\'s '
                                  'goes to another department.') % ticket.number)
            if not request:
                raise UserError(_('%s: the request to the other department is empty.') % ticket.number)
            company = ticket.company_id or self.env.user.company_id
            recipient = company._cs_referral_recipient(department)
            if not recipient:
                raise UserError(_('%(ticket)s: %(company)s has no recipient configured for this department.') % {
                    'ticket': ticket.number, 'company': company.name})
            referral = self.env['cs.ticket.referral'].sudo().create({
                'ticket_id': ticket.id, 'department': department, 'recipient_id': recipient.id,
                'request': request})
            referral._cs_notify_recipient()
            ticket.message_post(body=_('Sent to %(dept)s (%(user)s): %(request)s') % {
                'dept': referral._cs_department_label(), 'user': recipient.name, 'request': request},
                subtype='mail.mt_note')
        return True

    @api.multi
    def _cs_closing_refusals(self):
        refusals = super(HelpdeskTicket, self)._cs_closing_refusals()
        referrals = [(r.department, r.answered) for r in self.sudo().cs_referral_ids]
        for problem in followup_policy.referral_closing_problems(self.cs_kind, self.cs_finding, referrals):
            if problem.rule == 'referral_missing':
                label = dict(self.env['cs.ticket.referral']._fields['department']._description_selection(
                    self.env))[problem.values['department']]
                refusals.append(_('The finding of %(ticket)s goes to %(dept)s: send the request before '
                                  'closing.') % {'ticket': self.number, 'dept': label})
            else:
                refusals.append(_('%s cannot be closed before every request to another department is '
                                  'answered.') % self.number)
        return refusals
