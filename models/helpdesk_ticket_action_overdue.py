from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    """A complaint shows whether any of its corrective actions is overdue."""
    _inherit = 'helpdesk.ticket'

    cs_action_overdue = fields.Boolean(string='Overdue actions', compute='_compute_cs_action_overdue',
                                       search='_search_cs_action_overdue')

    @api.multi
    @api.depends('cs_action_ids.done', 'cs_action_ids.date_deadline')
    def _compute_cs_action_overdue(self):
        for ticket in self:
            ticket.cs_action_overdue = any(ticket.sudo().cs_action_ids.mapped('overdue'))

    @api.model
    def _search_cs_action_overdue(self, operator, value):
        tickets = self.env['cs.ticket.action'].sudo().search([('overdue', '=', True)]).mapped('ticket_id')
        positive = (operator == '=') == bool(value)
        return [('id', 'in' if positive else 'not in', tickets.ids)]
