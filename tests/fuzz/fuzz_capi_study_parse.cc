// Fuzzes jtbd_study_parse (a serialized jtbd.v1.Study): a study parsed
// re-serializes to a study that parses to the same, scores and renders.
#include <cstddef>
#include <cstdint>
#include <string>

#include "capi_fuzz.h"
#include "fuzz_check.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/study.pb.h"

namespace {

std::string Serialize(const jtbd_study* study) {
  jtbd_buffer* buffer = nullptr;
  jtbd_error* error = jtbd_study_serialize(study, &buffer);
  JTBD_FUZZ_CHECK(error == nullptr, jtbd_error_message(error, nullptr));
  return jtbd::fuzz::TakeBuffer(buffer);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  jtbd_study* study = nullptr;
  if (!jtbd::fuzz::Succeeded(jtbd_study_parse(data, size, &study))) {
    JTBD_FUZZ_CHECK(study == nullptr, "a refusal wrote the out-parameter");
    return 0;
  }
  const std::string first = Serialize(study);
  jtbd_study* again = nullptr;
  jtbd_error* error = jtbd_study_parse(first.data(), first.size(), &again);
  JTBD_FUZZ_CHECK(error == nullptr, jtbd_error_message(error, nullptr));
  JTBD_FUZZ_CHECK(
      jtbd_study_outcome_count(again) == jtbd_study_outcome_count(study) &&
          jtbd_study_respondent_count(again) ==
              jtbd_study_respondent_count(study),
      "counts changed in a round trip");
  jtbd::v1::Study first_proto;
  jtbd::v1::Study second_proto;
  JTBD_FUZZ_CHECK(first_proto.ParseFromString(first), "serialized study");
  JTBD_FUZZ_CHECK(second_proto.ParseFromString(Serialize(again)),
                  "reserialized study");
  jtbd::fuzz::CheckSameMessage(first_proto, second_proto,
                               "jtbd_study_serialize/parse round trip");
  jtbd_study_destroy(again);

  // A study that parsed scores (no bootstrap: not a parser) and renders.
  jtbd_score_options* options = nullptr;
  JTBD_FUZZ_CHECK(jtbd_score_options_create(&options) == nullptr, "options");
  JTBD_FUZZ_CHECK(
      jtbd_score_options_set_bootstrap_resamples(options, 0) == nullptr,
      "resamples");
  jtbd_report* report = nullptr;
  error = jtbd_study_score(study, options, &report);
  JTBD_FUZZ_CHECK(error == nullptr, jtbd_error_message(error, nullptr));
  jtbd::fuzz::CheckRenders(report);
  jtbd_report_destroy(report);
  jtbd_score_options_destroy(options);
  jtbd_study_destroy(study);
  return 0;
}
