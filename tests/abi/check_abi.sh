#!/usr/bin/env bash
# Compares a build of libjtbd.so.1 with the committed baseline
# (abi/libjtbd.abi) using libabigail's abidiff, whose exit status is a bit
# field: 1 error, 2 usage error, 4 ABI change, 8 incompatible change.
#
#  - 1, 2: the comparison failed: fail.
#  - 8 (a function or variable removed, or changed incompatibly): fail.
#  - 4 alone: print the report for review. abidiff sets only 4 for changes
#    to the types of existing functions too, so the report is read: within
#    major version 1 only additions are allowed (jtbd.h, convention 14):
#    new functions, new enumerators, fields appended to a growable struct.
#    A deleted or changed data member or enumerator, a changed parameter or
#    return type fails; anything else passes with the report printed.
#  - 0: identical.
# Exits 77 (skipped) when the library has no debug info: abidiff needs it to
# see types.
#
#   check_abi.sh BASELINE LIBRARY   (LIBRARY: a .so, or an .abi from abidw)
set -uo pipefail
baseline=$1
library=$2

if ! command -v abidiff >/dev/null; then
  echo "check_abi: abidiff not found: install abigail-tools (bash .ci/setup)"
  exit 1
fi
# LIBRARY may also be an abidw description (as the self-test passes).
if [[ "$library" != *.abi ]] && ! readelf -S "$library" | grep -q '\.debug_info'; then
  echo "check_abi: $library has no debug info; build Debug or RelWithDebInfo"
  exit 77
fi

report=$(abidiff --no-corpus-path --exported-interfaces-only "$baseline" "$library" 2>&1)
status=$?
if (( status & 3 )); then
  echo "check_abi: abidiff failed to compare (exit $status):"
  echo "$report"
  exit 1
fi
if (( status & 8 )); then
  echo "check_abi: INCOMPATIBLE change against $baseline (abidiff exit" \
    "$status): functions, enum values and struct fields are only ever added" \
    "within a major version."
  echo "$report"
  exit 1
fi
if (( status & 4 )); then
  incompatible='data members? deletions?|data members? changes?|enumerators? deletions?|enumerators? changes?|return type changed|parameter [0-9]+ of type .* (changed|was removed|was added)'
  if grep -Eq "$incompatible" <<<"$report"; then
    echo "check_abi: INCOMPATIBLE change against $baseline: an existing" \
      "type or signature changed, where only additions are allowed:"
    grep -En "$incompatible" <<<"$report"
    echo "$report"
    exit 1
  fi
  echo "check_abi: compatible additions against $baseline, for review" \
    "(run abi/update.sh and commit the new baseline with them):"
  echo "$report"
  exit 0
fi
echo "check_abi: libjtbd matches $baseline"
exit 0
