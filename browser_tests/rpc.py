"""A small JSON-RPC client of the web API (what the web client and any logged-in user's script call):
one session per user, ``call_kw`` like the browser's, errors returned as (exception name, message)."""
import json
import urllib.request
from http.cookiejar import CookieJar

from conftest import DB, URL


class RpcError(Exception):
    def __init__(self, name, message):
        super().__init__('%s: %s' % (name, message))
        self.name, self.message = name, message


class Session:
    def __init__(self, login, password=None):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        self._id = 0
        result = self.post('/web/session/authenticate', {'db': DB, 'login': login, 'password': password or login})
        self.uid = result['uid']
        self.context = result['user_context']

    def post(self, path, params):
        self._id += 1
        body = json.dumps({'jsonrpc': '2.0', 'method': 'call', 'id': self._id, 'params': params}).encode()
        request = urllib.request.Request(URL + path, body, {'Content-Type': 'application/json'})
        with self.opener.open(request, timeout=120) as response:
            reply = json.loads(response.read().decode())
        if reply.get('error'):
            data = reply['error'].get('data') or {}
            raise RpcError(data.get('name', ''), data.get('message') or reply['error'].get('message', ''))
        return reply['result']

    def call(self, model, method, *args, **kwargs):
        """``model.method(*args, **kwargs)`` as the web client calls it; ``context`` extends the user's."""
        context = dict(self.context, **kwargs.pop('context', {}))
        kwargs['context'] = context
        return self.post('/web/dataset/call_kw/%s/%s' % (model, method),
                         {'model': model, 'method': method, 'args': list(args), 'kwargs': kwargs})

    def ref(self, xmlid):
        module, name = xmlid.split('.')
        rows = self.call('ir.model.data', 'search_read', [('module', '=', module), ('name', '=', name)],
                         ['res_id'])
        return rows[0]['res_id']
