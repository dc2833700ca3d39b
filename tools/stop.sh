#!/usr/bin/env bash
# `make stop`: stops the web client started by `make run` (SIGTERM to its process group: the
# prefork master and its workers; SIGKILL after 10 s) and the private PostgreSQL.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [ -f "$RUN/odoo.pid" ] && kill -0 "$(cat "$RUN/odoo.pid")" 2>/dev/null; then
    stop_server "$RUN/odoo.pid"
    say "web client stopped"
fi
rm -f "$RUN/odoo.pid"
[ "${1:-}" = "--server-only" ] || bash "$ROOT/tools/pg.sh" stop
