#!/usr/bin/env bash
# `make test`: installs what is missing, starts PostgreSQL, makes a fresh test database (from a cached
# template holding the host modules), installs the addon into it, and runs the pure policy tests and the
# Odoo tests through pytest (pytest-odoo). Ends with pytest's summary line; non-zero exit on failure.
# Extra arguments go to pytest (e.g. `make test ARGS="-k tier"`).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
DB="${CSM_TEST_DB:-csm_test}"

bash "$ROOT/tools/setup.sh" --browser
bash "$ROOT/tools/pg.sh" start
load_pg_env
write_conf "$RUN/odoo-test.conf" "${CSM_TEST_HTTP_PORT:-8169}"

# The host modules the addon depends on, plus what the tests need (a chart of accounts).
HOST_MODULES="$("$PY" -c "import ast; print(','.join(ast.literal_eval(open('$ROOT/__manifest__.py').read())['depends']))"),l10n_generic_coa"
HOST_MODULES_KEY="$HOST_MODULES+zh_CN"
TEMPLATE="csm_tmpl_$(printf "%s" "$HOST_MODULES_KEY" | cat - "$ROOT/requirements.txt" "$ROOT/requirements-odoo.txt" | sha1sum | cut -c1-10)"

if ! db_exists "$TEMPLATE"; then
    say "template database $TEMPLATE: installing the host modules (once, about a minute)"
    db_exists "${TEMPLATE}_build" && "$PGBIN/dropdb" "${TEMPLATE}_build"
    odoo_bin -c "$RUN/odoo-test.conf" -d "${TEMPLATE}_build" -i "$HOST_MODULES" --load-language=zh_CN --stop-after-init \
        --log-level=warn --logfile="$RUN/template.log" \
        || { tail -40 "$RUN/template.log" >&2; die "template installation failed (see .run/template.log)"; }
    psql_q "ALTER DATABASE \"${TEMPLATE}_build\" RENAME TO \"$TEMPLATE\""
    # templates of older requirement sets are no longer useful (kept when several checkouts share the server)
    [ "${CSM_KEEP_TEMPLATES:-}" = 1 ] || for old in $(psql_q "SELECT datname FROM pg_database WHERE datname LIKE 'csm_tmpl_%' AND datname <> '$TEMPLATE'"); do
        "$PGBIN/dropdb" "$old" || true
    done
fi

say "test database $DB: installing $ADDON"
db_exists "$DB" && "$PGBIN/dropdb" --force "$DB"
"$PGBIN/createdb" -T "$TEMPLATE" "$DB"
rm -rf "$RUN/data/filestore/$DB"
[ -d "$RUN/data/filestore/$TEMPLATE" ] && mkdir -p "$RUN/data/filestore" && cp -r "$RUN/data/filestore/$TEMPLATE" "$RUN/data/filestore/$DB"
rm -f "$RUN/test-install.log"
odoo_bin -c "$RUN/odoo-test.conf" -d "$DB" -i "$ADDON" --stop-after-init --log-level=info \
    --logfile="$RUN/test-install.log" \
    || { grep -E "ERROR|CRITICAL" "$RUN/test-install.log" | tail -20 >&2; die "installing $ADDON failed (see .run/test-install.log)"; }
# An install that logs errors (a broken view, a failing data file) is a failure even if Odoo exits 0.
if grep -E " (ERROR|CRITICAL) " "$RUN/test-install.log" | grep -v "Unmet dependencies" | grep -q .; then
    grep -E " (ERROR|CRITICAL) " "$RUN/test-install.log" | grep -v "Unmet dependencies" | head -20 >&2
    die "installing $ADDON logged errors (see .run/test-install.log)"
fi
db_has_module "$DB" "$ADDON" || die "$ADDON is not installed in $DB"

[ "${CSM_SETUP_ONLY:-}" = 1 ] && exit 0  # used by tools/bench.sh
say "running the tests"
rm -f "$RUN"/junit-*.xml
rc=0
(cd "$RUN/addons/$ADDON" && "$PY" -m pytest -p no:cacheprovider -W ignore::DeprecationWarning \
    --rootdir "$RUN/addons/$ADDON" --junitxml "$RUN/junit-odoo.xml" \
    --odoo-config "$RUN/odoo-test.conf" --odoo-database "$DB" --odoo-log-level warn \
    "$RUN/addons/$ADDON/policy/tests" "$RUN/addons/$ADDON/tests" "$@") || rc=$?

if [ "${CSM_FAULT_TESTS:-1}" = 1 ] && [ $# -eq 0 ]; then
    # the fault suite: crons SIGKILLed mid-batch on copies of the test database (dropped afterwards)
    say "fault suite: killed crons converge"
    (cd "$ROOT/tests_fault" && CSM_FAULT_CONF="$RUN/odoo-test.conf" CSM_TEST_DB="$DB" "$PY" -m pytest \
        -p no:cacheprovider -p no:odoo --rootdir . --junitxml "$RUN/junit-fault.xml" .) || rc=$?
fi

if [ "${CSM_LIFECYCLE_TESTS:-1}" = 1 ] && [ $# -eq 0 ]; then
    # lifecycle: the last release installed, updated to this tree, uninstalled (its own database)
    say "lifecycle: release -> working tree -> uninstall"
    (cd "$ROOT/tests_lifecycle" && CSM_LIFECYCLE_CONF="$RUN/odoo-test.conf" CSM_TEMPLATE="$TEMPLATE" CSM_TEST_DB="$DB" \
        "$PY" -m pytest -p no:cacheprovider -p no:odoo --rootdir . --junitxml "$RUN/junit-lifecycle.xml" .) || rc=$?
fi

if [ "${CSM_BROWSER_TESTS:-1}" = 1 ] && [ $# -eq 0 ]; then
    # browser tests and the load suite's correctness checks: the test database served as in production,
    # by two nodes on the one PostgreSQL and filestore: node 1 prefork with a cron worker, node 2 a
    # web-only node (2 workers, no cron)
    port="${CSM_TEST_HTTP_PORT:-$(free_tcp_port 8169)}"
    port2="$(free_tcp_port $((port + 10)))"
    say "browser tests against prefork servers on 127.0.0.1:$port and :$port2"
    start_server "$RUN/test-server.pid" "$RUN/test-server.log" -c "$RUN/odoo-test.conf" -d "$DB" \
        --db-filter="^$DB\$" --http-port "$port"
    CSM_WORKERS=2 CSM_CRON_THREADS=0 start_server "$RUN/test-server2.pid" "$RUN/test-server2.log" \
        -c "$RUN/odoo-test.conf" -d "$DB" --db-filter="^$DB\$" --http-port "$port2" --longpolling-port "$((port2 + 3))"
    trap 'stop_server "$RUN/test-server.pid"; stop_server "$RUN/test-server2.pid"' EXIT
    wait_server "$port" "$RUN/test-server.log" "$RUN/test-server.pid" || rc=1
    wait_server "$port2" "$RUN/test-server2.log" "$RUN/test-server2.pid" || rc=1
    (cd "$ROOT/browser_tests" && CSM_URL="http://127.0.0.1:$port" CSM_URL2="http://127.0.0.1:$port2" CSM_DB="$DB" \
        "$RUN/browser-venv/bin/python" -m pytest -p no:cacheprovider --rootdir . \
        --junitxml "$RUN/junit-browser.xml" .) || rc=$?
    stop_server "$RUN/test-server.pid"; stop_server "$RUN/test-server2.pid"
fi
"$PY" "$ROOT/tools/junit_total.py" "$RUN"/junit-*.xml
exit $rc
