"""Load suite (R3): concurrent web-API clients register complaints through JSON-RPC, as agents do from
the web client (``/web/dataset/call_kw``), against running servers (one node, or several nodes served
round-robin by the clients themselves: Odoo's own multi-node model, no proxy).

Each client logs in as its own agent (``cs_load_agent_NN``, created by the admin if missing) and creates
``--per-client`` complaints for a customer with an e-mail address, then as many plain tickets (a
consultation without a customer: no acknowledgement, the host's create plus the addon's stamps), timed
in the same run. Printed: throughput, p50/p95 latency of both, and the complaint/plain overhead (goal
<= 1.25x). Checked afterwards (``check``): nothing lost, no duplicate number, every complaint with its
deadline, its first responder (the agent who registered it) and its acknowledgement (a message posted
from the acknowledgement template, whose body names the complaint's number).

Stdlib only (runs on the project's Python 3.7 and the browser tests' 3.11):
    python bench/load_complaints.py --url http://127.0.0.1:8069 [--url http://127.0.0.1:8079] --db csm
The correctness checks run in CI at a small scale: browser_tests/test_load_complaints.py.
"""
import argparse
import http.cookiejar
import itertools
import json
import sys
import threading
import time
import urllib.request

AGENT_GROUP = 'customer_service_mgmt.group_cs_agent'


class RpcError(Exception):
    pass


class Client:
    """One user's JSON-RPC session; ``urls`` are the nodes, used in turn (client-side round-robin: the
    session lives in the shared database and filestore, so any node serves any request)."""

    def __init__(self, urls, db, login, password=None):
        self.urls = itertools.cycle(urls)
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self._id = 0
        result = self.post('/web/session/authenticate', {'db': db, 'login': login, 'password': password or login})
        if not result or not result.get('uid'):
            raise RpcError('login refused: %s' % login)
        self.uid, self.context = result['uid'], result['user_context']

    def post(self, path, params):
        self._id += 1
        body = json.dumps({'jsonrpc': '2.0', 'method': 'call', 'id': self._id, 'params': params}).encode()
        request = urllib.request.Request(next(self.urls) + path, body, {'Content-Type': 'application/json'})
        with self.opener.open(request, timeout=300) as response:
            reply = json.loads(response.read().decode())
        if reply.get('error'):
            data = reply['error'].get('data') or {}
            raise RpcError('%s: %s' % (data.get('name'), data.get('message') or reply['error'].get('message')))
        return reply['result']

    def call(self, model, method, *args, **kwargs):
        kwargs['context'] = dict(self.context, **kwargs.pop('context', {}))
        return self.post('/web/dataset/call_kw/%s/%s' % (model, method),
                         {'model': model, 'method': method, 'args': list(args), 'kwargs': kwargs})


def ensure_agents(admin, count):
    """The load agents (login = password), created once by the admin."""
    module, name = AGENT_GROUP.split('.')
    group = admin.call('ir.model.data', 'search_read', [('module', '=', module), ('name', '=', name)],
                       ['res_id'])[0]['res_id']
    logins = ['cs_load_agent_%02d' % i for i in range(1, count + 1)]
    existing = {u['login'] for u in admin.call('res.users', 'search_read', [('login', 'in', logins),
                                                                            ('email', '!=', False)], ['login'])}
    for login in logins:
        if login not in existing:
            admin.call('res.users', 'unlink', admin.call('res.users', 'search', [('login', '=', login)]))
            admin.call('res.users', 'create', {
                'name': '压测客服 %s' % login[-2:], 'login': login, 'password': login, 'lang': 'zh_CN',
                'email': '%s@example.com' % login,  # the acknowledgement's sender
                'tz': 'Asia/Shanghai', 'groups_id': [(6, 0, [group])]},
                context={'no_reset_password': True})
    return logins


def ensure_customer(admin):
    """A customer with an e-mail address (the acknowledgement goes to it)."""
    ids = admin.call('res.partner', 'search', [('email', '=', 'load.customer@example.com')], limit=1)
    if ids:
        return ids[0]
    return admin.call('res.partner', 'create', {
        'name': '压测客户有限公司', 'is_company': True, 'customer': True, 'lang': 'zh_CN',
        'email': 'load.customer@example.com'})


def percentile(values, q):
    values = sorted(values)
    if not values:
        return 0.0
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def run(urls, db, clients, per_client, tag, admin_password='admin', plain=True):
    """Runs the load; returns a dict of figures and the ids created per kind."""
    admin = Client(urls, db, 'admin', admin_password)
    logins = ensure_agents(admin, clients)
    customer = ensure_customer(admin)
    sessions = [Client(urls[i % len(urls):] + urls[:i % len(urls)], db, login) for i, login in enumerate(logins)]
    results = {'complaint': [], 'plain': []}
    errors = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(sessions))

    def work(index, session, kind):
        barrier.wait()
        mine = []
        for n in range(per_client):
            if kind == 'complaint':
                vals = {'name': '%s 投诉 %02d-%03d' % (tag, index, n), 'cs_kind': 'complaint',
                        'partner_id': customer, 'description': '<p>压测：送货延误</p>'}
            else:
                vals = {'name': '%s 咨询 %02d-%03d' % (tag, index, n), 'cs_kind': 'consultation'}
            start = time.perf_counter()
            try:
                ticket = session.call('helpdesk.ticket', 'create', vals)
            except Exception as error:  # counted as lost below, reported
                with lock:
                    errors.append(repr(error))
                continue
            mine.append((ticket, time.perf_counter() - start, session.uid))
        with lock:
            results[kind].extend(mine)

    figures = {}
    for kind in (('complaint', 'plain') if plain else ('complaint',)):
        threads = [threading.Thread(target=work, args=(i, s, kind)) for i, s in enumerate(sessions)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - start
        latencies = [r[1] for r in results[kind]]
        figures[kind] = {'count': len(latencies), 'wall': wall, 'throughput': len(latencies) / wall,
                         'p50': percentile(latencies, 0.5), 'p95': percentile(latencies, 0.95)}
    figures['errors'] = errors
    return admin, results, figures


def check(admin, created, expected):
    """The correctness of a load run: a list of problems (empty when none)."""
    problems = []
    ids = [r[0] for r in created]
    creators = {r[0]: r[2] for r in created}
    if len(ids) != expected:
        problems.append('%d complaints created of %d' % (len(ids), expected))
    rows = admin.call('helpdesk.ticket', 'read', ids, ['number', 'cs_deadline', 'cs_first_responder_id'])
    if len(rows) != len(set(ids)):
        problems.append('lost: %d created, %d found' % (len(set(ids)), len(rows)))
    numbers = [r['number'] for r in rows]
    if len(set(numbers)) != len(numbers) or not all(numbers):
        problems.append('duplicate or empty numbers: %d rows, %d distinct' % (len(numbers), len(set(numbers))))
    # the numbers must also be unique across the whole register, not only within this run
    clash = admin.call('helpdesk.ticket', 'search_count', [('number', 'in', numbers), ('id', 'not in', ids)],
                       context={'active_test': False})
    if clash:
        problems.append('%d other tickets share these numbers' % clash)
    for row in rows:
        if not row['cs_deadline']:
            problems.append('no deadline: %s' % row['number'])
        if not row['cs_first_responder_id'] or row['cs_first_responder_id'][0] != creators[row['id']]:
            problems.append('first responder is not the registering agent: %s' % row['number'])
    # the acknowledgement: the message posted from the template, which names the complaint's number
    messages = admin.call('mail.message', 'search_read', [('model', '=', 'helpdesk.ticket'), ('res_id', 'in', ids)],
                          ['res_id', 'body'])
    number_of = {r['id']: r['number'] for r in rows}
    acked = {m['res_id'] for m in messages if number_of.get(m['res_id'])
             and number_of[m['res_id']] in (m['body'] or '')}
    missing = [r['number'] for r in rows if r['id'] not in acked]
    if missing:
        problems.append('%d complaints without acknowledgement, e.g. %s' % (len(missing), missing[:3]))
    return problems[:20]


def report(label, figures):
    c = figures['complaint']
    print('  %-12s complaints %5d in %6.1f s: %6.1f /s   p50 %5.0f ms   p95 %5.0f ms'
          % (label, c['count'], c['wall'], c['throughput'], c['p50'] * 1000, c['p95'] * 1000))
    if 'plain' in figures:
        p = figures['plain']
        print('  %-12s plain      %5d in %6.1f s: %6.1f /s   p50 %5.0f ms   p95 %5.0f ms'
              % (label, p['count'], p['wall'], p['throughput'], p['p50'] * 1000, p['p95'] * 1000))
        overhead = c['p50'] / p['p50'] if p['p50'] else float('inf')
        print('  %-12s overhead of a complaint over a plain ticket (p50): %.2fx (goal <= 1.25x)' % (label, overhead))
        return overhead
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--url', action='append', required=True, help='a node (repeat for round-robin)')
    parser.add_argument('--db', required=True)
    parser.add_argument('--clients', type=int, default=20)
    parser.add_argument('--per-client', type=int, default=100)
    parser.add_argument('--label', default='')
    args = parser.parse_args()
    tag = 'LOAD-%d' % int(time.time())
    admin, results, figures = run(args.url, args.db, args.clients, args.per_client, tag)
    overhead = report(args.label or '%d node(s)' % len(args.url), figures)
    problems = check(admin, results['complaint'], args.clients * args.per_client)
    for problem in problems + figures['errors'][:5]:
        print('  PROBLEM: %s' % problem)
    ok = not problems and not figures['errors'] and overhead is not None and overhead <= 1.25
    print('  RESULT %s %s throughput=%.1f/s p50=%.0fms p95=%.0fms overhead=%.2fx correct=%s'
          % ('ok' if ok else 'FAIL', len(args.url), figures['complaint']['throughput'],
             figures['complaint']['p50'] * 1000, figures['complaint']['p95'] * 1000, overhead or 0,
             'yes' if not problems else 'no'))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
