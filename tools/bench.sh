#!/usr/bin/env bash
# `make bench`: benchmarks (not tests). Uses database csm_bench (made like the test database, kept
# between runs) and runs every bench/bench_*.py, or those named: `make bench ARGS=tiers`.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
export CSM_TEST_DB="${CSM_BENCH_DB:-csm_bench}"
if [ "${CSM_BENCH_REUSE:-}" != 1 ] || ! { bash "$ROOT/tools/pg.sh" start && load_pg_env && db_has_module "$CSM_TEST_DB" "$ADDON"; }; then
    # the test command's set-up, without its tests: a fresh database with the addon
    CSM_SETUP_ONLY=1 bash "$ROOT/tools/test.sh"
fi
load_pg_env
names=("$@"); [ ${#names[@]} -eq 0 ] && names=($(cd "$ROOT/bench" && ls bench_*.py | sed 's/^bench_//; s/\.py$//'))
for name in "${names[@]}"; do
    say "bench $name"
    "$PY" "$ROOT/bench/bench_$name.py" -c "$RUN/odoo-test.conf" -d "$CSM_TEST_DB"
done
