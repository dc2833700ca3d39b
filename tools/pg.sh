#!/usr/bin/env bash
# PostgreSQL for the project. By default a private cluster in .run/pgdata (socket only, in .run/pgsock,
# on a free port), owned by the unprivileged OS user `postgres` when run as root (PostgreSQL refuses root).
# When the user points at their own server with PGHOST/PGPORT/PGUSER/PGPASSWORD, that server is used.
#   tools/pg.sh start   -> starts it if needed and writes .run/pg.env (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD)
#   tools/pg.sh stop    -> stops the private cluster
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PGDATA_DIR="$RUN/pgdata"
PGSOCK="$RUN/pgsock"
if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 \
        && ! (cd / && runuser -u postgres -- test -x "$RUN/." 2>/dev/null); then
    # the checkout lies where the postgres user cannot enter (e.g. under /root): the cluster lives in a
    # folder of its own (linked from .run for people to find it)
    outside="/var/lib/postgresql/csm-$(printf '%s' "$ROOT" | sha1sum | cut -c1-10)"
    mkdir -p "$outside"
    PGDATA_DIR="$outside/pgdata"; PGSOCK="$outside/pgsock"
    ln -sfn "$PGDATA_DIR" "$RUN/pgdata"; ln -sfn "$PGSOCK" "$RUN/pgsock"
fi
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -n "$PGBIN" ] || PGBIN="$(dirname "$(command -v initdb 2>/dev/null || echo /usr/bin/initdb)")"

as_owner() {  # runs a command as the cluster's owner
    if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

external() { [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ] && [ "${CSM_PRIVATE_PG:-}" != 1 ]; }

free_port() {
    "$PY" - <<'PY' 2>/dev/null || python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
import socket
for port in range(54320, 54400):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port)); print(port); break
    except OSError:
        pass
    finally:
        s.close()
PY
}

start() {
    if external; then
        cat > "$RUN/pg.env" <<EOT
DB_HOST=${PGHOST:-}
DB_PORT=${PGPORT:-5432}
DB_USER=${PGUSER:-$(id -un)}
DB_PASSWORD=${PGPASSWORD:-}
EOT
        say "PostgreSQL: using your server (PGHOST=${PGHOST:-local socket} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-$(id -un)})"
        return
    fi
    [ -x "$PGBIN/initdb" ] || die "PostgreSQL binaries not found (install postgresql-15, or set PGHOST/PGPORT/PGUSER)"
    if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
        say "PostgreSQL: new private cluster in .run/pgdata"
        rm -rf "$PGDATA_DIR"; mkdir -p "$PGDATA_DIR" "$PGSOCK"
        # the socket folder is entered by its owner only: trust authentication then lets in nobody else
        chmod 700 "$PGDATA_DIR" "$PGSOCK"
        [ "$(id -u)" = 0 ] && chown postgres "$PGDATA_DIR" "$PGSOCK"
        as_owner "$PGBIN/initdb" -D "$PGDATA_DIR" -U odoo --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
          || as_owner "$PGBIN/initdb" -D "$PGDATA_DIR" -U odoo --auth=trust -E UTF8 --locale=C >/dev/null
        cat >> "$PGDATA_DIR/postgresql.conf" <<EOT
# tuned for a development/test cluster: durability is not needed here
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 512MB
work_mem = 64MB
maintenance_work_mem = 512MB
max_wal_size = 4GB
EOT
    fi
    local port
    if [ -f "$RUN/pg.port" ] && as_owner "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
        port="$(cat "$RUN/pg.port")"
    else
        port="$(free_port)"
        mkdir -p "$PGSOCK"; chmod 700 "$PGSOCK"; [ "$(id -u)" = 0 ] && chown postgres "$PGSOCK"
        as_owner "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/postgresql.log" -w -t 60 \
            -o "-k $PGSOCK -p $port -c listen_addresses=''" start >/dev/null \
            || { tail -20 "$PGDATA_DIR/postgresql.log" >&2; die "PostgreSQL did not start"; }
        echo "$port" > "$RUN/pg.port"
        say "PostgreSQL: private cluster up (socket .run/pgsock, port $port)"
    fi
    cat > "$RUN/pg.env" <<EOT
DB_HOST=$PGSOCK
DB_PORT=$port
DB_USER=odoo
DB_PASSWORD=
EOT
}

stop() {
    external && return
    [ -f "$PGDATA_DIR/PG_VERSION" ] || return 0
    if as_owner "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
        as_owner "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null && say "PostgreSQL stopped"
    fi
    rm -f "$RUN/pg.port"
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    *) die "usage: tools/pg.sh start|stop" ;;
esac
