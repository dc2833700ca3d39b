import logging

from dateutil.relativedelta import relativedelta
from psycopg2.extras import execute_values

from odoo import api, fields, models, tools

from ..policy import behaviour as behaviour_policy
from ..policy import teams as team_policy

_logger = logging.getLogger(__name__)


class ResPartner(models.Model):
    """Behaviour class 客户行为分类 (POLICY §1) of a customer, beside its value tier."""
    _name = 'res.partner'
    _inherit = ['res.partner', 'cs.guard.mixin']

    _cs_behaviour_batch_size = 20000

    cs_behaviour = fields.Selection([
        (behaviour_policy.LOYAL, 'Loyal'),
        (behaviour_policy.SATISFIED, 'Satisfied'),
        (behaviour_policy.ORDINARY, 'Ordinary'),
        (behaviour_policy.LOST, 'Lost'),
    ], string='Behaviour class', readonly=True, index=True,
        help='From purchase frequency, complaints and satisfaction; recomputed nightly.')
    cs_behaviour_date = fields.Date(string='Behaviour class since', readonly=True)

    @api.model
    def _cs_protected_fields(self):
        # only the recompute classifies
        return super(ResPartner, self)._cs_protected_fields() | {'cs_behaviour', 'cs_behaviour_date'}

    @api.model
    def _cron_cs_recompute_behaviour(self):
        """Nightly cron entry point."""
        self.browse()._cs_recompute_behaviour(commit=not tools.config['test_enable'])

    @api.multi
    def action_cs_recompute_behaviour(self):
        """Button: classify these customers now (a manager's, on customers he may write)."""
        self._cs_check_recompute_right()
        self.mapped('commercial_partner_id')._cs_recompute_behaviour()
        return True

    @api.multi
    def cs_recompute_behaviour(self):
        """Classify these customers (all when empty) as of today: a manager's; the day is only for
        :meth:`_cs_recompute_behaviour`."""
        self._cs_check_recompute_right()
        return self._cs_recompute_behaviour()

    @api.multi
    def _cs_recompute_behaviour(self, today=None, commit=False):
        """Classify these commercial partners (all when empty) in batches: one query gathers the facts
        of a batch, the policy classifies, one UPDATE per batch writes the classes that change.
        Returns the number of partners whose class changed."""
        today = today or fields.Date.context_today(self)
        today = fields.Date.from_string(today) if isinstance(today, str) else today
        company = self.env.user.company_id
        params = company._cs_behaviour_params()
        ids = self._cs_tier_partner_ids()
        changed = 0
        for batch in tools.split_every(self._cs_behaviour_batch_size, ids, list):
            facts = self._cs_behaviour_facts(batch, company, today)
            self.env.cr.execute('SELECT id, cs_behaviour FROM res_partner WHERE id = ANY(%s)', (batch,))
            current = dict(self.env.cr.fetchall())
            rows = []
            for pid in batch:
                new = behaviour_policy.classify(facts.get(pid, behaviour_policy.Facts()), params)
                if current.get(pid) != new:
                    rows.append((pid, new))
            if rows:
                execute_values(self.env.cr, """
                    UPDATE res_partner p SET cs_behaviour = v.cls, cs_behaviour_date = %s
                      FROM (VALUES %%s) AS v(id, cls)
                     WHERE p.commercial_partner_id = v.id
                """ % self.env.cr.mogrify('%s', (today,)).decode(), rows, page_size=len(rows))
            changed += len(rows)
            if commit:
                self.env.cr.commit()  # pylint: disable=invalid-commit
        self.invalidate_cache(['cs_behaviour', 'cs_behaviour_date'])
        _logger.info('customer behaviour: %d partners, %d class changes', len(ids), changed)
        return changed

    @api.model
    def _cs_behaviour_facts(self, partner_ids, company, today):
        """{partner id: policy Facts} from posted invoices (purchase frequency, last purchase) and the
        hooks for complaints and satisfaction."""
        since = today - relativedelta(months=12)
        self.env.cr.execute("""
            SELECT inv.commercial_partner_id,
                   COUNT(*) FILTER (WHERE inv.date_invoice > %(since)s),
                   MAX(inv.date_invoice)
              FROM account_invoice inv
             WHERE inv.commercial_partner_id = ANY(%(ids)s) AND inv.company_id = %(company)s
               AND inv.state IN ('open', 'paid') AND inv.type = 'out_invoice' AND inv.date_invoice <= %(today)s
             GROUP BY inv.commercial_partner_id
        """, {'ids': partner_ids, 'company': company.id, 'since': since, 'today': today})
        purchases = {}
        for pid, count, last in self.env.cr.fetchall():
            last = fields.Date.from_string(last) if isinstance(last, str) else last
            delta = relativedelta(today, last)
            purchases[pid] = (count, delta.years * 12 + delta.months)
        complaints = self._cs_behaviour_complaints(partner_ids, company, since, today)
        visits = self._cs_behaviour_visit_scores(partner_ids, since, today)
        facts = {}
        for pid in set(purchases) | set(complaints) | set(visits):
            count, months = purchases.get(pid, (0, None))
            n_complaints, opinions = complaints.get(pid, (0, []))
            facts[pid] = behaviour_policy.Facts(
                count, months, n_complaints, opinions.count('dissatisfied'),
                behaviour_policy.average_satisfaction(opinions, visits.get(pid, [])))
        return facts

    @api.model
    def _cs_behaviour_complaints(self, partner_ids, company, since, today):
        """{partner id: (complaints registered in 12 months, [their customer opinions])}."""
        self.env.cr.execute("""
            SELECT p.commercial_partner_id, COUNT(*),
                   ARRAY_REMOVE(ARRAY_AGG(t.cs_customer_opinion), NULL)
              FROM helpdesk_ticket t JOIN res_partner p ON p.id = t.partner_id
             WHERE p.commercial_partner_id = ANY(%s) AND t.cs_kind = 'complaint'
               AND """ + team_policy.governed_sql('t') + """
               AND (t.company_id = %s OR t.company_id IS NULL)
               AND t.cs_registered_date::date > %s AND t.cs_registered_date::date <= %s
             GROUP BY p.commercial_partner_id
        """, (partner_ids, company.id, since, today))
        return {pid: (count, list(opinions or [])) for pid, count, opinions in self.env.cr.fetchall()}

    @api.model
    def _cs_behaviour_visit_scores(self, partner_ids, since, today):
        """{partner id: [visit scores]} of done visits in 12 months (empty while visits are not installed)."""
        indicator = self.env['cs.indicator']
        columns = indicator._cs_visit_columns()
        if not columns or not columns[1] or not columns[3]:
            return {}
        _user, score, date, partner = columns
        self.env.cr.execute("""
            SELECT p.commercial_partner_id, v.{score}
              FROM cs_visit v JOIN res_partner p ON p.id = v.{partner}
             WHERE p.commercial_partner_id = ANY(%s) AND v.state = 'done' AND v.{score} IS NOT NULL
               AND v.{date}::date > %s AND v.{date}::date <= %s
        """.format(score=score, partner=partner, date=date), (partner_ids, since, today))
        result = {}
        for pid, value in self.env.cr.fetchall():
            result.setdefault(pid, []).append(value)
        return result
