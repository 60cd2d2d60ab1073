// Fuzzes the survey map reader (jtbd.v1.SurveyMap as proto3 JSON):
// ParseSurveyMapJson, then the map applied to a fixed survey.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/study.h"
#include "fuzz_check.h"
#include "io/survey_reader.h"
#include "jtbd/v1/survey_map.pb.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static constexpr absl::string_view kSource = "fuzz-map.json";
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<jtbd::v1::SurveyMap> map =
      jtbd::ParseSurveyMapJson(text, kSource);
  if (!map.ok()) {
    jtbd::fuzz::CheckRefusalNames(map.status(), kSource);
    return 0;
  }
  // What SurveyMapToJson writes reads back as the same map.
  const std::string json = jtbd::SurveyMapToJson(*map);
  absl::StatusOr<jtbd::v1::SurveyMap> again =
      jtbd::ParseSurveyMapJson(json, "rewritten");
  JTBD_FUZZ_CHECK(again.ok(), again.status().ToString() + "\n" + json);
  jtbd::fuzz::CheckSameMessage(*map, *again, "SurveyMap JSON round trip");

  // The map replaces detection on a survey it may or may not fit.
  jtbd::ReadOptions options;
  options.survey_map = *map;
  options.survey_map_source = std::string(kSource);
  const std::string survey =
      "id,segment,weight,imp_o1,sat_o1,Q1_1,Q1_2,#7\n"
      "r1,a,1.5,5,2,4,Very important,\n"
      "r2,b,0.5,3,1,5,Extremely important,x\n";
  absl::StatusOr<jtbd::Study> study =
      jtbd::ReadSurveyCsv(survey, "fixed.csv", options);
  if (!study.ok()) {
    jtbd::fuzz::CheckRefusal(study.status());
    return 0;
  }
  absl::StatusOr<jtbd::Aggregate> aggregate =
      jtbd::ReadSurveyCsvAggregate(survey, "fixed.csv", options);
  JTBD_FUZZ_CHECK(aggregate.ok(), aggregate.status().ToString());
  jtbd::fuzz::CheckSameMessage(study->ToAggregate().ToProto(),
                               aggregate->ToProto(),
                               "mapped aggregate == mapped study's");
  return 0;
}
