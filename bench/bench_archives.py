"""Benchmark: customer archives 客户档案 (issue 6).

Builds N customers with archives in set-based SQL (tiers spread so that a fifth is key and a twentieth
VIP), then times against the raw-SQL floor:
- the record-rule-filtered search an agent and a manager run when they open the archive list
  (the rule goes through the non-stored level's search method and the partner's tier);
- one read() of K confidential archives by a manager, which registers K consultations;
- the quarterly review cron over R archives due (claim UPDATE + one mail.activity each).
Everything runs in one transaction that is rolled back.

    .venv/bin/python bench/bench_archives.py -c .run/odoo-test.conf -d csm_test [--scale 0.1]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import environment, goal, parse_args, ratio, timed  # noqa: E402
from odoo.exceptions import AccessError  # noqa: E402


def build(env, n):
    cr = env.cr
    company = env.user.company_id.id
    tiers = {t.code: t.id for t in env['cs.tier'].search([('company_id', '=', company)])}
    users = env['res.users'].with_context(no_reset_password=True)
    agent = users.create({'name': 'bench agent', 'login': 'bench_agent',
                          'groups_id': [(6, 0, [env.ref('customer_service_mgmt.group_cs_agent').id])]})
    manager = users.create({'name': 'bench manager', 'login': 'bench_manager',
                            'groups_id': [(6, 0, [env.ref('customer_service_mgmt.group_cs_manager').id])]})
    cr.execute("""
        INSERT INTO res_partner (name, display_name, active, is_company, customer, supplier, employee, type,
                                 company_id, cs_tier_id, user_id, cs_is_commercial, cs_admission_state,
                                 cs_blacklisted, invoice_warn, create_date, write_date)
        SELECT 'bench customer ' || g, 'bench customer ' || g, true, true, true, false, false, 'contact', %(c)s,
               CASE WHEN g %% 20 = 0 THEN %(vip)s WHEN g %% 5 = 0 THEN %(key)s ELSE %(general)s END,
               CASE WHEN g %% 100 = 1 THEN %(agent)s ELSE NULL END, true, 'admitted', false, 'no-message', now(), now()
          FROM generate_series(1, %(n)s) g
        RETURNING id""", dict(c=company, n=n, agent=agent.id, **tiers))
    ids = [r[0] for r in cr.fetchall()]
    cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)", (ids,))
    cr.execute("""
        INSERT INTO cs_customer_archive (partner_id, company_id, active, organisation, key_persons,
                                         last_review_date, create_uid, write_uid, create_date, write_date)
        SELECT p.id, %s, true, 'board - general manager', 'chairman', '2000-01-01', 1, 1, now(), now()
          FROM res_partner p WHERE p.id = ANY(%s)""", (company, ids))
    env.clear()
    return agent, manager, tiers


def main():
    args = parse_args(__doc__, scale=1.0)
    n = int(100000 * args.scale)
    k = max(int(1000 * args.scale), 10)
    r = max(int(5000 * args.scale), 10)
    with environment(args) as env:
        cr = env.cr
        Archive = env['cs.customer.archive']
        print('archives: %d customers, read of %d confidential archives, review of %d archives' % (n, k, r))
        _, (agent, manager, tiers) = timed('build (set-based SQL)', build, env, n)

        # 1. the list a manager searches (since the roles were hardened, agents read no archive at all):
        # every archive but the top-secret ones (VIP customers unless overridden)
        vip = tiers['vip']
        t_orm, found = timed('manager search (record rules)', lambda: Archive.sudo(manager).search([]).ids)
        try:
            agent_rows = Archive.sudo(agent).search([], limit=1).ids
        except AccessError:  # agents have no read access to archives at all
            agent_rows = []
        assert not agent_rows, 'an agent reads archives'

        def manager_floor():
            cr.execute("""SELECT a.id FROM cs_customer_archive a JOIN res_partner p ON p.id = a.partner_id
                           WHERE a.active AND COALESCE(a.confidentiality_override,
                                 CASE WHEN p.cs_tier_id = %s THEN 'top_secret' ELSE 'x' END) <> 'top_secret'
                           ORDER BY a.id DESC""", (vip,))
            return [x[0] for x in cr.fetchall()]
        t_sql, floor = timed('manager search (raw SQL floor)', manager_floor)
        assert sorted(found) == sorted(floor), (len(found), len(floor))
        ratio('manager search / floor (%d rows)' % len(found), t_orm, t_sql)
        goal('archives: manager search / floor', t_orm / t_sql, 2)

        # 2. the list a manager sees: every secret and confidential archive
        t_orm, count = timed('manager search_count (record rules)', lambda: Archive.sudo(manager).search_count([]))
        vip = tiers['vip']
        t_sql, _ = timed('manager count (raw SQL floor)', lambda: cr.execute(
            """SELECT count(*) FROM cs_customer_archive a JOIN res_partner p ON p.id = a.partner_id
                WHERE a.active AND COALESCE(a.confidentiality_override,
                      CASE WHEN p.cs_tier_id = %s THEN 'top_secret' ELSE 'x' END) <> 'top_secret'""", (vip,)))
        ratio('manager count / floor (%d rows)' % count, t_orm, t_sql)

        # 3. a logged read of K confidential archives
        key_ids = Archive.search([('cs_confidentiality', '=', 'confidential')], limit=k).ids
        t_orm, _ = timed('manager read() + %d log lines' % len(key_ids),
                         lambda: Archive.sudo(manager).browse(key_ids).read(['organisation', 'key_persons']))

        def read_floor():
            cr.execute("SELECT id, organisation, key_persons FROM cs_customer_archive WHERE id = ANY(%s)", (key_ids,))
            cr.fetchall()
            cr.execute("""INSERT INTO cs_archive_access_log (archive_id, partner_id, user_id, level, access_time,
                                                             company_id, create_uid, write_uid, create_date, write_date)
                          SELECT id, partner_id, %s, 'confidential', now(), company_id, 1, 1, now(), now()
                            FROM cs_customer_archive WHERE id = ANY(%s)""", (manager.id, key_ids))
        t_sql, _ = timed('read + log (raw SQL floor)', read_floor)
        ratio('logged read / floor', t_orm, t_sql)

        # 4. the quarterly review over R archives due (the others reviewed this quarter)
        cr.execute("UPDATE cs_customer_archive SET last_review_date = CURRENT_DATE WHERE id NOT IN "
                   "(SELECT id FROM cs_customer_archive ORDER BY id DESC LIMIT %s)", (r,))
        Archive.invalidate_cache()
        cr.execute("SAVEPOINT review")
        t_orm, created = timed('review cron (%d archives due)' % r, Archive._cs_create_reviews)
        cr.execute("ROLLBACK TO SAVEPOINT review")
        env.clear()
        review_type = env.ref('customer_service_mgmt.mail_activity_type_cs_archive_review').id
        model_id = env['ir.model']._get('cs.customer.archive').id

        def review_floor():
            cr.execute("""WITH due AS (
                              UPDATE cs_customer_archive SET review_quarter = 'bench'
                               WHERE active AND last_review_date < date_trunc('quarter', CURRENT_DATE)
                                 AND review_quarter IS DISTINCT FROM 'bench' RETURNING id)
                          INSERT INTO mail_activity (res_model_id, res_model, res_id, activity_type_id,
                                                     date_deadline, user_id, summary, create_uid, write_uid,
                                                     create_date, write_date)
                          SELECT %s, 'cs.customer.archive', id, %s, CURRENT_DATE + 14, 1, 'review', 1, 1,
                                 now(), now() FROM due""", (model_id, review_type))
            return cr.rowcount
        t_sql, floor_count = timed('review (raw SQL floor)', review_floor)
        assert created == floor_count, (created, floor_count)
        ratio('review cron / floor (%d activities)' % created, t_orm, t_sql)
        goal('archives: review cron / floor', t_orm / t_sql, 2)
        cr.rollback()


if __name__ == '__main__':
    main()
