// Fuzzes jtbd_aggregate_parse (a serialized jtbd.v1.Aggregate): an
// aggregate parsed round-trips exactly, merges with itself, scores and
// renders.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"
#include "capi_fuzz.h"
#include "fuzz_check.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/aggregate.pb.h"

namespace {

std::string Serialize(const jtbd_aggregate* aggregate) {
  jtbd_buffer* buffer = nullptr;
  jtbd_error* error = jtbd_aggregate_serialize(aggregate, &buffer);
  JTBD_FUZZ_CHECK(error == nullptr, jtbd_error_message(error, nullptr));
  return jtbd::fuzz::TakeBuffer(buffer);
}

jtbd::v1::Aggregate AsProto(const std::string& bytes) {
  jtbd::v1::Aggregate proto;
  JTBD_FUZZ_CHECK(proto.ParseFromString(bytes), "serialized aggregate");
  return proto;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  jtbd_aggregate* aggregate = nullptr;
  if (!jtbd::fuzz::Succeeded(jtbd_aggregate_parse(data, size, &aggregate))) {
    JTBD_FUZZ_CHECK(aggregate == nullptr, "a refusal wrote the out-parameter");
    return 0;
  }
  const std::string first = Serialize(aggregate);
  jtbd_aggregate* again = nullptr;
  jtbd_error* error = jtbd_aggregate_parse(first.data(), first.size(), &again);
  JTBD_FUZZ_CHECK(error == nullptr, jtbd_error_message(error, nullptr));
  jtbd::fuzz::CheckSameMessage(AsProto(first), AsProto(Serialize(again)),
                               "jtbd_aggregate_serialize/parse round trip");

  // Merging a copy doubles every cell (or refuses an overflow).
  const uint64_t respondents = jtbd_aggregate_respondent_count(aggregate);
  if (jtbd::fuzz::Succeeded(jtbd_aggregate_merge(again, aggregate))) {
    JTBD_FUZZ_CHECK(jtbd_aggregate_respondent_count(again) == 2 * respondents,
                    absl::StrCat(jtbd_aggregate_respondent_count(again),
                                 " after merging ", respondents, " twice"));
  }
  jtbd_aggregate_destroy(again);

  jtbd_score_options* options = nullptr;
  JTBD_FUZZ_CHECK(jtbd_score_options_create(&options) == nullptr, "options");
  JTBD_FUZZ_CHECK(
      jtbd_score_options_set_bootstrap_resamples(options, 0) == nullptr,
      "resamples");
  // A respondent count beyond the 32 bits of a report (found by this
  // target) is now refused by the parse itself; scoring may still refuse
  // what parses (a cell count beyond 32 bits), but only as a refusal.
  jtbd_report* report = nullptr;
  if (jtbd::fuzz::Succeeded(
          jtbd_aggregate_score(aggregate, options, &report))) {
    jtbd::fuzz::CheckRenders(report);
    jtbd_report_destroy(report);
  }
  jtbd_score_options_destroy(options);
  jtbd_aggregate_destroy(aggregate);
  return 0;
}
