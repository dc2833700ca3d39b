"""Refresh i18n/customer_service_mgmt.pot from a database where the addon is installed, and merge it
into i18n/zh_CN.po: translations are kept by msgid, new terms are added (empty), obsolete ones dropped,
duplicates (e.g. after a union merge) folded, preferring a non-empty translation.

    .venv/bin/python tools/i18n.py -c .run/odoo-test.conf -d csm_test
Prints the msgids still without a Chinese translation (the test test_i18n fails on any).
"""
import argparse
import io
import os
import sys

import polib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODULE = 'customer_service_mgmt'


def export_pot(conf, db):
    import odoo
    from odoo.tools.translate import trans_export
    odoo.tools.config.parse_config(['-c', conf, '-d', db])
    with odoo.api.Environment.manage():
        registry = odoo.registry(db)
        with registry.cursor() as cr:
            buf = io.BytesIO()
            trans_export(False, [MODULE], buf, 'po', cr)
            return buf.getvalue().decode('utf-8')


def merge(pot_text, po_path, sources=()):
    """The catalogue for pot_text, translated from po_path and then from the other sources (older
    catalogues, e.g. each merged branch's own, when a line-based merge mangled po_path)."""
    pot = polib.pofile(pot_text)
    known = {}
    for path in [po_path] + list(sources):
        try:
            old = polib.pofile(path)
        except (IOError, OSError, ValueError):
            continue
        for entry in old:
            if entry.msgstr and '\nmsg' not in entry.msgstr and not known.get(entry.msgid):
                known[entry.msgid] = entry.msgstr
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        'Project-Id-Version': 'Odoo Server 11.0',
        'Language': 'zh_CN',
        'MIME-Version': '1.0',
        'Content-Type': 'text/plain; charset=UTF-8',
        'Content-Transfer-Encoding': '',
        'Plural-Forms': '',
    }
    for entry in pot:
        entry.msgstr = known.get(entry.msgid, '')
        po.append(entry)
    return pot, po


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('-c', '--config', required=True)
    parser.add_argument('-d', '--database', required=True)
    parser.add_argument('--from', dest='sources', nargs='*', default=[],
                        help='other .po files to take translations from')
    args = parser.parse_args()
    pot_text = export_pot(args.config, args.database)
    po_path = os.path.join(ROOT, 'i18n', 'zh_CN.po')
    pot, po = merge(pot_text, po_path, args.sources)
    pot.wrapwidth = 0
    pot.save(os.path.join(ROOT, 'i18n', MODULE + '.pot'))
    po.save(po_path)
    missing = [e.msgid for e in po if not e.msgstr]
    for msgid in missing:
        print('untranslated: %r' % msgid)
    print('%d terms, %d untranslated' % (len(po), len(missing)))


if __name__ == '__main__':
    sys.exit(main())
