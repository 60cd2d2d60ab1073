#!/usr/bin/env bash
# Adds the seed inputs written from the test fixtures (tests/data, examples/)
# and the hand-written seeds/*.textproto and seeds/*.json (binary seeds
# encoded with protoc) to the committed corpora under corpus/<target>/, and
# optionally minimises every corpus. Usage:
#   make_corpus.sh                        add the seeds (after changing one)
#   make_corpus.sh --minimise <fuzz build>  then minimise every corpus
#                                           (libFuzzer -merge=1)
# Nothing is ever deleted that cannot be regenerated: a seed is added under
# the SHA-1 of its bytes (libFuzzer's own naming, so a seed the corpus
# already holds is not added twice) next to what the corpus holds, and
# several corpora (roadmap_initiatives, stream_state, statement_parser, and
# inputs of others) are partly or wholly hand-written or found by fuzzing,
# with no generator here. --minimise merges each corpus into a fresh
# directory with libFuzzer's -merge=1 (every input that adds coverage is
# kept, smaller inputs first) and replaces the corpus only when the merge
# succeeded and kept at least one input; it prints per target the files and
# bytes before and after.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=$root/tests/data/io
protoc=${PROTOC:-protoc}
minimise_build=
if [ $# -gt 0 ]; then
  if [ "$1" != --minimise ] || [ $# -ne 2 ]; then
    echo "usage: make_corpus.sh [--minimise <fuzz build dir>]" >&2
    exit 2
  fi
  minimise_build=$(cd "$2" && pwd)
fi
# The targets, as tests/fuzz/CMakeLists.txt lists them.
read -r -a targets <<<"$(sed -n '/^set(JTBD_FUZZ_TARGETS/,/)/p' \
  "$here/CMakeLists.txt" | sed 's/set(JTBD_FUZZ_TARGETS//; s/)//' | tr '\n' ' ')"

# Seeds are written under $stage/<target>/ first, then added to the corpus.
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
put() {  # put <target> <file>...
  local target=$1
  shift
  mkdir -p "$stage/$target"
  for f in "$@"; do
    cp "$f" "$stage/$target/$(basename "$(dirname "$f")")_$(basename "$f")"
  done
}
encode() {  # encode <target> <message> <textproto>...
  local target=$1 message=$2
  shift 2
  mkdir -p "$stage/$target"
  for f in "$@"; do
    "$protoc" --proto_path="$root/proto" --encode="$message" \
      jtbd/v1/scoring.proto jtbd/v1/aggregate.proto jtbd/v1/segmentation.proto \
      jtbd/v1/forces.proto \
      < "$f" > "$stage/$target/$(basename "$f" .textproto).binpb"
  done
}

# The example survey's first 25 respondents: seeds stay under 4 KB, so that
# libFuzzer's default -max_len (the largest seed, at least 4096) keeps
# inputs small; the whole 23 KB file made every input of survey_wide,
# capi_score_survey and serve_score slower (issue 19, item 4).
example_dir=$stage/.example
mkdir -p "$example_dir/examples"
head -n 26 "$root/examples/survey.csv" > "$example_dir/examples/survey.csv"
example=$example_dir/examples/survey.csv
put csv_tokenizer "$data"/good/* "$data"/bad/unterminated_quote.csv \
  "$data"/bad/text_after_quote.csv "$data"/bad/invalid_utf8.csv \
  "$data"/bad/semicolon_field_count.csv "$data"/bad/wrong_field_count.csv
put survey_long "$data"/good/long_* "$data"/formats/expected_long.csv \
  "$data"/bad/long_* "$data"/screening/long_durations.csv
put survey_wide "$data"/good/wide_* "$data"/good/excel_unicode_text.txt \
  "$data"/formats/crm_export.csv "$data"/bad/wide_* \
  "$data"/bad/not_whole.csv "$data"/bad/rating_outside_scale.csv \
  "$data"/screening/wide_durations.csv "$example"
put survey_qualtrics "$data"/formats/qualtrics*.csv "$data"/bad/qualtrics_* \
  "$data"/screening/qualtrics_durations.csv
put survey_surveymonkey "$data"/formats/surveymonkey.csv \
  "$data"/bad/surveymonkey_truncated_header.csv
put survey_google_forms "$data"/formats/google_forms*.csv
put survey_typeform "$data"/formats/typeform.csv
put survey_auto "$data"/good/* "$data"/formats/*.csv "$data"/bad/mixed_layouts.csv
put rating_labels "$data"/formats/labels.csv "$data"/formats/labels.json \
  "$here"/seeds/labels_*.json
put outcome_descriptions "$data"/outcomes/good/* "$data"/outcomes/bad/*
put survey_map "$data"/formats/crm_map.json "$here"/seeds/map_*.json
encode capi_score_request jtbd.v1.ScoreRequest "$here"/seeds/request_*.textproto
put capi_score_request_json "$here"/seeds/request_*.json
encode capi_study_parse jtbd.v1.Study "$here"/seeds/study_*.textproto
encode capi_aggregate_parse jtbd.v1.Aggregate "$here"/seeds/aggregate_*.textproto
encode segment_model jtbd.v1.SegmentModel "$here"/seeds/model_*.textproto
encode capi_segment_model_parse jtbd.v1.SegmentModel "$here"/seeds/model_*.textproto
put forces_interviews "$root"/examples/interviews.csv "$root"/tests/data/forces/*.csv
encode forces_model jtbd.v1.ForcesModel "$here"/seeds/forces_model_*.textproto
put forces_model "$root"/tests/data/forces/example_model.jtbd
# serve_score: the first byte picks the media type (bits 0-1, or
# application/x-protobuf with bit 7 on /v1/score), query parameters
# (bits 2-5, 7) and /v1/segment (bit 6), the rest is the body.
mkdir -p "$stage/serve_score"
{ printf '\x04'; cat "$data/good/wide_basic.csv"; } > "$stage/serve_score/csv_segment"
{ printf '\x00'; cat "$data/good/long_basic.csv"; } > "$stage/serve_score/csv_long"
{ printf '\x0a'; cat "$data/formats/qualtrics.csv"; } > "$stage/serve_score/csv_scale_7"
{ printf '\x01'; cat "$here/seeds/request_basic.json"; } > "$stage/serve_score/json_request"
{ printf '\x03'; printf 'a=1&b=2'; } > "$stage/serve_score/form"
{ printf '\x44'; cat "$example"; } > "$stage/serve_score/segment_k2"
{ printf '\xe0'; cat "$data/good/wide_basic.csv"; } > "$stage/serve_score/segment_pca_ratings"
{ printf '\x80'; cat "$stage/capi_score_request/request_basic.binpb"; } > "$stage/serve_score/protobuf_request"
# capi_score_survey: the first byte picks the options (fuzz_capi_score_survey.cc).
mkdir -p "$stage/capi_score_survey"
{ printf '\x00'; cat "$data/good/wide_basic.csv"; } > "$stage/capi_score_survey/wide"
{ printf '\x05'; cat "$data/good/long_basic.csv"; } > "$stage/capi_score_survey/long_segment_described"
{ printf '\x03'; cat "$example"; } > "$stage/capi_score_survey/example_segment_screened"
{ printf '\x08'; cat "$data/formats/qualtrics.csv"; } > "$stage/capi_score_survey/qualtrics_bootstrap"
# diff_capi_core: the first byte picks format, bootstrap and method
# (fuzz_diff_capi_core.cc).
mkdir -p "$stage/diff_capi_core"
{ printf '\x00'; cat "$data/good/wide_basic.csv"; } > "$stage/diff_capi_core/wide_auto"
{ printf '\x01'; cat "$data/good/long_basic.csv"; } > "$stage/diff_capi_core/long"
{ printf '\x28'; cat "$data/formats/qualtrics.csv"; } > "$stage/diff_capi_core/qualtrics_auto_bootstrap_mean"
{ printf '\x34'; cat "$data/formats/surveymonkey.csv"; } > "$stage/diff_capi_core/surveymonkey_olsen"
{ printf '\x16'; cat "$data/formats/typeform.csv"; } > "$stage/diff_capi_core/typeform_ulwick"
# diff_report_round_trip: bit 0 of the first byte: a binary Report follows,
# else a survey (bit 1: bootstrap, bit 2: segment_by "segment").
mkdir -p "$stage/diff_report_round_trip"
{ printf '\x00'; cat "$data/good/wide_basic.csv"; } > "$stage/diff_report_round_trip/wide"
{ printf '\x06'; cat "$example"; } > "$stage/diff_report_round_trip/example_segment_bootstrap"
{ printf '\x00'; cat "$data/formats/google_forms.csv"; } > "$stage/diff_report_round_trip/google_forms"
{ printf '\x01'; "$protoc" --proto_path="$root/proto" --encode=jtbd.v1.Report \
    jtbd/v1/report.proto < "$here/seeds/report_basic.textproto"; } \
  > "$stage/diff_report_round_trip/report_basic"
# diff_aggregate_merge: the first two bytes pick the split point.
mkdir -p "$stage/diff_aggregate_merge"
{ printf '\x02\x00'; cat "$data/good/wide_basic.csv"; } > "$stage/diff_aggregate_merge/wide_split_2"
{ printf '\x01\x00'; cat "$data/good/long_basic.csv"; } > "$stage/diff_aggregate_merge/long_split_1"
{ printf '\x5a\x00'; cat "$example"; } > "$stage/diff_aggregate_merge/example_split_90"
{ printf '\x03\x00'; cat "$data/formats/crm_export.csv"; } > "$stage/diff_aggregate_merge/crm_split_3"
{ printf '\x02\x80'; printf 'respondent,weight,imp_a,sat_a,imp_b,sat_b\nr1,2.5,5,1,4,\nr2,0.3,3,4,5,5\nr3,1,,2,1,1\nr4,7.1,4,4,2,3\n'; } > "$stage/diff_aggregate_merge/weighted_split_2"
put design_reader "$root"/tests/data/design/design.csv \
  "$root"/tests/data/design/design.json \
  "$root"/tests/data/design/outcomes_only.csv \
  "$root"/tests/data/design/bad_step.csv
put saved_file "$root"/tests/data/saved/*.jtbd
put forces_note_tagger "$root"/tests/data/forces/notes_en.tsv \
  "$root"/tests/data/forces/notes_fr.tsv

count() {  # count <dir>: "<files> <bytes>"
  local files bytes
  files=$(find "$1" -type f | wc -l)
  bytes=$(find "$1" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
  echo "$files $bytes"
}

# Add each seed under the SHA-1 of its bytes.
for dir in "$stage"/*/; do
  target=$(basename "$dir")
  [[ " ${targets[*]} " == *" $target "* ]] || {
    echo "make_corpus.sh writes seeds for $target, not a fuzz target" >&2
    exit 1
  }
  mkdir -p "$here/corpus/$target"
  for f in "$dir"*; do
    cp "$f" "$here/corpus/$target/$(sha1sum "$f" | cut -d' ' -f1)"
  done
done
status=0
for target in "${targets[@]}"; do
  if [ -z "$(ls -A "$here/corpus/$target" 2>/dev/null)" ]; then
    echo "corpus/$target is empty and has no generator here" >&2
    status=1
  fi
done
echo "seeds added under $here/corpus"
[ -n "$minimise_build" ] || exit $status

printf '%-26s %14s %14s\n' target "files before" "files after"
printf '%-26s %14s %14s\n' "" "(bytes)" "(bytes)"
for target in "${targets[@]}"; do
  fuzzer=$minimise_build/tests/fuzz/fuzz_$target
  if [ ! -x "$fuzzer" ]; then
    echo "no $fuzzer: build jtbd_fuzz_targets" >&2
    exit 2
  fi
  fresh=$stage/merged/$target
  mkdir -p "$fresh"
  if ! "$fuzzer" -merge=1 -timeout=30 -rss_limit_mb=2048 "$fresh" \
    "$here/corpus/$target" >"$stage/merge_$target.log" 2>&1 ||
    [ -z "$(ls -A "$fresh")" ]; then
    echo "merge of $target failed, corpus kept:" >&2
    tail -n 20 "$stage/merge_$target.log" >&2
    status=1
    continue
  fi
  read -r files_before bytes_before <<<"$(count "$here/corpus/$target")"
  rm -rf "$here/corpus/$target"
  mv "$fresh" "$here/corpus/$target"
  read -r files_after bytes_after <<<"$(count "$here/corpus/$target")"
  printf '%-26s %5s (%6s) %5s (%6s)\n' "$target" "$files_before" \
    "$bytes_before" "$files_after" "$bytes_after"
done
exit $status
