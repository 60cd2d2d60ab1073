#!/usr/bin/env bash
# Runs every fuzz target of a fuzz build longer than the brief ctests, one
# after another, and prints per target the executions (libFuzzer's
# stat::number_of_executed_units) and the findings. A finding's reproducer
# is left in <work>/<target>/artifacts/: minimise it (fuzz_x -minimize_crash=1
# -runs=10000 <file>), fix the bug, and commit the input under
# tests/fuzz/regressions/<target>/ so that every brief ctest replays it.
#
# Usage: run_long.sh [seconds per target, default 300] [build dir, default
#        ./build-fuzz] [work dir, default <build dir>/fuzz-long]
# Exit status: 0 when no target found anything.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
seconds=${1:-300}
build=${2:-build-fuzz}
work=${3:-$build/fuzz-long}
fuzzers=$build/tests/fuzz

if ! ls "$fuzzers"/fuzz_* >/dev/null 2>&1; then
  echo "no fuzz targets in $fuzzers: configure with -DJTBD_FUZZ=ON and build jtbd_fuzz_targets" >&2
  exit 2
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
findings_total=0
printf '%-28s %14s %9s\n' target executions findings
for fuzzer in "$fuzzers"/fuzz_*; do
  [ -x "$fuzzer" ] || continue
  target=$(basename "$fuzzer")
  name=${target#fuzz_}
  mkdir -p "$work/$name/corpus" "$work/$name/artifacts"
  dict=()
  [ -f "$here/dict/$name.dict" ] && dict=(-dict="$here/dict/$name.dict")
  log=$work/$name/log.txt
  # A finding stops that target (its reproducer saved); the others run on.
  "$fuzzer" "${dict[@]}" -max_total_time="$seconds" -timeout=30 \
    -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/$name/artifacts/" \
    "$work/$name/corpus" "$here/corpus/$name" > "$log" 2>&1
  executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" |
    awk '{s += $2} END {print s + 0}')
  findings=$(find "$work/$name/artifacts" -type f | wc -l)
  findings_total=$((findings_total + findings))
  printf '%-28s %14s %9s\n' "$target" "$executions" "$findings"
  find "$work/$name/artifacts" -type f -exec echo "    {}" \;
done
echo "findings: $findings_total (logs and reproducers under $work)"
[ "$findings_total" -eq 0 ]
