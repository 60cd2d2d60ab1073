// What `jtbd landscape` and `jtbd report` share: a survey scored as `jtbd
// score` scores it (the survey-input flags, --segment-by, --outcomes,
// --scale, --top-box, --confidence, --bootstrap, --seed, --screen,
// --exclude-screened), -o/--output, and the document written whole or not
// at all.
#ifndef JTBD_CLI_REPORT_INPUT_H_
#define JTBD_CLI_REPORT_INPUT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/optional.h"
#include "cli/output_options.h"
#include "cli/survey_input.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"

namespace jtbd {
namespace cli {

struct ReportInputArgs {
  std::string segment_by;
  absl::optional<int> scale_min;
  absl::optional<int> scale_max;
  absl::optional<int> top_box_min;
  absl::optional<double> confidence;
  absl::optional<uint32_t> bootstrap;
  absl::optional<uint64_t> seed;
  v1::ScreeningOptions screening;
  OutputOptions output;       // -o/--output (output_options.h)
  std::string input_path;     // "-": standard input
  std::string outcomes_path;  // empty: none
  std::string design_path;    // empty: none (a study design, as score's)
  SurveyInputArgs input;
  bool help = false;
};

// A command's own flags: `flags` take no value, `valued` take one, and
// on_option applies either (value "" for a flag); returns a usage problem.
struct ExtraFlags {
  std::vector<std::string> flags;
  std::vector<std::string> valued;
  std::function<std::string(const std::string& name, const std::string& value)>
      on_option;
};

// Parses the arguments; returns a usage problem, empty when fine.
std::string ParseReportInputArgs(const std::vector<std::string>& raw,
                                 const ExtraFlags& extra,
                                 ReportInputArgs* args);

// The help lines of the shared options.
const char* ReportInputHelp();

// Reads and scores the survey (the pipeline's ScoreSurvey); a refusal names
// the file, line and column.
absl::StatusOr<v1::Report> ScoreReportInput(const ReportInputArgs& args);

// Prints "jtbd: <message>" to stderr; returns kExitBadData.
int FailWith(const absl::Status& status);

// Writes `text` to the output (standard output, or the file replaced only
// on success); prints the error and returns the exit status.
int WriteReportOutput(const ReportInputArgs& args, const std::string& text);

}  // namespace cli
}  // namespace jtbd

#endif  // JTBD_CLI_REPORT_INPUT_H_
