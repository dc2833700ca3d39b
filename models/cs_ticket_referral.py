from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..policy import followups as followup_policy

DEPARTMENTS = [(followup_policy.PRODUCT_DEPT, 'Product and marketing department'),
               (followup_policy.GROUP_CS, 'Group customer service centre')]


class CsTicketReferral(models.Model):
    """A complaint's finding sent outside the department (POLICY §2): a product problem to the
    product/marketing department, an other-unit problem to the group customer-service centre. The
    recipient answers; the complaint does not close before every request is answered."""
    _name = 'cs.ticket.referral'
    _inherit = ['cs.guard.mixin']
    _description = 'Request to Another Department'
    _order = 'ticket_id, id'

    ticket_id = fields.Many2one('helpdesk.ticket', string='Ticket', required=True, index=True,
                                ondelete='restrict', readonly=True)
    department = fields.Selection(DEPARTMENTS, string='Department', required=True, readonly=True)
    recipient_id = fields.Many2one('res.users', string='Recipient', required=True, readonly=True)
    request = fields.Text(string='Request', required=True, readonly=True)
    answer = fields.Text(string='Answer', readonly=True)
    answered_date = fields.Datetime(string='Answered on', readonly=True)
    answered_by = fields.Many2one('res.users', string='Answered by', readonly=True)
    answered = fields.Boolean(compute='_compute_answered', store=True)
    company_id = fields.Many2one(related='ticket_id.company_id', store=True, readonly=True)
    # read as the system: a recipient outside customer service may not read the complaint itself
    ticket_number = fields.Char(related='ticket_id.number', string='Ticket number', readonly=True)
    cs_is_recipient = fields.Boolean(compute='_compute_cs_is_recipient',
                                     help='The current user answers this request (shows the answer button).')

    @api.model
    def _cs_protected_fields(self):
        # everything is the system's: the request is sent by the complaint's action, the answer by the recipient's
        return super(CsTicketReferral, self)._cs_protected_fields() | {
            'ticket_id', 'department', 'recipient_id', 'request', 'answer', 'answered_date', 'answered_by'}

    @api.multi
    @api.depends('answered_date')
    def _compute_answered(self):
        for referral in self:
            referral.answered = bool(referral.answered_date)

    @api.multi
    def _compute_cs_is_recipient(self):
        for referral in self:
            referral.cs_is_recipient = referral.recipient_id == self.env.user

    @api.multi
    def action_cs_open_answer(self):
        """Open the answer form of this request (the answer itself is checked by action_cs_answer)."""
        self.ensure_one()
        return dict(self.env.ref('customer_service_mgmt.cs_ticket_referral_answer_action').read()[0],
                    context={'default_referral_id': self.id})

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)  # pylint: disable=self-cls-assignment
        return super(CsTicketReferral, self).create(vals)

    @api.multi
    def write(self, vals):
        self._cs_guard_write(vals)
        return super(CsTicketReferral, self).write(vals)

    @api.multi
    def unlink(self):
        raise UserError(_('Requests to other departments are kept with their complaint: %s.')
                        % ', '.join(self.mapped('ticket_id.number')))

    @api.multi
    def action_cs_answer(self, answer):
        """The recipient answers the request (once)."""
        answer = self.env['helpdesk.ticket']._cs_text_argument(self._name, 'answer', answer)
        for referral in self:
            # the recipient may be outside customer service: the complaint is read as the system
            ticket = referral.sudo().ticket_id
            if referral.recipient_id != self.env.user:
                raise AccessError(_('The request of %(ticket)s to %(dept)s is answered by %(user)s only.') % {
                    'ticket': ticket.number, 'dept': referral._cs_department_label(),
                    'user': referral.recipient_id.name})
            if referral.answered_date:
                raise UserError(_('The request of %s was answered already.') % ticket.number)
            if not answer:
                raise UserError(_('The answer to the request of %s is empty.') % ticket.number)
            referral.sudo()._cs_system_write({'answer': answer, 'answered_date': fields.Datetime.now(),
                                       'answered_by': self.env.uid})
            referral.sudo()._cs_close_activity(answer)
            ticket.message_post(body=_('%(dept)s answered: %(answer)s') % {
                'dept': referral._cs_department_label(), 'answer': answer}, subtype='mail.mt_note')
        return True

    @api.multi
    def _cs_department_label(self):
        return dict(self._fields['department']._description_selection(self.env))[self.department]

    @api.multi
    def _cs_close_activity(self, feedback):
        self.ticket_id.activity_ids.filtered(
            lambda a: a.user_id == self.recipient_id and a.activity_type_id == self.env.ref(
                'mail.mail_activity_data_todo')).action_feedback(feedback=feedback)

    @api.multi
    def _cs_notify_recipient(self):
        recipient = self.recipient_id
        ticket = self.ticket_id.sudo().with_context(lang=recipient.lang or self.env.context.get('lang'))
        self = self.with_context(lang=ticket.env.context.get('lang'))  # pylint: disable=self-cls-assignment
        ticket._cs_todo(recipient, _('Request to answer: complaint %s') % ticket.number, self.request)
