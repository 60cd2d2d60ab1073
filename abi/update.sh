#!/usr/bin/env bash
# Regenerates abi/libjtbd.abi, the committed ABI baseline of libjtbd.so.1
# that tests/abi/check_abi.sh compares every build against.
#
#   abi/update.sh              builds libjtbd (RelWithDebInfo) in ./build-abi
#   abi/update.sh BUILD_DIR    uses BUILD_DIR/libjtbd.so.1 (needs debug info)
#
# Run it when jtbd.h gains functions, types or fields (a 1.x addition) and
# commit the result with the change: the check then guards the new surface
# too. A removal or incompatible change must not be "fixed" by running this
# within major version 1.
set -euo pipefail
given_build=${1:+$(cd "$1" && pwd)}
cd "$(dirname "$0")/.."

if [ -n "$given_build" ]; then
  build=$given_build
else
  build=build-abi
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DJTBD_BUILD_TESTS=OFF -DJTBD_BUILD_BENCHMARKS=OFF >&2
  cmake --build "$build" -j"${JTBD_JOBS:-2}" --target jtbd >&2
fi
library=$build/libjtbd.so.1
if ! readelf -S "$library" | grep -q '\.debug_info'; then
  echo "abi/update.sh: $library has no debug info (build RelWithDebInfo)" >&2
  exit 1
fi
# Only what the public headers declare; no build paths, so the file depends
# on the ABI alone and not on where or by whom it was built.
abidw --no-corpus-path --no-comp-dir-path --no-show-locs --no-elf-needed \
  --headers-dir include/jtbd --drop-private-types --exported-interfaces-only \
  --out-file abi/libjtbd.abi "$library"
# Translation units are named by absolute path: make them relative to the
# repository, so the baseline does not depend on where it was checked out.
sed -i "s|path='$(pwd)/|path='|" abi/libjtbd.abi
echo "abi/update.sh: wrote abi/libjtbd.abi from $library" >&2
