from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..policy import archives as archive_policy
from ..policy import values as value_policy

DISPOSAL_ROLES = [
    (archive_policy.INFO_SUPERVISOR, 'Information supervisor'),
    (archive_policy.MANAGER, 'Customer service manager'),
    (archive_policy.GM, 'General manager'),
]
# Who gives each approval (客户信息主管, 客户服务部经理, 总经理): a res.users role helper.
ROLE_CHECKS = {
    archive_policy.INFO_SUPERVISOR: lambda user: user._cs_is_info_supervisor(),
    archive_policy.MANAGER: lambda user: user._cs_is_manager(),
    archive_policy.GM: lambda user: user._cs_is_gm(),
}


class CsArchiveDisposal(models.Model):
    """A request to dispose of 销毁 an outdated customer archive (POLICY §5): it needs the approval of the
    information supervisor, the customer service manager and the general manager, in any order, each
    recorded; the third approval archives the archive (it is never deleted). Its state changes only
    through these actions; approvals count only for the archive they were given for."""
    _name = 'cs.archive.disposal'
    _description = 'Archive Disposal Request'
    _inherit = ['mail.thread', 'cs.guard.mixin']
    _order = 'id desc'

    name = fields.Char(string='Reference', required=True, readonly=True, copy=False, default='/')
    archive_id = fields.Many2one('cs.customer.archive', string='Archive', required=True, index=True,
                                 ondelete='restrict', readonly=True, states={'draft': [('readonly', False)]},
                                 domain=[('active', '=', True)], track_visibility='onchange')
    partner_id = fields.Many2one(related='archive_id.partner_id', string='Customer', store=True, readonly=True)
    reason = fields.Text(string='Why the archive is outdated', required=True, readonly=True,
                         states={'draft': [('readonly', False)]})
    state = fields.Selection([
        ('draft', 'Awaiting approvals'),
        ('done', 'Disposed'),
        ('cancel', 'Cancelled'),
    ], default='draft', required=True, readonly=True, track_visibility='onchange')
    requested_by_id = fields.Many2one('res.users', string='Requested by', default=lambda self: self.env.user,
                                      readonly=True)
    approval_ids = fields.One2many('cs.archive.disposal.approval', 'disposal_id', string='Approvals',
                                   readonly=True)
    missing_approvals = fields.Char(string='Missing approvals', compute='_compute_missing_approvals')
    company_id = fields.Many2one('res.company', default=lambda self: self.env.user.company_id, required=True)

    @api.model
    def _cs_protected_fields(self):
        return super(CsArchiveDisposal, self)._cs_protected_fields() | {
            'state', 'requested_by_id', 'name', 'approval_ids'}

    @api.multi
    def _cs_valid_approvals(self):
        """The approvals given for the archive the request is about now (never those of another)."""
        self.ensure_one()
        return self.approval_ids.filtered(lambda a: a.archive_id == self.archive_id)

    @api.multi
    @api.depends('approval_ids.role', 'archive_id')
    def _compute_missing_approvals(self):
        labels = dict(self.env['cs.archive.disposal.approval']._fields['role']._description_selection(self.env))
        for disposal in self:
            approvals = disposal.sudo()._cs_valid_approvals()
            missing = archive_policy.missing_approvals([(a.role, a.user_id.id) for a in approvals])
            disposal.missing_approvals = ', '.join(labels[r] for r in missing)

    @api.constrains('reason')
    def _check_reason(self):
        for disposal in self:
            if value_policy.is_blank(disposal.reason):
                raise ValidationError(_('The disposal request %s needs a reason.') % disposal.name)

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)
        self._cs_check_requester(vals.get('archive_id'))
        vals = dict(vals, name=self.env['ir.sequence'].next_by_code('cs.archive.disposal') or '/')
        return super(CsArchiveDisposal, self).create(vals)

    @api.multi
    def write(self, vals):
        self._cs_guard_write(vals)
        if 'archive_id' in vals and not self._cs_is_system():
            for disposal in self:
                if disposal._cs_same_value(disposal, 'archive_id', vals['archive_id']):
                    continue
                if disposal.state != 'draft' or disposal.approval_ids:
                    raise AccessError(_(
                        'The disposal request %s already has approvals for the archive of %s: its archive cannot '
                        'be changed (request the disposal of another archive separately).') % (
                        disposal.name, disposal.sudo().partner_id.display_name))
                disposal._cs_check_requester(vals['archive_id'])
        return super(CsArchiveDisposal, self).write(vals)

    @api.model
    def _cs_check_requester(self, archive_id):
        """A disposal is requested by someone who may read the archive (managers and above)."""
        if self._cs_is_system() or not archive_id:
            return
        Archive = self.env['cs.customer.archive']
        if archive_id not in Archive._cs_readable_ids([archive_id]):
            raise AccessError(_('Only someone who may read the archive of %s may request its disposal.')
                              % Archive.sudo().browse(archive_id).partner_id.display_name)

    @api.multi
    def unlink(self):
        raise UserError(_('Disposal requests are never deleted: cancel them instead (%s).')
                        % ', '.join(self.mapped('name')))

    @api.multi
    def action_approve_info_supervisor(self):
        return self._cs_approve(archive_policy.INFO_SUPERVISOR)

    @api.multi
    def action_approve_manager(self):
        return self._cs_approve(archive_policy.MANAGER)

    @api.multi
    def action_approve_gm(self):
        return self._cs_approve(archive_policy.GM)

    @api.multi
    def action_cancel(self):
        for disposal in self:
            if disposal.state != 'draft':
                raise UserError(_('Only a request awaiting approvals can be cancelled (%s).') % disposal.name)
            user = self.env.user
            if user != disposal.requested_by_id and not user._cs_is_manager() \
                    and not user._cs_is_info_supervisor():
                raise AccessError(_('Only its requester or an approver may cancel the disposal request %s.')
                                  % disposal.name)
        self._cs_system_write({'state': 'cancel'})
        return True

    @api.multi
    def _cs_approve(self, role):
        """Record the current user's approval in ``role``; the last of the three disposes of the archive."""
        labels = dict(DISPOSAL_ROLES)
        for disposal in self:
            disposal.check_access_rights('read')
            disposal.check_access_rule('read')
            if disposal.state != 'draft':
                raise UserError(_('The disposal request %s is no longer awaiting approvals.') % disposal.name)
            if not ROLE_CHECKS[role](self.env.user):
                raise AccessError(_('Only the %s may give this approval on %s.') % (
                    _(labels[role]), disposal.name))
            approvals = disposal.sudo()._cs_valid_approvals()
            problems = archive_policy.check_approval(role, self.env.uid, [(a.role, a.user_id.id) for a in approvals])
            if problems:
                raise UserError('\n'.join(disposal._cs_problem_message(p) for p in problems))
            self.env['cs.archive.disposal.approval'].sudo()._cs_system_create({
                'disposal_id': disposal.id, 'archive_id': disposal.archive_id.id, 'role': role,
                'user_id': self.env.uid, 'date': fields.Datetime.now()})
            disposal.sudo().message_post(body=_('Approved as %s by %s.') % (_(labels[role]), self.env.user.name),
                                         author_id=self.env.user.partner_id.id)
            disposal.invalidate_cache(['approval_ids'])
            approvals = disposal.sudo()._cs_valid_approvals()
            if not archive_policy.missing_approvals([(a.role, a.user_id.id) for a in approvals]):
                disposal._cs_dispose()
        return True

    @api.multi
    def _cs_dispose(self):
        """All three approvals given: archive the archive (never delete it), as the server: the last
        approver (e.g. the information supervisor) may not read the archive."""
        for disposal in self:
            disposal.archive_id.sudo().write({'active': False})
            disposal._cs_system_write({'state': 'done'})

    @api.multi
    def _cs_problem_message(self, problem):
        labels = dict(DISPOSAL_ROLES)
        role = _(labels.get(problem.values.get('role'), problem.values.get('role')))
        messages = {
            'person_twice': _('%(user)s has already approved the disposal request %(name)s: the three '
                              'approvals must come from three different people.'),
            'role_twice': _('The disposal request %(name)s already has the approval of the %(role)s.'),
            'unknown_role': _('"%(role)s" is not a disposal approval.'),
        }
        return messages[problem.rule] % {'user': self.env.user.name, 'name': self.name, 'role': role}
