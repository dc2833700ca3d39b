"""The load suite's correctness at CI scale (bench/load_complaints.py): concurrent agents register
complaints through the web API against the prefork server, then against two nodes served round-robin;
nothing is lost, no number is duplicated, every complaint has its deadline, first responder and
acknowledgement."""
import os
import sys
import time

import pytest

from conftest import DB, URL

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'bench'))
import load_complaints  # noqa: E402

CLIENTS, PER_CLIENT = 4, 10
URL2 = os.environ.get('CSM_URL2')


def _load(urls, label):
    tag = 'CI-%s-%d' % (label, int(time.time()))
    admin, results, figures = load_complaints.run(urls, DB, CLIENTS, PER_CLIENT, tag, plain=False)
    assert not figures['errors'], figures['errors'][:3]
    problems = load_complaints.check(admin, results['complaint'], CLIENTS * PER_CLIENT)
    assert not problems, problems


def test_load_prefork_server_loses_nothing():
    """4 agents x 10 complaints at once on the prefork server: all there, distinct numbers, acknowledged."""
    _load([URL], 'one')


@pytest.mark.skipif(not URL2, reason='a second node is started by tools/test.sh (CSM_URL2)')
def test_load_two_nodes_lose_nothing():
    """The same load spread round-robin over two nodes on one database and filestore."""
    _load([URL, URL2], 'two')
