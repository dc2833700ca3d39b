import io
import logging

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models, tools
from odoo.exceptions import AccessError, ValidationError

from ..policy import tiers as tier_policy
from ..policy import values as value_policy

_logger = logging.getLogger(__name__)

# Fields only a customer service manager may set by hand on a commercial partner.
PIN_FIELDS = ('cs_tier_id', 'cs_tier_pinned', 'cs_tier_pin_reason')
# Fields only the recompute writes (contacts receive them from their company through the host's sync).
STAMPED_FIELDS = ('cs_annual_amount', 'cs_tier_date', 'cs_tier_reason')


class ResPartner(models.Model):
    _name = 'res.partner'
    _inherit = ['res.partner', 'cs.guard.mixin']

    # How many commercial partners one recompute statement handles (one transaction per batch in the cron).
    _cs_tier_batch_size = 50000

    def _default_cs_tier_id(self):
        return self.env['cs.tier'].search([
            ('code', '=', tier_policy.RESERVE), ('company_id', '=', self.env.user.company_id.id)], limit=1)

    cs_tier_id = fields.Many2one(
        'cs.tier', string='Customer tier', index=True, ondelete='restrict',
        default=_default_cs_tier_id, track_visibility='onchange',
        help='Value tier from the trailing-12-month transaction amount, recomputed nightly; '
             'contacts show the tier of their company.')
    cs_annual_amount = fields.Monetary(
        string='Annual transaction amount', currency_field='cs_currency_id', readonly=True,
        help='Posted customer invoices minus refunds over the trailing 12 months, in company currency.')
    cs_currency_id = fields.Many2one('res.currency', string='Company currency', compute='_compute_cs_currency_id')
    cs_tier_date = fields.Date(string='Tier since', readonly=True,
                               help='Date the current tier was assigned.')
    cs_tier_reason = fields.Selection([
        (tier_policy.REASON_AMOUNT, 'Annual amount'),
        (tier_policy.REASON_PINNED, 'Pinned by a manager'),
        (tier_policy.REASON_OVERDUE, 'VIP amount, but a receivable overdue too long'),
        (tier_policy.REASON_RATING, 'VIP amount, but credit rating C or D'),
    ], string='Tier reason', readonly=True,
        help='Why the customer has its tier, written by the recompute: VIP needs the amount and a good '
             'payment record (no receivable overdue too long, credit rating not C/D).')
    cs_tier_pinned = fields.Boolean(
        string='Tier pinned', track_visibility='onchange',
        help='A manager fixed the tier by hand: the recompute keeps it.')
    cs_tier_pin_reason = fields.Char(string='Pin reason', track_visibility='onchange')
    cs_is_commercial = fields.Boolean(
        string='Is a commercial entity', compute='_compute_cs_is_commercial', store=True, index=True)
    cs_confidentiality = fields.Selection(related='cs_tier_id.confidentiality', readonly=True)

    @api.multi
    def _compute_cs_currency_id(self):
        for partner in self:
            partner.cs_currency_id = self.env.user.company_id.currency_id

    @api.multi
    @api.depends('commercial_partner_id')
    def _compute_cs_is_commercial(self):
        for partner in self:
            partner.cs_is_commercial = partner.commercial_partner_id == partner

    @api.constrains('cs_tier_pinned', 'cs_tier_pin_reason')
    def _check_cs_tier_pin_reason(self):
        for partner in self:
            if partner.cs_tier_pinned and value_policy.is_blank(partner.cs_tier_pin_reason):
                raise ValidationError(_(
                    'Pinning the tier of %s needs a reason.') % partner.display_name)

    @api.model
    def _commercial_fields(self):
        # contacts show (and keep in sync) the tier of their commercial partner, the host's mechanism
        return super(ResPartner, self)._commercial_fields() + [
            'cs_tier_id', 'cs_annual_amount', 'cs_tier_date', 'cs_tier_pinned', 'cs_tier_pin_reason',
            'cs_tier_reason']

    @api.model
    def _cs_protected_fields(self):
        return super(ResPartner, self)._cs_protected_fields() | set(STAMPED_FIELDS)

    @api.multi
    def _cs_protected_change_allowed(self, name, value):
        """A contact receives its company's stamped and pinned values through the host's commercial
        sync (as the user who changed the company or the contact's parent): allowed when the value is
        the commercial partner's."""
        commercial = self.commercial_partner_id
        if commercial and commercial != self and name in self._commercial_fields() \
                and self._cs_same_value(commercial, name, value):
            return True
        return super(ResPartner, self)._cs_protected_change_allowed(name, value)

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)
        if not self._cs_may_pin():
            default_tier = self._default_cs_tier_id()
            if vals.get('cs_tier_pinned') or vals.get('cs_tier_pin_reason') or (
                    vals.get('cs_tier_id') and vals['cs_tier_id'] != default_tier.id
                    and not vals.get('parent_id')):
                raise AccessError(_('Only a customer service manager may set a customer\'s tier by hand.'))
        return super(ResPartner, self).create(vals)

    @api.multi
    def write(self, vals):
        self._cs_guard_write(vals)
        if any(f in vals for f in PIN_FIELDS) and not self._cs_may_pin():
            self._cs_check_pin_write(vals)
        return super(ResPartner, self).write(vals)

    @api.model
    def _cs_may_pin(self):
        return self.env.user._cs_is_manager()

    @api.multi
    def _cs_check_pin_write(self, vals):
        """Refuse a non-manager's change of the tier or its pin. A contact receives these values from
        its company through the host's commercial sync, which is allowed; any other value is not."""
        for partner in self:
            for name in PIN_FIELDS:
                if name not in vals:
                    continue
                if partner._cs_same_value(partner, name, vals[name]) \
                        or partner._cs_protected_change_allowed(name, vals[name]):
                    continue
                raise AccessError(_(
                    'Only a customer service manager may change or pin the tier of %s.')
                    % partner.commercial_partner_id.display_name)

    @api.multi
    def _cs_check_recompute_right(self):
        """Who may recompute now: a customer service manager (the tier decides visits and archive
        levels), on customers he may write (the recompute writes their tier)."""
        self.env.user._cs_require(lambda u: u._cs_is_manager(), _(
            'Only a customer service manager may recompute the tier or behaviour class of %s.')
            % (', '.join(self[:3].mapped('display_name')) or _('every customer')))
        if self:
            self.check_access_rights('write')
            self.check_access_rule('write')

    @api.multi
    def action_cs_recompute_tier(self):
        """Button: recompute the tier of these customers now."""
        self._cs_check_recompute_right()
        self.mapped('commercial_partner_id')._cs_recompute_tiers()
        return True

    @api.model
    def _cron_cs_recompute_tiers(self):
        """Nightly cron entry point."""
        self.browse()._cs_recompute_tiers(commit=not tools.config['test_enable'])

    @api.multi
    def cs_recompute_tiers(self):
        """Recompute the tiers of these customers (all when empty) as of today: a manager's. The day
        cannot be chosen here (a web API caller could back-date it): :meth:`_cs_recompute_tiers`."""
        self._cs_check_recompute_right()
        return self._cs_recompute_tiers()

    @api.multi
    def _cs_recompute_tiers(self, today=None, silent=False, commit=False):
        """Recompute amount and tier of these commercial partners (all of them when empty), set-based:
        per batch one aggregate over posted invoices joined to one UPDATE that touches only the rows that
        change, then one bulk insert of the tracking messages for the tiers that changed (none when
        ``silent``, e.g. the first classification at install)."""
        today = today or fields.Date.context_today(self)
        today = fields.Date.from_string(today) if isinstance(today, str) else today
        company = self.env.user.company_id
        bands = self.env['cs.tier']._cs_bands(company)
        problems = tier_policy.validate_bands(bands)
        if problems:
            raise ValidationError('\n'.join(self.env['cs.tier']._cs_problem_message(p) for p in problems))
        ids = self._cs_tier_partner_ids()
        changed = updated = 0
        for batch in tools.split_every(self._cs_tier_batch_size, ids, list):
            rows, count = self._cs_recompute_tier_batch(batch, bands, company, today)
            updated += count
            changed += len(rows)
            if rows and not silent:
                self._cs_post_tier_changes(rows, today)
            if commit:
                self.env.cr.commit()  # pylint: disable=invalid-commit
        self.invalidate_cache(['cs_tier_id', 'cs_annual_amount', 'cs_tier_date', 'cs_tier_reason'])
        _logger.info('customer tiers: %d partners, %d rows updated, %d tier changes', len(ids), updated, changed)
        return changed

    @api.multi
    def _cs_tier_partner_ids(self):
        """The commercial partners a recompute covers, in id order."""
        if self:
            return sorted(set(self.mapped('commercial_partner_id').ids))
        self.env.cr.execute('SELECT id FROM res_partner WHERE id = commercial_partner_id ORDER BY id')
        return [r[0] for r in self.env.cr.fetchall()]

    @api.model
    def _cs_recompute_tier_batch(self, partner_ids, bands, company, today):
        """One set-based statement for a batch of commercial partners. Returns the tier changes of
        the commercial partners (id, old tier id, new tier id, amount, name) and the number of rows updated
        (contacts included, which follow their company)."""
        since = today - relativedelta(months=12)
        # VIP needs a good payment record (POLICY §1): nothing overdue beyond the company's days, rating not C/D
        overdue_before = today - relativedelta(days=company.cs_vip_overdue_days or 0)
        late, rating = '(o.partner_id IS NOT NULL)', 'p.cs_credit_rating'
        tier_case = tier_policy.sql_case(bands, 'COALESCE(a.amount, 0)', late, rating)
        reason_case = tier_policy.sql_reason(bands, 'COALESCE(a.amount, 0)', late, rating)
        self.env.cr.execute("""
            WITH amounts AS (
                SELECT inv.commercial_partner_id AS partner_id,
                       SUM(inv.amount_total_company_signed) AS amount
                  FROM account_invoice inv
                 WHERE inv.commercial_partner_id = ANY(%(ids)s)
                   AND inv.state IN ('open', 'paid') AND inv.type IN ('out_invoice', 'out_refund')
                   AND inv.company_id = %(company)s
                   AND inv.date_invoice > %(since)s AND inv.date_invoice <= %(today)s
                 GROUP BY inv.commercial_partner_id
            ), overdue AS (
                SELECT DISTINCT inv.commercial_partner_id AS partner_id
                  FROM account_invoice inv
                 WHERE inv.commercial_partner_id = ANY(%(ids)s)
                   AND inv.state = 'open' AND inv.type = 'out_invoice' AND inv.company_id = %(company)s
                   AND inv.residual_company_signed > 0 AND inv.date_due < %(overdue_before)s
            ), target AS (
                SELECT p.id, COALESCE(a.amount, 0) AS amount,
                       CASE WHEN p.cs_tier_pinned AND p.cs_tier_id IS NOT NULL THEN p.cs_tier_id
                            ELSE t.id END AS tier_id,
                       CASE WHEN p.cs_tier_pinned AND p.cs_tier_id IS NOT NULL THEN '""" + tier_policy.REASON_PINNED + """'
                            ELSE """ + reason_case + """ END AS reason
                  FROM res_partner p
                  LEFT JOIN amounts a ON a.partner_id = p.id
                  LEFT JOIN overdue o ON o.partner_id = p.id
                  JOIN cs_tier t ON t.company_id = %(company)s AND t.code = (""" + tier_case + """)
                 WHERE p.id = ANY(%(ids)s)
            )
            UPDATE res_partner p
               SET cs_annual_amount = tg.amount,
                   cs_tier_id = tg.tier_id,
                   cs_tier_reason = tg.reason,
                   cs_tier_date = CASE WHEN old.cs_tier_id IS DISTINCT FROM tg.tier_id OR old.cs_tier_date IS NULL
                                       THEN %(today)s ELSE old.cs_tier_date END
              FROM target tg, res_partner old
             WHERE p.commercial_partner_id = tg.id AND old.id = p.id
               AND (old.cs_annual_amount IS DISTINCT FROM tg.amount
                    OR old.cs_tier_id IS DISTINCT FROM tg.tier_id OR old.cs_tier_date IS NULL
                    OR old.cs_tier_reason IS DISTINCT FROM tg.reason)
         RETURNING p.id, p.commercial_partner_id, old.cs_tier_id, p.cs_tier_id, p.cs_annual_amount, p.display_name
        """, {'ids': partner_ids, 'company': company.id, 'since': since, 'today': today,
              'overdue_before': overdue_before})
        rows = self.env.cr.fetchall()
        # a first assignment (no tier yet) is not a change worth a chatter line
        changes = [(pid, old, new, amount, name) for pid, cpid, old, new, amount, name in rows
                   if pid == cpid and old != new and old]
        return changes, len(rows)

    @api.model
    def _cs_post_tier_changes(self, changes, today):
        """Record tier changes in the chatter as the host's tracking does (a note with a tracking value
        on `cs_tier_id`), loaded with COPY: the first classification may change a tier per customer.
        Written in the company's language, whoever runs the recompute (the cron's user has none)."""
        self = self.env['res.company']._cs_in_company_lang(self)
        tiers = {t.id: t.display_name for t in self.env['cs.tier'].search([])}
        currency = self.env.user.company_id.currency_id
        lang = self.env['res.lang']._lang_get(self.env.lang or 'en_US')
        body = _('Customer tier: %(old)s → %(new)s (annual amount %(amount)s, %(date)s)')
        field_desc = self._fields['cs_tier_id'].get_description(self.env)['string']
        subtype, author, uid = self.env.ref('mail.mt_note').id, self.env.user.partner_id.id, self.env.uid
        now, day = fields.Datetime.now(), fields.Date.to_string(today)
        # one Message-Id stem per run, made unique per customer
        stem = tools.generate_tracking_message_id('cs-tier').split('@')
        self.env.cr.execute("SELECT nextval('mail_message_id_seq') FROM generate_series(1, %s)", (len(changes),))
        message_ids = [r[0] for r in self.env.cr.fetchall()]
        messages, trackings = [], []
        for mid, (pid, old, new, amount, name) in zip(message_ids, changes):
            text = body % {'old': tiers.get(old, ''), 'new': tiers.get(new, ''), 'date': day,
                           'amount': self._cs_format_money(amount, currency, lang)}
            messages.append((mid, 'res.partner', pid, name, 'notification', subtype, author, now,
                             '<p>%s</p>' % tools.html_escape(text), '%s-%d@%s' % (stem[0], pid, stem[1]),
                             uid, now, uid, now))
            trackings.append((mid, 'cs_tier_id', field_desc, 'many2one', old, new, tiers.get(old, ''),
                              tiers.get(new, ''), uid, now, uid, now))
        self._cs_copy('mail_message', (
            'id', 'model', 'res_id', 'record_name', 'message_type', 'subtype_id', 'author_id', 'date', 'body',
            'message_id', 'create_uid', 'create_date', 'write_uid', 'write_date'), messages)
        self._cs_copy('mail_tracking_value', (
            'mail_message_id', 'field', 'field_desc', 'field_type', 'old_value_integer', 'new_value_integer',
            'old_value_char', 'new_value_char', 'create_uid', 'create_date', 'write_uid', 'write_date'),
            trackings)
        self.env['mail.message'].invalidate_cache()

    @api.model
    def _cs_format_money(self, amount, currency, lang):
        """An amount as the chatter shows money, without formatLang's per-call language lookup."""
        digits = '{:,.2f}'.format(amount).replace(',', '\x00').replace('.', lang.decimal_point or '.')
        digits = digits.replace('\x00', lang.thousands_sep or '')
        symbol = currency.symbol or ''
        return '%s\u00a0%s' % ((symbol, digits) if currency.position == 'before' else (digits, symbol))

    @api.model
    def _cs_copy(self, table, columns, rows):
        """Bulk-load rows with COPY (text format; None is NULL)."""
        def cell(value):
            if value is None or value is False:
                return '\\N'
            return str(value).replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')
        buf = io.StringIO()
        for row in rows:
            buf.write('\t'.join(cell(v) for v in row))
            buf.write('\n')
        buf.seek(0)
        self.env.cr.copy_from(buf, table, columns=columns)
