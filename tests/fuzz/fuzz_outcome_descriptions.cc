// Fuzzes the outcome descriptions reader (id, statement, job step) on a
// fixed study: ReadOutcomeDescriptionsCsv, all or nothing.
#include <cstddef>
#include <cstdint>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/study.h"
#include "fuzz_check.h"
#include "io/outcome_descriptions.h"
#include "io/survey_reader.h"
#include "jtbd/v1/study.pb.h"

namespace {

jtbd::Study FixedStudy() {
  absl::StatusOr<jtbd::Study> study = jtbd::ReadSurveyCsv(
      "respondent_id,imp_o1,sat_o1,imp_o2,sat_o2,imp_o3,sat_o3\n"
      "r1,5,2,4,4,1,1\n"
      "r2,3,1,5,5,2,4\n",
      "fixed.csv", jtbd::ReadOptions());
  if (!study.ok()) jtbd::fuzz::Fail(__FILE__, __LINE__, "fixed study", "");
  return *std::move(study);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static constexpr absl::string_view kSource = "fuzz-outcomes.csv";
  static const jtbd::Study* const kFixed = new jtbd::Study(FixedStudy());
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  jtbd::Study study = *kFixed;
  const absl::Status status =
      jtbd::ReadOutcomeDescriptionsCsv(text, kSource, &study);
  if (!status.ok()) {
    jtbd::fuzz::CheckRefusalNames(status, kSource);
    // A refusal leaves the study as it was.
    jtbd::fuzz::CheckSameMessage(kFixed->ToProto(), study.ToProto(),
                                 "a refused description changed the study");
    return 0;
  }
  JTBD_FUZZ_CHECK(study.outcome_count() == kFixed->outcome_count(),
                  "descriptions changed the outcomes");
  for (size_t i = 0; i < study.outcome_count(); ++i) {
    JTBD_FUZZ_CHECK(study.outcomes()[i].id == kFixed->outcomes()[i].id,
                    study.outcomes()[i].id);
  }
  JTBD_FUZZ_CHECK(study.answer_count() == kFixed->answer_count(),
                  "descriptions changed the answers");
  return 0;
}
