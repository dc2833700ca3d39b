import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..policy import borrowing as borrow_policy
from ..policy import values as value_policy
from .cs_customer_archive import SENSITIVE_FIELDS
from .cs_guard_mixin import system_write


# a card is open a week unless the borrower asks for less or more
DEFAULT_DAYS = 7


def _default_expiry():
    return fields.Datetime.to_string(datetime.datetime.utcnow() + datetime.timedelta(days=DEFAULT_DAYS))


class CsArchiveBorrow(models.Model):
    """A borrowing card 借阅卡 (POLICY §5, seed 002 §6.7): someone who reads no archive (or not at its level)
    asks for one customer's archive with a purpose; their department manager 部门经理 approves it, and the
    card shows that archive's content, read-only, to its requester until its expiry: nothing else opens,
    nothing to close (the card stops showing the content by itself). Every read through the card is
    registered in the access log with the card's purpose. The requester's direct superior is named on the
    card (领导责任). Requests and decisions are a register: users never change or delete them."""
    _name = 'cs.archive.borrow'
    _description = 'Archive Borrowing Card'
    _inherit = ['cs.register.mixin', 'cs.guard.mixin']
    _order = 'id desc'

    name = fields.Char(string='Reference', readonly=True, copy=False, default='/')
    partner_id = fields.Many2one('res.partner', string='Customer', required=True, index=True, ondelete='restrict',
                                 domain=[('is_company', '=', True), ('customer', '=', True)])
    archive_id = fields.Many2one('cs.customer.archive', string='Archive', readonly=True, index=True,
                                 ondelete='restrict')
    user_id = fields.Many2one('res.users', string='Borrower', required=True, readonly=True, index=True,
                              default=lambda self: self.env.user)
    superior_id = fields.Many2one('res.users', string='Department manager (leadership responsibility)',
                                  readonly=True, index=True,
                                  help='The borrower\'s direct superior 领导责任, who approves the request.')
    purpose = fields.Char(string='Purpose', required=True)
    date_expiry = fields.Datetime(string='Open until', required=True, default=lambda self: _default_expiry())
    state = fields.Selection([
        (borrow_policy.REQUESTED, 'Awaiting approval'),
        (borrow_policy.APPROVED, 'Approved'),
        (borrow_policy.REFUSED, 'Refused'),
    ], default=borrow_policy.REQUESTED, required=True, readonly=True)
    decided_by_id = fields.Many2one('res.users', string='Decided by', readonly=True)
    decision_date = fields.Datetime(string='Decided on', readonly=True)
    is_open = fields.Boolean(string='Open for reading', compute='_compute_is_open')
    content_shown = fields.Boolean(string='Content shown to me', compute='_compute_is_open',
                                   help='The card is open and you are its borrower.')
    company_id = fields.Many2one('res.company', default=lambda self: self.env.user.company_id, required=True,
                                 readonly=True)
    # the archive's content as the card shows it: to its borrower only, while open; each read registered
    organisation = fields.Text(compute='_compute_content', string='Organisation and management structure')
    key_persons = fields.Text(compute='_compute_content', string='Key persons and decision makers')
    qualifications = fields.Text(compute='_compute_content', string='Qualifications')
    business_scale = fields.Text(compute='_compute_content', string='Business scale')
    trading_history = fields.Text(compute='_compute_content', string='Trading history')
    competition = fields.Text(compute='_compute_content', string='Competitive situation')
    credit_notes = fields.Text(compute='_compute_content', string='Credit notes')
    special_strategy = fields.Text(compute='_compute_content', string='Special strategies')

    @api.model
    def _cs_protected_fields(self):
        return super(CsArchiveBorrow, self)._cs_protected_fields() | {
            'name', 'archive_id', 'user_id', 'superior_id', 'state', 'decided_by_id', 'decision_date',
            'company_id'}

    @api.model
    def _cs_register_message(self):
        return _('Borrowing cards are a register: a request or its decision cannot be changed or deleted.')

    @api.multi
    @api.depends('state', 'date_expiry')
    def _compute_is_open(self):
        now = fields.Datetime.from_string(fields.Datetime.now())
        for card in self:
            card.is_open = borrow_policy.is_open(
                card.state, fields.Datetime.from_string(card.date_expiry), now)
            card.content_shown = card.is_open and card.user_id == self.env.user

    @api.multi
    @api.depends('state', 'date_expiry', 'archive_id')
    def _compute_content(self):
        for card in self:
            if not (card.content_shown and card.archive_id):
                continue
            # read as the server, registered as the borrower's consultation with the card's purpose
            self.env.cr.execute('SELECT %s FROM cs_customer_archive WHERE id = %%s' % ', '.join(SENSITIVE_FIELDS),
                                (card.archive_id.id,))
            row = self.env.cr.fetchone()
            for name, value in zip(SENSITIVE_FIELDS, row or ()):
                card[name] = value
            card.archive_id.sudo(self.env.user)._cs_log_access(card.purpose)

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)
        user = self.env.user
        partner = self.env['res.partner'].sudo().browse(vals.get('partner_id')).exists()
        archive = self.env['cs.customer.archive'].sudo().search(
            [('partner_id', '=', partner.commercial_partner_id.id)], limit=1) if partner else None
        if not archive:
            raise UserError(_('%s has no archive to borrow.') % (partner.display_name or _('This customer')))
        if 'date_expiry' not in vals:
            vals = dict(vals, date_expiry=_default_expiry())
        expiry = vals.get('date_expiry')
        problems = borrow_policy.request_problems(
            value_policy.is_blank(vals.get('purpose')),
            bool(user.cs_department_manager_id) and user.cs_department_manager_id._cs_is_department_manager(),
            fields.Datetime.from_string(expiry) if expiry else None,
            fields.Datetime.from_string(fields.Datetime.now()))
        if problems:
            raise UserError('\n'.join(self._cs_problem_message(p, partner.display_name) for p in problems))
        vals = dict(vals, purpose=value_policy.clean(vals['purpose']), archive_id=archive.id,
                    partner_id=archive.partner_id.id,
                    user_id=user.id, superior_id=user.cs_department_manager_id.id,
                    name=self.env['ir.sequence'].sudo().next_by_code('cs.archive.borrow') or '/')
        with system_write(self._name, vals):
            return super(CsArchiveBorrow, self).create(vals)

    @api.multi
    def write(self, vals):
        self._cs_guard_write(vals)
        return super(CsArchiveBorrow, self).write(vals)

    @api.multi
    def action_approve(self):
        return self._cs_decide(borrow_policy.APPROVED)

    @api.multi
    def action_refuse(self):
        return self._cs_decide(borrow_policy.REFUSED)

    @api.multi
    def _cs_decide(self, state):
        """The requester's department manager approves or refuses, once; the decision is registered."""
        user = self.env.user
        now = fields.Datetime.now()
        for card in self:
            card.check_access_rule('read')
            problems = borrow_policy.decision_problems(
                card.state, user.id if user._cs_is_department_manager() else None, card.superior_id.id,
                card.user_id.id, fields.Datetime.from_string(card.date_expiry), fields.Datetime.from_string(now))
            if problems:
                raise AccessError('\n'.join(card._cs_problem_message(p, card.name) for p in problems))
            card.sudo()._cs_system_write({'state': state, 'decided_by_id': user.id, 'decision_date': now})
        return True

    @api.multi
    def _cs_problem_message(self, problem, label):
        messages = {
            'no_purpose': _('The borrowing request for the archive of %s needs a purpose.'),
            'no_department_manager': _('Borrowing the archive of %s needs your department manager\'s approval, '
                                       'and you have no department manager: ask the administrator to set one.'),
            'expiry_past': _('The borrowing card (%s) must stay open until a date in the future.'),
            'decided': _('The borrowing request %s has already been decided.'),
            'not_department_manager': _('Only the borrower\'s department manager decides on the borrowing '
                                        'request %s.'),
        }
        return messages[problem.rule] % label
