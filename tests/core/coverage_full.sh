#!/bin/sh
# The full coverage simulation: 20,000 surveys per setting (Monte Carlo
# standard error 0.15 points) instead of CI's 4,000, every setting asserted
# as in CI, then the opportunity difference's (20,000 pairs of samples per
# setting instead of CI's 2,000). Writes the tables to
# docs/coverage_simulation.txt.
#
# Usage: tests/core/coverage_full.sh BUILD_DIR [SURVEYS]
set -eu
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=${1:?usage: coverage_full.sh BUILD_DIR [SURVEYS]}
surveys=${2:-20000}
cmake --build "$build_dir" -j2 --target jtbd_core_test
out="$source_dir/docs/coverage_simulation.txt"
JTBD_COVERAGE_SURVEYS=$surveys "$build_dir/tests/jtbd_core_test" \
  --gtest_filter='CoverageSimulationTest.*:OpportunityDifferenceSimulationTest.*' \
  --gtest_brief=1 | tee "$out.tmp"
# Keep the table (and any failure), not gtest's banner.
grep -v -e '^\[' -e '^Running main' "$out.tmp" > "$out"
rm -f "$out.tmp"
echo "wrote $out"
