#!/usr/bin/env bash
# `make bench`: benchmarks (not tests). Uses database csm_bench (made like the test database, kept
# between runs) and runs every bench/bench_*.py, or those named: `make bench ARGS=tiers`.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
set +o pipefail  # a failed bench is reported in the summary, not by the pipe through tee
export CSM_TEST_DB="${CSM_BENCH_DB:-csm_bench}"
if [ "${CSM_BENCH_REUSE:-}" != 1 ] || ! { bash "$ROOT/tools/pg.sh" start && load_pg_env && db_has_module "$CSM_TEST_DB" "$ADDON"; }; then
    # the test command's set-up, without its tests: a fresh database with the addon
    CSM_SETUP_ONLY=1 bash "$ROOT/tools/test.sh"
fi
load_pg_env
# arguments: bench names (tiers, ...) and options passed to each (--scale ...)
names=(); opts=()
for a in "$@"; do case "$a" in -*|[0-9]*) opts+=("$a") ;; *) names+=("$a") ;; esac; done
[ ${#names[@]} -eq 0 ] && names=($(cd "$ROOT/bench" && ls bench_*.py | sed 's/^bench_//; s/\.py$//'))
# each bench prints GOAL lines (bench/common.py goal()): one summary table at the end; the command
# fails when a bench fails or any goal is missed
out="$RUN/bench-output.txt"; : > "$out"
failed=()
for name in "${names[@]}"; do
    say "bench $name"
    (cd "$ROOT/bench" && "$PY" "bench_$name.py" -c "$RUN/odoo-test.conf" -d "$CSM_TEST_DB" ${opts[@]+"${opts[@]}"}) \
        2>&1 | tee -a "$out"
    [ "${PIPESTATUS[0]}" = 0 ] || failed+=("$name")
done
say "summary"
printf '%-60s %12s %10s  %s\n' goal measured limit result
grep -a '^GOAL' "$out" | awk -F'\t' '{ printf "%-60s %12s %10s  %s\n", $2, $3, $4, $5 }'
for name in ${failed[@]+"${failed[@]}"}; do printf '%-60s %12s %10s  %s\n' "bench $name" "exit" "0" "FAIL"; done
if [ ${#failed[@]} -gt 0 ] || grep -aq $'^GOAL.*\tFAIL$' "$out"; then exit 1; fi
