"""Prints one closing line for all the test runs (pure, Odoo and browser tests): 'total: N passed, N failed'."""
import sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    for suite in ([root] if root.tag == 'testsuite' else root.iter('testsuite')):
        tests, fails = int(suite.get('tests', 0)), int(suite.get('failures', 0)) + int(suite.get('errors', 0))
        skips = int(suite.get('skipped', 0))
        passed += tests - fails - skips
        failed += fails
        skipped += skips
print('total: %d passed, %d failed, %d skipped' % (passed, failed, skipped))
