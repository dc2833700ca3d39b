"""Benchmark of the customer-tier recompute (issue: Foundation, POLICY §1).

Builds --customers customers and --invoices posted customer invoices (SQL, inside a transaction that is
rolled back at the end), then times res.partner.cs_recompute_tiers() against
  (a) the raw-SQL floor: one aggregate over the invoices and one bulk UPDATE of the partners, and
  (b) a naive per-partner ORM loop (search the invoices, sum, classify, write), timed on a sample and
      extrapolated to all customers,
for three runs: the first classification (every customer changes tier: updates plus chatter lines),
the nightly run with nothing changed, and a nightly run a month later (amounts and some tiers change).
"""
import time

from dateutil.relativedelta import relativedelta

from common import environment, goal, parse_args, ratio, timed


def build(env, customers, invoices):
    cr = env.cr
    company = env.user.company_id
    reserve = env.ref('customer_service_mgmt.cs_tier_reserve').id
    journal = env['account.journal'].search([('type', '=', 'sale'), ('company_id', '=', company.id)], limit=1)
    account = env['account.account'].search([('company_id', '=', company.id),
                                             ('internal_type', '=', 'receivable')], limit=1)
    cr.execute("""
        CREATE TEMP TABLE bench_partner ON COMMIT DROP AS
        SELECT nextval('res_partner_id_seq') AS id, g AS n FROM generate_series(1, %s) g
    """, (customers,))
    cr.execute('CREATE INDEX ON bench_partner (n)')
    cr.execute("""
        INSERT INTO res_partner (id, name, display_name, active, is_company, customer, supplier, employee,
                                 type, commercial_partner_id, company_id, cs_tier_id, cs_is_commercial,
                                 invoice_warn, create_date, write_date, create_uid, write_uid)
        SELECT id, 'bench customer ' || n, 'bench customer ' || n, true, true, true, false, false,
               'contact', id, %s, %s, true, 'no-message', now(), now(), 1, 1
          FROM bench_partner
    """, (company.id, reserve))
    # amounts spread so that every tier gets customers; dates over the last 18 months; 1 in 10 a refund
    cr.execute("""
        INSERT INTO account_invoice (partner_id, commercial_partner_id, type, state, reference_type,
                                     account_id, currency_id, journal_id, company_id, date_invoice,
                                     amount_total, amount_total_company_signed, create_date, write_date)
        SELECT p.id, p.id,
               CASE WHEN g %% 10 = 0 THEN 'out_refund' ELSE 'out_invoice' END,
               CASE WHEN g %% 7 = 0 THEN 'paid' WHEN g %% 23 = 0 THEN 'draft' ELSE 'open' END,
               'none', %(account)s, %(currency)s, %(journal)s, %(company)s,
               current_date - ((g::bigint * 7919) %% 540)::int,
               amt, CASE WHEN g %% 10 = 0 THEN -amt / 4 ELSE amt END, now(), now()
          FROM generate_series(1, %(invoices)s) g
          JOIN bench_partner p ON p.n = 1 + (g %% %(customers)s)
          CROSS JOIN LATERAL (SELECT ((p.n %% 100) * (p.n %% 100) * 12.5 + (g %% 13) * 100)::numeric AS amt) a
    """, {'account': account.id, 'currency': company.currency_id.id, 'journal': journal.id,
          'company': company.id, 'invoices': invoices, 'customers': customers})
    cr.execute('ANALYZE res_partner')
    cr.execute('ANALYZE account_invoice')
    cr.execute('SELECT array_agg(id ORDER BY id) FROM bench_partner')
    return cr.fetchone()[0]


def floor(env, today):
    """One aggregate + one bulk update, the least any recompute must do."""
    bands = env['cs.tier']._cs_bands(env.user.company_id)
    from odoo.addons.customer_service_mgmt.policy import tiers
    case = tiers.sql_case(bands, 'COALESCE(a.amount, 0)')
    env.cr.execute("""
        WITH a AS (
            SELECT commercial_partner_id AS pid, SUM(amount_total_company_signed) AS amount
              FROM account_invoice
             WHERE state IN ('open', 'paid') AND type IN ('out_invoice', 'out_refund')
               AND date_invoice > %(since)s AND date_invoice <= %(today)s
             GROUP BY commercial_partner_id)
        UPDATE res_partner p SET cs_annual_amount = COALESCE(a.amount, 0), cs_tier_id = t.id
          FROM res_partner q LEFT JOIN a ON a.pid = q.id
          JOIN cs_tier t ON t.code = """ + case + """
         WHERE p.id = q.id AND q.id = q.commercial_partner_id
    """, {'since': today - relativedelta(months=12), 'today': today})


def naive(env, partner_ids, today):
    """What a straightforward ORM implementation does, one partner at a time."""
    since = today - relativedelta(months=12)
    bands = env['cs.tier']._cs_bands(env.user.company_id)
    from odoo.addons.customer_service_mgmt.policy import tiers
    for partner in env['res.partner'].browse(partner_ids):
        invoices = env['account.invoice'].search([
            ('commercial_partner_id', '=', partner.id), ('state', 'in', ('open', 'paid')),
            ('type', 'in', ('out_invoice', 'out_refund')),
            ('date_invoice', '>', str(since)), ('date_invoice', '<=', str(today))])
        amount = sum(invoices.mapped('amount_total_company_signed'))
        code = tiers.classify(amount, bands)
        tier = env['cs.tier'].search([('code', '=', code)], limit=1)
        partner.write({'cs_annual_amount': amount, 'cs_tier_id': tier.id})


def main():
    args = parse_args(__doc__, customers=100000, invoices=1000000, sample=300, scale=1.0)
    args.customers, args.invoices = int(args.customers * args.scale), int(args.invoices * args.scale)
    with environment(args) as env:
        env = env(context=dict(env.context, lang='zh_CN'))
        today = time.strftime('%Y-%m-%d')
        from odoo import fields
        today_d = fields.Date.from_string(today)
        Partner = env['res.partner']
        print('customer tiers: %d customers, %d invoices' % (args.customers, args.invoices))
        t_build, ids = timed('build the data set (SQL)', build, env, args.customers, args.invoices)
        queries = env.cr.sql_log_count

        env.cr.execute('SAVEPOINT floor')
        t_floor, _ = timed('floor: one aggregate + one bulk UPDATE', floor, env, today_d)
        env.cr.execute('ROLLBACK TO SAVEPOINT floor')

        count = env.cr.sql_log_count
        t_first, changed = timed('cs_recompute_tiers(), first classification', Partner.cs_recompute_tiers)
        q_first = env.cr.sql_log_count - count
        print('    %d tier changes, each with its chatter line; %d queries' % (changed, q_first))
        count = env.cr.sql_log_count
        t_again, changed_again = timed('cs_recompute_tiers(), nothing changed', Partner.cs_recompute_tiers)
        print('    %d tier changes; %d queries' % (changed_again, env.cr.sql_log_count - count))
        later = str(today_d + relativedelta(months=1))
        t_month, changed_month = timed('_cs_recompute_tiers(today), a month later',
                                       Partner._cs_recompute_tiers, today=later)
        print('    %d tier changes' % changed_month)

        env.cr.execute('SAVEPOINT naive')
        sample = ids[:args.sample]
        t_sample, _ = timed('naive ORM loop on %d customers' % len(sample), naive, env, sample, today_d)
        env.cr.execute('ROLLBACK TO SAVEPOINT naive')
        t_naive = t_sample / len(sample) * len(ids)
        print('  %-58s %9.3f s' % ('naive ORM loop extrapolated to %d customers' % len(ids), t_naive))

        print('ratios (goal: <= 1.5x the floor, >= 20x faster than the naive loop)')
        ratio('first classification / floor', t_first, t_floor)
        goal('tiers: first classification (with chatter) / floor', t_first / t_floor, 1.5)
        ratio('a month later / floor', t_month, t_floor)
        ratio('nothing changed / floor', t_again, t_floor)
        ratio('naive loop / first classification', t_naive, t_first)
        ratio('naive loop / a month later', t_naive, t_month)
        env.cr.rollback()
        del queries, t_build


if __name__ == '__main__':
    main()
