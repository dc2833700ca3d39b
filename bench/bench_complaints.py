"""Benchmark of the overdue-complaint escalation scan (层级上报) on a large ticket register.

Builds ``--tickets`` helpdesk tickets (1,000,000 by default) with INSERT ... SELECT generate_series: most
closed, some open and within their deadline, a few (``--overdue``) open complaints past it. Then:

1. the floor: a bare indexed SELECT of the ids of the same rows;
2. the addon's scan (``_cs_escalation_batches``: the ORM domain and record rules as one query, and
   the policy's escalation rule), timed and its queries counted;
3. the same scan with ten times fewer tickets but the same overdue ones: the query count must not change
   (it does not grow with the register);
4. a real escalation run on the overdue complaints (escalation log, activity and mail for each), timed,
   with its queries per escalated complaint.

Everything runs in one transaction that is rolled back at the end: the database is left as it was.
``--scale 0.1`` runs a tenth of the size.
"""
import os
import sys
from datetime import datetime

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import environment, goal, parse_args, ratio, timed  # noqa: E402


def build(cr, env, tickets, overdue, first_number):
    """Insert ``tickets`` tickets, of which ``overdue`` are open complaints past their deadline."""
    done = env.ref('helpdesk_mgmt.helpdesk_ticket_stage_done').id
    progress = env.ref('helpdesk_mgmt.helpdesk_ticket_stage_in_progress').id
    company = env.user.company_id.id
    # every ``step``-th ticket is an overdue complaint; of the others one in five is open within its
    # deadline and the rest closed, registered over the last two years
    step = max(tickets // max(overdue, 1), 1)
    # the rows reference existing stage, company and users: skip the per-row foreign-key triggers
    cr.execute("SET LOCAL session_replication_role = replica")
    cr.execute("""
        INSERT INTO helpdesk_ticket (number, name, stage_id, company_id, priority, active, cs_kind, cs_severity,
                                     cs_registered_date, cs_deadline_days, cs_deadline, cs_closed_date,
                                     cs_on_time, cs_escalation_level, cs_first_responder_id,
                                     create_uid, create_date, write_uid, write_date, last_stage_update)
        SELECT 'BENCH' || lpad((%(first)s + g)::text, 8, '0'), 'bench ticket ' || g,
               CASE WHEN r.state = 'closed' THEN %(done)s ELSE %(progress)s END,
               %(company)s, '1', true,
               CASE WHEN r.state = 'overdue' THEN 'complaint'
                    ELSE (ARRAY['complaint', 'consultation', 'suggestion'])[1 + g %% 3] END,
               'general', r.reg, 3,
               CASE WHEN r.state = 'overdue' THEN %(now)s - interval '2 days'
                    WHEN r.state = 'open' THEN %(now)s + interval '2 days'
                    ELSE r.reg + interval '3 days' END,
               CASE WHEN r.state = 'closed' THEN r.reg + interval '1 day' END,
               r.state = 'closed', 'handler', %(uid)s, %(uid)s, %(now)s, %(uid)s, %(now)s, %(now)s
          FROM generate_series(1, %(n)s) g,
               LATERAL (SELECT s.state,
                               CASE WHEN s.state = 'overdue' THEN %(now)s - interval '6 days'
                                    WHEN s.state = 'open' THEN %(now)s - interval '1 hour'
                                    ELSE %(now)s - (g %% 700 + 5) * interval '1 day' END AS reg
                          FROM (SELECT CASE WHEN g %% %(step)s = 0 THEN 'overdue'
                                            WHEN g %% 5 = 1 THEN 'open' ELSE 'closed' END AS state) s) r
    """, {'first': first_number, 'n': tickets, 'step': step, 'done': done, 'progress': progress,
          'company': company, 'uid': env.uid, 'now': datetime.utcnow()})
    cr.execute("SET LOCAL session_replication_role = DEFAULT")
    cr.execute('ANALYZE helpdesk_ticket')


def floor_select(cr, now):
    cr.execute("""
        SELECT id FROM helpdesk_ticket
         WHERE cs_kind = 'complaint' AND cs_closed_date IS NULL AND active
           AND cs_deadline < %s AND cs_escalation_level <> 'general_manager'
         ORDER BY id
    """, (now,))
    return [r[0] for r in cr.fetchall()]


def scan(env, now):
    """The addon's scan: every batch of (ticket, level) pairs, with the queries it took."""
    cr = env.cr
    env['helpdesk.ticket'].invalidate_cache()
    before = cr.sql_log_count
    pairs = [pair for batch in env['helpdesk.ticket']._cs_escalation_batches(now) for pair in batch]
    return pairs, cr.sql_log_count - before


def main():
    args = parse_args(__doc__.splitlines()[0], scale=1.0, tickets=1000000, overdue=300)
    tickets = int(args.tickets * args.scale)
    overdue = max(int(args.overdue * args.scale), 1)
    with environment(args) as env:
        cr = env.cr
        Ticket = env['helpdesk.ticket']
        company = env.user.company_id
        company.write({'cs_manager_user_id': env.ref('base.user_root').id})
        now = datetime.utcnow()
        try:
            print('complaint escalation scan: %d tickets, %d overdue complaints' % (tickets, overdue))
            timed('build %d tickets (INSERT ... SELECT generate_series)' % tickets, build, cr, env,
                  tickets, overdue, 0)
            # warm the caches once, then time both sides on warm caches
            floor_select(cr, now)
            scan(env, now)
            floor_seconds, floor_ids = timed('floor: bare indexed SELECT of the overdue ids', floor_select, cr, now)
            scan_seconds, (pairs, queries) = timed('addon: _cs_escalation_batches (one query, policy rule)',
                                                  scan, env, now)
            assert sorted(t.id for t, _level in pairs) == floor_ids, 'the scan and the floor disagree'
            print('  %-58s %9d' % ('overdue complaints found', len(pairs)))
            print('  %-58s %9d' % ('queries of the scan (batch size %d)' % Ticket._cs_escalation_batch_size,
                                   queries))
            ratio('scan / floor', scan_seconds, floor_seconds)

            # same overdue complaints, ten times fewer tickets: the scan's queries must not change
            cr.execute("""
                UPDATE helpdesk_ticket SET active = false
                 WHERE number LIKE 'BENCH%%' AND id %% 10 <> 0 AND NOT (cs_kind = 'complaint' AND cs_closed_date IS NULL
                   AND cs_deadline < %s)
            """, (now,))
            cr.execute('ANALYZE helpdesk_ticket')
            small_seconds, (small_pairs, small_queries) = timed(
                'addon scan with a tenth of the tickets active', scan, env, now)
            print('  %-58s %9d' % ('queries of the scan, tenth of the register', small_queries))
            print('  %-58s %9s' % ('query count independent of the register size',
                                   'yes' if small_queries == queries and len(small_pairs) == len(pairs) else 'NO'))

            # a real run: each escalation writes its log line, an activity and a mail
            before = cr.sql_log_count
            run_seconds, escalated = timed('escalation run (log, activity, mail per complaint)',
                                           Ticket._cs_escalate_overdue, now)
            run_queries = cr.sql_log_count - before
            print('  %-58s %9d' % ('complaints escalated', escalated))
            print('  %-58s %9.1f' % ('queries per escalated complaint', run_queries / max(escalated, 1)))
            goal('escalation: queries per escalated complaint', run_queries / max(escalated, 1), 10, ' q')
            print('  %-58s %9.2f ms' % ('time per escalated complaint', 1000.0 * run_seconds / max(escalated, 1)))
            again_seconds, again = timed('second run at the same moment (idempotent)', Ticket._cs_escalate_overdue, now)
            print('  %-58s %9d' % ('complaints escalated twice', again))
            ratio('second run / floor', again_seconds, floor_seconds)
        finally:
            cr.rollback()  # leave the bench database as it was


if __name__ == '__main__':
    main()
