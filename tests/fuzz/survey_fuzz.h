// The body of every survey-export fuzz target: the bytes as a survey file
// read in one forced layout (or detected), through both real entry points.
#ifndef JTBD_TESTS_FUZZ_SURVEY_FUZZ_H_
#define JTBD_TESTS_FUZZ_SURVEY_FUZZ_H_

#include <cstddef>
#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/aggregate.h"
#include "core/study.h"
#include "fuzz_check.h"
#include "io/survey_reader.h"
#include "jtbd/v1/scoring.pb.h"

namespace jtbd {
namespace fuzz {

// Invariants, from survey_reader.h:
//  - a refusal names the source and is INVALID_ARGUMENT;
//  - ReadSurveyCsvAggregate refuses exactly what ReadSurveyCsv refuses, and
//    otherwise equals the study's aggregate;
//  - a study read re-serializes and re-parses to the same study;
//  - a study read can be scored.
inline void FuzzSurveyRead(const uint8_t* data, size_t size,
                           InputFormat format) {
  static constexpr absl::string_view kSource = "fuzz-input.csv";
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  ReadOptions options;
  options.format = format;

  SurveyInspection inspection;
  absl::StatusOr<Study> study =
      ReadSurveyCsv(text, kSource, options, &inspection);
  absl::StatusOr<Aggregate> aggregate =
      ReadSurveyCsvAggregate(text, kSource, options);
  if (!study.ok()) {
    CheckRefusalNames(study.status(), kSource);
    JTBD_FUZZ_CHECK(study.status().code() == absl::StatusCode::kInvalidArgument,
                    study.status().ToString());
    JTBD_FUZZ_CHECK(!aggregate.ok(),
                    "the aggregate read accepted what the "
                    "study read refused: " +
                        study.status().ToString());
    JTBD_FUZZ_CHECK(aggregate.status() == study.status(),
                    "study: " + study.status().ToString() +
                        "\naggregate: " + aggregate.status().ToString());
    return;
  }
  JTBD_FUZZ_CHECK(aggregate.ok(),
                  "the aggregate read refused what the study "
                  "read accepted: " +
                      aggregate.status().ToString());
  JTBD_FUZZ_CHECK(inspection.layout_known, "a study was read without a layout");
  CheckSameMessage(study->ToAggregate().ToProto(), aggregate->ToProto(),
                   "ReadSurveyCsvAggregate == ReadSurveyCsv()->ToAggregate()");

  const v1::Study proto = study->ToProto();
  absl::StatusOr<Study> again = Study::FromProto(proto);
  JTBD_FUZZ_CHECK(again.ok(), again.status().ToString());
  CheckSameMessage(proto, again->ToProto(), "Study proto round trip");

  v1::ScoringOptions scoring;
  scoring.set_bootstrap_resamples(0);  // the bootstrap is not a parser
  absl::StatusOr<v1::Report> report = study->Score(scoring);
  JTBD_FUZZ_CHECK(report.ok(), report.status().ToString());
}

}  // namespace fuzz
}  // namespace jtbd

#endif  // JTBD_TESTS_FUZZ_SURVEY_FUZZ_H_
