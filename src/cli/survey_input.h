// What `jtbd score`, `segment` and `inspect` share about reading a survey:
// the flags that say how (--input-format, --importance, --satisfaction,
// --labels, --map, --weight), building ReadOptions from them, the input a
// path names, and progress on stderr for long reads.
#ifndef JTBD_CLI_SURVEY_INPUT_H_
#define JTBD_CLI_SURVEY_INPUT_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/resource_limits.h"
#include "io/survey_reader.h"
#include "pipeline/input_source.h"

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
  // --max-record-bytes, --max-columns, --max-outcomes, --max-respondents,
  // --max-request-bytes, --max-json-depth: the survey's and those of the
  // label map, survey map and outcome descriptions read with it.
  ResourceLimits limits;
};

// The --max-* flags, one per ResourceLimits field ("--max-columns" for
// max_columns). Every command that reads input takes those of limits 1-6;
// with_request_limits adds --max-bootstrap-resamples, which only bounds
// requests (`jtbd serve`): elsewhere --bootstrap is the caller's choice.
bool IsLimitFlag(absl::string_view name, bool with_request_limits);
// Sets the limit of such a flag from its value; a usage problem (not a
// whole number, 0, above the largest accepted) or empty when fine.
std::string ParseLimitFlag(absl::string_view name, const std::string& value,
                           ResourceLimits* limits);
// The help lines of those flags with the defaults in `defaults`: one text
// for every command's --help.
std::string LimitFlagsHelp(const ResourceLimits& defaults,
                           bool with_request_limits);

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

// The survey (or other input) at `path`: "-" is standard input.
InputSource SourceOf(const std::string& path);

// Ends the progress line of a read that failed half-way (a finished read
// ended it already); call once the pipeline returns.
void CloseProgress();

}  // namespace cli
}  // namespace jtbd

#endif  // JTBD_CLI_SURVEY_INPUT_H_
