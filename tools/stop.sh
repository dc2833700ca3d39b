#!/usr/bin/env bash
# `make stop`: stops the web client started by `make run` (waits for it, then SIGKILL: Odoo 11's
# threaded server does not always exit on SIGTERM) and the private PostgreSQL.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [ -f "$RUN/odoo.pid" ]; then
    pid="$(cat "$RUN/odoo.pid")"
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$pid" 2>/dev/null || true
        say "web client stopped"
    fi
    rm -f "$RUN/odoo.pid"
fi
[ "${1:-}" = "--server-only" ] || bash "$ROOT/tools/pg.sh" stop
