"""Fault suite (R4): each batch cron is SIGKILLed mid-batch (its second batch done, not committed), run
again to completion, and the result equals an uninterrupted run on another copy of the same start:
nothing lost, nothing twice. Needs committed data, so it works on copies (``createdb -T``) of the test
database, seeded once; run by tools/test.sh: ``CSM_FAULT_CONF=CONF CSM_TEST_DB=DB pytest tests_fault``."""
import os
import signal
import subprocess
import sys

import psycopg2
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
RUNNER = os.path.join(HERE, 'cron_runner.py')

# what each cron produces, by natural keys (the ids of new rows differ between copies: a killed run
# consumed sequence values)
GENERIC = [
    "SELECT res_model, res_id, activity_type_id, user_id, count(*) FROM mail_activity GROUP BY 1, 2, 3, 4",
    "SELECT model, res_id, message_type, subtype_id, count(*) FROM mail_message GROUP BY 1, 2, 3, 4",
    "SELECT res_model, res_id, partner_id, count(*) FROM mail_followers GROUP BY 1, 2, 3",
    "SELECT m.model, m.res_id, count(*) FROM mail_mail x JOIN mail_message m ON m.id = x.mail_message_id "
    "GROUP BY 1, 2",
]
SPECIFIC = {
    'tiers': ["SELECT id, cs_tier_id, cs_annual_amount FROM res_partner",
              "SELECT v.field, m.res_id, v.old_value_integer, v.new_value_integer, count(*) "
              "FROM mail_tracking_value v JOIN mail_message m ON m.id = v.mail_message_id GROUP BY 1, 2, 3, 4"],
    'visits': ["SELECT partner_id, policy_line_id, period_key, state, planned_date, count(*) FROM cs_visit "
               "GROUP BY 1, 2, 3, 4, 5"],
    'escalation': ["SELECT ticket_id, level, reason, user_id, count(*) FROM cs_ticket_escalation GROUP BY 1, 2, 3, 4",
                   "SELECT id, cs_escalation_level FROM helpdesk_ticket"],
    'review': ["SELECT id, review_quarter FROM cs_customer_archive"],
    'retention': ["SELECT id, active FROM helpdesk_ticket"],
}


@pytest.fixture(scope='module')
def settings():
    conf, db = os.environ.get('CSM_FAULT_CONF'), os.environ.get('CSM_TEST_DB')
    if not conf or not db:
        pytest.skip('CSM_FAULT_CONF and CSM_TEST_DB name the Odoo configuration and the test database')
    return conf, db


def _psql(db, sql):
    subprocess.check_call(['psql', '-X', '-q', '-d', 'postgres', '-c', sql])


def _drop(db):
    _psql('postgres', 'DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % db)


def _copy(source, target):
    _drop(target)
    _psql('postgres', 'CREATE DATABASE "%s" TEMPLATE "%s"' % (target, source))


def _run(conf, db, *args, stall_at=0):
    """Runs the runner; with ``stall_at``, SIGKILLs it once it stalls before that commit. Returns its
    output lines."""
    cmd = [sys.executable, RUNNER, '-c', conf, '-d', db] + list(args)
    if stall_at:
        cmd += ['--stall-at', str(stall_at)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, universal_newlines=True)
    lines = []
    for line in proc.stdout:
        lines.append(line.strip())
        if line.startswith('STALL'):
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(300)
    if not stall_at or 'DONE' in lines:
        assert proc.returncode == 0 and 'DONE' in lines, (args, lines[-5:])
    return lines


def _snapshot(db, cron):
    with psycopg2.connect(dbname=db) as conn, conn.cursor() as cr:
        result = {}
        for sql in GENERIC + SPECIFIC[cron]:
            cr.execute(sql)
            result[sql] = sorted(cr.fetchall(), key=repr)
        return result


@pytest.fixture(scope='module')
def seeded(settings):
    conf, db = settings
    source = db + '_fault_src'
    _copy(db, source)
    _run(conf, source, '--seed')
    yield conf, source
    _drop(source)


@pytest.mark.parametrize('cron', ['tiers', 'visits', 'escalation', 'review', 'retention'])
def test_killed_cron_converges(seeded, cron):
    """Killed mid-batch then run again, the cron ends where an uninterrupted run ends."""
    conf, source = seeded
    whole, killed = source[:-4] + '_whole', source[:-4] + '_killed'
    try:
        _copy(source, whole)
        _copy(source, killed)
        before = _snapshot(killed, cron)
        _run(conf, whole, cron)
        expected = _snapshot(whole, cron)
        assert expected != before, 'the cron changed nothing: the data does not exercise it'
        lines = _run(conf, killed, cron, stall_at=2)
        assert 'DONE' not in lines, 'the cron ended before its second commit: batches too large'
        partial = _snapshot(killed, cron)
        assert partial != expected, 'the killed run left the final result: nothing was interrupted'
        _run(conf, killed, cron)
        assert _snapshot(killed, cron) == expected
    finally:
        _drop(whole)
        _drop(killed)
