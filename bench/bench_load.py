"""Benchmark of the load suite (R3, bench/load_complaints.py) against servers run as in production:
first one prefork node (workers from the CPU count, one cron worker), then two nodes on the same
PostgreSQL database and filestore (the second a web-only node, no cron), served round-robin by the
clients. 20 clients x 100 complaints by default; ``--scale 0.1`` makes it 20 x 10.

Prints throughput, p50/p95 and the complaint/plain-ticket overhead (goal <= 1.25x) per set-up, and
checks the run's correctness (0 lost, 0 duplicate numbers, deadline, first responder, acknowledgement).
"""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import load_complaints  # noqa: E402
from common import goal, parse_args  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUN = os.path.join(ROOT, '.run')


def free_port(start):
    port = start
    while True:
        s = socket.socket()
        try:
            s.bind(('127.0.0.1', port))
            s.close()
            s = socket.socket()
            s.bind(('127.0.0.1', port + 3))  # the node's longpolling port
            return port
        except OSError:
            port += 10
        finally:
            s.close()


def server_args(workers=None, cron=1):
    env = dict(os.environ, CSM_CRON_THREADS=str(cron))
    if workers:
        env['CSM_WORKERS'] = str(workers)
    out = subprocess.check_output(['bash', '-c', 'source "%s/tools/common.sh"; server_args' % ROOT], env=env)
    return out.decode().split()


def start(args, port, label, workers=None, cron=1):
    log = os.path.join(RUN, 'bench-%s.log' % label)
    if os.path.exists(log):
        os.remove(log)
    cmd = [sys.executable, os.path.join(ROOT, 'tools', 'odoo-bin')] + server_args(workers, cron) + [
        '-c', args.config, '-d', args.database, '--db-filter=^%s$' % args.database, '--http-port', str(port),
        '--longpolling-port', str(port + 3), '--logfile', log, '--log-level', 'warn']
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(180):
        try:
            urllib.request.urlopen('http://127.0.0.1:%d/web/login' % port, timeout=30).read()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError('server %s exited, see %s' % (label, log))
            time.sleep(1)
    stop(proc)
    raise RuntimeError('server %s did not answer' % label)


def stop(proc):
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def one(label, urls, args, clients, per_client):
    tag = 'BENCH-%s-%d' % (label.replace(' ', ''), int(time.time()))
    admin, results, figures = load_complaints.run(urls, args.database, clients, per_client, tag)
    overhead = load_complaints.report(label, figures)
    problems = load_complaints.check(admin, results['complaint'], clients * per_client)
    for problem in problems + figures['errors'][:5]:
        print('  PROBLEM: %s' % problem)
    goal('load %s: complaint / plain ticket create (p50)' % label, overhead, 1.25)
    goal('load %s: lost, duplicate or incomplete complaints' % label, len(problems) + len(figures['errors']), 0, '')
    ok = not problems and not figures['errors'] and overhead <= 1.25
    return ok, figures, overhead


def main():
    args = parse_args(__doc__.split('\n')[0], scale=1.0, clients=20)
    per_client = max(1, int(round(100 * args.scale)))
    print('load: %d clients x %d complaints (then as many plain tickets), %s' % (
        args.clients, per_client, ' '.join(server_args()[:2])))
    port = free_port(int(os.environ.get('CSM_BENCH_PORT', '8601')))
    node1 = start(args, port, 'node1')
    ok = True
    try:
        good, fig1, over1 = one('1 node', ['http://127.0.0.1:%d' % port], args, args.clients, per_client)
        ok &= good
        port2 = free_port(port + 10)
        node2 = start(args, port2, 'node2', workers=max(2, int(server_args()[0].split('=')[1]) // 2 + 1), cron=0)
        try:
            urls = ['http://127.0.0.1:%d' % port, 'http://127.0.0.1:%d' % port2]
            good, fig2, over2 = one('2 nodes', urls, args, args.clients, per_client)
            ok &= good
        finally:
            stop(node2)
    finally:
        stop(node1)
    print('  SUMMARY load   1 node %.1f/s p95 %.0f ms, 2 nodes %.1f/s p95 %.0f ms, overhead %.2fx / %.2fx: %s' % (
        fig1['complaint']['throughput'], fig1['complaint']['p95'] * 1000, fig2['complaint']['throughput'],
        fig2['complaint']['p95'] * 1000, over1, over2, 'ok' if ok else 'FAIL'))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
