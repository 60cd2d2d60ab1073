#!/bin/sh
# Regenerates tests/data/proto/jtbd_v1_baseline.binpb, the descriptor set that
# schema_compatibility_test.cc holds the jtbd.v1 schemas to (buf breaking is
# not packaged in Debian 12).
#
# Run it only to accept a reviewed, additive change to proto/jtbd/v1: the
# baseline is the promise made to every consumer of v1, so a breaking change
# belongs in jtbd.v2, never in a new baseline.
#
# Usage: tests/proto/update_baseline.sh BUILD_DIR
#   BUILD_DIR (a configured build tree) is required: jtbd_proto_test is
#   rebuilt and run against the current baseline first, and nothing is
#   written unless the change is compatible and the schemas pass the style
#   checks.
# Environment: PROTOC (default: protoc).
set -eu

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
baseline="$source_dir/tests/data/proto/jtbd_v1_baseline.binpb"
protoc=${PROTOC:-protoc}
# A fixed glob order keeps the file byte-for-byte reproducible.
LC_ALL=C
export LC_ALL

if [ "$#" -ge 1 ]; then
  build_dir=$1
  cmake --build "$build_dir" -j2 --target jtbd_proto_test
  test_binary=$(find "$build_dir" -type f -name jtbd_proto_test | head -n 1)
  if [ -z "$test_binary" ]; then
    echo "update_baseline.sh: jtbd_proto_test not found in $build_dir" >&2
    exit 1
  fi
  if ! "$test_binary"; then
    echo "update_baseline.sh: the schemas fail jtbd_proto_test; baseline" \
      "left unchanged" >&2
    exit 1
  fi
else
  # Without a build nothing would check the change against the promise the
  # current baseline makes: refuse rather than write an unchecked baseline.
  echo "usage: update_baseline.sh BUILD_DIR (a configured build tree, to" \
    "check the schemas against the current baseline first)" >&2
  exit 2
fi

cd "$source_dir"
mkdir -p "$(dirname "$baseline")"
"$protoc" --proto_path=proto --include_imports \
  --descriptor_set_out="$baseline" proto/jtbd/v1/*.proto
echo "wrote $baseline"
