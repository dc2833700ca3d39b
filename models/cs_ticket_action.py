from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from .cs_guard_mixin import system_write


class CsTicketAction(models.Model):
    """A corrective or preventive action 纠正预防措施 decided after a complaint's investigation. The
    accused of the complaint do not write its actions; the done date is stamped, never typed."""
    _name = 'cs.ticket.action'
    _inherit = ['cs.guard.mixin']
    _description = 'Corrective or Preventive Action'
    _order = 'ticket_id, sequence, id'

    ticket_id = fields.Many2one('helpdesk.ticket', string='Ticket', required=True, index=True, ondelete='cascade')
    sequence = fields.Integer(default=10)
    kind = fields.Selection([('corrective', 'Corrective'), ('preventive', 'Preventive')],
                            string='Type', required=True, default='corrective')
    name = fields.Char(string='Description', required=True)
    user_id = fields.Many2one('res.users', string='Owner', required=True, default=lambda self: self.env.user)
    date_deadline = fields.Date(string='Due date', required=True)
    done = fields.Boolean(string='Done')
    done_date = fields.Date(string='Done on', readonly=True)

    @api.model
    def _cs_protected_fields(self):
        return super(CsTicketAction, self)._cs_protected_fields() | {'done_date'}

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)  # pylint: disable=self-cls-assignment
        if vals.get('ticket_id'):
            self._cs_check_not_accused(self.env['helpdesk.ticket'].browse(vals['ticket_id']))
        if vals.get('done'):
            vals = dict(vals, done_date=fields.Date.context_today(self))
        with system_write(self._name, {'done_date'}):
            return super(CsTicketAction, self).create(vals)

    @api.multi
    def write(self, vals):
        self._cs_guard_write(vals)
        self._cs_check_not_accused(self.mapped('ticket_id'))
        if 'ticket_id' in vals and not self._cs_is_system() \
                and any(action.ticket_id.id != vals['ticket_id'] for action in self):
            raise AccessError(_('An action of %s stays with its complaint: it cannot be moved to another '
                                'ticket.') % ', '.join(self.mapped('ticket_id.number')))
        if 'done' in vals:
            vals = dict(vals, done_date=fields.Date.context_today(self) if vals['done'] else False)
        with system_write(self._name, {'done_date'}):
            return super(CsTicketAction, self).write(vals)

    @api.multi
    def unlink(self):
        self._cs_check_not_accused(self.mapped('ticket_id'))
        return super(CsTicketAction, self).unlink()

    @api.multi
    def _cs_check_not_accused(self, tickets):
        """Nobody acts on a record about themself: the accused do not write their complaint's actions."""
        if self._cs_is_system():
            return
        for ticket in tickets:
            if self.env.user._cs_is_accused(ticket):
                raise AccessError(ticket._cs_accused_message('cs_action_ids'))
