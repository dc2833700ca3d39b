import datetime
import logging
import threading

from psycopg2.extras import execute_values

from odoo import SUPERUSER_ID, _, api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError

from ..policy import archives as archive_policy
from .cs_tier import CONFIDENTIALITY

_logger = logging.getLogger(__name__)

MANAGER_GROUP = 'customer_service_mgmt.group_cs_manager'
# The content of the archive: what a consultation 借阅 reads and what the access log registers.
SENSITIVE_FIELDS = (
    'organisation', 'key_persons', 'qualifications', 'business_scale', 'trading_history',
    'competition', 'credit_notes', 'special_strategy',
)
OVERRIDE_FIELDS = ('confidentiality_override', 'confidentiality_reason')
# The ORM fills its cache through read() when code accesses a field (prefetch). Those reads are the
# server's own, not a consultation: a thread-local marker (which a web API caller cannot set, unlike a
# context key) tells them apart.
_prefetching = threading.local()


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
    _inherit = ['mail.thread', 'mail.activity.mixin']
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
    # content (never tracked: the chatter is readable more widely than the archive's level allows)
    organisation = fields.Text(string='Organisation and management structure')
    key_persons = fields.Text(string='Key persons and decision makers')
    qualifications = fields.Text(string='Qualifications')
    business_scale = fields.Text(string='Business scale')
    trading_history = fields.Text(string='Trading history')
    competition = fields.Text(string='Competitive situation')
    credit_notes = fields.Text(string='Credit notes')
    special_strategy = fields.Text(string='Special strategies')
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
            if archive.confidentiality_override and not (archive.confidentiality_reason or '').strip():
                raise ValidationError(_(
                    'Setting the confidentiality level of the archive of %s by hand needs a reason.')
                    % archive.partner_id.display_name)

    @api.model
    def create(self, vals):
        if any(vals.get(f) for f in OVERRIDE_FIELDS):
            self._cs_check_may_override()
        return super(CsCustomerArchive, self).create(vals)

    @api.multi
    def write(self, vals):
        if any(f in vals for f in OVERRIDE_FIELDS):
            self._cs_check_may_override()
        if 'active' in vals and not self.env.context.get('cs_disposal_approved'):
            raise UserError(_(
                'An archive is archived only by a disposal request approved by the information '
                'supervisor, the customer service manager and the general manager.'))
        return super(CsCustomerArchive, self).write(vals)

    @api.multi
    def unlink(self):
        raise UserError(_(
            'Customer archives are never deleted: request their disposal instead (%s).')
            % ', '.join(self.sudo().mapped('partner_id.display_name')))

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        """Reads the archives, then registers the consultation 借阅登记 of each confidential or top-secret
        archive whose content was read: one log line per archive and per read, whether the read comes
        from the form or the web API (search_read calls read). Reading only the cover (customer, level,
        review dates: the list view) does not consult the content and is not registered."""
        result = super(CsCustomerArchive, self).read(fields=fields, load=load)
        if getattr(_prefetching, 'depth', 0):
            return result
        if not fields or set(fields) & set(SENSITIVE_FIELDS):
            self._cs_log_access(self.env.context.get('cs_access_purpose'))
        return result

    def _prefetch_field(self, field):
        _prefetching.depth = getattr(_prefetching, 'depth', 0) + 1
        try:
            return super(CsCustomerArchive, self)._prefetch_field(field)
        finally:
            _prefetching.depth -= 1

    @api.multi
    def export_data(self, fields_to_export, raw_data=False):
        """An export reads the content too: it is registered like a read."""
        result = super(CsCustomerArchive, self).export_data(fields_to_export, raw_data=raw_data)
        if any(f.split('/')[0] in SENSITIVE_FIELDS for f in fields_to_export):
            self._cs_log_access(self.env.context.get('cs_access_purpose') or _('Export'))
        return result

    @api.multi
    def _cs_log_access(self, purpose):
        """Register one consultation per confidential or top-secret archive of ``self``, in one statement
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
            'uid': self.env.uid, 'purpose': (purpose or '').strip() or None, 'now': now, 'ids': self.ids,
            'secret': archive_policy.SECRET, 'logged': tuple(archive_policy.LOGGED_LEVELS)})
        log = self.env['cs.archive.access.log'].browse([r[0] for r in self.env.cr.fetchall()])
        if log:
            self.env['cs.archive.access.log'].invalidate_cache()
            self.invalidate_cache(['access_log_count'])
        return log

    @api.model
    def _cs_check_may_override(self):
        if self.env.uid != SUPERUSER_ID and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(_('Only a customer service manager may set the confidentiality level of an archive.'))

    # actions

    @api.multi
    def action_consult(self):
        """Open the archive's content: directly when it is secret, through the purpose prompt when it is
        confidential or top secret."""
        self.ensure_one()
        self.check_access_rights('read')
        self.check_access_rule('read')
        if archive_policy.is_logged(self.cs_confidentiality):
            return {
                'type': 'ir.actions.act_window',
                'name': _('Purpose of the consultation'),
                'res_model': 'cs.archive.access.wizard',
                'view_mode': 'form',
                'target': 'new',
                'context': {'default_archive_id': self.id},
            }
        return self._cs_content_action()

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
        self.check_access_rule('write')
        self.sudo().write({'last_review_date': fields.Date.context_today(self), 'last_reviewer_id': self.env.uid})

    # quarterly review cron

    _cs_review_batch_size = 1000

    @api.model
    def _cron_cs_archive_review(self):
        """Quarterly re-verification cron entry point."""
        return self.with_context(cs_commit_per_batch=not tools.config['test_enable'])._cs_create_reviews()

    @api.model
    def _cs_review_domain(self, today):
        quarter = archive_policy.quarter_of(today)
        start = fields.Date.to_string(archive_policy.quarter_start(today))
        return [('active', '=', True),
                '|', ('review_quarter', '=', False), ('review_quarter', '!=', quarter),
                '|', ('last_review_date', '=', False), ('last_review_date', '<', start)]

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
        """Who reviews each archive: the customer's salesperson, or when the archive is above the
        salesperson's level, its last reviewer or its creator: the first of them who may read it (an
        activity on an archive its assignee cannot open could not be completed). One search per
        candidate user, not per archive."""
        readable = {}

        def can_read(user, archive):
            if user not in readable:
                readable[user] = set(self.sudo(user).search([('id', 'in', archives.ids)]).ids) \
                    if user.active else set()
            return archive.id in readable[user]

        # one query for the candidates (prefetching the partners' every field would cost more)
        self.env.cr.execute("""
            SELECT a.id, p.user_id, a.last_reviewer_id, a.create_uid
              FROM cs_customer_archive a JOIN res_partner p ON p.id = a.partner_id
             WHERE a.id = ANY(%s)""", (archives.ids,))
        rows = self.env.cr.fetchall()
        Users = self.env['res.users'].sudo()
        root = self.env.ref('base.user_root')
        reviewers = {}
        for archive_id, *candidate_ids in rows:
            archive = self.browse(archive_id)
            candidates = [Users.browse(uid) for uid in candidate_ids if uid]
            reviewers[archive_id] = next((u for u in candidates if can_read(u, archive)), root)
        return reviewers
