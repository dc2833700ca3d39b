from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class CsPraise(models.Model):
    """A customer's praise 客户表扬 of an employee; written praises count for the half-year award."""
    _name = 'cs.praise'
    _description = 'Customer Praise'
    _inherit = ['mail.thread', 'cs.guard.mixin']
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

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)
        self.browse()._cs_check_not_self(vals.get('user_id'))
        return super(CsPraise, self).create(vals)

    @api.multi
    def write(self, vals):
        self._cs_guard_write(vals)
        self._cs_check_not_self(vals.get('user_id'))
        return super(CsPraise, self).write(vals)

    @api.multi
    def _cs_check_not_self(self, user_id=None):
        """Nobody credits a praise to themself (POLICY §8): praises count for the awards, so the praised
        employee neither records nor edits their own."""
        if self._cs_is_system():
            return
        if isinstance(user_id, models.BaseModel):
            user_id = user_id.id
        if user_id == self.env.uid or self.filtered(lambda p: p.user_id.id == self.env.uid):
            raise AccessError(_('A praise of %s is recorded by a colleague, not by the praised employee.')
                              % self.env.user.name)
