"""Benchmark: plan one visit period for N customers (default 100,000) with the addon's planning cron,
against the floor of a raw INSERT ... SELECT of the same rows; then a second run, which must insert 0 rows.

    .venv/bin/python bench/bench_visits.py -c .run/odoo-test.conf -d csm_test [--scale 0.1]

Runs in one transaction that is rolled back: the database is left as it was.
"""
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import environment, goal, parse_args, ratio, timed  # noqa: E402

COLUMNS = """partner_id, company_id, tier_id, policy_line_id, origin, period_key, planned_date, user_id, method,
             state, name, remind_days, reminded, escalated, cs_auto_cancelled,
             create_uid, create_date, write_uid, write_date"""


def build_customers(cr, count, company_id, tier_ids):
    cr.execute("""
        INSERT INTO res_partner (name, display_name, active, customer, supplier, is_company, type, company_id,
                                 cs_tier_id, cs_is_commercial, invoice_warn, create_date, write_date)
        SELECT 'bench customer ' || g, 'bench customer ' || g, TRUE, TRUE, FALSE, TRUE, 'contact', %s,
               (%s::int[])[1 + g %% %s], TRUE, 'no-message', now(), now()
          FROM generate_series(1, %s) g
    """, (company_id, tier_ids, len(tier_ids), count))
    cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE commercial_partner_id IS NULL "
               "AND name LIKE 'bench customer %%'")
    cr.execute("ANALYZE res_partner")


def floor(cr, line, period_key, planned, company_id):
    """The raw INSERT ... SELECT of the same rows, nothing else (no conflict handling, no roles). The same
    customers as the planner's: the company's, and never a blacklisted one (no visit to a blacklisted
    customer; the demo data holds one, which made the floor plan one row too many)."""
    cr.execute("""
        INSERT INTO cs_visit (""" + COLUMNS + """)
        SELECT p.id, %s, p.cs_tier_id, %s, 'policy', %s, %s, p.user_id, 'phone', 'planned', 'bench', 3,
               FALSE, FALSE, FALSE, 1, now(), 1, now()
          FROM res_partner p
         WHERE p.id = p.commercial_partner_id AND p.active AND p.customer AND p.cs_tier_id IS NOT NULL
           AND (p.company_id IS NULL OR p.company_id = %s)
           AND NOT COALESCE(p.cs_blacklisted, FALSE)
    """, (company_id, line.id, period_key, planned, company_id))
    return cr.rowcount


def main():
    args = parse_args(__doc__.splitlines()[0], scale=1.0)
    count = int(100000 * args.scale)
    with environment(args) as env:
        cr = env.cr
        try:
            Visit = env['cs.visit'].with_context(cs_commit_per_batch=False)
            policy = env.ref('customer_service_mgmt.cs_visit_policy_main')
            line = env.ref('customer_service_mgmt.cs_visit_policy_line_all_rep')
            # one rule (the monthly contact, every tier) and no horizon: exactly one period per customer
            (policy.line_ids - line).write({'active': False})
            policy.horizon_days = 0
            cr.execute("DELETE FROM cs_visit")
            tiers = env['cs.tier'].search([]).ids
            print('return visit planning, %d customers, one period' % count)
            timed('build customers (INSERT ... SELECT generate_series)', build_customers,
                  cr, count, env.user.company_id.id, tiers)
            today = datetime.date.today()
            period = Visit._cs_due_rule_periods(policy, today)[0][1]
            cr.execute('SAVEPOINT bench_floor')
            t_floor, floor_rows = timed('floor: raw INSERT ... SELECT', floor, cr, line, period.key,
                                        today, env.user.company_id.id)
            cr.execute('ROLLBACK TO SAVEPOINT bench_floor')
            t_plan, planned = timed('cs.visit._cron_plan_visits() first run', Visit._cron_plan_visits, today)
            t_again, again = timed('cs.visit._cron_plan_visits() second run', Visit._cron_plan_visits, today)
            print('  rows: floor %d, first run %d, second run %d' % (floor_rows, planned, again))
            ratio('first run / floor (goal <= 2x)', t_plan, t_floor)
            goal('visits: planning first run / floor', t_plan / t_floor, 2)
            goal('visits: rows planned beyond the floor\'s', abs(planned - floor_rows) + again, 0, ' rows')
            ratio('second run / floor', t_again, t_floor)
            if planned != floor_rows or again != 0:
                print('  FAIL: the planner must plan the floor\'s rows once and nothing on the second run')
                sys.exit(1)
        finally:
            cr.rollback()


if __name__ == '__main__':
    main()
