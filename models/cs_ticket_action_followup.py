from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..policy import followups as followup_policy


class CsTicketAction(models.Model):
    """Corrective and preventive actions are followed (POLICY §2): the owner gets a reminder activity,
    an open action past its due date is overdue, and the quality supervisor (never the owner) verifies it."""
    _inherit = 'cs.ticket.action'

    verified_by = fields.Many2one('res.users', string='Verified by', readonly=True, copy=False)
    verified_date = fields.Datetime(string='Verified on', readonly=True, copy=False)
    verification_note = fields.Text(string='Verification note', readonly=True, copy=False)
    overdue = fields.Boolean(string='Overdue', compute='_compute_overdue', search='_search_overdue')
    ticket_number = fields.Char(related='ticket_id.number', readonly=True, string='Ticket number')

    @api.model
    def _cs_protected_fields(self):
        return super(CsTicketAction, self)._cs_protected_fields() | {
            'verified_by', 'verified_date', 'verification_note'}

    @api.multi
    @api.depends('date_deadline', 'done')
    def _compute_overdue(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        for action in self:
            action.overdue = followup_policy.action_overdue(
                fields.Date.from_string(action.date_deadline), action.done, today)

    @api.model
    def _search_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        overdue = ['&', ('done', '=', False), ('date_deadline', '<', today)]
        if (operator == '=') == bool(value):
            return overdue
        return ['|', ('done', '=', True), ('date_deadline', '>=', today)]

    @api.multi
    def action_cs_open_verify(self):
        """Open the verification form of this action (the verification is checked by action_cs_verify)."""
        self.ensure_one()
        return dict(self.env.ref('customer_service_mgmt.cs_ticket_action_verify_action').read()[0],
                    context={'default_action_id': self.id})

    @api.model
    def create(self, vals):
        action = super(CsTicketAction, self).create(vals)
        action._cs_remind_owner()
        return action

    @api.multi
    def write(self, vals):
        owners = {action.id: action.user_id for action in self}
        result = super(CsTicketAction, self).write(vals)
        if 'user_id' in vals or 'date_deadline' in vals:
            for action in self.filtered(lambda a: not a.done):
                if 'user_id' in vals and owners[action.id] != action.user_id or 'date_deadline' in vals:
                    action._cs_remind_owner()
        return result

    @api.multi
    def _cs_remind_owner(self):
        """A reminder activity for the owner on the complaint, due on the action's due date."""
        for action in self.filtered(lambda a: a.user_id and not a.done):
            owner = action.user_id
            action = action.sudo().with_context(lang=owner.lang or self.env.context.get('lang'))
            action.ticket_id._cs_todo(owner, _('Corrective action due: %s') % action.ticket_id.number, action.name,
                                      deadline=action.date_deadline)

    @api.multi
    def action_cs_verify(self, note=False):
        """The quality supervisor verifies a done action (not their own)."""
        note = self.env['helpdesk.ticket']._cs_text_argument(self._name, 'verification_note', note)
        user = self.env.user
        for action in self:
            problems = followup_policy.verification_problems(
                user._cs_is_quality(), action.user_id == user and not self._cs_is_system(), action.done,
                bool(action.verified_date))
            if problems:
                messages = {
                    'verify_not_quality': _('only a quality supervisor verifies actions'),
                    'verify_own_action': _('nobody verifies their own action'),
                    'verify_not_done': _('the action is not done yet'),
                    'verify_twice': _('it was verified already'),
                }
                text = _('Verification of "%(action)s" (%(ticket)s) refused: %(reasons)s.') % {
                    'action': action.name, 'ticket': action.ticket_id.number,
                    'reasons': '；'.join(messages[p.rule] for p in problems)}
                if problems[0].rule in ('verify_not_quality', 'verify_own_action'):
                    raise AccessError(text)
                raise UserError(text)
            action._cs_system_write({'verified_by': user.id, 'verified_date': fields.Datetime.now(),
                                     'verification_note': note})
            action.ticket_id.sudo().message_post(body=_('Action "%(action)s" verified by %(user)s.') % {
                'action': action.name, 'user': user.name}, subtype='mail.mt_note')
        return True
