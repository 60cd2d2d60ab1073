// jtbd segment: finds outcome-based segments in a survey and profiles them,
// or tags a survey's respondents with a saved segment model (--apply).
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
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
#include "io/saved_file.h"
#include "io/survey_reader.h"
#include "jtbd/v1/segmentation.pb.h"
#include "pipeline/segment_survey.h"
#include "render/respondent_segments_render.h"
#include "render/segmentation_render.h"
#include "segments/segment_model.h"
#include "segments/segmentation.h"

namespace jtbd {
namespace cli {
namespace {

enum class Format { kTable, kJson, kCsv };

struct SegmentArgs {
  Format format = Format::kTable;
  absl::optional<int> scale_min;
  absl::optional<int> scale_max;
  absl::optional<int> top_box_min;
  SurveyInputArgs input;   // --input-format, --labels, --map, ...
  std::string input_path;  // "-": standard input
  OutputOptions output;    // -o, and the CSV options
  std::string save_model_path;
  std::string apply_model_path;  // --apply: tag with this model
  // The fit; unset means the library's defaults.
  v1::SegmentationOptions options;
  // Fit options given, by flag, so that --apply can refuse them.
  std::vector<std::string> fit_flags;
  bool help = false;
};

// A usage problem found while parsing; empty when the arguments are fine.
using UsageProblem = std::string;

// Switches take no value; the shared walker knows only options with values,
// so they are taken out first (up to "--", skipping the values of options
// that take one, as the walker would read them).
constexpr absl::string_view kPcaSwitch = "--pca";

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

// A whole number between `low` and `high` for option `name`.
UsageProblem ParseCount(absl::string_view name, absl::string_view value,
                        uint32_t low, uint32_t high, uint32_t* count) {
  if (!absl::SimpleAtoi(value, count) || *count < low || *count > high) {
    return absl::StrCat("bad ", name, " \"", value, "\" (expected a whole ",
                        "number from ", low, " to ", high, ")");
  }
  return "";
}

UsageProblem ParseScale(absl::string_view value, SegmentArgs* args) {
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

UsageProblem ParseFitOption(const std::string& name, const std::string& value,
                            SegmentArgs* args) {
  v1::SegmentationOptions& options = args->options;
  uint32_t count = 0;
  UsageProblem problem;
  if (name == "--k") {
    problem = ParseCount(name, value, 2, SegmentationPlan::kMaxK, &count);
    options.set_k(count);
  } else if (name == "--min-k") {
    problem = ParseCount(name, value, 2, SegmentationPlan::kMaxK, &count);
    options.set_min_k(count);
  } else if (name == "--max-k") {
    problem = ParseCount(name, value, 2, SegmentationPlan::kMaxK, &count);
    options.set_max_k(count);
  } else if (name == "--starts") {
    problem = ParseCount(name, value, 1, SegmentationPlan::kMaxStarts, &count);
    options.set_starts(count);
  } else if (name == "--threads") {
    problem = ParseCount(name, value, 0, SegmentationPlan::kMaxThreads, &count);
    options.set_threads(count);
  } else if (name == "--seed") {
    uint64_t seed = 0;
    if (!absl::SimpleAtoi(value, &seed)) {
      return absl::StrCat("bad --seed \"", value,
                          "\" (expected a whole number from 0 to 2^64 - 1)");
    }
    options.set_seed(seed);
  } else if (name == "--feature") {
    if (value == "top-box") {
      options.set_feature(v1::SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY);
    } else if (value == "ratings") {
      options.set_feature(v1::SEGMENT_FEATURE_RATING_OPPORTUNITY);
    } else {
      return absl::StrCat("unknown --feature \"", value,
                          "\" (expected top-box or ratings)");
    }
  } else if (name == "--confidence") {
    double level = 0;
    // Written so that NaN fails too.
    if (!absl::SimpleAtod(value, &level) || !(level > 0 && level < 1)) {
      return absl::StrCat("bad --confidence \"", value,
                          "\" (expected a level strictly between 0 and 1, ",
                          "such as 0.9)");
    }
    options.mutable_scoring()->set_confidence_level(level);
  } else if (name == "--bootstrap") {
    problem =
        ParseCount(name, value, 0, ScoringPlan::kMaxBootstrapResamples, &count);
    options.mutable_scoring()->set_bootstrap_resamples(count);
  } else if (name == "--adjust") {
    if (value == "holm") {
      options.mutable_scoring()->set_p_value_adjustment(
          v1::P_VALUE_ADJUSTMENT_HOLM);
    } else if (value == "bh") {
      options.mutable_scoring()->set_p_value_adjustment(
          v1::P_VALUE_ADJUSTMENT_BH);
    } else {
      return absl::StrCat("unknown --adjust \"", value,
                          "\" (expected holm or bh)");
    }
  } else if (name == "--min-attribute-count") {
    problem = ParseCount(name, value, 0, UINT32_MAX, &count);
    options.set_min_attribute_count(count);
  } else if (name == "--save-model") {
    if (value.empty()) return "--save-model needs a file name";
    if (value == "-") {
      return "--save-model needs a file name (the model is binary, not for "
             "standard output)";
    }
    args->save_model_path = value;
  }
  return problem;
}

bool IsFitOption(const std::string& name) {
  return name == "--k" || name == "--min-k" || name == "--max-k" ||
         name == "--starts" || name == "--threads" || name == "--seed" ||
         name == "--feature" || name == "--confidence" ||
         name == "--bootstrap" || name == "--adjust" ||
         name == "--min-attribute-count" || name == "--save-model";
}

bool TakesValue(const std::string& name) {
  return IsFitOption(name) || name == "--format" || name == "--scale" ||
         name == "--top-box" || name == "--apply" || IsSurveyInputFlag(name);
}

// Moves the switches from `raw` into `args`, leaving the rest for the
// walker in `rest`.
UsageProblem TakeSwitches(const std::vector<std::string>& raw,
                          SegmentArgs* args, std::vector<std::string>* rest) {
  for (size_t i = 0; i < raw.size(); ++i) {
    const std::string& arg = raw[i];
    if (arg == "--") {
      rest->insert(rest->end(), raw.begin() + i, raw.end());
      break;
    }
    if (arg == kPcaSwitch) {
      args->options.set_principal_components(true);
      args->fit_flags.push_back(arg);
      continue;
    }
    if (absl::StartsWith(arg, absl::StrCat(kPcaSwitch, "="))) {
      return absl::StrCat(kPcaSwitch, " takes no value");
    }
    rest->push_back(arg);
    // "--name value": the value is the next argument, whatever it looks like.
    if (arg.size() > 2 && arg[0] == '-' && arg.find('=') == std::string::npos &&
        TakesValue(arg) && i + 1 < raw.size()) {
      rest->push_back(raw[++i]);
    }
  }
  return "";
}

UsageProblem ParseArgs(const std::vector<std::string>& raw, SegmentArgs* args) {
  auto on_option = [args](const std::string& name,
                          const std::string& value) -> UsageProblem {
    if (IsFitOption(name)) {
      args->fit_flags.push_back(name);
      return ParseFitOption(name, value, args);
    }
    if (IsSurveyInputFlag(name)) {
      return ParseSurveyInputFlag(name, value, &args->input);
    }
    if (name == "--format") return ParseFormat(value, &args->format);
    if (name == "--scale") return ParseScale(value, args);
    if (name == "--top-box") {
      int top_box = 0;
      if (!absl::SimpleAtoi(value, &top_box)) {
        return absl::StrCat("bad --top-box \"", value,
                            "\" (expected a rating)");
      }
      args->top_box_min = top_box;
      return "";
    }
    if (value.empty()) return "--apply needs a model file name";
    args->apply_model_path = value;
    return "";
  };
  std::vector<std::string> outputless = raw;
  UsageProblem problem =
      ExtractOutputOptions(TakesValue, &outputless, &args->output);
  if (!problem.empty()) return problem;
  std::vector<std::string> rest;
  problem = TakeSwitches(outputless, args, &rest);
  if (!problem.empty()) return problem;
  ParsedArguments parsed;
  problem = WalkArguments(rest, TakesValue, on_option, &parsed);
  if (!problem.empty()) return problem;
  problem = CheckCsvOptionsUse(args->output, args->format == Format::kCsv);
  if (!problem.empty()) return problem;
  args->help = parsed.help;
  if (args->help) return "";
  const std::vector<std::string>& positional = parsed.positional;
  if (positional.empty()) return "missing the survey FILE";
  if (positional.size() > 1) {
    return absl::StrCat("expected one survey FILE, got ", positional.size(),
                        ": ", absl::StrJoin(positional, " "));
  }
  args->input_path = positional[0];
  if (!args->apply_model_path.empty()) {
    if (!args->fit_flags.empty()) {
      return absl::StrCat(args->fit_flags[0],
                          " configures a fit; --apply tags with a saved "
                          "model (drop one of them)");
    }
    if (args->apply_model_path == "-" && args->input_path == "-") {
      return "standard input can feed the survey or --apply, not both";
    }
  }
  const v1::SegmentationOptions& options = args->options;
  if (options.k() != 0 && (options.min_k() != 0 || options.max_k() != 0)) {
    return "--k fixes the number of segments; --min-k and --max-k choose it "
           "(give one or the other)";
  }
  const uint32_t min_k =
      options.min_k() != 0 ? options.min_k() : SegmentationPlan::kDefaultMinK;
  const uint32_t max_k =
      options.max_k() != 0 ? options.max_k() : SegmentationPlan::kDefaultMaxK;
  if (options.k() == 0 && min_k > max_k) {
    return absl::StrCat("--min-k ", min_k, " is above --max-k ", max_k);
  }
  return CheckSurveyInputArgs(args->input);
}

// The scale from the flags: 1-5 unless given (the model's with --apply),
// top box from MAX - 1 (Ulwick's top two box) unless given.
absl::StatusOr<Scale> ScaleFromArgs(const SegmentArgs& args,
                                    const Scale& defaults) {
  return Scale::FromParts(defaults, args.scale_min, args.scale_max,
                          args.top_box_min);
}

int Fail(const absl::Status& status) {
  std::fprintf(stderr, "jtbd: %s\n", std::string(status.message()).c_str());
  return kExitBadData;
}

absl::Status WriteOutput(const SegmentArgs& args, const std::string& text) {
  return cli::WriteOutput(args.output, text, args.format == Format::kCsv);
}

absl::StatusOr<ReadOptions> ReadOptionsFromArgs(const SegmentArgs& args,
                                                const Scale& scale) {
  return MakeReadOptions(args.input, scale, SourceOf(args.input_path).name());
}

int RunApply(const SegmentArgs& args) {
  const absl::StatusOr<SegmentModel> model =
      ReadSegmentModel(SourceOf(args.apply_model_path));
  if (!model.ok()) return Fail(model.status());
  const absl::StatusOr<Scale> scale = ScaleFromArgs(args, model->scale());
  if (!scale.ok()) {
    return UsageError(std::string(scale.status().message()), SegmentSynopsis());
  }
  const absl::StatusOr<ReadOptions> read_options =
      ReadOptionsFromArgs(args, *scale);
  if (!read_options.ok()) return Fail(read_options.status());
  const absl::StatusOr<RespondentSegments> respondents =
      TagSurveyRespondents(SourceOf(args.input_path), *read_options, *model);
  CloseProgress();
  if (!respondents.ok()) return Fail(respondents.status());
  absl::StatusOr<std::string> text;
  switch (args.format) {
    case Format::kJson:
      text = RenderRespondentSegmentsJson(*respondents);
      break;
    case Format::kCsv:
      text = RenderRespondentSegmentsCsv(*respondents);
      break;
    case Format::kTable:
      text = RenderRespondentSegmentsTable(*respondents,
                                           static_cast<uint32_t>(model->k()));
      break;
  }
  if (!text.ok()) return Fail(text.status());
  if (absl::Status written = WriteOutput(args, *text); !written.ok()) {
    return Fail(written);
  }
  return kExitOk;
}

int RunFit(const SegmentArgs& args) {
  const absl::StatusOr<Scale> scale = ScaleFromArgs(args, Scale());
  if (!scale.ok()) {
    return UsageError(std::string(scale.status().message()), SegmentSynopsis());
  }
  // Every option checked before the data is read.
  if (absl::StatusOr<SegmentationPlan> plan =
          MakeSegmentationPlan(args.options);
      !plan.ok()) {
    return UsageError(std::string(plan.status().message()), SegmentSynopsis());
  }
  const absl::StatusOr<ReadOptions> read_options =
      ReadOptionsFromArgs(args, *scale);
  if (!read_options.ok()) return Fail(read_options.status());
  const absl::StatusOr<Segmentation> segmentation =
      SegmentSurvey(SourceOf(args.input_path), *read_options, args.options);
  CloseProgress();
  if (!segmentation.ok()) return Fail(segmentation.status());
  // The whole output exists before anything is written, so a failure never
  // leaves a partial report (or a model without its report) behind.
  absl::StatusOr<std::string> text;
  std::string notes;
  switch (args.format) {
    case Format::kJson:
      text = RenderSegmentationJson(segmentation->report);
      break;
    case Format::kCsv:
      text = RenderSegmentationCsv(segmentation->report);
      // The CSV is respondent_id,cluster only; what it cannot say goes to
      // stderr once it is written, so a pipeline still learns which
      // attributes were set aside.
      notes = RenderSegmentationNotes(segmentation->report);
      break;
    case Format::kTable:
      text = RenderSegmentationTable(segmentation->report);
      break;
  }
  if (!text.ok()) return Fail(text.status());
  if (!args.save_model_path.empty()) {
    if (absl::Status saved =
            SaveSegmentModelFile(segmentation->model, args.save_model_path);
        !saved.ok()) {
      return Fail(saved);
    }
  }
  if (absl::Status written = WriteOutput(args, *text); !written.ok()) {
    return Fail(written);
  }
  if (!notes.empty()) std::fprintf(stderr, "jtbd: note: %s", notes.c_str());
  return kExitOk;
}

}  // namespace

const char* SegmentSynopsis() {
  return "Usage: jtbd segment [--k K | --min-k N --max-k N] [--starts N]\n"
         "                    [--seed S] [--feature top-box|ratings] [--pca]\n"
         "                    [--threads N] [--confidence LEVEL]\n"
         "                    [--bootstrap N] [--adjust holm|bh]\n"
         "                    [--min-attribute-count N]\n"
         "                    [--save-model FILE]\n"
         "                    [--format table|json|csv] [-o FILE]\n"
         "                    [survey input options] FILE\n"
         "       jtbd segment --apply MODEL [--format table|json|csv]\n"
         "                    [-o FILE] [survey input options] FILE\n"
         "Run `jtbd segment --help` for details.\n";
}

const char* SegmentUsage() {
  // Built once: the limit flags are the text every command shares
  // (cli/survey_input.h).
  static const std::string* const kUsage = new std::string(absl::StrCat(
      "Usage: jtbd segment [options] FILE\n"
      "       jtbd segment --apply MODEL [options] FILE\n"
      "\n"
      "Finds the segments of respondents who share a pattern of unmet\n"
      "outcomes in the survey in FILE (read as `jtbd score` reads it):\n"
      "per respondent and outcome a feature, standardised, optionally\n"
      "projected on principal components, then k-means with k-means++\n"
      "starts for each k, k chosen by the highest mean silhouette.\n"
      "Prints the silhouette of every k tried and, per segment, its size\n"
      "and share, its most underserved outcomes, the outcomes more\n"
      "underserved than for the other respondents (z-tests, Holm across\n"
      "segments and outcomes) and the respondent attribute values\n"
      "over-represented in it (Fisher's exact test; identifier-like\n"
      "columns such as ids and emails are set aside).\n"
      "Same seed and data, same segments, with any number of threads.\n"
      "\n"
      "With --apply MODEL, tags every respondent of FILE with the segment\n"
      "of a model saved by --save-model (segment 0: no usable answer).\n"
      "\n"
      "Options:\n"
      "  --k K                    fit exactly K segments\n"
      "  --min-k N, --max-k N     choose k among N..N by mean silhouette\n"
      "                           (default: 2..8)\n"
      "  --starts N               k-means++ starts per k (default: 25)\n"
      "  --seed S                 seed of the starts and of the silhouette\n"
      "                           sample (default: 42)\n"
      "  --feature top-box|ratings\n"
      "                           top-box: 0, 10 or 20 per outcome, the\n"
      "                           ODI way (default); ratings: I + max(I -\n"
      "                           S, 0) on the raw ratings\n"
      "  --pca                    cluster on the principal components with\n"
      "                           eigenvalue above 1 (at least 2)\n"
      "  --threads N              worker threads (default 0: one per core)\n"
      "  --confidence LEVEL       confidence of the segments' intervals "
      "and\n"
      "                           tests (default: 0.95)\n"
      "  --bootstrap N            bootstrap resamples per outcome for the\n"
      "                           segments' opportunity intervals "
      "(default:\n"
      "                           2000; 0: delta method only)\n"
      "  --adjust holm|bh         adjustment of the segments' outcome tests\n"
      "                           over all segments and outcomes (default:\n"
      "                           holm; bh: Benjamini-Hochberg)\n"
      "  --min-attribute-count N  list an attribute value as over-\n"
      "                           represented only when at least N of the\n"
      "                           segment's respondents hold it (default: 5)\n"
      "  --save-model FILE        also write the fitted "
      "jtbd.v1.SegmentModel\n"
      "                           (binary protobuf) to FILE, atomically\n"
      "  --apply MODEL            tag FILE's respondents with a saved "
      "model\n"
      "                           (the scale defaults to the model's)\n"
      "  --format table|json|csv  output format (default: table); json is\n"
      "                           the jtbd.v1.SegmentationReport protobuf\n"
      "                           JSON mapping (with --apply, "
      "{\"respondents\":\n"
      "                           [{\"respondentId\", \"cluster\"}]}); csv "
      "is\n"
      "                           respondent_id,cluster per "
      "respondent\n" JTBD_CLI_OUTPUT_OPTIONS_HELP
      "  --input-format, --importance, --satisfaction, --labels, --map,\n"
      "  --weight, --scale, --top-box: as for `jtbd score`\n"
      "  -h, --help               print this help\n",
      LimitFlagsHelp(ResourceLimits(), /*with_request_limits=*/false),
      "\n"
      "Exit status: 0 success, 1 bad input data, 2 usage error.\n"));
  return kUsage->c_str();
}

int RunSegment(const std::vector<std::string>& raw_args) {
  SegmentArgs args;
  const UsageProblem problem = ParseArgs(raw_args, &args);
  if (!problem.empty()) return UsageError(problem, SegmentSynopsis());
  if (args.help) {
    std::fputs(SegmentUsage(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitBadData;
  }
  return args.apply_model_path.empty() ? RunFit(args) : RunApply(args);
}

}  // namespace cli
}  // namespace jtbd
