from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..policy import archives as archive_policy

MANAGER_GROUP = 'customer_service_mgmt.group_cs_manager'
GM_GROUP = 'customer_service_mgmt.group_cs_gm'
ADMISSION_STATES = [
    (archive_policy.PROSPECT, 'Prospect'),
    (archive_policy.ADMITTED, 'Admitted'),
    (archive_policy.BLACKLISTED, 'Blacklisted'),
    (archive_policy.EXITED, 'Exited'),
]
# Set by a manager only (credit), or only through an admission decision (state).
CREDIT_FIELDS = ('cs_credit_rating', 'cs_credit_limit', 'cs_credit_review_date')
DECISION_FIELDS = ('cs_admission_state',)
# Context key carrying the general manager's reason to override the blacklist.
OVERRIDE_KEY = 'cs_blacklist_override_reason'


class ResPartner(models.Model):
    """Credit 信用, admission and blacklist 准入与退出/黑名单 on the customer, and the links to its archive
    (POLICY §5)."""
    _inherit = 'res.partner'

    cs_credit_rating = fields.Selection(
        [(r, r) for r in archive_policy.CREDIT_RATINGS], string='Credit rating', track_visibility='onchange',
        copy=False,
        help='A: excellent, B: good, C: watch, D: poor; set by a manager from the credit investigation.')
    cs_credit_limit = fields.Monetary(string='Credit limit', currency_field='cs_currency_id',
                                      track_visibility='onchange', copy=False)
    cs_credit_review_date = fields.Date(string='Credit reviewed on', track_visibility='onchange', copy=False)
    cs_admission_state = fields.Selection(
        ADMISSION_STATES, string='Admission', default=archive_policy.PROSPECT, readonly=True, copy=False,
        track_visibility='onchange', help='Changed only by admission decisions (admit, blacklist, exit, reinstate).')
    cs_blacklisted = fields.Boolean(string='Blacklisted', compute='_compute_cs_blacklisted', store=True, index=True)
    cs_decision_count = fields.Integer(string='Decisions', compute='_compute_cs_decision_count')
    cs_access_log_count = fields.Integer(string='Archive consultations', compute='_compute_cs_access_log_count')

    @api.multi
    @api.depends('cs_admission_state')
    def _compute_cs_blacklisted(self):
        for partner in self:
            partner.cs_blacklisted = partner.cs_admission_state == archive_policy.BLACKLISTED

    @api.multi
    def _compute_cs_decision_count(self):
        partners = self.mapped('commercial_partner_id')
        groups = self.env['cs.partner.decision'].sudo().read_group(
            [('partner_id', 'in', partners.ids)], ['partner_id'], ['partner_id'])
        counts = {g['partner_id'][0]: g['partner_id_count'] for g in groups}
        for partner in self:
            partner.cs_decision_count = counts.get(partner.commercial_partner_id.id, 0)

    @api.multi
    def _compute_cs_access_log_count(self):
        partners = self.mapped('commercial_partner_id')
        groups = self.env['cs.archive.access.log'].sudo().read_group(
            [('partner_id', 'in', partners.ids)], ['partner_id'], ['partner_id'])
        counts = {g['partner_id'][0]: g['partner_id_count'] for g in groups}
        for partner in self:
            partner.cs_access_log_count = counts.get(partner.commercial_partner_id.id, 0)

    @api.model
    def _commercial_fields(self):
        # contacts carry the credit and admission state of their company, as they carry its tier
        return super(ResPartner, self)._commercial_fields() + list(CREDIT_FIELDS) + list(DECISION_FIELDS)

    @api.model
    def create(self, vals):
        if self.env.uid != SUPERUSER_ID and not vals.get('parent_id'):
            if any(vals.get(f) for f in CREDIT_FIELDS) and not self.env.user.has_group(MANAGER_GROUP):
                raise AccessError(_('Only a customer service manager may set a customer\'s credit.'))
            if vals.get('cs_admission_state', archive_policy.PROSPECT) != archive_policy.PROSPECT:
                raise AccessError(_('A customer\'s admission changes only through an admission decision.'))
        return super(ResPartner, self).create(vals)

    @api.multi
    def write(self, vals):
        if self.env.uid != SUPERUSER_ID:
            if any(f in vals for f in CREDIT_FIELDS) and not self.env.user.has_group(MANAGER_GROUP):
                self._cs_check_unchanged(vals, CREDIT_FIELDS, _(
                    'Only a customer service manager may change the credit of %s.'))
            if any(f in vals for f in DECISION_FIELDS):
                self._cs_check_unchanged(vals, DECISION_FIELDS, _(
                    'The admission of %s changes only through an admission decision.'))
        return super(ResPartner, self).write(vals)

    @api.multi
    def _cs_check_unchanged(self, vals, names, message):
        """Refuse a change of ``names`` on a commercial partner; contacts receive these values from their
        company through the host's commercial sync, which is allowed."""
        for partner in self.filtered(lambda p: p.commercial_partner_id == p):
            for name in names:
                if name in vals and (vals[name] or False) != (partner[name] or False):
                    raise AccessError(message % partner.display_name)

    # blacklist

    @api.multi
    def _cs_check_blacklist(self, operation_label, override_reason=None, record=None):
        """Refuse ``operation_label`` (a translated phrase, e.g. "validate a customer invoice") for a
        blacklisted customer, unless the general manager overrides it with a reason: the override is then
        registered in cs.blacklist.override (with ``record``, the document concerned) and allowed.

        The reason comes from ``override_reason`` or the context key ``cs_blacklist_override_reason``.
        Returns the override records created (empty when no customer is blacklisted)."""
        overrides = self.env['cs.blacklist.override']
        override_reason = override_reason or self.env.context.get(OVERRIDE_KEY)
        for partner in self.mapped('commercial_partner_id').sudo().filtered('cs_blacklisted'):
            if not (override_reason or '').strip():
                raise UserError(_(
                    '%s is blacklisted: you cannot %s. Only the general manager may override the blacklist, '
                    'with a reason.') % (partner.display_name, operation_label))
            if self.env.uid != SUPERUSER_ID and not self.env.user.has_group(GM_GROUP):
                raise AccessError(_(
                    'Only the general manager may override the blacklist of %s to %s.')
                    % (partner.display_name, operation_label))
            overrides |= overrides.sudo().create({
                'partner_id': partner.id, 'operation': operation_label, 'reason': override_reason.strip(),
                'user_id': self.env.uid, 'date': fields.Datetime.now(),
                'res_model': record and record._name or False, 'res_id': record and record.id or False,
            })
            body = _('Blacklist overridden by %s to %s: %s') % (
                self.env.user.name, operation_label, override_reason.strip())
            partner.message_post(body=body, author_id=self.env.user.partner_id.id)
            if record is not None and hasattr(record, 'message_post'):
                record.sudo().message_post(body=body, author_id=self.env.user.partner_id.id)
        return overrides

    # actions (smart buttons)

    @api.multi
    def action_cs_open_archive(self):
        """Open the customer's archive (creating it the first time), through the purpose prompt when it is
        confidential or top secret."""
        self.ensure_one()
        partner = self.commercial_partner_id
        Archive = self.env['cs.customer.archive']
        archive = Archive.with_context(active_test=False).sudo().search([('partner_id', '=', partner.id)])
        if not archive:
            archive = Archive.create({'partner_id': partner.id})
        return archive.sudo(self.env.uid).action_consult()

    @api.multi
    def action_cs_view_access_log(self):
        self.ensure_one()
        action = self.env.ref('customer_service_mgmt.cs_archive_access_log_action').read()[0]
        action['domain'] = [('partner_id', '=', self.commercial_partner_id.id)]
        return action

    @api.multi
    def action_cs_view_decisions(self):
        self.ensure_one()
        action = self.env.ref('customer_service_mgmt.cs_partner_decision_action').read()[0]
        action['domain'] = [('partner_id', '=', self.commercial_partner_id.id)]
        action['context'] = {'default_partner_id': self.commercial_partner_id.id}
        return action
