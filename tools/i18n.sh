#!/usr/bin/env bash
# `make i18n`: refreshes the .pot and merges new terms into i18n/zh_CN.po, from the test database
# (run `make test` first so that it holds the current code).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bash "$ROOT/tools/pg.sh" start
load_pg_env
"$PY" "$ROOT/tools/i18n.py" -c "$RUN/odoo-test.conf" -d "${CSM_TEST_DB:-csm_test}"
