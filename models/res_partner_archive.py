from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression

from ..policy import archives as archive_policy
from ..policy import values as value_policy
from .cs_scope import OverrideScope

ADMISSION_STATES = [
    (archive_policy.PROSPECT, 'Prospect'),
    (archive_policy.ADMITTED, 'Admitted'),
    (archive_policy.BLACKLISTED, 'Blacklisted'),
    (archive_policy.EXITED, 'Exited'),
]
# Set by a manager only (credit), or only through an admission decision (state).
CREDIT_FIELDS = ('cs_credit_rating', 'cs_credit_limit', 'cs_credit_review_date')
DECISION_FIELDS = ('cs_admission_state',)
# Credit status belongs to the archive (POLICY §5): read by those who read archives, managers and above.
CREDIT_GROUPS = 'customer_service_mgmt.group_cs_manager'

# The general manager's override of the blacklist, while the operation it allows runs: set only by
# res.partner._cs_blacklist_override (which checks who the user is), never by a context key.
_override = OverrideScope()


class ResPartner(models.Model):
    """Credit 信用, admission and blacklist 准入与退出/黑名单 on the customer, and the links to its archive
    (POLICY §5)."""
    _name = 'res.partner'
    _inherit = ['res.partner', 'cs.guard.mixin']

    cs_credit_rating = fields.Selection(
        [(r, r) for r in archive_policy.CREDIT_RATINGS], string='Credit rating', track_visibility='onchange',
        copy=False, groups=CREDIT_GROUPS,
        help='A: excellent, B: good, C: watch, D: poor; set by a manager from the credit investigation.')
    cs_credit_limit = fields.Monetary(string='Credit limit', currency_field='cs_currency_id',
                                      track_visibility='onchange', copy=False, groups=CREDIT_GROUPS)
    cs_credit_review_date = fields.Date(string='Credit reviewed on', track_visibility='onchange', copy=False,
                                        groups=CREDIT_GROUPS)
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

    @api.multi
    def _update_fields_values(self, fields):
        # the host's commercial sync reads the company's values as the current user: credit, which only
        # managers read, is read as the server (it goes to the company's own contacts)
        credit = [name for name in fields if name in CREDIT_FIELDS]
        values = super(ResPartner, self)._update_fields_values([name for name in fields if name not in credit])
        if credit:
            values.update(super(ResPartner, self.sudo())._update_fields_values(credit))
        return values

    # protected values (POLICY §8)

    @api.model
    def _cs_protected_fields(self):
        return super(ResPartner, self)._cs_protected_fields() | {'cs_admission_state', 'cs_blacklisted'}

    @api.multi
    def _cs_protected_change_allowed(self, name, value):
        if name == 'cs_admission_state':
            # a contact receiving its company's state through the host's commercial sync; never the
            # lifting of its own blacklist (a blacklisted company made a contact of a clean one)
            commercial = self.commercial_partner_id
            return commercial != self and self._cs_same_value(commercial, name, value) and not (
                self.cs_admission_state == archive_policy.BLACKLISTED and value != archive_policy.BLACKLISTED)
        return super(ResPartner, self)._cs_protected_change_allowed(name, value)

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)
        if not self._cs_is_system() and not self.env.user._cs_is_manager():
            for name in CREDIT_FIELDS:
                if vals.get(name):
                    raise AccessError(_('Only a customer service manager may set the credit of %s ("%s").') % (
                        vals.get('name') or _('a new customer'), self._cs_field_label(name)))
        return super(ResPartner, self).create(vals)

    @api.multi
    def write(self, vals):
        self._cs_guard_write(vals)
        if self._cs_is_system():
            return super(ResPartner, self).write(vals)
        if 'parent_id' in vals or 'is_company' in vals:
            self._cs_check_reparenting(vals)
        credit = {name: vals[name] for name in CREDIT_FIELDS if name in vals}
        if not credit or self.env.user._cs_is_manager():
            return super(ResPartner, self).write(vals)
        # not a manager: credit arrives only unchanged or from the company (the host's commercial sync);
        # it is then written as the server, the fields being readable and writable by managers only
        for partner in self.sudo():
            for name, value in credit.items():
                if not (partner._cs_same_value(partner, name, value) or (
                        partner.commercial_partner_id != partner
                        and partner._cs_same_value(partner.commercial_partner_id.sudo(), name, value))):
                    raise AccessError(_('Only a customer service manager may change the credit of %s ("%s").')
                                      % (partner.display_name, self._cs_field_label(name)))
        rest = {k: v for k, v in vals.items() if k not in credit}
        result = super(ResPartner, self).write(rest) if rest else True
        super(ResPartner, self.sudo()).write(credit)
        return result

    @api.multi
    def _cs_check_reparenting(self, vals):
        """A blacklisted customer does not escape its blacklist by becoming the contact of a customer who
        is not blacklisted (the host's sync would give it that customer's state)."""
        for partner in self.sudo():
            if partner.cs_admission_state != archive_policy.BLACKLISTED:
                continue
            parent = self.sudo().browse(vals['parent_id']) if 'parent_id' in vals else partner.parent_id
            is_company = vals['is_company'] if 'is_company' in vals else partner.is_company
            commercial = partner if is_company or not parent else parent.commercial_partner_id
            if commercial != partner and commercial.cs_admission_state != archive_policy.BLACKLISTED:
                raise AccessError(_(
                    '%s is blacklisted: it cannot become a contact of %s, which is not. The blacklist is lifted '
                    'only by a reinstatement decision.') % (partner.display_name, commercial.display_name))

    @api.constrains('parent_id', 'is_company')
    def _check_cs_archive_commercial(self):
        """A customer with an archive stays its own commercial partner: as a contact it would take its new
        company's tier, and its archive that tier's (lower) level."""
        archives = self.env['cs.customer.archive'].sudo().with_context(active_test=False).search(
            [('partner_id', 'in', self.ids)])
        archives._check_partner_commercial()

    # credit is not searched, grouped nor sorted by those who may not read it

    @api.model
    def _cs_check_credit_use(self, names):
        if self._cs_is_system() or self.env.user._cs_is_manager():
            return
        for name in names:
            if name in CREDIT_FIELDS:
                raise AccessError(_('Only those who may read customer archives may search, group or sort by '
                                    '"%s" (credit belongs to the archive).') % self._cs_field_label(name))

    @api.model
    def _where_calc(self, domain, active_test=True):
        self._cs_check_credit_use([leaf[0].split('.')[0] for leaf in domain or ()
                                   if expression.is_leaf(leaf) and not expression.is_operator(leaf)
                                   and isinstance(leaf[0], str)])
        return super(ResPartner, self)._where_calc(domain, active_test=active_test)

    @api.model
    def _generate_order_by(self, order_spec, query):
        if order_spec:
            self._cs_check_credit_use([part.strip().split(' ')[0].strip('"') for part in order_spec.split(',')])
        return super(ResPartner, self)._generate_order_by(order_spec, query)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        groupby_list = [groupby] if isinstance(groupby, str) else list(groupby or [])
        self._cs_check_credit_use([name for spec in list(fields or []) + groupby_list
                                   for name in CREDIT_FIELDS if name in (spec or '')])
        return super(ResPartner, self).read_group(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)

    # blacklist

    @api.multi
    def _cs_blacklisted_partners(self):
        """The blacklisted customers ``self`` answer for, one per partner of ``self``: its commercial
        partner when that is blacklisted, else the partner itself or a parent that is: a partner is blocked
        by its own state as by its company's (POLICY §8, no bypass by reparenting)."""
        blocked = self.env['res.partner'].sudo()
        for partner in self.sudo():
            chain = partner.commercial_partner_id
            current = partner
            while current:
                chain |= current
                current = current.parent_id
            listed = chain.filtered('cs_blacklisted')
            if listed:
                blocked |= partner.commercial_partner_id if partner.commercial_partner_id in listed else listed[0]
        return blocked

    @api.model
    def _cs_blacklist_override(self, reason):
        """The general manager's override of the blacklist with ``reason``: a block within which the
        operations the blacklist refuses are allowed and registered (the override wizard, a visit planned
        by the general manager). Checks who the user is and the reason first."""
        self.env.user._cs_require(lambda user: user._cs_is_gm(), _(
            'Only the general manager may override the blacklist.'))
        Override = self.env['cs.blacklist.override']
        return _override.open(Override._cs_clean_reason(
            reason, _('Overriding the blacklist needs a reason ("%s").') % Override._cs_field_label('reason')))

    @api.multi
    def _cs_check_blacklist(self, operation_label, override_reason=None, record=None):
        """Refuse ``operation_label`` (a translated phrase, e.g. "validate a customer invoice") for a
        blacklisted customer (the partner itself, a parent or its commercial partner), unless the general
        manager overrides it with a reason: the override is then registered in cs.blacklist.override (with
        ``record``, the document concerned, once per operation) and allowed.

        The reason comes from ``override_reason`` (the addon's own callers) or the block opened by
        :meth:`_cs_blacklist_override`, never from the context. Returns the override records created."""
        overrides = self.env['cs.blacklist.override']
        block = _override.current()
        reason = override_reason or (block and block['reason'])
        for partner in self._cs_blacklisted_partners():
            if value_policy.is_blank(reason):
                raise UserError(_(
                    '%s is blacklisted: you cannot %s. Only the general manager may override the blacklist, '
                    'with a reason.') % (partner.display_name, operation_label))
            if not self.env.user._cs_is_gm():
                raise AccessError(_(
                    'Only the general manager may override the blacklist of %s to %s.')
                    % (partner.display_name, operation_label))
            key = (partner.id, operation_label, record and record._name, record and record.id)
            if block is not None:
                if key in block['registered']:
                    continue
                block['registered'].add(key)
            reason = value_policy.clean(reason)
            overrides |= overrides.sudo().create({
                'partner_id': partner.id, 'operation': operation_label, 'reason': reason,
                'user_id': self.env.uid, 'date': fields.Datetime.now(),
                'res_model': record and record._name or False, 'res_id': record and record.id or False,
            })
            body = _('Blacklist overridden by %s to %s: %s') % (self.env.user.name, operation_label, reason)
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
