// jtbd score: reads a survey, scores it, renders the report.
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/output_options.h"
#include "cli/survey_input.h"
#include "core/scale.h"
#include "core/scoring.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"
#include "pipeline/input_source.h"
#include "pipeline/score_survey.h"
#include "render/coverage_render.h"
#include "render/proto_json.h"
#include "render/report_render.h"

namespace jtbd {
namespace cli {
namespace {

enum class Format { kTable, kJson, kCsv };

struct ScoreArgs {
  Format format = Format::kTable;
  std::string segment_by;
  absl::optional<int> scale_min;
  absl::optional<int> scale_max;
  absl::optional<int> top_box_min;
  OutputOptions output;        // -o, and the CSV options
  std::string input_path;      // "-": standard input
  std::string outcomes_path;   // empty: none; "-": standard input
  std::string design_path;     // empty: none; "-": standard input
  bool coverage_only = false;  // --coverage: the job-map coverage alone
  SurveyInputArgs input;       // --input-format, --labels, --map, ...
  // Statistics: unset means the library's defaults.
  absl::optional<double> confidence;
  absl::optional<uint32_t> bootstrap;
  absl::optional<uint64_t> seed;
  v1::ScoreMethod method = v1::SCORE_METHOD_ULWICK;
  v1::PValueAdjustment adjustment = v1::P_VALUE_ADJUSTMENT_HOLM;
  // Screening (--screen, --exclude-screened and the --screen-* thresholds).
  v1::ScreeningOptions screening;
  bool help = false;
};

// A usage problem found while parsing; empty when the arguments are fine.
using UsageProblem = std::string;

UsageProblem ParseFormat(absl::string_view value, Format* format) {
  if (value == "table") {
    *format = Format::kTable;
  } else if (value == "json") {
    *format = Format::kJson;
  } else if (value == "csv") {
    *format = Format::kCsv;
  } else {
    return absl::StrCat("unknown format \"", value,
                        "\" (expected table, json or csv)");
  }
  return "";
}

UsageProblem ParseScale(absl::string_view value, ScoreArgs* args) {
  const std::vector<absl::string_view> bounds = absl::StrSplit(value, '-');
  int min = 0;
  int max = 0;
  if (bounds.size() != 2 || !absl::SimpleAtoi(bounds[0], &min) ||
      !absl::SimpleAtoi(bounds[1], &max)) {
    return absl::StrCat("bad --scale \"", value, "\" (expected MIN-MAX, ",
                        "such as 1-5)");
  }
  args->scale_min = min;
  args->scale_max = max;
  return "";
}

UsageProblem ParseTopBox(absl::string_view value, ScoreArgs* args) {
  int top_box = 0;
  if (!absl::SimpleAtoi(value, &top_box)) {
    return absl::StrCat("bad --top-box \"", value, "\" (expected a rating)");
  }
  args->top_box_min = top_box;
  return "";
}

UsageProblem ParseConfidence(absl::string_view value, ScoreArgs* args) {
  double level = 0;
  // Written so that NaN fails too.
  if (!absl::SimpleAtod(value, &level) || !(level > 0 && level < 1)) {
    return absl::StrCat("bad --confidence \"", value,
                        "\" (expected a level strictly between 0 and 1, ",
                        "such as 0.9)");
  }
  args->confidence = level;
  return "";
}

UsageProblem ParseBootstrap(absl::string_view value, ScoreArgs* args) {
  uint32_t resamples = 0;
  if (!absl::SimpleAtoi(value, &resamples) ||
      resamples > ScoringPlan::kMaxBootstrapResamples) {
    return absl::StrCat("bad --bootstrap \"", value,
                        "\" (expected resamples from 0, no bootstrap, to ",
                        ScoringPlan::kMaxBootstrapResamples, ")");
  }
  args->bootstrap = resamples;
  return "";
}

UsageProblem ParseSeed(absl::string_view value, ScoreArgs* args) {
  uint64_t seed = 0;
  if (!absl::SimpleAtoi(value, &seed)) {
    return absl::StrCat("bad --seed \"", value,
                        "\" (expected a whole number from 0 to 2^64 - 1)");
  }
  args->seed = seed;
  return "";
}

UsageProblem ParseMethod(absl::string_view value, ScoreArgs* args) {
  if (value == "ulwick") {
    args->method = v1::SCORE_METHOD_ULWICK;
  } else if (value == "mean") {
    args->method = v1::SCORE_METHOD_MEAN;
  } else if (value == "olsen") {
    args->method = v1::SCORE_METHOD_OLSEN;
  } else if (value == "top-box-only") {
    args->method = v1::SCORE_METHOD_TOP_BOX_ONLY;
  } else {
    return absl::StrCat("unknown --method \"", value,
                        "\" (expected ulwick, mean, olsen or top-box-only)");
  }
  return "";
}

UsageProblem ParseAdjustment(absl::string_view value, ScoreArgs* args) {
  if (value == "holm") {
    args->adjustment = v1::P_VALUE_ADJUSTMENT_HOLM;
  } else if (value == "bh") {
    args->adjustment = v1::P_VALUE_ADJUSTMENT_BH;
  } else {
    return absl::StrCat("unknown --adjust \"", value,
                        "\" (expected holm or bh)");
  }
  return "";
}

// The --screen-* thresholds; they imply --screen. Ranges are checked by
// the library (MakeScreeningPlan), whose message names the option.
UsageProblem ParseScreeningThreshold(absl::string_view name,
                                     absl::string_view value,
                                     v1::ScreeningOptions* screening) {
  screening->set_enabled(true);
  if (name == "--screen-min-ratings") {
    uint32_t ratings = 0;
    if (!absl::SimpleAtoi(value, &ratings)) {
      return absl::StrCat("bad --screen-min-ratings \"", value,
                          "\" (expected a whole number, at least 2)");
    }
    screening->set_straight_line_min_ratings(ratings);
    return "";
  }
  double number = 0;
  if (!absl::SimpleAtod(value, &number)) {
    return absl::StrCat("bad ", name, " \"", value, "\" (expected a number)");
  }
  if (name == "--screen-speed-fraction") {
    screening->set_speed_median_fraction(number);
  } else if (name == "--screen-min-seconds") {
    screening->set_speed_min_seconds(number);
  } else if (name == "--screen-max-chance") {
    screening->set_straight_line_max_chance(number);
  } else {
    screening->set_max_blank_share(number);
  }
  return "";
}

bool IsScreeningThreshold(absl::string_view name) {
  return name == "--screen-min-ratings" || name == "--screen-speed-fraction" ||
         name == "--screen-min-seconds" || name == "--screen-max-blanks" ||
         name == "--screen-max-chance";
}

// Accepts "--name value" and "--name=value" for options that take a value.
UsageProblem ParseArgs(const std::vector<std::string>& raw, ScoreArgs* args) {
  auto takes_value = [](const std::string& name) {
    return name == "--format" || name == "--segment-by" || name == "--scale" ||
           name == "--top-box" || name == "--outcomes" || name == "--design" ||
           name == "--confidence" || name == "--bootstrap" ||
           name == "--seed" || name == "--method" || name == "--adjust" ||
           IsScreeningThreshold(name) || IsSurveyInputFlag(name);
  };
  auto on_option = [args](const std::string& name,
                          const std::string& value) -> UsageProblem {
    if (IsSurveyInputFlag(name)) {
      return ParseSurveyInputFlag(name, value, &args->input);
    } else if (IsScreeningThreshold(name)) {
      return ParseScreeningThreshold(name, value, &args->screening);
    } else if (name == "--format") {
      return ParseFormat(value, &args->format);
    } else if (name == "--segment-by") {
      if (value.empty()) return "--segment-by needs a column name";
      args->segment_by = value;
    } else if (name == "--scale") {
      return ParseScale(value, args);
    } else if (name == "--top-box") {
      return ParseTopBox(value, args);
    } else if (name == "--confidence") {
      return ParseConfidence(value, args);
    } else if (name == "--bootstrap") {
      return ParseBootstrap(value, args);
    } else if (name == "--seed") {
      return ParseSeed(value, args);
    } else if (name == "--method") {
      return ParseMethod(value, args);
    } else if (name == "--adjust") {
      return ParseAdjustment(value, args);
    } else if (name == "--design") {
      if (value.empty()) return "--design needs a file name";
      args->design_path = value;
    } else {
      if (value.empty()) return "--outcomes needs a file name";
      args->outcomes_path = value;
    }
    return "";
  };
  // --screen and --exclude-screened take no value, which WalkArguments
  // does not know: they are taken out first (not as an option's value, nor
  // after "--").
  std::vector<std::string> outputless = raw;
  UsageProblem output_problem =
      ExtractOutputOptions(takes_value, &outputless, &args->output);
  if (!output_problem.empty()) return output_problem;
  std::vector<std::string> rest;
  for (size_t i = 0; i < outputless.size(); ++i) {
    const std::string& arg = outputless[i];
    if (arg == "--") {
      rest.insert(rest.end(), outputless.begin() + i, outputless.end());
      break;
    }
    if (arg == "--coverage") {
      args->coverage_only = true;
      continue;
    }
    if (arg == "--screen" || arg == "--exclude-screened") {
      args->screening.set_enabled(true);
      if (arg == "--exclude-screened") args->screening.set_exclude(true);
      continue;
    }
    rest.push_back(arg);
    if (takes_value(arg) && i + 1 < outputless.size()) {
      rest.push_back(outputless[++i]);
    }
  }
  ParsedArguments parsed;
  UsageProblem problem = WalkArguments(rest, takes_value, on_option, &parsed);
  if (!problem.empty()) return problem;
  args->help = parsed.help;
  const std::vector<std::string>& positional = parsed.positional;
  if (args->help) return "";
  if (positional.empty()) return "missing the survey FILE";
  if (positional.size() > 1) {
    return absl::StrCat("expected one survey FILE, got ", positional.size(),
                        ": ", absl::StrJoin(positional, " "));
  }
  args->input_path = positional[0];
  if (args->input_path == "-" && args->outcomes_path == "-") {
    return "standard input can feed the survey or --outcomes, not both";
  }
  if (args->design_path == "-" &&
      (args->input_path == "-" || args->outcomes_path == "-")) {
    return "standard input can feed one of the survey, --outcomes and "
           "--design, not two";
  }
  if (args->coverage_only && args->design_path.empty()) {
    return "--coverage needs --design FILE";
  }
  UsageProblem csv_problem =
      CheckCsvOptionsUse(args->output, args->format == Format::kCsv);
  if (!csv_problem.empty()) return csv_problem;
  return CheckSurveyInputArgs(args->input);
}

// --coverage: the job-map coverage alone, in each format.
absl::StatusOr<std::string> RenderCoverage(const v1::Report& report,
                                           Format format) {
  switch (format) {
    case Format::kJson:
      return render::MessageJson(report.coverage(), /*indented=*/true,
                                 "the job-map coverage");
    case Format::kCsv:
      return RenderCoverageCsv(report);
    case Format::kTable:
      break;
  }
  const std::string table = RenderCoverageTable(report);
  // The block starts with a blank line that separates it from the scores.
  return table.empty() ? table : table.substr(1);
}

absl::StatusOr<std::string> Render(const v1::Report& report, Format format) {
  switch (format) {
    case Format::kJson:
      return RenderJson(report);
    case Format::kCsv:
      return RenderCsv(report);
    case Format::kTable:
      break;
  }
  return RenderTable(report, TableWidth());
}

int Fail(const absl::Status& status) {
  std::fprintf(stderr, "jtbd: %s\n", std::string(status.message()).c_str());
  return kExitBadData;
}

}  // namespace

int RunScore(const std::vector<std::string>& raw_args) {
  ScoreArgs args;
  const UsageProblem problem = ParseArgs(raw_args, &args);
  if (!problem.empty()) return UsageError(problem, ScoreSynopsis());
  if (args.help) {
    std::fputs(ScoreUsage(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitBadData;
  }
  const absl::StatusOr<Scale> scale = Scale::FromParts(
      Scale(), args.scale_min, args.scale_max, args.top_box_min);
  if (!scale.ok()) {
    return UsageError(std::string(scale.status().message()), ScoreSynopsis());
  }

  const absl::StatusOr<ReadOptions> read_options =
      MakeReadOptions(args.input, *scale, SourceOf(args.input_path).name());
  if (!read_options.ok()) return Fail(read_options.status());

  SurveyScoringOptions options;
  v1::ScoringOptions& scoring_options = options.scoring;
  scoring_options.set_segment_by(args.segment_by);
  if (args.confidence.has_value()) {
    scoring_options.set_confidence_level(*args.confidence);
  }
  if (args.bootstrap.has_value()) {
    scoring_options.set_bootstrap_resamples(*args.bootstrap);
  }
  if (args.seed.has_value()) scoring_options.set_seed(*args.seed);
  scoring_options.set_method(args.method);
  scoring_options.set_p_value_adjustment(args.adjustment);
  if (args.screening.enabled()) {
    *scoring_options.mutable_screening() = args.screening;
  }
  if (!args.outcomes_path.empty()) {
    options.outcome_descriptions = SourceOf(args.outcomes_path);
  }
  if (!args.design_path.empty()) options.design = SourceOf(args.design_path);
  const absl::StatusOr<v1::Report> report =
      ScoreSurvey(SourceOf(args.input_path), *read_options, options);
  CloseProgress();
  if (!report.ok()) return Fail(report.status());

  // The whole output exists before anything is written, so a failure never
  // leaves a partial report behind.
  const absl::StatusOr<std::string> text =
      args.coverage_only ? RenderCoverage(*report, args.format)
                         : Render(*report, args.format);
  if (!text.ok()) return Fail(text.status());
  const absl::Status written =
      WriteOutput(args.output, *text, args.format == Format::kCsv);
  if (!written.ok()) return Fail(written);
  return kExitOk;
}

}  // namespace cli
}  // namespace jtbd
