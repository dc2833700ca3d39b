"""Runs one of the addon's batch crons in a process of its own, as the cron worker does (committing per
batch), with small batches: ``python cron_runner.py -c CONF -d DB CRON``. ``--seed`` instead loads the
suite's data (the benchmarks' builders at a small scale) and commits.

``--stall-at N``: just before its N-th commit the process announces ``STALL`` on stdout and waits, its
batch done but not committed: the test then SIGKILLs it there, mid-batch (the worst moment: all the
batch's work lost at once). Every commit is announced as ``COMMIT n``.
"""
import argparse
import os
import sys
import time

import odoo

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'bench'))

# cron name -> (model, entry point, batch size attribute, small batch size)
CRONS = {
    'tiers': ('res.partner', '_cron_cs_recompute_tiers', '_cs_tier_batch_size', 40),
    'visits': ('cs.visit', '_cron_plan_visits', '_cs_plan_batch_size', 40),
    'escalation': ('helpdesk.ticket', '_cron_cs_escalate_overdue', '_cs_escalation_batch_size', 5),
    'review': ('cs.customer.archive', '_cron_cs_archive_review', '_cs_review_batch_size', 25),
    'retention': ('helpdesk.ticket', '_cron_cs_archive_closed', '_cs_retention_batch_size', 40),
}


def seed(env):
    """Data for every cron, a few hundred rows each, built as the benchmarks build theirs."""
    import bench_archives
    import bench_complaints
    import bench_tiers
    env.user.company_id.write({'cs_manager_user_id': env.ref('base.user_root').id})
    bench_tiers.build(env, 200, 800)  # customers with invoices: tier changes (and visits for their tiers)
    env.cr.execute("SELECT COALESCE(max(id), 0) FROM helpdesk_ticket")
    bench_complaints.build(env.cr, env, 800, 30, env.cr.fetchone()[0] + 1)  # overdue and long-closed tickets
    bench_archives.build(env, 100)  # archives never reviewed
    env.cr.commit()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('-c', '--config', required=True)
    parser.add_argument('-d', '--database', required=True)
    parser.add_argument('cron', nargs='?')
    parser.add_argument('--seed', action='store_true')
    parser.add_argument('--stall-at', type=int, default=0)
    args = parser.parse_args()
    odoo.tools.config.parse_config(['-c', args.config, '-d', args.database, '--log-level=warn'])
    commits = [0]
    real_commit = odoo.sql_db.Cursor.commit

    def commit(cr):
        commits[0] += 1
        if commits[0] == args.stall_at:
            print('STALL %d' % commits[0], flush=True)
            time.sleep(600)
        result = real_commit(cr)
        print('COMMIT %d' % commits[0], flush=True)
        return result

    odoo.sql_db.Cursor.commit = commit
    with odoo.api.Environment.manage():
        registry = odoo.registry(args.database)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            if args.seed:
                seed(env)
            else:
                model, method, attribute, size = CRONS[args.cron]
                setattr(type(env[model]), attribute, size)
                getattr(env[model], method)()
    print('DONE', flush=True)


if __name__ == '__main__':
    main()
