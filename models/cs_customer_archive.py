import datetime
import logging

from psycopg2.extras import execute_values

from odoo import SUPERUSER_ID, _, api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

from ..policy import archives as archive_policy
from ..policy import values as value_policy
from .cs_tier import CONFIDENTIALITY
from .cs_scope import Scope

_logger = logging.getLogger(__name__)

# The content of the archive: what a consultation 借阅 reads and what the access log registers.
SENSITIVE_FIELDS = (
    'organisation', 'key_persons', 'qualifications', 'business_scale', 'trading_history',
    'competition', 'credit_notes', 'special_strategy',
)
OVERRIDE_FIELDS = ('confidentiality_override', 'confidentiality_reason')
# A read of the content is registered once: read() and export_data() register the archives they return
# and mark them here while they run, so the ORM's own fetches inside them (prefetch) do not register
# them again. Any other fetch of the content (code reaching ``archive.organisation``, an export of
# ``archive_id/organisation`` from another model) registers itself. A thread-local, which a web API
# caller cannot set, unlike a context key.
_consulting = Scope()


def _consultation(ids):
    return _consulting(frozenset(ids))


def _being_consulted():
    ids = set()
    for batch in _consulting.values():
        ids |= batch
    return ids


def _command_ids(values):
    """The record ids a many2many value names (plain ids or the ORM's (4, id) / (6, 0, ids) commands)."""
    ids = []
    for value in values or ():
        if isinstance(value, int):
            ids.append(value)
        elif isinstance(value, (list, tuple)) and value and value[0] == 4:
            ids.append(value[1])
        elif isinstance(value, (list, tuple)) and value and value[0] == 6:
            ids.extend(value[2])
    return ids


class CsCustomerArchive(models.Model):
    """The customer archive 客户档案 (POLICY §5), one per commercial partner: the trade-secret content
    about a customer, kept apart from the partner so the partner stays readable as the host needs it.

    Its confidentiality level 密级 follows the customer's tier (cs.tier.confidentiality), unless a manager
    overrides it with a reason. The level is computed, not stored: the nightly tier recompute rewrites
    tiers with set-based SQL, and a non-stored field with a search method follows it at once (record rules
    search it through the partner's tier), with no copy to keep in sync.
    """
    _name = 'cs.customer.archive'
    _description = 'Customer Archive'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'cs.guard.mixin']
    _rec_name = 'partner_id'
    _order = 'id desc'

    partner_id = fields.Many2one(
        'res.partner', string='Customer', required=True, ondelete='restrict', index=True, auto_join=True,
        domain="[('is_company', '=', True)]", track_visibility='onchange',
        help='The commercial partner this archive describes (one archive per customer).')
    company_id = fields.Many2one('res.company', default=lambda self: self.env.user.company_id, required=True)
    active = fields.Boolean(default=True, help='An archive is archived, never deleted, once its disposal '
                                               'has the three approvals.')
    user_id = fields.Many2one(related='partner_id.user_id', string='Salesperson', readonly=True)
    tier_id = fields.Many2one(related='partner_id.cs_tier_id', string='Customer tier', readonly=True)
    tier_confidentiality = fields.Selection(
        related='partner_id.cs_tier_id.confidentiality', string='Level of the tier', readonly=True)
    cs_confidentiality = fields.Selection(
        CONFIDENTIALITY, string='Confidentiality level', compute='_compute_cs_confidentiality',
        search='_search_cs_confidentiality',
        help='Follows the customer tier (general/reserve: secret, key: confidential, VIP: top secret) '
             'unless a manager overrides it.')
    confidentiality_override = fields.Selection(
        CONFIDENTIALITY, string='Level set by a manager', track_visibility='onchange',
        help='Replaces the level of the tier; a manager sets it with a reason.')
    confidentiality_reason = fields.Char(string='Reason for the level', track_visibility='onchange')
    # content: never tracked (nothing of it reaches the chatter), never copied, never prefetched with the
    # cover (fetching it is a consultation, registered: see _prefetch_field)
    organisation = fields.Text(string='Organisation and management structure', copy=False, prefetch=False)
    key_persons = fields.Text(string='Key persons and decision makers', copy=False, prefetch=False)
    qualifications = fields.Text(string='Qualifications', copy=False, prefetch=False)
    business_scale = fields.Text(string='Business scale', copy=False, prefetch=False)
    trading_history = fields.Text(string='Trading history', copy=False, prefetch=False)
    competition = fields.Text(string='Competitive situation', copy=False, prefetch=False)
    credit_notes = fields.Text(string='Credit notes', copy=False, prefetch=False)
    special_strategy = fields.Text(string='Special strategies', copy=False, prefetch=False)
    # quarterly re-verification 每季度重新核定
    # creating an archive is its first verification
    last_review_date = fields.Date(string='Last reviewed on', readonly=True, track_visibility='onchange',
                                   default=fields.Date.context_today)
    last_reviewer_id = fields.Many2one('res.users', string='Last reviewed by', readonly=True,
                                       default=lambda self: self.env.user)
    review_quarter = fields.Char(
        string='Review asked for', readonly=True, copy=False,
        help='The quarter (YYYY-Qn) the last review activity was created for: one per quarter.')
    access_log_count = fields.Integer(string='Consultations', compute='_compute_access_log_count')
    disposal_ids = fields.One2many('cs.archive.disposal', 'archive_id', string='Disposal requests')

    _sql_constraints = [
        ('partner_uniq', 'unique(partner_id)', 'A customer has exactly one archive.'),
    ]

    @api.multi
    @api.depends('confidentiality_override', 'partner_id.cs_tier_id.confidentiality')
    def _compute_cs_confidentiality(self):
        for archive in self:
            archive.cs_confidentiality = archive_policy.effective_level(
                archive.sudo().partner_id.cs_tier_id.confidentiality, archive.confidentiality_override)

    @api.model
    def _search_cs_confidentiality(self, operator, value):
        if operator in ('=', '!='):
            levels = [value]
        elif operator in ('in', 'not in'):
            levels = list(value or [])
        else:
            raise UserError(_('Unsupported search on the confidentiality level: %s') % operator)
        # tiers are few: the domain becomes a join on the partner and a short list of tier ids
        tiers = self.env['cs.tier'].sudo().with_context(active_test=False).search(
            [('confidentiality', 'in', levels)])
        domain = ['|', ('confidentiality_override', 'in', levels),
                  '&', ('confidentiality_override', '=', False), ('partner_id.cs_tier_id', 'in', tiers.ids)]
        if archive_policy.SECRET in levels:
            # a customer without a tier counts as secret
            domain = ['|'] + domain + ['&', ('confidentiality_override', '=', False),
                                       ('partner_id.cs_tier_id', '=', False)]
        if operator in ('!=', 'not in'):
            domain = ['!'] + domain
        return domain

    @api.multi
    def _compute_access_log_count(self):
        # a count, not the register's content: everyone who sees the archive sees how often it was read
        groups = self.env['cs.archive.access.log'].sudo().read_group(
            [('archive_id', 'in', self.ids)], ['archive_id'], ['archive_id'])
        counts = {g['archive_id'][0]: g['archive_id_count'] for g in groups}
        for archive in self:
            archive.access_log_count = counts.get(archive.id, 0)

    @api.constrains('partner_id')
    def _check_partner_commercial(self):
        # as superuser: the record rules are checked after the constraints, with their own message
        for archive in self.sudo():
            if archive.partner_id.commercial_partner_id != archive.partner_id:
                raise ValidationError(_(
                    'The archive of %s must be kept on its company, %s: one archive per customer.') % (
                    archive.partner_id.display_name, archive.partner_id.commercial_partner_id.display_name))

    @api.constrains('confidentiality_override', 'confidentiality_reason')
    def _check_confidentiality_reason(self):
        for archive in self.sudo():
            if archive.confidentiality_override and value_policy.is_blank(archive.confidentiality_reason):
                raise ValidationError(_(
                    'Setting the confidentiality level of the archive of %s by hand needs a reason.')
                    % archive.partner_id.display_name)

    # protected values (POLICY §8): the review stamps and the disposal's archiving

    @api.model
    def _cs_protected_fields(self):
        return super(CsCustomerArchive, self)._cs_protected_fields() | {
            'last_review_date', 'last_reviewer_id', 'review_quarter', 'active'}

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)
        if any(vals.get(f) for f in OVERRIDE_FIELDS):
            self._cs_check_level_change(archive_policy.SECRET, vals, vals.get('partner_id'))
        return super(CsCustomerArchive, self).create(vals)

    @api.multi
    def write(self, vals):
        self._cs_guard_write(vals)
        if not self._cs_is_system():
            if 'partner_id' in vals:
                # the content belongs to its customer: moved to another one, it would take that one's level
                for archive in self:
                    if not archive._cs_same_value(archive, 'partner_id', vals['partner_id']):
                        raise AccessError(_(
                            'The archive of %s stays on its customer: its customer cannot be changed.')
                            % archive.sudo().partner_id.display_name)
            if any(f in vals for f in OVERRIDE_FIELDS):
                for archive in self:
                    archive._cs_check_level_change(archive.cs_confidentiality, vals, archive.partner_id.id)
        return super(CsCustomerArchive, self).write(vals)

    @api.multi
    def unlink(self):
        raise UserError(_(
            'Customer archives are never deleted: request their disposal instead (%s).')
            % ', '.join(self.sudo().mapped('partner_id.display_name')))

    @api.multi
    def copy(self, default=None):
        raise UserError(_('The archive of %s cannot be copied: a customer has exactly one archive, and its '
                          'content is a trade secret.') % ', '.join(self.sudo().mapped('partner_id.display_name')))

    @api.model
    def _cs_check_level_change(self, current, vals, partner_id):
        """A manager may set the level by hand to raise it up to confidential, only the general manager
        lowers it or makes it top secret (and only they set it at all); ``current`` is the archive's level
        before the change."""
        user = self.env.user
        if user._cs_is_gm():
            return
        partner = self.env['res.partner'].sudo().browse(partner_id)
        label = partner.display_name or _('a new customer')
        if not user._cs_is_manager():
            raise AccessError(_('Only a customer service manager may set the confidentiality level of the '
                                'archive of %s.') % label)
        override = vals.get('confidentiality_override', self.confidentiality_override if self else False)
        new = archive_policy.effective_level(partner.cs_tier_id.confidentiality, override)
        if not archive_policy.may_set_level(archive_policy.MANAGER, current, new):
            raise AccessError(_('Only the general manager may lower the confidentiality level of the archive '
                                'of %s or make it top secret.') % label)

    # one door to the content (POLICY §5, §8): reads are registered, the content is not searched,
    # grouped, sorted nor copied

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        """Reads the archives, then registers the consultation 借阅登记 of each archive whose content was
        read (every level): one log line per archive and per read, whether the read comes from the form
        or the web API (search_read calls read). Reading only the cover (customer, level, review dates:
        the list view) does not consult the content and is not registered."""
        content = not fields or bool(set(fields) & set(SENSITIVE_FIELDS))
        if not content:
            return super(CsCustomerArchive, self).read(fields=fields, load=load)
        purpose = self._cs_purpose(self.env.context.get('cs_access_purpose'))
        registered = _being_consulted()  # a read within a prefetch or an export, which register themselves
        with _consultation(self.ids):
            result = super(CsCustomerArchive, self).read(fields=fields, load=load)
            self.filtered(lambda archive: archive.id not in registered)._cs_log_access(purpose)
        return result

    def _prefetch_field(self, field):
        """A fetch of the content that read() or export_data() did not register (code reaching
        ``archive.organisation``, an export of ``archive_id/organisation`` from another model) is a
        consultation too: it is registered for every archive it fetched."""
        if field.name not in SENSITIVE_FIELDS:
            return super(CsCustomerArchive, self)._prefetch_field(field)
        records = self._in_cache_without(field)
        if self.env.uid == SUPERUSER_ID:
            # the server's own access (crons, sudo()) is not a consultation
            with _consultation(records.ids):
                return super(CsCustomerArchive, self)._prefetch_field(field)
        registered = _being_consulted()
        with _consultation(records.ids):
            result = super(CsCustomerArchive, self)._prefetch_field(field)
        fetched = records.filtered(lambda r: r.id not in registered and self.env.cache.contains(r, field))
        fetched._cs_log_access(self._cs_purpose(self.env.context.get('cs_access_purpose')))
        return result

    @api.multi
    def export_data(self, fields_to_export, raw_data=False):
        """An export reads the content too: it is registered like a read."""
        if not any(f.split('/')[0] in SENSITIVE_FIELDS for f in fields_to_export):
            return super(CsCustomerArchive, self).export_data(fields_to_export, raw_data=raw_data)
        purpose = self._cs_purpose(self.env.context.get('cs_access_purpose')) or _('Export')
        with _consultation(self.ids):
            result = super(CsCustomerArchive, self).export_data(fields_to_export, raw_data=raw_data)
            self._cs_log_access(purpose)
        return result

    @api.model
    def _cs_level_rules(self):
        """The record rules that let a manager read up to his level, with their policy domains."""
        return {
            'customer_service_mgmt.cs_customer_archive_manager_rule':
                archive_policy.read_domain(archive_policy.MANAGER, 'cs_confidentiality'),
            'customer_service_mgmt.cs_archive_access_log_manager_rule':
                archive_policy.read_domain(archive_policy.MANAGER, 'level'),
        }

    @api.model
    def _cs_sync_level_rules(self):
        """Write the level rules from the policy (security/cs_security.xml calls it at install and update),
        so the ladder in policy/archives.py is the one the database enforces."""
        for xmlid, domain in self._cs_level_rules().items():
            rule = self.env.ref(xmlid)
            if rule.domain_force != repr(domain):
                rule.sudo().write({'domain_force': repr(domain)})

    @api.model
    def _cs_purpose(self, purpose):
        """The purpose a consultation carries (data, not a right: the read is registered with or without
        it); a purpose that is not text or holds NUL characters is refused, naming the field."""
        if purpose in (None, False):
            return None
        problem = value_policy.text_problem(purpose)
        if problem in ('type', 'nul'):
            raise UserError(self.env['cs.archive.access.log']._cs_value_message('purpose', purpose, problem))
        return None if value_policy.is_blank(purpose) else value_policy.clean(purpose)

    @api.model
    def _cs_content_refusal(self, name, use):
        return AccessError(_(
            'The content of customer archives cannot be used to %(use)s ("%(field)s"): open the archive to '
            'read it, the consultation is registered.') % {'use': use, 'field': self._cs_field_label(name)})

    @api.model
    def _cs_check_domain(self, domain):
        if self._cs_is_system():
            return
        for leaf in domain or ():
            if expression.is_leaf(leaf) and not expression.is_operator(leaf) and isinstance(leaf[0], str):
                name = leaf[0].split('.')[0]
                if name in SENSITIVE_FIELDS:
                    raise self._cs_content_refusal(name, _('search'))

    @api.model
    def _where_calc(self, domain, active_test=True):
        # every search (search, search_read, search_count, name_search, a domain through archive_id.*
        # from another model) and read_group builds its WHERE clause here
        self._cs_check_domain(domain)
        return super(CsCustomerArchive, self)._where_calc(domain, active_test=active_test)

    @api.model
    def _generate_order_by(self, order_spec, query):
        if order_spec and not self._cs_is_system():
            for part in order_spec.split(','):
                name = part.strip().split(' ')[0].strip('"')
                if name in SENSITIVE_FIELDS:
                    raise self._cs_content_refusal(name, _('sort'))
        return super(CsCustomerArchive, self)._generate_order_by(order_spec, query)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        if not self._cs_is_system():
            groupby = [groupby] if isinstance(groupby, str) else (groupby or [])
            for spec in list(fields or []) + list(groupby):
                for name in SENSITIVE_FIELDS:
                    if name in (spec or ''):
                        raise self._cs_content_refusal(name, _('group or aggregate'))
        return super(CsCustomerArchive, self).read_group(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)

    @api.multi
    def _cs_log_access(self, purpose):
        """Register one consultation per archive of ``self`` (every level is registered), in one statement
        (a list read of hundreds of archives must not cost hundreds of ORM creates). The level is taken
        as ``cs_confidentiality`` computes it (policy.archives.effective_level): the override, else the
        tier's level, else secret."""
        if not self.ids:
            return self.env['cs.archive.access.log']
        now = fields.Datetime.now()
        self.env.cr.execute("""
            INSERT INTO cs_archive_access_log (archive_id, partner_id, user_id, level, purpose, access_time,
                                               company_id, create_uid, create_date, write_uid, write_date)
            SELECT a.id, a.partner_id, %(uid)s, lv.level, %(purpose)s, %(now)s, a.company_id,
                   %(uid)s, %(now)s, %(uid)s, %(now)s
              FROM cs_customer_archive a
              JOIN res_partner p ON p.id = a.partner_id
              LEFT JOIN cs_tier t ON t.id = p.cs_tier_id
             CROSS JOIN LATERAL (SELECT COALESCE(a.confidentiality_override, t.confidentiality, %(secret)s)
                                        AS level) lv
             WHERE a.id = ANY(%(ids)s) AND lv.level IN %(logged)s
             ORDER BY a.id
         RETURNING id""", {
            'uid': self.env.uid, 'purpose': purpose or None, 'now': now, 'ids': self.ids,
            'secret': archive_policy.SECRET, 'logged': tuple(archive_policy.LOGGED_LEVELS)})
        log = self.env['cs.archive.access.log'].browse([r[0] for r in self.env.cr.fetchall()])
        if log:
            # the counters only: invalidate_cache() without field names would drop the whole cache, the
            # content just fetched included
            self.invalidate_cache(['access_log_count'])
            self.env['res.partner'].invalidate_cache(['cs_access_log_count'])
        return log

    # followers and chatter: only those who may read the archive (POLICY §5)

    @api.multi
    def _cs_readers(self, partners):
        """The partners of ``partners`` one of whose users may read every archive of ``self``."""
        readers = self.env['res.partner']
        for partner in partners.sudo():
            for user in partner.with_context(active_test=False).user_ids.filtered('active'):
                if self.sudo(user)._cs_readable_ids(self.ids) >= set(self.ids):
                    readers |= partner
                    break
        return readers

    @api.model
    def _cs_readable_ids(self, ids):
        """The ids among ``ids`` the current user may read (no right on archives: none)."""
        if not self.check_access_rights('read', raise_exception=False):
            return set()
        return set(self.with_context(active_test=False).search([('id', 'in', list(ids))]).ids)

    @api.multi
    def _cs_check_recipients(self, partner_ids, channel_ids):
        if channel_ids:
            raise AccessError(_('The archive of %s cannot follow or be posted to a channel: only those who may '
                                'read it follow it.') % self._cs_customer_names())
        partners = self.env['res.partner'].sudo().browse(_command_ids(partner_ids))
        outsiders = partners - self._cs_readers(partners)
        if outsiders:
            raise AccessError(_('%(who)s may not read the archive of %(customer)s: only those who may read an '
                                'archive follow it or receive its messages.') % {
                'who': ', '.join(outsiders.mapped('display_name')), 'customer': self._cs_customer_names()})

    @api.multi
    def _cs_customer_names(self):
        return ', '.join(self.sudo().mapped('partner_id.display_name'))

    @api.multi
    def message_subscribe(self, partner_ids=None, channel_ids=None, subtype_ids=None, force=True):
        self._cs_check_recipients(partner_ids, channel_ids)
        return super(CsCustomerArchive, self).message_subscribe(
            partner_ids=partner_ids, channel_ids=channel_ids, subtype_ids=subtype_ids, force=force)

    @api.multi
    def message_post(self, body='', subject=None, message_type='notification', subtype=None, parent_id=False,
                     attachments=None, content_subtype='html', **kwargs):
        """No message of an archive reaches someone who may not read it: named recipients must be readers,
        and followers who no longer may read it (its level rose) stop following it first."""
        self._cs_check_recipients(kwargs.get('partner_ids'), kwargs.get('channel_ids'))
        self._cs_prune_followers()
        return super(CsCustomerArchive, self).message_post(
            body=body, subject=subject, message_type=message_type, subtype=subtype, parent_id=parent_id,
            attachments=attachments, content_subtype=content_subtype, **kwargs)

    @api.multi
    def _cs_prune_followers(self):
        for archive in self:
            followers = self.env['mail.followers'].sudo().search([
                ('res_model', '=', self._name), ('res_id', '=', archive.id)])
            readers = archive._cs_readers(followers.mapped('partner_id'))
            followers.filtered(lambda f: f.channel_id or f.partner_id not in readers).unlink()

    # actions

    @api.multi
    def action_consult(self):
        """Open the archive's content through the purpose prompt 借阅卡 (every level is registered)."""
        self.ensure_one()
        self.check_access_rights('read')
        self.check_access_rule('read')
        return {
            'type': 'ir.actions.act_window',
            'name': _('Purpose of the consultation'),
            'res_model': 'cs.archive.access.wizard',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_archive_id': self.id},
        }

    @api.multi
    def _cs_content_action(self, purpose=None):
        """The window action showing the archive's content form, carrying the consultation's purpose."""
        self.ensure_one()
        context = dict(self.env.context, cs_access_purpose=purpose) if purpose else dict(self.env.context)
        return {
            'type': 'ir.actions.act_window',
            'name': _('Customer Archive'),
            'res_model': self._name,
            'res_id': self.id,
            'view_mode': 'form',
            'view_id': self.env.ref('customer_service_mgmt.cs_customer_archive_view_form').id,
            'target': 'current',
            'context': context,
        }

    @api.multi
    def action_view_access_log(self):
        self.ensure_one()
        action = self.env.ref('customer_service_mgmt.cs_archive_access_log_action').read()[0]
        action['domain'] = [('archive_id', '=', self.id)]
        return action

    @api.multi
    def action_request_disposal(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Disposal request'),
            'res_model': 'cs.archive.disposal',
            'view_mode': 'form',
            'target': 'current',
            'context': {'default_archive_id': self.id},
        }

    @api.multi
    def action_mark_reviewed(self):
        """Complete the quarterly review: stamp the date and reviewer and close the review activities."""
        review_type = self.env.ref('customer_service_mgmt.mail_activity_type_cs_archive_review')
        activities = self.env['mail.activity'].search([
            ('res_model', '=', self._name), ('res_id', 'in', self.ids),
            ('activity_type_id', '=', review_type.id)])
        if activities:
            activities.action_feedback(feedback=_('Archive reviewed.'))  # stamps through mail.activity
        else:
            self._cs_stamp_review()
        return True

    @api.multi
    def _cs_stamp_review(self):
        self.check_access_rights('write')
        self.check_access_rule('write')
        self._cs_system_write({'last_review_date': fields.Date.context_today(self), 'last_reviewer_id': self.env.uid})

    # quarterly review cron

    _cs_review_batch_size = 1000

    @api.model
    def _cron_cs_archive_review(self):
        """Quarterly re-verification cron entry point."""
        self = self.env['res.company']._cs_in_company_lang(self)  # the activities' summary
        return self.with_context(cs_commit_per_batch=not tools.config['test_enable'])._cs_create_reviews()

    @api.model
    def _cs_review_domain(self, today):
        return archive_policy.review_domain(today)

    @api.model
    def _cs_create_reviews(self, today=None):
        """One review activity per archive not reviewed since the quarter began, once per quarter. Each
        batch first claims its archives with an UPDATE guarded on the quarter, so a second run (or one
        running alongside) finds nothing left to claim."""
        today = today or fields.Date.context_today(self)
        if isinstance(today, str):
            today = fields.Date.from_string(today)
        quarter = archive_policy.quarter_of(today)
        ids = self.sudo().search(self._cs_review_domain(today), order='id').ids
        review_type = self.env.ref('customer_service_mgmt.mail_activity_type_cs_archive_review')
        deadline = fields.Date.to_string(today + datetime.timedelta(days=review_type.days or 14))
        created = 0
        for batch in tools.split_every(self._cs_review_batch_size, ids, list):
            self.env.cr.execute("""
                UPDATE cs_customer_archive SET review_quarter = %s
                 WHERE id = ANY(%s) AND review_quarter IS DISTINCT FROM %s
             RETURNING id""", (quarter, batch, quarter))
            claimed = self.sudo().browse([r[0] for r in self.env.cr.fetchall()])
            if claimed:
                self._cs_insert_review_activities(claimed, self._cs_reviewers(claimed), review_type, deadline,
                                                  _('Quarterly review of the archive (%s)') % quarter)
            created += len(claimed)
            if self.env.context.get('cs_commit_per_batch'):
                self.env.cr.commit()  # pylint: disable=invalid-commit
        self.invalidate_cache(['review_quarter'])
        self.env['mail.activity'].invalidate_cache()
        self.env['mail.followers'].invalidate_cache()
        _logger.info('archive reviews %s: %d archives due, %d activities created', quarter, len(ids), created)
        return created

    @api.model
    def _cs_insert_review_activities(self, archives, reviewers, review_type, deadline, summary):
        """Create the review activities of a batch as mail.activity's create would (the activity, its
        assignee following the archive with the default subtypes), in three set-based statements: the
        ORM's create costs some twenty queries per activity, and the cron may create tens of thousands."""
        cr = self.env.cr
        model_id = self.env['ir.model']._get(self._name).id
        uid = self.env.uid
        execute_values(cr, """
            INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name, activity_type_id, summary,
                                       date_deadline, user_id, create_uid, create_date, write_uid, write_date)
            SELECT v.model_id, v.model, v.res_id, p.display_name, v.type_id, v.summary, v.deadline::date,
                   v.user_id, v.uid, now() at time zone 'UTC', v.uid, now() at time zone 'UTC'
              FROM (VALUES %s) AS v(model_id, model, res_id, type_id, summary, deadline, user_id, uid)
              JOIN cs_customer_archive a ON a.id = v.res_id
              JOIN res_partner p ON p.id = a.partner_id
        """, [(model_id, self._name, archive.id, review_type.id, summary, deadline, reviewers[archive.id].id, uid)
               for archive in archives], page_size=len(archives))
        followers = execute_values(cr, """
            INSERT INTO mail_followers (res_model, res_id, partner_id)
            SELECT v.model, v.res_id, v.partner_id FROM (VALUES %s) AS v(model, res_id, partner_id)
            ON CONFLICT DO NOTHING RETURNING id
        """, list({(self._name, archive.id, reviewers[archive.id].partner_id.id) for archive in archives}),
            page_size=len(archives), fetch=True)
        subtypes = self.env['mail.message.subtype'].default_subtypes(self._name)[0]
        if followers and subtypes:
            execute_values(cr, """
                INSERT INTO mail_followers_mail_message_subtype_rel (mail_followers_id, mail_message_subtype_id)
                VALUES %s ON CONFLICT DO NOTHING
            """, [(f, s) for (f,) in followers for s in subtypes.ids], page_size=10000)

    @api.model
    def _cs_reviewers(self, archives):
        """Who reviews each archive: the first who may read it of the customer's salesperson, its last
        reviewer, its creator, then a general manager of its company (who reads every level): an activity
        on an archive its assignee cannot open could neither be completed nor kept secret. One search per
        candidate user, not per archive."""
        readable = {}

        def can_read(user, archive):
            if user not in readable:
                readable[user] = self.sudo(user)._cs_readable_ids(archives.ids) if user.active else set()
            return archive.id in readable[user]

        # one query for the candidates (prefetching the partners' every field would cost more)
        self.env.cr.execute("""
            SELECT a.id, p.user_id, a.last_reviewer_id, a.create_uid
              FROM cs_customer_archive a JOIN res_partner p ON p.id = a.partner_id
             WHERE a.id = ANY(%s)""", (archives.ids,))
        rows = self.env.cr.fetchall()
        Users = self.env['res.users'].sudo()
        root = self.env.ref('base.user_root')
        gms = self.env.ref('customer_service_mgmt.group_cs_gm').sudo().users.filtered(
            lambda u: u.active and u != root).sorted('id')
        reviewers = {}
        for archive_id, *candidate_ids in rows:
            archive = self.browse(archive_id)
            # the server (superuser) is no reviewer: it only stands in when nobody else may read the archive
            candidates = [Users.browse(uid) for uid in candidate_ids if uid and uid != root.id]
            candidates += [u for u in gms if u.company_id == archive.sudo().company_id]
            reviewers[archive_id] = next((u for u in candidates if can_read(u, archive)), root)
        return reviewers
