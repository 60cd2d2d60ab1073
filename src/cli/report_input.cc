#include "cli/report_input.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/output_options.h"
#include "core/scale.h"
#include "core/scoring.h"
#include "pipeline/score_survey.h"

namespace jtbd {
namespace cli {
namespace {

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string ParseShared(const std::string& name, const std::string& value,
                        ReportInputArgs* args) {
  if (IsSurveyInputFlag(name)) {
    return ParseSurveyInputFlag(name, value, &args->input);
  }
  if (name == "--segment-by") {
    if (value.empty()) return "--segment-by needs a column name";
    args->segment_by = value;
  } else if (name == "--outcomes") {
    if (value.empty()) return "--outcomes needs a file name";
    args->outcomes_path = value;
  } else if (name == "--design") {
    if (value.empty()) return "--design needs a file name";
    args->design_path = value;
  } else if (name == "--scale") {
    const std::vector<std::string> bounds = absl::StrSplit(value, '-');
    int min = 0;
    int max = 0;
    if (bounds.size() != 2 || !absl::SimpleAtoi(bounds[0], &min) ||
        !absl::SimpleAtoi(bounds[1], &max)) {
      return absl::StrCat("bad --scale \"", value,
                          "\" (expected MIN-MAX, such as 1-5)");
    }
    args->scale_min = min;
    args->scale_max = max;
  } else if (name == "--top-box") {
    int top_box = 0;
    if (!absl::SimpleAtoi(value, &top_box)) {
      return absl::StrCat("bad --top-box \"", value, "\" (expected a rating)");
    }
    args->top_box_min = top_box;
  } else if (name == "--confidence") {
    double level = 0;
    if (!absl::SimpleAtod(value, &level) || !(level > 0 && level < 1)) {
      return absl::StrCat("bad --confidence \"", value,
                          "\" (expected a level strictly between 0 and 1, ",
                          "such as 0.9)");
    }
    args->confidence = level;
  } else if (name == "--bootstrap") {
    uint32_t resamples = 0;
    if (!absl::SimpleAtoi(value, &resamples) ||
        resamples > ScoringPlan::kMaxBootstrapResamples) {
      return absl::StrCat("bad --bootstrap \"", value,
                          "\" (expected resamples from 0, no bootstrap, to ",
                          ScoringPlan::kMaxBootstrapResamples, ")");
    }
    args->bootstrap = resamples;
  } else if (name == "--seed") {
    uint64_t seed = 0;
    if (!absl::SimpleAtoi(value, &seed)) {
      return absl::StrCat("bad --seed \"", value,
                          "\" (expected a whole number from 0 to 2^64 - 1)");
    }
    args->seed = seed;
  }
  return "";
}

bool IsSharedValued(const std::string& name) {
  return IsSurveyInputFlag(name) || name == "--segment-by" ||
         name == "--outcomes" || name == "--design" || name == "--scale" ||
         name == "--top-box" || name == "--confidence" ||
         name == "--bootstrap" || name == "--seed";
}

}  // namespace

std::string ParseReportInputArgs(const std::vector<std::string>& raw,
                                 const ExtraFlags& extra,
                                 ReportInputArgs* args) {
  auto takes_value = [&extra](const std::string& name) {
    return IsSharedValued(name) || Contains(extra.valued, name);
  };
  // -o/--output as every command takes it (output_options.h); no CSV here.
  std::vector<std::string> without_output = raw;
  std::string output_problem =
      ExtractOutputOptions(takes_value, &without_output, &args->output);
  if (output_problem.empty()) {
    output_problem = CheckCsvOptionsUse(args->output, false);
  }
  if (!output_problem.empty()) return output_problem;
  auto on_option = [&extra, args](const std::string& name,
                                  const std::string& value) -> std::string {
    if (Contains(extra.valued, name)) return extra.on_option(name, value);
    return ParseShared(name, value, args);
  };
  // Flags without a value are taken out first, as WalkArguments knows only
  // options with one (not as an option's value, nor after "--").
  std::vector<std::string> rest;
  const std::vector<std::string>& args_left = without_output;
  for (size_t i = 0; i < args_left.size(); ++i) {
    const std::string& arg = args_left[i];
    if (arg == "--") {
      rest.insert(rest.end(), args_left.begin() + i, args_left.end());
      break;
    }
    if (arg == "--screen" || arg == "--exclude-screened") {
      args->screening.set_enabled(true);
      if (arg == "--exclude-screened") args->screening.set_exclude(true);
      continue;
    }
    if (Contains(extra.flags, arg)) {
      const std::string problem = extra.on_option(arg, "");
      if (!problem.empty()) return problem;
      continue;
    }
    rest.push_back(arg);
    if (takes_value(arg) && i + 1 < args_left.size()) {
      rest.push_back(args_left[++i]);
    }
  }
  ParsedArguments parsed;
  const std::string problem =
      WalkArguments(rest, takes_value, on_option, &parsed);
  if (!problem.empty()) return problem;
  args->help = parsed.help;
  if (args->help) return "";
  if (parsed.positional.empty()) return "missing the survey FILE";
  if (parsed.positional.size() > 1) {
    return absl::StrCat("expected one survey FILE, got ",
                        parsed.positional.size(), ": ",
                        absl::StrJoin(parsed.positional, " "));
  }
  args->input_path = parsed.positional[0];
  const int from_stdin = (args->input_path == "-") +
                         (args->outcomes_path == "-") +
                         (args->design_path == "-");
  if (from_stdin > 1) {
    return "standard input can feed one of the survey, --outcomes and "
           "--design, not two";
  }
  return CheckSurveyInputArgs(args->input);
}

const char* ReportInputHelp() {
  return "  --segment-by COLUMN      also score each value of this respondent\n"
         "                           column as a segment\n"
         "  --outcomes FILE          outcome statements (id, statement,\n"
         "                           job_step), as for `jtbd score`\n"
         "  --design FILE            a study design (the job, its job map,\n"
         "                           outcomes per step), as for `jtbd score`:\n"
         "                           `jtbd report` adds its job-map coverage\n"
         "  --input-format, --importance, --satisfaction, --labels, --map,\n"
         "  --weight, --duration, --scale, --top-box, --confidence,\n"
         "  --bootstrap, --seed, --screen, --exclude-screened, --max-*:\n"
         "                           as for `jtbd score`\n"
         "  -o, --output FILE        write to FILE, not standard output;\n"
         "                           FILE is replaced only on success\n"
         "  -h, --help               print this help\n";
}

absl::StatusOr<v1::Report> ScoreReportInput(const ReportInputArgs& args) {
  const absl::StatusOr<Scale> scale = Scale::FromParts(
      Scale(), args.scale_min, args.scale_max, args.top_box_min);
  if (!scale.ok()) return scale.status();
  const absl::StatusOr<ReadOptions> read_options =
      MakeReadOptions(args.input, *scale, SourceOf(args.input_path).name());
  if (!read_options.ok()) return read_options.status();
  SurveyScoringOptions options;
  v1::ScoringOptions& scoring = options.scoring;
  scoring.set_segment_by(args.segment_by);
  if (args.confidence.has_value()) {
    scoring.set_confidence_level(*args.confidence);
  }
  if (args.bootstrap.has_value()) {
    scoring.set_bootstrap_resamples(*args.bootstrap);
  }
  if (args.seed.has_value()) scoring.set_seed(*args.seed);
  if (args.screening.enabled()) *scoring.mutable_screening() = args.screening;
  if (!args.outcomes_path.empty()) {
    options.outcome_descriptions = SourceOf(args.outcomes_path);
  }
  if (!args.design_path.empty()) options.design = SourceOf(args.design_path);
  absl::StatusOr<v1::Report> report =
      ScoreSurvey(SourceOf(args.input_path), *read_options, options);
  CloseProgress();
  return report;
}

int FailWith(const absl::Status& status) {
  std::fprintf(stderr, "jtbd: %s\n", std::string(status.message()).c_str());
  return kExitBadData;
}

int WriteReportOutput(const ReportInputArgs& args, const std::string& text) {
  const absl::Status written = WriteOutput(args.output, text, false);
  return written.ok() ? kExitOk : FailWith(written);
}

}  // namespace cli
}  // namespace jtbd
