from odoo import api, fields, models


class CsTicketAction(models.Model):
    """A corrective or preventive action 纠正预防措施 decided after a complaint's investigation."""
    _name = 'cs.ticket.action'
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
    def create(self, vals):
        if vals.get('done'):
            vals = dict(vals, done_date=fields.Date.context_today(self))
        return super(CsTicketAction, self).create(vals)

    @api.multi
    def write(self, vals):
        if 'done' in vals:
            vals = dict(vals, done_date=fields.Date.context_today(self) if vals['done'] else False)
        return super(CsTicketAction, self).write(vals)
