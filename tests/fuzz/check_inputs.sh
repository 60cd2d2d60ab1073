#!/usr/bin/env bash
# Every fuzz target has a non-empty seed corpus and a dictionary.
# Usage: check_inputs.sh <tests/fuzz dir> <name>...
set -euo pipefail
source=$1
shift
status=0
for name in "$@"; do
  [ -f "$source/fuzz_$name.cc" ] || { echo "missing fuzz_$name.cc"; status=1; }
  if [ -z "$(ls -A "$source/corpus/$name" 2>/dev/null)" ]; then
    echo "no seed corpus in corpus/$name"; status=1
  fi
  [ -s "$source/dict/$name.dict" ] || { echo "no dictionary dict/$name.dict"; status=1; }
done
# And every fuzz_*.cc is a target.
for f in "$source"/fuzz_*.cc; do
  name=$(basename "$f" .cc); name=${name#fuzz_}
  [[ " $* " == *" $name "* ]] || { echo "fuzz_$name.cc is not in JTBD_FUZZ_TARGETS"; status=1; }
done
exit $status
