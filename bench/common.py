"""Shared plumbing for the benchmarks: an Odoo environment on the bench database, a timer, and bulk
loading with COPY. Each bench_<topic>.py builds its data, times the addon against a floor, prints ratios.
"""
import argparse
import contextlib
import io
import time

import odoo


def parse_args(description, **extra):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument('-c', '--config', required=True)
    parser.add_argument('-d', '--database', required=True)
    for name, default in extra.items():
        parser.add_argument('--' + name.replace('_', '-'), type=type(default), default=default)
    return parser.parse_args()


@contextlib.contextmanager
def environment(args):
    """An environment as superuser on the bench database; commits at the end."""
    odoo.tools.config.parse_config(['-c', args.config, '-d', args.database, '--log-level=warn'])
    with odoo.api.Environment.manage():
        registry = odoo.registry(args.database)
        with registry.cursor() as cr:
            yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, {'tracking_disable': True})


def timed(label, fn, *args, **kwargs):
    """Runs fn once, prints and returns (seconds, result)."""
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    seconds = time.perf_counter() - start
    print('  %-58s %9.3f s' % (label, seconds))
    return seconds, result


def copy_rows(cr, table, columns, rows):
    """Bulk-loads rows (iterables of values) into table with COPY; None becomes NULL."""
    buf = io.StringIO()
    for row in rows:
        buf.write('\t'.join('\\N' if v is None else str(v) for v in row))
        buf.write('\n')
    buf.seek(0)
    cr.copy_from(buf, table, columns=columns, null='\\N')


def ratio(label, numerator, denominator):
    print('  %-58s %9.2fx' % (label, numerator / denominator if denominator else float('inf')))


def goal(label, value, limit, unit='x'):
    """Prints a goal line (collected by tools/bench.sh into the summary table; any FAIL fails make bench)."""
    ok = value is not None and value <= limit
    print('GOAL\t%s\t%.2f%s\t<= %g%s\t%s' % (label, value if value is not None else float('nan'), unit,
                                             limit, unit, 'ok' if ok else 'FAIL'))
    return ok
