from odoo import fields, models


class CsTicketEscalation(models.Model):
    """One step of a complaint's escalation 层级上报, written once: the database refuses the same level
    twice for a ticket, which is what makes the escalation cron safe to run twice."""
    _name = 'cs.ticket.escalation'
    _description = 'Complaint Escalation'
    _order = 'date desc, id desc'

    ticket_id = fields.Many2one('helpdesk.ticket', string='Ticket', required=True, index=True,
                                ondelete='cascade', readonly=True)
    level = fields.Selection([
        ('cs_manager', 'Customer service manager'),
        ('general_manager', 'General manager'),
        ('department_head', 'Department head'),
    ], string='Level', required=True, readonly=True)
    reason = fields.Selection([('overdue', 'Overdue'), ('major', 'Major complaint')], string='Reason',
                              required=True, readonly=True)
    user_id = fields.Many2one('res.users', string='Notified user', required=True, readonly=True)
    date = fields.Datetime(string='Date', required=True, readonly=True, default=fields.Datetime.now)

    _sql_constraints = [
        ('ticket_level_uniq', 'unique(ticket_id, level)', 'A complaint escalates to each level once.'),
    ]
