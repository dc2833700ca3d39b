#!/usr/bin/env bash
# Installs everything the run and test commands need, idempotently: CPython 3.7 venv with the pinned
# packages, lessc (project-local npm), wkhtmltopdf, CJK fonts and poppler (Debian), and the addons folder
# that makes this repository importable as `customer_service_mgmt`. Fast when nothing changed.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

find_python37() {
    local c
    for c in "${PYTHON37:-}" python3.7; do
        [ -n "$c" ] && command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; assert sys.version_info[:2] == (3, 7)' 2>/dev/null && { command -v "$c"; return; }
    done
    if command -v pyenv >/dev/null 2>&1 || [ -d "${PYENV_ROOT:-$HOME/.pyenv}" ]; then
        local root; root="$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")"
        for c in $(ls -d "$root"/versions/3.7.*/bin/python 2>/dev/null | sort -V -r); do
            "$c" -c 'import sys; assert sys.version_info[:2] == (3, 7)' 2>/dev/null && { echo "$c"; return; }
        done
    fi
    return 1
}

pip_q() {  # pip install, without the noise of the machine's extra index folders
    "$PY" -m pip install -q "$@" 2> >(grep -v "is ignored: it is neither" >&2)
}

setup_venv() {
    local h; h="$(hash_of "$ROOT/requirements.txt" "$ROOT/requirements-odoo.txt")"
    if [ -x "$PY" ] && [ "$(cat "$VENV/.csm-stamp" 2>/dev/null)" = "$h" ]; then return; fi
    local py37; py37="$(find_python37)" || die "CPython 3.7 not found (Odoo 11 runs on 3.5-3.7 only).
  Install it, e.g. 'pyenv install 3.7.16', or set PYTHON37=/path/to/python3.7, then run this again."
    say "Python venv in .venv ($py37)"
    [ -x "$PY" ] || "$py37" -m venv "$VENV"
    pip_q --upgrade 'pip<24' 'setuptools<68' wheel
    pip_q -r "$ROOT/requirements.txt"
    pip_q --no-deps -r "$ROOT/requirements-odoo.txt"
    "$PY" -c 'import odoo.modules.module as m; m.initialize_sys_path(); import odoo.addons.helpdesk_mgmt' \
        || die "odoo does not import from .venv"
    echo "$h" > "$VENV/.csm-stamp"
}

apt_install() {  # apt_install PKG...: installs the Debian packages that are missing
    local missing=() p
    for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    say "Debian packages: ${missing[*]}"
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

setup_system() {
    # wkhtmltopdf renders PDF reports, fonts-noto-cjk renders Chinese in them, poppler reads them back.
    apt_install wkhtmltopdf fonts-noto-cjk poppler-utils
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
        apt_install postgresql-15
    fi
    command -v initdb >/dev/null 2>&1 || [ -x /usr/lib/postgresql/15/bin/initdb ] || apt_install postgresql-15
}

setup_lessc() {
    # Odoo 11 compiles the backend's LESS stylesheets by calling `lessc`; without it the client is unstyled.
    [ -x "$NODE_PREFIX/node_modules/.bin/lessc" ] && return
    command -v npm >/dev/null 2>&1 || apt_install nodejs npm
    say "lessc (npm, project-local in .venv/node)"
    npm install --silent --no-audit --no-fund --prefix "$NODE_PREFIX" less@3.13.1 less-plugin-clean-css@1.5.1 >/dev/null
}

setup_addons_dir() {
    # The repository is the addon: expose it under its technical name for Odoo's addons_path, as a
    # folder of links to the addon's own entries. Linking the whole repository would also expose .venv
    # and .run (which holds this very folder) to Odoo's scans of the module, e.g. the translation export.
    local dir="$RUN/addons/$ADDON" entry name
    [ -L "$dir" ] && rm -f "$dir"
    rm -rf "$dir"; mkdir -p "$dir"
    for entry in "$ROOT"/*; do
        name="$(basename "$entry")"
        case "$name" in
            tools|bench|tests_fault|tests_lifecycle|Makefile|requirements*.txt|README.md) continue ;;
        esac
        ln -s "$entry" "$dir/$name"
    done
}

setup_browser() {
    # Browser tests: Debian's chromium driven by Playwright in its own Python 3.11 venv (Playwright
    # needs >= 3.8; the tests speak HTTP to the server and never import odoo).
    apt_install chromium
    local bv="$RUN/browser-venv"
    if [ ! -x "$bv/bin/python" ] || ! "$bv/bin/python" -c 'import playwright, pytest' 2>/dev/null; then
        local py3=""
        for c in python3.11 python3.12 python3; do
            command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; assert sys.version_info >= (3, 8)' 2>/dev/null && { py3="$(command -v $c)"; break; }
        done
        [ -n "$py3" ] || die "a Python >= 3.8 is needed for the browser tests"
        say "browser test venv (.run/browser-venv, $py3)"
        "$py3" -m venv "$bv"
        "$bv/bin/pip" install -q 'playwright==1.65.2' 'pytest==8.3.5' || "$bv/bin/pip" install -q playwright 'pytest<9'
    fi
}

main() {
    setup_system
    setup_venv
    setup_lessc
    setup_addons_dir
    if [ "${1:-}" = "--browser" ]; then setup_browser; fi
}
main "$@"
