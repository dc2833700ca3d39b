"""Benchmark: the monthly complaint summary over 1,000,000 tickets against a raw GROUP BY.

Builds the tickets with one INSERT ... SELECT generate_series (complaints, consultations and suggestions
over twelve months of a past year, with categories, channels, severities, findings, closing times and
opinions), then times the addon's monthly summary (every total and breakdown, with labels) against the
floor: one hand-written `GROUP BY category_id` computing the same figures for the same month's
complaints (a bare COUNT(*) GROUP BY and the indicator view grouped by employee are printed too).
Everything runs in a transaction that is rolled back.

    .venv/bin/python bench/bench_indicators.py -c .run/odoo-test.conf -d csm_test [--scale 0.1]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import environment, goal, parse_args, ratio, timed  # noqa: E402

YEAR = 2019
MONTH = '%d-06' % YEAR


def build(env, count):
    cr = env.cr
    company = env.user.company_id
    stage = env['helpdesk.ticket.stage'].search([], limit=1)
    categories = env['helpdesk.ticket.category'].search([]).ids or [None]
    channels = env['helpdesk.ticket.channel'].search([]).ids or [None]
    users = env['res.users'].search([], limit=20).ids
    partners = env['res.partner'].search([('is_company', '=', True)], limit=200).ids or [company.partner_id.id]
    # bulk load without per-row foreign-key triggers (the ids are taken from existing rows); the
    # transaction is rolled back at the end
    cr.execute("SET LOCAL session_replication_role = replica")
    cr.execute("""
        INSERT INTO helpdesk_ticket (number, name, stage_id, company_id, create_date, write_date, create_uid,
                                     write_uid, user_id, partner_id, category_id, channel_id, cs_kind,
                                     cs_severity, cs_finding, cs_closed_date, cs_on_time, cs_customer_opinion,
                                     cs_deadline, cs_registered_date, cs_escalation_level, active)
        SELECT 'BENCH' || g, 'bench ticket ' || g, %(stage)s, %(company)s, d, d, 1, 1,
               (%(users)s)[1 + g %% array_length(%(users)s, 1)],
               (%(partners)s)[1 + g %% array_length(%(partners)s, 1)],
               (%(categories)s)[1 + g %% array_length(%(categories)s, 1)],
               (%(channels)s)[1 + (g / 7) %% array_length(%(channels)s, 1)],
               (ARRAY['complaint', 'complaint', 'complaint', 'consultation', 'suggestion'])[1 + g %% 5],
               (ARRAY['general', 'general', 'serious', 'major'])[1 + (g / 3) %% 4],
               CASE WHEN g %% 10 < 8 THEN (ARRAY['violation', 'mistake', 'misunderstanding', 'product',
                                                 'other_department'])[1 + (g / 11) %% 5] END,
               CASE WHEN g %% 10 < 8 THEN d + ((g %% 97) || ' hours')::interval END,
               CASE WHEN g %% 10 < 8 THEN g %% 97 < 72 END,
               CASE WHEN g %% 10 < 8 THEN (ARRAY['satisfied', 'basically_satisfied', 'dissatisfied'])[1 + (g / 13) %% 3] END,
               d + interval '72 hours', d, 'handler', TRUE
          FROM generate_series(1, %(count)s) g,
               LATERAL (SELECT timestamp '%(year)s-01-01' + ((g %% 365) || ' days')::interval
                               + ((g %% 24) || ' hours')::interval AS d) dd
    """.replace('%(year)s', str(YEAR)), {
        'stage': stage.id, 'company': company.id, 'users': users, 'partners': partners,
        'categories': categories, 'channels': channels, 'count': count})
    cr.execute("SET LOCAL session_replication_role = DEFAULT")
    cr.execute('ANALYZE helpdesk_ticket')


def best_of(label, fn, runs=3):
    times = []
    result = None
    for _run in range(runs):
        seconds, result = timed(label, fn)
        times.append(seconds)
    return min(times), result


def main():
    args = parse_args(__doc__, scale=1.0)
    count = int(1000000 * args.scale)
    with environment(args) as env:
        cr = env.cr
        company = env.user.company_id
        Summary = env['report.customer_service_mgmt.cs_complaint_summary']
        print('monthly complaint summary over %d tickets (%s)' % (count, MONTH))
        timed('build tickets (INSERT ... SELECT generate_series)', build, env, count)
        start, end = Summary._cs_bounds(MONTH, company)

        where = """ FROM helpdesk_ticket t
                 WHERE t.cs_kind = 'complaint' AND t.company_id = %s
                   AND t.cs_registered_date >= %s AND t.cs_registered_date < %s
                 GROUP BY t.category_id"""

        def raw():
            # the floor: one hand-written GROUP BY computing the summary's figures for one breakdown
            cr.execute("""
                SELECT t.category_id, COUNT(*), COUNT(t.cs_closed_date),
                       COUNT(*) FILTER (WHERE t.cs_closed_date IS NOT NULL AND t.cs_on_time),
                       SUM(date_part('epoch', t.cs_closed_date - t.cs_registered_date)),
                       COUNT(t.cs_customer_opinion), COUNT(*) FILTER (WHERE t.cs_customer_opinion = 'dissatisfied'),
                       SUM(CASE t.cs_customer_opinion WHEN 'satisfied' THEN 5.0::float8
                           WHEN 'basically_satisfied' THEN 3.0::float8 WHEN 'dissatisfied' THEN 1.0::float8 END)
            """ + where, (company.id, start, end))
            return cr.fetchall()

        def bare():
            cr.execute('SELECT t.category_id, COUNT(*)' + where, (company.id, start, end))
            return cr.fetchall()

        def summary():
            return Summary._cs_summary(MONTH, company)

        def indicator():
            return env['cs.indicator'].read_group(
                [('source', '=', 'complaint'), ('date', '>=', MONTH + '-01'), ('date', '<', '%d-07-01' % YEAR)],
                ['user_id', 'complaint_count', 'handling_rate', 'on_time_rate', 'satisfaction'], ['user_id'])

        bare()  # warm the cache
        bare_floor, _rows = best_of('bare COUNT(*) GROUP BY category_id', bare)
        floor, rows = best_of('raw GROUP BY category_id, same figures (floor)', raw)
        addon, result = best_of('monthly summary (totals + 4 breakdowns)', summary)
        view, _groups = best_of('indicator view, month grouped by employee', indicator)
        print('  complaints in the month: %d (raw %d)' % (result['total']['registered'], sum(r[1] for r in rows)))
        ratio('summary / raw GROUP BY with the same figures (goal <= 2x)', addon, floor)
        goal('indicators: summary / raw GROUP BY', addon / floor, 2)
        ratio('summary / bare COUNT(*) GROUP BY', addon, bare_floor)
        ratio('indicator view / raw GROUP BY', view, floor)
        cr.rollback()


if __name__ == '__main__':
    main()
