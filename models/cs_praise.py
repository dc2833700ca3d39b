from odoo import api, fields, models


class CsPraise(models.Model):
    """A customer's praise 客户表扬 of an employee; written praises count for the half-year award."""
    _name = 'cs.praise'
    _description = 'Customer Praise'
    _inherit = ['mail.thread']
    _order = 'date desc, id desc'

    partner_id = fields.Many2one('res.partner', string='Customer', required=True, index=True)
    user_id = fields.Many2one('res.users', string='Employee', required=True, index=True,
                              track_visibility='onchange')
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    written = fields.Boolean(help='A written praise (letter, e-mail, pennant): counts for the half-year '
                                  'best-service award.')
    text = fields.Text(string='Praise')
    ticket_id = fields.Many2one('helpdesk.ticket', string='Ticket')
    company_id = fields.Many2one('res.company', required=True, default=lambda self: self.env.user.company_id)

    @api.multi
    def name_get(self):
        return [(p.id, '%s → %s (%s)' % (p.partner_id.name, p.user_id.name, p.date)) for p in self]
