from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..policy import archives as archive_policy

# The group each disposal approval needs (客户信息主管, 客户服务部经理, 总经理).
ROLE_GROUPS = {
    archive_policy.INFO_SUPERVISOR: 'customer_service_mgmt.group_cs_info_supervisor',
    archive_policy.MANAGER: 'customer_service_mgmt.group_cs_manager',
    archive_policy.GM: 'customer_service_mgmt.group_cs_gm',
}
DISPOSAL_ROLES = [
    (archive_policy.INFO_SUPERVISOR, 'Information supervisor'),
    (archive_policy.MANAGER, 'Customer service manager'),
    (archive_policy.GM, 'General manager'),
]


class CsArchiveDisposal(models.Model):
    """A request to dispose of 销毁 an outdated customer archive (POLICY §5): it needs the approval of the
    information supervisor, the customer service manager and the general manager, in any order, each
    recorded; the third approval archives the archive (it is never deleted)."""
    _name = 'cs.archive.disposal'
    _description = 'Archive Disposal Request'
    _inherit = ['mail.thread']
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

    @api.multi
    @api.depends('approval_ids.role')
    def _compute_missing_approvals(self):
        labels = dict(self.env['cs.archive.disposal.approval']._fields['role']._description_selection(self.env))
        for disposal in self:
            missing = archive_policy.missing_approvals([(a.role, a.user_id.id) for a in disposal.approval_ids])
            disposal.missing_approvals = ', '.join(labels[r] for r in missing)

    @api.constrains('reason')
    def _check_reason(self):
        for disposal in self:
            if not (disposal.reason or '').strip():
                raise ValidationError(_('The disposal request %s needs a reason.') % disposal.name)

    @api.model
    def create(self, vals):
        if vals.get('name', '/') == '/':
            vals['name'] = self.env['ir.sequence'].next_by_code('cs.archive.disposal') or '/'
        return super(CsArchiveDisposal, self).create(vals)

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
        self.write({'state': 'cancel'})
        return True

    @api.multi
    def _cs_approve(self, role):
        """Record the current user's approval in ``role``; the last of the three disposes of the archive."""
        labels = dict(DISPOSAL_ROLES)
        for disposal in self:
            if disposal.state != 'draft':
                raise UserError(_('The disposal request %s is no longer awaiting approvals.') % disposal.name)
            if self.env.uid != SUPERUSER_ID and not self.env.user.has_group(ROLE_GROUPS[role]):
                raise AccessError(_('Only the %s may give this approval on %s.') % (
                    _(labels[role]), disposal.name))
            problems = archive_policy.check_approval(
                role, self.env.uid, [(a.role, a.user_id.id) for a in disposal.approval_ids])
            if problems:
                raise UserError('\n'.join(disposal._cs_problem_message(p) for p in problems))
            self.env['cs.archive.disposal.approval'].sudo().create({
                'disposal_id': disposal.id, 'role': role, 'user_id': self.env.uid,
                'date': fields.Datetime.now()})
            disposal.sudo().message_post(body=_('Approved as %s by %s.') % (_(labels[role]), self.env.user.name),
                                         author_id=self.env.user.partner_id.id)
            disposal.invalidate_cache(['approval_ids'])
            if not archive_policy.missing_approvals([(a.role, a.user_id.id) for a in disposal.approval_ids]):
                disposal._cs_dispose()
        return True

    @api.multi
    def _cs_dispose(self):
        """All three approvals given: archive the archive (never delete it)."""
        for disposal in self:
            disposal.archive_id.sudo().with_context(cs_disposal_approved=True).write({'active': False})
            disposal.sudo().write({'state': 'done'})

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

