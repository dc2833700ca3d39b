"""Lifecycle (R5): the previous release (tag 11.0.1.0.0, or its commit when a clone has no tags) installed
with its demo data and a user's records, then updated in place to the working tree: every record
survives and the data is migrated; uninstalling the addon then leaves partners, tickets and invoices.
Run by tools/test.sh on a database of its own made from the template (dropped afterwards)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import psycopg2
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ADDON = 'customer_service_mgmt'
RELEASE_TAG, RELEASE_COMMIT = '11.0.1.0.0', '2517150'
HOST_TABLES = ('res_partner', 'helpdesk_ticket', 'account_invoice')


def _release():
    """The release's tag, else its commit; None when neither is in this clone (a shallow clone)."""
    for ref in (RELEASE_TAG, RELEASE_COMMIT):
        if subprocess.call(['git', '-C', ROOT, 'rev-parse', '-q', '--verify', ref + '^{commit}'],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0:
            return ref
    return None


def _sql(db, query, args=None):
    with psycopg2.connect(dbname=db) as conn, conn.cursor() as cr:
        cr.execute(query, args)
        return cr.fetchall() if cr.description else None


def _admin(sql):
    conn = psycopg2.connect(dbname='postgres')
    conn.autocommit = True
    with conn.cursor() as cr:
        cr.execute(sql)
    conn.close()


def _odoo(conf, db, log, *args):
    subprocess.check_call([sys.executable, os.path.join(ROOT, 'tools', 'odoo-bin'), '-c', conf, '-d', db,
                           '--stop-after-init', '--log-level=warn', '--logfile', log] + list(args))
    with open(log) as handle:
        errors = [line for line in handle if ' ERROR ' in line or ' CRITICAL ' in line]
    assert not errors, errors[:5]


def _runner(conf, db, step):
    out = subprocess.check_output([sys.executable, os.path.join(HERE, 'lifecycle_runner.py'), '-c', conf,
                                   '-d', db, step], universal_newlines=True)
    return [line for line in out.splitlines() if line.startswith(('IDS', 'UNINSTALLED'))][-1]


def _addon_rows(db):
    """{table: set of ids} of every stored model the addon defines (its SQL views, e.g. cs.indicator,
    hold no records: their row ids are computed)."""
    models = _sql(db, """
        SELECT m.model FROM ir_model m JOIN ir_model_data d ON d.model = 'ir.model' AND d.res_id = m.id
         WHERE d.module = %s AND NOT m.transient""", (ADDON,))
    tables = {r[0] for r in _sql(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                                              "AND table_type = 'BASE TABLE'")}
    rows = {}
    for (model,) in models:
        table = model.replace('.', '_')
        if table in tables:
            rows[table] = {r[0] for r in _sql(db, 'SELECT id FROM "%s"' % table)}
    return rows


def _host_rows(db):
    """{table: ids} of the host's records that no module's data file made (the users' records)."""
    result = {}
    for table in HOST_TABLES:
        model = table.replace('_', '.', 1) if table != 'helpdesk_ticket' else 'helpdesk.ticket'
        result[table] = {r[0] for r in _sql(db, """
            SELECT id FROM "%s" t WHERE NOT EXISTS (
                SELECT 1 FROM ir_model_data d WHERE d.model = %%s AND d.res_id = t.id)""" % table, (model,))}
    return result


def _credit(db):
    """{partner id: (rating, limit)} of the customers with a credit rating."""
    return {r[0]: (r[1], float(r[2] or 0)) for r in _sql(
        db, 'SELECT id, cs_credit_rating, cs_credit_limit FROM res_partner WHERE cs_credit_rating IS NOT NULL')}


@pytest.fixture(scope='module')
def upgraded():
    conf, template, db = (os.environ.get('CSM_LIFECYCLE_CONF'), os.environ.get('CSM_TEMPLATE'),
                          os.environ.get('CSM_TEST_DB', 'csm_test') + '_life')
    if not conf or not template:
        pytest.skip('CSM_LIFECYCLE_CONF and CSM_TEMPLATE name the configuration and the template database')
    release = _release()
    if not release:
        pytest.skip('the release %s (%s) is not in this clone (shallow?): fetch the history to run the '
                    'lifecycle suite' % (RELEASE_TAG, RELEASE_COMMIT))
    tmp = tempfile.mkdtemp(prefix='csm-life-')
    addon_dir = os.path.join(tmp, 'addons', ADDON)
    os.makedirs(addon_dir)
    archive = subprocess.Popen(['git', '-C', ROOT, 'archive', release], stdout=subprocess.PIPE)
    subprocess.check_call(['tar', '-x', '-C', addon_dir], stdin=archive.stdout)
    assert archive.wait() == 0
    with open(conf) as handle:
        text = handle.read()
    options = dict(line.split(' = ', 1) for line in text.splitlines() if ' = ' in line)
    host_path = options['addons_path'].split(',', 1)[1]
    old_conf = os.path.join(tmp, 'release.conf')
    with open(old_conf, 'w') as handle:
        handle.write(text.replace(options['addons_path'], os.path.join(tmp, 'addons') + ',' + host_path))
    filestore = os.path.join(options['data_dir'], 'filestore')
    _admin('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % db)
    _admin('CREATE DATABASE "%s" TEMPLATE "%s"' % (db, template))
    shutil.rmtree(os.path.join(filestore, db), ignore_errors=True)
    if os.path.isdir(os.path.join(filestore, template)):
        shutil.copytree(os.path.join(filestore, template), os.path.join(filestore, db))
    try:
        _odoo(old_conf, db, os.path.join(tmp, 'install.log'), '-i', ADDON)
        version = _sql(db, "SELECT latest_version FROM ir_module_module WHERE name = %s", (ADDON,))[0][0]
        mine = json.loads(_runner(old_conf, db, 'create')[4:])
        before = _addon_rows(db)
        host_before = _host_rows(db)
        credit_before = _credit(db)
        _odoo(conf, db, os.path.join(tmp, 'update.log'), '-u', ADDON)
        yield {'conf': conf, 'db': db, 'version': version, 'mine': mine, 'before': before,
               'host_before': host_before, 'credit_before': credit_before}
    finally:
        _admin('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % db)
        shutil.rmtree(os.path.join(filestore, db), ignore_errors=True)
        shutil.rmtree(tmp, ignore_errors=True)


def test_update_keeps_every_record_and_migrates(upgraded):
    """Updated from the release: every record of every model of the addon is still there, migrated."""
    db = upgraded['db']
    assert upgraded['version'] == '11.0.1.0.0'
    current = _sql(db, "SELECT latest_version FROM ir_module_module WHERE name = %s", (ADDON,))[0][0]
    assert current != '11.0.1.0.0', current
    before, after = upgraded['before'], _addon_rows(db)
    assert sum(1 for ids in before.values() if ids) >= 10, 'too few models hold data before the update'
    lost = {table: sorted(ids - after.get(table, set()))[:5] for table, ids in before.items()
            if ids - after.get(table, set())}
    assert not lost, lost
    for table, ids in upgraded['mine'].items():
        assert len(_sql(db, 'SELECT id FROM "%s" WHERE id = ANY(%%s)' % table, (ids,))) == len(ids), table
    # the migration: the (noupdate) visit crons call their private entry points
    codes = dict(_sql(db, """
        SELECT d.name, s.code FROM ir_cron c JOIN ir_act_server s ON s.id = c.ir_actions_server_id
          JOIN ir_model_data d ON d.model = 'ir.cron' AND d.res_id = c.id AND d.module = %s""", (ADDON,)))
    assert codes['ir_cron_cs_plan_visits'] == 'model._cron_plan_visits()', codes
    assert not [name for name, code in codes.items() if 'model.cron_' in code], codes


def test_update_migrates_visit_plans_and_credit(upgraded):
    """The release's visit plans follow the seeds' rules after the update, and credit ratings and limits
    are kept as they were."""
    db = upgraded['db']
    assert upgraded['credit_before'], 'the release holds customers with a credit rating'
    assert _credit(db) == upgraded['credit_before']
    rules = dict(_sql(db, """
        SELECT d.name, l.selected_only FROM cs_visit_policy_line l
          JOIN ir_model_data d ON d.model = 'cs.visit.policy.line' AND d.res_id = l.id AND d.module = %s""",
                      (ADDON,)))
    assert rules.get('cs_visit_policy_line_vip_gm') is True, rules
    # no future planned visit of the GM's half-yearly rule is left for a customer who is not selected
    wrong = _sql(db, """
        SELECT v.id FROM cs_visit v JOIN cs_visit_policy_line l ON l.id = v.policy_line_id
          JOIN res_partner p ON p.id = v.partner_id
         WHERE v.state = 'planned' AND v.planned_date >= CURRENT_DATE AND l.selected_only
           AND NOT COALESCE(p.cs_visit_selected, FALSE)""")
    assert not wrong, wrong


def test_uninstall_keeps_partners_tickets_invoices(upgraded):
    """Uninstalled, the addon leaves the users' partners, tickets and invoices."""
    db = upgraded['db']
    assert _runner(upgraded['conf'], db, 'uninstall') == 'UNINSTALLED'
    assert _sql(db, "SELECT state FROM ir_module_module WHERE name = %s", (ADDON,))[0][0] == 'uninstalled'
    after = _host_rows(db)
    for table, ids in upgraded['host_before'].items():
        assert ids <= after[table], (table, sorted(ids - after[table])[:5])
    for table, ids in upgraded['mine'].items():
        assert len(_sql(db, 'SELECT id FROM "%s" WHERE id = ANY(%%s)' % table, (ids,))) == len(ids), table
