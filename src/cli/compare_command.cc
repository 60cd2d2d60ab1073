// jtbd compare: two waves of a survey (any input `jtbd score` reads, or a
// saved aggregate file), compared outcome by outcome.
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
#include "core/resource_limits.h"
#include "core/scale.h"
#include "jtbd/v1/scoring.pb.h"
#include "jtbd/v1/waves.pb.h"
#include "pipeline/input_source.h"
#include "pipeline/wave_read.h"
#include "render/wave_comparison_render.h"
#include "waves/compare_waves.h"

namespace jtbd {
namespace cli {
namespace {

enum class Format { kTable, kJson, kCsv };

struct CompareArgs {
  Format format = Format::kTable;
  std::string segment_by;
  absl::optional<int> scale_min;
  absl::optional<int> scale_max;
  absl::optional<int> top_box_min;
  absl::optional<double> confidence;
  v1::PValueAdjustment adjustment = v1::P_VALUE_ADJUSTMENT_HOLM;
  OutputOptions output;    // -o, and the CSV options
  std::string first_path;  // "-": standard input
  std::string second_path;
  SurveyInputArgs input;  // --input-format, --labels, ... for both waves
  bool help = false;
};

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

UsageProblem ParseScale(absl::string_view value, CompareArgs* args) {
  const std::vector<absl::string_view> bounds = absl::StrSplit(value, '-');
  int min = 0;
  int max = 0;
  if (bounds.size() != 2 || !absl::SimpleAtoi(bounds[0], &min) ||
      !absl::SimpleAtoi(bounds[1], &max)) {
    return absl::StrCat("bad --scale \"", value,
                        "\" (expected MIN-MAX, such as 1-5)");
  }
  args->scale_min = min;
  args->scale_max = max;
  return "";
}

UsageProblem ParseArgs(const std::vector<std::string>& raw, CompareArgs* args) {
  auto takes_value = [](const std::string& name) {
    return name == "--format" || name == "--segment-by" || name == "--scale" ||
           name == "--top-box" || name == "--confidence-level" ||
           name == "--confidence" || name == "--adjust" ||
           IsSurveyInputFlag(name);
  };
  auto on_option = [args](const std::string& name,
                          const std::string& value) -> UsageProblem {
    if (IsSurveyInputFlag(name)) {
      return ParseSurveyInputFlag(name, value, &args->input);
    } else if (name == "--format") {
      return ParseFormat(value, &args->format);
    } else if (name == "--segment-by") {
      if (value.empty()) return "--segment-by needs a column name";
      args->segment_by = value;
    } else if (name == "--scale") {
      return ParseScale(value, args);
    } else if (name == "--top-box") {
      int top_box = 0;
      if (!absl::SimpleAtoi(value, &top_box)) {
        return absl::StrCat("bad --top-box \"", value,
                            "\" (expected a rating)");
      }
      args->top_box_min = top_box;
    } else if (name == "--confidence-level" || name == "--confidence") {
      double level = 0;
      // Written so that NaN fails too.
      if (!absl::SimpleAtod(value, &level) || !(level > 0 && level < 1)) {
        return absl::StrCat("bad ", name, " \"", value,
                            "\" (expected a level strictly between 0 and 1, "
                            "such as 0.9)");
      }
      args->confidence = level;
    } else if (name == "--adjust") {
      if (value == "holm") {
        args->adjustment = v1::P_VALUE_ADJUSTMENT_HOLM;
      } else if (value == "bh") {
        args->adjustment = v1::P_VALUE_ADJUSTMENT_BH;
      } else {
        return absl::StrCat("unknown --adjust \"", value,
                            "\" (expected holm or bh)");
      }
    }
    return "";
  };
  std::vector<std::string> rest = raw;
  UsageProblem problem =
      ExtractOutputOptions(takes_value, &rest, &args->output);
  if (!problem.empty()) return problem;
  ParsedArguments parsed;
  problem = WalkArguments(rest, takes_value, on_option, &parsed);
  if (!problem.empty()) return problem;
  problem = CheckCsvOptionsUse(args->output, args->format == Format::kCsv);
  if (!problem.empty()) return problem;
  args->help = parsed.help;
  if (args->help) return "";
  const std::vector<std::string>& positional = parsed.positional;
  if (positional.size() != 2) {
    return absl::StrCat(
        "expected two waves, WAVE1 WAVE2, got ", positional.size(),
        positional.empty()
            ? ""
            : absl::StrCat(": ", absl::StrJoin(positional, " ")));
  }
  args->first_path = positional[0];
  args->second_path = positional[1];
  if (args->first_path == "-" && args->second_path == "-") {
    return "standard input can feed one wave, not both";
  }
  return CheckSurveyInputArgs(args->input);
}

int Fail(const absl::Status& status) {
  std::fprintf(stderr, "jtbd: %s\n", std::string(status.message()).c_str());
  return kExitBadData;
}

absl::StatusOr<v1::WaveComparison> Compare(const CompareArgs& args,
                                           const ReadOptions& first_options,
                                           const ReadOptions& second_options,
                                           const v1::ScoringOptions& options) {
  const InputSource first = SourceOf(args.first_path);
  const InputSource second = SourceOf(args.second_path);
  if (args.segment_by.empty()) {
    absl::StatusOr<Aggregate> before = ReadWave(first, first_options);
    if (!before.ok()) return before.status();
    absl::StatusOr<Aggregate> after = ReadWave(second, second_options);
    if (!after.ok()) return after.status();
    return waves::CompareWaves(*before, *after, options);
  }
  absl::StatusOr<SegmentedAggregate> before =
      ReadSegmentedWave(first, first_options, args.segment_by);
  if (!before.ok()) return before.status();
  absl::StatusOr<SegmentedAggregate> after =
      ReadSegmentedWave(second, second_options, args.segment_by);
  if (!after.ok()) return after.status();
  return waves::CompareSegmentedWaves(*before, *after, options);
}

}  // namespace

const char* CompareSynopsis() {
  return "Usage: jtbd compare [--format table|json|csv] [--segment-by COLUMN]\n"
         "                    [--adjust holm|bh] [--confidence-level C]\n"
         "                    [--scale MIN-MAX] [--top-box N]\n"
         "                    [--input-format FORMAT] [--labels FILE]\n"
         "                    [--map FILE] [--weight COLUMN]\n"
         "                    [-o FILE] WAVE1 WAVE2\n"
         "Run `jtbd compare --help` for details.\n";
}

const char* CompareUsage() {
  static const std::string* const kUsage = new std::string(absl::StrCat(
      "Usage: jtbd compare [options] WAVE1 WAVE2\n"
      "\n"
      "What changed between two waves of a survey: per desired outcome,\n"
      "matched by id, importance, satisfaction and opportunity in each\n"
      "wave, the changes (WAVE2 - WAVE1) with their intervals (Newcombe's\n"
      "hybrid score interval for importance and satisfaction; for\n"
      "opportunity MOVER on each wave's moment-selection interval, the\n"
      "delta method under Olsen's), a two-proportion z-test per rating\n"
      "and a test of the opportunity change, p-values adjusted across every\n"
      "test of the comparison (Holm, or Benjamini-Hochberg with --adjust\n"
      "bh), a significant flag, and the outcomes that crossed a band.\n"
      "Outcomes or segments of one wave only are listed, not compared.\n"
      "The waves are taken as independent samples.\n"
      "\n"
      "Each wave is any survey `jtbd score` reads (each may be another\n"
      "export format; `-` reads standard input, for one wave) or an\n"
      "aggregate saved by jtbd (jtbd_aggregate_save_file), recognised by\n"
      "its signature.\n"
      "\n"
      "Options:\n"
      "  --format table|json|csv  output format (default: table); json is\n"
      "                           the jtbd.v1.WaveComparison protobuf JSON\n"
      "                           mapping (a `changes` array)\n"
      "  --segment-by COLUMN      also compare each value of this\n"
      "                           respondent column, matched by value\n"
      "                           (surveys only: a saved aggregate keeps no\n"
      "                           respondent attributes)\n"
      "  --adjust holm|bh         multiplicity adjustment (default: holm)\n"
      "  --confidence-level C     level of the intervals, strictly between\n"
      "                           0 and 1 (default: 0.95); changes are\n"
      "                           tested at 1 - C\n"
      "  --input-format, --importance, --satisfaction, --labels, --map,\n"
      "  --weight, --duration, --scale, --top-box: as for `jtbd score`,\n"
      "                           applied to both "
      "waves\n" JTBD_CLI_OUTPUT_OPTIONS_HELP
      "  -h, --help               print this help\n",
      LimitFlagsHelp(ResourceLimits(), /*with_request_limits=*/false),
      "\n"
      "Exit status: 0 success, 1 bad input data, 2 usage error.\n"));
  return kUsage->c_str();
}

int RunCompare(const std::vector<std::string>& raw_args) {
  CompareArgs args;
  const UsageProblem problem = ParseArgs(raw_args, &args);
  if (!problem.empty()) return UsageError(problem, CompareSynopsis());
  if (args.help) {
    std::fputs(CompareUsage(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitBadData;
  }
  const absl::StatusOr<Scale> scale = Scale::FromParts(
      Scale(), args.scale_min, args.scale_max, args.top_box_min);
  if (!scale.ok()) {
    return UsageError(std::string(scale.status().message()), CompareSynopsis());
  }
  const absl::StatusOr<ReadOptions> first_options =
      MakeReadOptions(args.input, *scale, SourceOf(args.first_path).name());
  if (!first_options.ok()) return Fail(first_options.status());
  const absl::StatusOr<ReadOptions> second_options =
      MakeReadOptions(args.input, *scale, SourceOf(args.second_path).name());
  if (!second_options.ok()) return Fail(second_options.status());

  v1::ScoringOptions options;
  if (args.confidence.has_value()) {
    options.set_confidence_level(*args.confidence);
  }
  options.set_p_value_adjustment(args.adjustment);
  const absl::StatusOr<v1::WaveComparison> comparison =
      Compare(args, *first_options, *second_options, options);
  CloseProgress();
  if (!comparison.ok()) return Fail(comparison.status());

  // The whole output exists before anything is written.
  absl::StatusOr<std::string> text;
  switch (args.format) {
    case Format::kJson:
      text = RenderWaveComparisonJson(*comparison);
      break;
    case Format::kCsv:
      text = RenderWaveComparisonCsv(*comparison);
      break;
    case Format::kTable:
      text = RenderWaveComparisonTable(*comparison);
      break;
  }
  if (!text.ok()) return Fail(text.status());
  const absl::Status written =
      WriteOutput(args.output, *text, args.format == Format::kCsv);
  if (!written.ok()) return Fail(written);
  return kExitOk;
}

}  // namespace cli
}  // namespace jtbd
