#!/usr/bin/env bash
# `make run`: installs what is missing, starts PostgreSQL, creates database `csm` with the addon,
# Chinese (zh_CN) and Chinese demo data if absent, starts the web client on 127.0.0.1:8069 in the
# background (prefork: HTTP workers, a cron worker, longpolling on port + 3) and prints the URL and the login. `make stop` stops the server and PostgreSQL.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
DB="${CSM_DB:-csm}"
HTTP_PORT="${CSM_HTTP_PORT:-8069}"

bash "$ROOT/tools/setup.sh"
bash "$ROOT/tools/pg.sh" start
load_pg_env
write_conf "$RUN/odoo.conf" "$HTTP_PORT"

if ! db_exists "$DB" || ! db_has_module "$DB" "$ADDON"; then
    say "database $DB: installing $ADDON with Chinese demo data (a minute or two, once)"
    rm -f "$RUN/install.log"
    db_exists "$DB" && "$PGBIN/dropdb" --force "$DB"
    install() {  # install MODULES: one step of the installation, logged to .run/install.log
        odoo_bin -c "$RUN/odoo.conf" -d "$DB" -i "$1" --load-language=zh_CN \
            --stop-after-init --log-level=warn --logfile="$RUN/install.log" \
            || { tail -40 "$RUN/install.log" >&2; die "installation failed (see .run/install.log)"; }
    }
    # a Chinese company: the country first, so that accounting gets the Chinese chart of accounts
    install base
    "$PY" "$ROOT/tools/prepare_db.py" -c "$RUN/odoo.conf" -d "$DB" --country cn
    install l10n_cn
    install "$ADDON"
    "$PY" "$ROOT/tools/prepare_db.py" -c "$RUN/odoo.conf" -d "$DB" --lang zh_CN \
        --report-url "http://127.0.0.1:$HTTP_PORT" --demo-users
fi

# the addon changed since the database was made or last updated: update it
src_hash="$(cd "$RUN/addons/$ADDON" && find -L . -type f \( -name '*.py' -o -name '*.xml' -o -name '*.csv' -o -name '*.po' \) \
    -not -path './tests/*' -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-12)"
if ! stamp_ok "addon.$DB" "$src_hash"; then
    if [ -f "$RUN/stamp.addon.$DB" ]; then
        say "database $DB: updating $ADDON (the code changed)"
        bash "$ROOT/tools/stop.sh" --server-only
        odoo_bin -c "$RUN/odoo.conf" -d "$DB" -u "$ADDON" --stop-after-init --log-level=warn \
            --logfile="$RUN/install.log" || { tail -40 "$RUN/install.log" >&2; die "update failed (see .run/install.log)"; }
    fi
    stamp_set "addon.$DB" "$src_hash"
fi

bash "$ROOT/tools/stop.sh" --server-only
say "starting the web client on 127.0.0.1:$HTTP_PORT, prefork: $(server_args | head -1) (log: .run/odoo.log)"
start_server "$RUN/odoo.pid" "$RUN/odoo.log" -c "$RUN/odoo.conf" -d "$DB" --db-filter="^$DB\$"
if wait_server "$HTTP_PORT" "$RUN/odoo.log" "$RUN/odoo.pid"; then
        cat <<EOT

  客户服务管理 customer_service_mgmt is running.
    URL:       http://127.0.0.1:$HTTP_PORT/web?db=$DB
    login:     admin     password: admin       (zh_CN, general manager)
    also:      cs_manager / cs_agent / cs_quality  (password = login)
    stop with: make stop

EOT
        exit 0
fi
die "the server did not answer on port $HTTP_PORT within 120 s (see .run/odoo.log)"
