import uuid

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..policy import opinion_links as link_policy
from ..policy import values as value_policy

USED = 'used:'
SOURCES = [('customer', 'Customer'), ('staff', 'Entered by staff')]


class HelpdeskTicket(models.Model):
    """The customer's own opinion 客户对处理结果的意见 (POLICY §2): the reply mail carries a signed,
    single-use, expiring link to a public page; the opinion records whether the customer gave it there
    or the staff entered it."""
    _inherit = 'helpdesk.ticket'

    cs_opinion_source = fields.Selection(SOURCES, string='Opinion given by', readonly=True, copy=False,
                                         track_visibility='onchange')
    cs_opinion_comment = fields.Text(string="Customer's comment", readonly=True, copy=False)
    cs_opinion_nonce = fields.Char(readonly=True, copy=False, groups='base.group_system')
    cs_opinion_expiry = fields.Date(string='Opinion link valid until', readonly=True, copy=False)

    @api.model
    def _cs_protected_fields(self):
        return super(HelpdeskTicket, self)._cs_protected_fields() | {
            'cs_opinion_source', 'cs_opinion_comment', 'cs_opinion_nonce', 'cs_opinion_expiry'}

    @api.model
    def create(self, vals):
        ticket = super(HelpdeskTicket, self).create(vals)
        if vals.get('cs_customer_opinion'):
            ticket._cs_system_write({'cs_opinion_source': 'staff'})
        return ticket

    @api.multi
    def write(self, vals):
        result = super(HelpdeskTicket, self).write(vals)
        if 'cs_customer_opinion' in vals:
            # whoever writes the field is the staff: the customer's link stamps its own source afterwards
            self._cs_system_write({'cs_opinion_source': 'staff' if vals['cs_customer_opinion'] else False})
        return result

    # ------------------------------------------------------------------ the link

    @api.model
    def _cs_opinion_secret(self):
        return self.env['ir.config_parameter'].sudo().get_param('database.secret')

    @api.multi
    def _cs_new_opinion_link(self):
        """A fresh link for this ticket (any earlier one stops holding); returns its URL."""
        self.ensure_one()
        company = self.company_id or self.env.user.company_id
        today = fields.Date.from_string(fields.Date.context_today(self))
        expiry = link_policy.expiry_day(today, company.cs_opinion_link_days)
        nonce = uuid.uuid4().hex
        self.sudo()._cs_system_write({'cs_opinion_nonce': nonce,
                                      'cs_opinion_expiry': fields.Date.to_string(expiry)})
        token = link_policy.make_token(self._cs_opinion_secret(), self.id, nonce, expiry)
        base = self.env['ir.config_parameter'].sudo().get_param('web.base.url')
        return '%s/cs/opinion/%s' % (base, token)

    @api.multi
    def action_cs_send_reply(self):
        """Send the reply to the customer by mail, with the link to give their opinion."""
        template = self.env.ref('customer_service_mgmt.cs_ticket_reply_mail_template')
        for ticket in self:
            if not self.env.user._cs_is_agent() or self.env.user._cs_is_accused(ticket):
                raise AccessError(_('Reply of %s: its customer service staff send it, not the accused.')
                                  % ticket.number)
            if value_policy.is_blank(ticket.cs_reply) or not ticket.partner_id.email:
                raise UserError(_('%s: the reply is sent when it is written and the customer has an e-mail '
                                  'address.') % ticket.number)
            url = ticket._cs_new_opinion_link()
            ticket.with_context(cs_opinion_url=url).message_post_with_template(
                template.id, composition_mode='comment')
        return True

    @api.model
    def _cs_opinion_check(self, token):
        """The ticket a customer's token opens, or a Problem (forged, used, expired)."""
        parsed = link_policy.parse(token)
        ticket = self.sudo().browse(parsed[0]).exists() if parsed else self.browse()
        if not ticket:
            return self.browse(), link_policy.Problem('forged', {})
        today = fields.Date.from_string(fields.Date.context_today(ticket))
        # a used link keeps its nonce behind the mark, so that its second use is told apart from a forgery
        nonce = ticket.cs_opinion_nonce or ''
        used = nonce.startswith(USED)
        problems = link_policy.token_problems(self._cs_opinion_secret(), token, nonce[len(USED):] if used else nonce,
                                              today, used=used)
        return ticket, (problems[0] if problems else None)

    @api.model
    def _cs_record_customer_opinion(self, token, opinion, comment):
        """The public page's answer: checked, recorded once with its source, the link spent. Returns None
        or the Problem refusing it (nothing written)."""
        ticket, problem = self._cs_opinion_check(token)
        if problem:
            return problem
        if opinion not in dict(self._fields['cs_customer_opinion'].selection) \
                or value_policy.text_problem(comment) in ('type', 'nul') or len(comment or '') > 2000:
            return link_policy.Problem('bad_answer', {})
        comment = False if value_policy.is_blank(comment) else value_policy.clean(comment)
        ticket._cs_system_write({'cs_opinion_nonce': USED + ticket.cs_opinion_nonce})
        ticket.write({'cs_customer_opinion': opinion})
        ticket._cs_system_write({'cs_opinion_source': 'customer', 'cs_opinion_comment': comment})
        labels = dict(self._fields['cs_customer_opinion']._description_selection(self.env))
        ticket.message_post(body=_('The customer gave their opinion by the link: %(opinion)s. %(comment)s') % {
            'opinion': labels[opinion], 'comment': comment or ''}, subtype='mail.mt_note')
        return None
