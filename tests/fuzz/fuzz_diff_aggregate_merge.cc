// Differential: an aggregate split at any point and merged equals the
// whole. The first two bytes (little-endian, the top bit apart) pick the
// split point, taken modulo (respondents + 1); the top bit reads the column
// "weight" as respondent weights; the rest is a survey read by
// ReadSurveyCsv (layout detected). The respondents before the split and those
// from it on are aggregated apart (Study::ToAggregate with the others
// excluded); then
//  - head.Merge(tail) equals the whole study's aggregate;
//  - the same after each part travels as saved-file bytes
//    (EncodeAggregateFile, ParseAggregateFile: what jtbd.dask merges);
//  - whole.Subtract(tail) equals head (the rest of the sample).
// Counts must match exactly. Weight sums are floating-point sums taken in
// another order, so they are compared to a relative 1e-9.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/aggregate.h"
#include "core/study.h"
#include "fuzz_check.h"
#include "google/protobuf/util/field_comparator.h"
#include "google/protobuf/util/message_differencer.h"
#include "io/saved_file.h"
#include "io/survey_reader.h"
#include "jtbd/v1/aggregate.pb.h"

namespace {

void CheckSameAggregate(const jtbd::Aggregate& expected,
                        const jtbd::Aggregate& actual, const char* oracle) {
  google::protobuf::util::DefaultFieldComparator comparator;
  comparator.set_float_comparison(
      google::protobuf::util::DefaultFieldComparator::APPROXIMATE);
  comparator.SetDefaultFractionAndMargin(1e-9, 1e-9);
  google::protobuf::util::MessageDifferencer differencer;
  differencer.set_field_comparator(&comparator);
  std::string difference;
  differencer.ReportDifferencesToString(&difference);
  if (!differencer.Compare(expected.ToProto(), actual.ToProto())) {
    jtbd::fuzz::Fail(__FILE__, __LINE__, oracle, difference);
  }
}

jtbd::Aggregate Travel(const jtbd::Aggregate& aggregate) {
  absl::StatusOr<std::string> bytes = jtbd::EncodeAggregateFile(aggregate);
  JTBD_FUZZ_CHECK(bytes.ok(), bytes.status().ToString());
  absl::StatusOr<jtbd::Aggregate> back =
      jtbd::ParseAggregateFile(*bytes, "part");
  JTBD_FUZZ_CHECK(back.ok(), "oracle aggregate file round trip: " +
                                 back.status().ToString());
  return *std::move(back);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const size_t split_choice =
      data[0] | (static_cast<size_t>(data[1] & 0x7f) << 8);
  jtbd::ReadOptions options;
  if (data[1] & 0x80) options.weight_column = "weight";
  const absl::string_view survey(reinterpret_cast<const char*>(data + 2),
                                 size - 2);
  absl::StatusOr<jtbd::Study> study =
      jtbd::ReadSurveyCsv(survey, "survey", options);
  if (!study.ok()) return 0;  // refusals are the survey targets' business
  const size_t n = study->respondent_count();
  const size_t split = split_choice % (n + 1);
  std::vector<bool> not_head(n), not_tail(n);
  for (size_t r = 0; r < n; ++r) (r < split ? not_tail : not_head)[r] = true;

  const jtbd::Aggregate whole = study->ToAggregate();
  const jtbd::Aggregate head = study->ToAggregate(not_head);
  const jtbd::Aggregate tail = study->ToAggregate(not_tail);
  JTBD_FUZZ_CHECK(
      head.respondent_count() == split && tail.respondent_count() == n - split,
      "oracle split: the parts do not hold the split's respondents");

  jtbd::Aggregate merged = head;
  absl::Status status = merged.Merge(tail);
  JTBD_FUZZ_CHECK(status.ok(), "oracle merge: " + status.ToString());
  CheckSameAggregate(whole, merged, "oracle merge: head + tail == whole");

  jtbd::Aggregate travelled = Travel(head);
  status = travelled.Merge(Travel(tail));
  JTBD_FUZZ_CHECK(status.ok(),
                  "oracle merge of parsed parts: " + status.ToString());
  CheckSameAggregate(whole, travelled,
                     "oracle merge of parsed parts: head + tail == whole");

  jtbd::Aggregate rest = whole;
  status = rest.Subtract(tail);
  JTBD_FUZZ_CHECK(status.ok(), "oracle subtract: " + status.ToString());
  // A weighted whole stays weighted; a head whose weights are all 1 was
  // aggregated without them, which means the same (aggregate.h).
  jtbd::Aggregate expected_rest = head;
  if (rest.weighted()) expected_rest.EnableWeights();
  CheckSameAggregate(expected_rest, rest,
                     "oracle subtract: whole - tail == head");
  return 0;
}
