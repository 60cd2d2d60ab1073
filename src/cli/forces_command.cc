// jtbd forces: the switching forces of a set of switch interviews, with a
// propensity model; or a saved model applied to open interviews (--apply).
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/output_options.h"
#include "forces/forces_analysis.h"
#include "forces/interview_reader.h"
#include "forces/propensity_model.h"
#include "render/forces_render.h"

namespace jtbd {
namespace cli {
namespace {

enum class Format { kTable, kJson, kCsv };

struct ForcesArgs {
  Format format = Format::kTable;
  std::string input_path;
  OutputOptions output;  // -o, and the CSV options
  std::string save_model_path;
  std::string apply_model_path;
  forces::ForcesAnalysisOptions options;
  // Analysis options given, by flag, so that --apply can refuse them.
  std::vector<std::string> fit_flags;
  bool help = false;
};

using UsageProblem = std::string;

bool IsFitOption(const std::string& name) {
  return name == "--segment-by" || name == "--model-segment-by" ||
         name == "--folds" || name == "--seed" || name == "--l2" ||
         name == "--confidence" || name == "--save-model";
}

bool TakesValue(const std::string& name) {
  return IsFitOption(name) || name == "--format" || name == "--apply";
}

UsageProblem ParseFitOption(const std::string& name, const std::string& value,
                            ForcesArgs* args) {
  forces::ForcesAnalysisOptions& options = args->options;
  if (name == "--segment-by") {
    if (value.empty()) return "--segment-by needs a column name";
    options.segment_by = value;
  } else if (name == "--model-segment-by") {
    if (value.empty()) return "--model-segment-by needs a column name";
    options.model.segment_by = value;
  } else if (name == "--folds") {
    uint32_t folds = 0;
    if (!absl::SimpleAtoi(value, &folds) || folds < 2 || folds > 100) {
      return absl::StrCat("bad --folds \"", value,
                          "\" (expected a whole number from 2 to 100)");
    }
    options.model.folds = folds;
  } else if (name == "--seed") {
    if (!absl::SimpleAtoi(value, &options.model.seed)) {
      return absl::StrCat("bad --seed \"", value,
                          "\" (expected a whole number from 0 to 2^64 - 1)");
    }
  } else if (name == "--l2") {
    double lambda = 0;
    if (!absl::SimpleAtod(value, &lambda) || !(lambda >= 0) || lambda > 1e12) {
      return absl::StrCat("bad --l2 \"", value,
                          "\" (expected a penalty >= 0, such as 1)");
    }
    options.model.l2_penalty = lambda;
  } else if (name == "--confidence") {
    double level = 0;
    if (!absl::SimpleAtod(value, &level) || !(level > 0 && level < 1)) {
      return absl::StrCat("bad --confidence \"", value,
                          "\" (expected a level strictly between 0 and 1, "
                          "such as 0.9)");
    }
    options.confidence_level = level;
  } else if (name == "--save-model") {
    if (value.empty() || value == "-") {
      return "--save-model needs a file name (the model is binary, not for "
             "standard output)";
    }
    args->save_model_path = value;
  }
  return "";
}

UsageProblem ParseArgs(const std::vector<std::string>& raw, ForcesArgs* args) {
  auto on_option = [args](const std::string& name,
                          const std::string& value) -> UsageProblem {
    if (IsFitOption(name)) {
      args->fit_flags.push_back(name);
      return ParseFitOption(name, value, args);
    }
    if (name == "--format") {
      if (value == "table") {
        args->format = Format::kTable;
      } else if (value == "json") {
        args->format = Format::kJson;
      } else if (value == "csv") {
        args->format = Format::kCsv;
      } else {
        return absl::StrCat("unknown format \"", value,
                            "\" (expected table, json or csv)");
      }
      return "";
    }
    if (value.empty()) return "--apply needs a model file name";
    args->apply_model_path = value;
    return "";
  };
  std::vector<std::string> rest = raw;
  UsageProblem problem = ExtractOutputOptions(TakesValue, &rest, &args->output);
  if (!problem.empty()) return problem;
  ParsedArguments parsed;
  problem = WalkArguments(rest, TakesValue, on_option, &parsed);
  if (!problem.empty()) return problem;
  problem = CheckCsvOptionsUse(args->output, args->format == Format::kCsv);
  if (!problem.empty()) return problem;
  args->help = parsed.help;
  if (args->help) return "";
  if (parsed.positional.empty()) return "missing the interviews FILE";
  if (parsed.positional.size() > 1) {
    return absl::StrCat("expected one interviews FILE, got ",
                        parsed.positional.size(), ": ",
                        absl::StrJoin(parsed.positional, " "));
  }
  args->input_path = parsed.positional[0];
  if (!args->apply_model_path.empty()) {
    if (!args->fit_flags.empty()) {
      return absl::StrCat(args->fit_flags[0],
                          " configures an analysis; --apply scores with a "
                          "saved model (drop one of them)");
    }
    if (args->apply_model_path == "-") {
      return "--apply needs a model file name (not standard input)";
    }
  }
  return "";
}

int Fail(const absl::Status& status) {
  std::fprintf(stderr, "jtbd: %s\n", std::string(status.message()).c_str());
  return kExitBadData;
}

absl::Status WriteOutput(const ForcesArgs& args, const std::string& text) {
  return cli::WriteOutput(args.output, text, args.format == Format::kCsv);
}

int RunApply(const ForcesArgs& args) {
  const absl::StatusOr<forces::PropensityModel> model =
      forces::LoadPropensityModelFile(args.apply_model_path);
  if (!model.ok()) return Fail(model.status());
  forces::InterviewReadOptions read_options;
  read_options.require_outcome = false;
  const absl::StatusOr<v1::SwitchInterviews> interviews =
      forces::ReadInterviewsFile(args.input_path, read_options);
  if (!interviews.ok()) return Fail(interviews.status());
  v1::ForcePredictions predictions;
  for (const v1::SwitchInterview& interview : interviews->interviews()) {
    *predictions.add_predictions() = model->Predict(interview);
  }
  absl::StatusOr<std::string> text;
  switch (args.format) {
    case Format::kJson:
      text = RenderForcePredictionsJson(predictions);
      break;
    case Format::kCsv:
      text = RenderForcePredictionsCsv(predictions);
      break;
    case Format::kTable:
      text = RenderForcePredictionsTable(predictions);
      break;
  }
  if (!text.ok()) return Fail(text.status());
  if (absl::Status written = WriteOutput(args, *text); !written.ok()) {
    return Fail(written);
  }
  return kExitOk;
}

int RunAnalysis(const ForcesArgs& args) {
  const absl::StatusOr<v1::SwitchInterviews> interviews =
      forces::ReadInterviewsFile(args.input_path);
  if (!interviews.ok()) return Fail(interviews.status());
  const absl::StatusOr<v1::ForcesReport> report =
      forces::AnalyzeForces(*interviews, args.options);
  if (!report.ok()) return Fail(report.status());
  if (!args.save_model_path.empty()) {
    // Asked for a model: none is a failure, not a note.
    if (!report->has_model()) {
      return Fail(absl::FailedPreconditionError(
          absl::StrCat("no model to save: ", report->model_note())));
    }
    const absl::StatusOr<forces::PropensityModel> model =
        forces::PropensityModel::FromProto(report->model().fitted());
    if (!model.ok()) return Fail(model.status());
    if (absl::Status saved =
            forces::SavePropensityModelFile(*model, args.save_model_path);
        !saved.ok()) {
      return Fail(saved);
    }
  }
  absl::StatusOr<std::string> text;
  switch (args.format) {
    case Format::kJson:
      text = RenderForcesJson(*report);
      break;
    case Format::kCsv:
      text = RenderForcesCsv(*report);
      break;
    case Format::kTable:
      text = RenderForcesTable(*report);
      break;
  }
  if (!text.ok()) return Fail(text.status());
  if (absl::Status written = WriteOutput(args, *text); !written.ok()) {
    return Fail(written);
  }
  // The CSV holds the forces only: say why there is no model on stderr.
  if (args.format == Format::kCsv && !report->has_model() &&
      !report->model_note().empty()) {
    std::fprintf(stderr, "jtbd: note: no propensity model: %s\n",
                 report->model_note().c_str());
  }
  return kExitOk;
}

}  // namespace

const char* ForcesSynopsis() {
  return "Usage: jtbd forces [--format table|json|csv] [--segment-by COLUMN]\n"
         "                   [--model-segment-by COLUMN]\n"
         "                   [--folds K] [--seed S] [--l2 LAMBDA]\n"
         "                   [--confidence LEVEL] [--save-model FILE]\n"
         "                   [-o FILE] FILE\n"
         "       jtbd forces --apply MODEL [--format table|json|csv]\n"
         "                   [-o FILE] FILE\n"
         "Run `jtbd forces --help` for details.\n";
}

const char* ForcesUsage() {
  return "Usage: jtbd forces [options] FILE\n"
         "       jtbd forces --apply MODEL [options] FILE\n"
         "\n"
         "The switching forces of the switch interviews in FILE (push of the\n"
         "situation, pull of the new solution, anxiety of the new, habit of\n"
         "the present; docs/FORCES.md). FILE is CSV, one row per force\n"
         "observation: interview, force (push|pull|anxiety|habit or\n"
         "pouss\xC3\xA9"
         "e|attraction|anxi\xC3\xA9t\xC3\xA9|habitude), "
         "intensity (1-5),\n"
         "switched (1/0, yes/no, oui/non; the same on every row of an\n"
         "interview), optional quote, source, moment (choice|use), stage and\n"
         "date (timeline), solution_left, solution_hired; other columns are\n"
         "attributes. UTF-8 or UTF-16, separated by , ; or TAB. A .json or\n"
         ".pb/.binpb FILE is a jtbd.v1.SwitchInterviews message.\n"
         "\n"
         "Prints per force its prevalence (Wilson interval) and mean\n"
         "intensity among the interviews that mention it (Student t\n"
         "interval), overall, per segment and per solution left and hired;\n"
         "the balance push + pull - anxiety - habit and how often\n"
         "\"balance > 0\" agrees with the outcome; days between timeline\n"
         "stages; switchers vs stayers per force (Mann-Whitney U, Holm);\n"
         "and a propensity model: L2-penalised logistic regression of\n"
         "switched on the four intensities, with its cross-validated AUC,\n"
         "Brier score, reliability table and coefficient intervals.\n"
         "\n"
         "With --apply MODEL, scores every interview of FILE (the switched\n"
         "column may be absent) with a model saved by --save-model: the\n"
         "probability of a switch and each force's contribution.\n"
         "\n"
         "Options:\n"
         "  --format table|json|csv  output format (default: table); json is\n"
         "                           the jtbd.v1.ForcesReport protobuf JSON\n"
         "                           mapping (with --apply,\n"
         "                           jtbd.v1.ForcePredictions); csv is one\n"
         "                           row per force and group\n"
         "  --segment-by COLUMN      the attribute whose values are segments\n"
         "                           (default: a column named segment)\n"
         "  --model-segment-by COLUMN\n"
         "                           also give the model one weight per\n"
         "                           value of COLUMN but the first (sorted)\n"
         "  --folds K                cross-validation folds (default: 5)\n"
         "  --seed S                 seed of the folds (default: 42)\n"
         "  --l2 LAMBDA              L2 penalty on the force weights, not\n"
         "                           the intercept (default: 1;\n"
         "                           scikit-learn's C = 1/LAMBDA)\n"
         "  --confidence LEVEL       level of every interval (default: 0.95)\n"
         "  --save-model FILE        also write the fitted model to FILE\n"
         "                           (jtbd saved file), atomically\n"
         "  --apply MODEL            score FILE's interviews with a saved\n"
         "                           model\n" JTBD_CLI_OUTPUT_OPTIONS_HELP
         "  -h, --help               print this help\n"
         "\n"
         "Exit status: 0 success, 1 bad input data, 2 usage error.\n";
}

int RunForces(const std::vector<std::string>& raw_args) {
  ForcesArgs args;
  const UsageProblem problem = ParseArgs(raw_args, &args);
  if (!problem.empty()) return UsageError(problem, ForcesSynopsis());
  if (args.help) {
    std::fputs(ForcesUsage(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitBadData;
  }
  return args.apply_model_path.empty() ? RunAnalysis(args) : RunApply(args);
}

}  // namespace cli
}  // namespace jtbd
