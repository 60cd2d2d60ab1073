#!/usr/bin/env bash
# The brief ctest of one fuzz target: replays every committed regression
# input (each must pass), then fuzzes from the seed corpus for a few
# seconds. New inputs go to a scratch corpus in the build tree, never to
# the source tree; a crash leaves its reproducer in the build tree and
# fails the test.
# Usage: run_brief.sh <fuzzer> <name> <tests/fuzz dir> <work dir> <seconds>
set -euo pipefail
fuzzer=$1 name=$2 source=$3 work=$4 seconds=$5

mkdir -p "$work/corpus" "$work/artifacts"
dict=()
[ -f "$source/dict/$name.dict" ] && dict=(-dict="$source/dict/$name.dict")

regressions=()
if [ -d "$source/regressions/$name" ]; then
  while IFS= read -r -d '' f; do regressions+=("$f"); done \
    < <(find "$source/regressions/$name" -type f ! -name '*.md' -print0 | sort -z)
fi
if ((${#regressions[@]})); then
  echo "replaying ${#regressions[@]} regression input(s)"
  "$fuzzer" -runs=1 "${regressions[@]}"
fi

"$fuzzer" "${dict[@]}" -max_total_time="$seconds" -timeout=30 \
  -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" \
  "$work/corpus" "$source/corpus/$name"
