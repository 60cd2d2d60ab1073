// What `jtbd score` and `jtbd inspect` share about reading a survey: the
// flags that say how (--input-format, --importance, --satisfaction,
// --labels, --map, --weight), building ReadOptions from them, and progress
// on stderr for long reads.
#ifndef JTBD_CLI_SURVEY_INPUT_H_
#define JTBD_CLI_SURVEY_INPUT_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/aggregate.h"
#include "core/resource_limits.h"
#include "core/study.h"
#include "io/survey_reader.h"

namespace jtbd {
namespace cli {

struct SurveyInputArgs {
  InputFormat format = InputFormat::kAuto;
  std::vector<std::string> importance_questions;
  std::vector<std::string> satisfaction_questions;
  std::string labels_path;  // empty: none
  std::string map_path;     // empty: none
  std::string weight_column;
  std::string duration_column;  // --duration; empty: detected
  // --max-record-bytes, --max-columns, --max-outcomes, --max-respondents.
  ResourceLimits limits;
};

// Whether `name` ("--labels") is one of the flags above; all take a value.
bool IsSurveyInputFlag(absl::string_view name);
// Applies one of them; returns a usage problem, empty when fine.
std::string ParseSurveyInputFlag(absl::string_view name,
                                 const std::string& value,
                                 SurveyInputArgs* args);
// Usage problems of the combination (a map already says what the others
// would); empty when fine.
std::string CheckSurveyInputArgs(const SurveyInputArgs& args);

// ReadOptions from the flags: loads the label map and the survey map (their
// errors name their files), and reports progress on stderr when it is a
// terminal.
absl::StatusOr<ReadOptions> MakeReadOptions(const SurveyInputArgs& args,
                                            const Scale& scale,
                                            absl::string_view input_name);

// Reads the survey at `path` ("-": standard input).
absl::StatusOr<Study> ReadSurveyInput(const std::string& path,
                                      const ReadOptions& options,
                                      SurveyInspection* inspection);

// The same read straight into the scoring aggregate (no respondents kept).
absl::StatusOr<Aggregate> ReadSurveyAggregateInput(const std::string& path,
                                                   const ReadOptions& options);

// The same read straight into the whole-sample aggregate and one per value
// of the attribute segment_by (ReadSurveyCsvSegmentedAggregate).
absl::StatusOr<SegmentedAggregate> ReadSurveySegmentedAggregateInput(
    const std::string& path, const ReadOptions& options,
    absl::string_view segment_by, SurveyInspection* inspection);

// The name standard input goes by in messages.
constexpr absl::string_view kStandardInputName = "<stdin>";

}  // namespace cli
}  // namespace jtbd

#endif  // JTBD_CLI_SURVEY_INPUT_H_
