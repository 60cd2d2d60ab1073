// jtbd prioritize: the best portfolio of initiatives within a budget, from
// a survey's opportunity scores (docs/ROADMAP.md).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <iterator>
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
#include "core/aggregate.h"
#include "core/scale.h"
#include "core/segmented_scoring.h"
#include "io/saved_file.h"
#include "io/source_position.h"
#include "jtbd/v1/roadmap.pb.h"
#include "pipeline/input_source.h"
#include "pipeline/survey_read.h"
#include "render/roadmap_render.h"
#include "roadmap/initiatives_reader.h"
#include "roadmap/report_scores.h"
#include "roadmap/roadmap.h"
#include "roadmap/survey_scores.h"

namespace jtbd {
namespace cli {
namespace {

enum class Format { kTable, kJson, kCsv };

struct PrioritizeArgs {
  Format format = Format::kTable;
  absl::optional<double> budget;
  std::string segment_by;
  absl::optional<uint64_t> node_limit;
  absl::optional<double> time_limit;
  absl::optional<uint32_t> resamples;
  absl::optional<uint64_t> seed;
  std::vector<double> frontier;
  absl::optional<int> scale_min;
  absl::optional<int> scale_max;
  absl::optional<int> top_box_min;
  OutputOptions output;  // -o, and the CSV options
  std::string survey_path;
  std::string initiatives_path;
  SurveyInputArgs input;
  bool help = false;
};

using UsageProblem = std::string;

UsageProblem ParseNonNegative(absl::string_view name, absl::string_view value,
                              double* out) {
  if (!absl::SimpleAtod(value, out) || !std::isfinite(*out) || *out < 0) {
    return absl::StrCat("bad ", name, " \"", value,
                        "\" (expected a number, at least 0)");
  }
  return "";
}

UsageProblem OnOption(const std::string& name, const std::string& value,
                      PrioritizeArgs* args) {
  if (IsSurveyInputFlag(name)) {
    return ParseSurveyInputFlag(name, value, &args->input);
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
  } else if (name == "--budget") {
    double budget = 0;
    UsageProblem problem = ParseNonNegative(name, value, &budget);
    if (!problem.empty()) return problem;
    args->budget = budget;
  } else if (name == "--segment-by") {
    if (value.empty()) return "--segment-by needs a column name";
    args->segment_by = value;
  } else if (name == "--node-limit") {
    uint64_t nodes = 0;
    if (!absl::SimpleAtoi(value, &nodes) || nodes == 0) {
      return absl::StrCat("bad --node-limit \"", value,
                          "\" (expected a whole number, at least 1)");
    }
    args->node_limit = nodes;
  } else if (name == "--time-limit") {
    double seconds = 0;
    UsageProblem problem = ParseNonNegative(name, value, &seconds);
    if (!problem.empty()) return problem;
    args->time_limit = seconds;
  } else if (name == "--resamples") {
    uint32_t resamples = 0;
    if (!absl::SimpleAtoi(value, &resamples) ||
        resamples > roadmap::kMaxResamples) {
      return absl::StrCat("bad --resamples \"", value,
                          "\" (expected redraws from 0, none, to ",
                          roadmap::kMaxResamples, ")");
    }
    args->resamples = resamples;
  } else if (name == "--seed") {
    uint64_t seed = 0;
    if (!absl::SimpleAtoi(value, &seed)) {
      return absl::StrCat("bad --seed \"", value,
                          "\" (expected a whole number from 0 to 2^64 - 1)");
    }
    args->seed = seed;
  } else if (name == "--frontier") {
    for (absl::string_view part : absl::StrSplit(value, ',')) {
      double budget = 0;
      UsageProblem problem = ParseNonNegative(name, part, &budget);
      if (!problem.empty()) return problem;
      args->frontier.push_back(budget);
    }
  } else if (name == "--scale") {
    const std::vector<absl::string_view> bounds = absl::StrSplit(value, '-');
    int min = 0, max = 0;
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
  }
  return "";
}

UsageProblem ParseArgs(const std::vector<std::string>& raw,
                       PrioritizeArgs* args) {
  auto takes_value = [](const std::string& name) {
    return name == "--format" || name == "--budget" || name == "--segment-by" ||
           name == "--node-limit" || name == "--time-limit" ||
           name == "--resamples" || name == "--seed" || name == "--frontier" ||
           name == "--scale" || name == "--top-box" || IsSurveyInputFlag(name);
  };
  std::vector<std::string> rest = raw;
  UsageProblem problem =
      ExtractOutputOptions(takes_value, &rest, &args->output);
  if (!problem.empty()) return problem;
  ParsedArguments parsed;
  problem = WalkArguments(
      rest, takes_value,
      [args](const std::string& name, const std::string& value) {
        return OnOption(name, value, args);
      },
      &parsed);
  if (!problem.empty()) return problem;
  problem = CheckCsvOptionsUse(args->output, args->format == Format::kCsv);
  if (!problem.empty()) return problem;
  args->help = parsed.help;
  if (args->help) return "";
  if (parsed.positional.size() != 2) {
    return absl::StrCat("expected the SURVEY and the INITIATIVES files, got ",
                        parsed.positional.size(), " file name(s)");
  }
  args->survey_path = parsed.positional[0];
  args->initiatives_path = parsed.positional[1];
  if (args->survey_path == "-" && args->initiatives_path == "-") {
    return "standard input can feed the survey or the initiatives, not both";
  }
  if (!args->budget.has_value()) return "--budget is required";
  return CheckSurveyInputArgs(args->input);
}

// A file jtbd saved itself (`jtbd` aggregates) starts with this signature.
bool IsSavedFile(const std::string& path) {
  if (path == "-") return false;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return false;
  char head[4] = {};
  const size_t read = std::fread(head, 1, sizeof head, file);
  std::fclose(file);
  return read == 4 && absl::string_view(head, 4) == "\x89JTB";
}

struct Scores {
  roadmap::SurveyScores scores;
  std::vector<std::vector<roadmap::CollapsedTable>> tables;
};

// A report jtbd wrote as JSON (`jtbd score --format json`) starts, after
// any white space, with "{"; no survey export does.
bool IsJsonFile(const std::string& path) {
  if (path == "-") return false;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return false;
  int c = 0;
  while ((c = std::fgetc(file)) == ' ' || c == '\n' || c == '\r' || c == '\t') {
  }
  std::fclose(file);
  return c == '{';
}

absl::StatusOr<Scores> ReadReportScores(const PrioritizeArgs& args) {
  if (!args.segment_by.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(args.survey_path,
                     ": a report carries its own segments; drop --segment-by"));
  }
  if (args.resamples.value_or(0) > 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        args.survey_path,
        ": a report keeps no answers to redraw; --resamples needs the survey "
        "or a saved aggregate"));
  }
  std::FILE* file = std::fopen(args.survey_path.c_str(), "rb");
  if (file == nullptr) {
    return absl::NotFoundError(
        absl::StrCat(args.survey_path, ": cannot open the file"));
  }
  std::string text;
  char chunk[65536];
  size_t read = 0;
  while ((read = std::fread(chunk, 1, sizeof chunk, file)) > 0) {
    text.append(chunk, read);
  }
  std::fclose(file);
  absl::StatusOr<v1::Report> report =
      roadmap::ParseReportJson(text, args.survey_path);
  if (!report.ok()) return report.status();
  absl::StatusOr<roadmap::SurveyScores> scores =
      roadmap::ScoresOfReport(*report, args.survey_path);
  if (!scores.ok()) return scores.status();
  return Scores{*std::move(scores), {}};
}

absl::StatusOr<Scores> ReadScores(const PrioritizeArgs& args,
                                  const ReadOptions& read_options) {
  if (IsJsonFile(args.survey_path)) return ReadReportScores(args);
  Scores out;
  if (IsSavedFile(args.survey_path)) {
    if (!args.segment_by.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          args.survey_path,
          ": a saved aggregate has no respondent attributes to segment by"));
    }
    absl::StatusOr<Aggregate> aggregate = LoadAggregateFile(args.survey_path);
    if (!aggregate.ok()) return aggregate.status();
    out.scores = roadmap::ScoresOfAggregate(*aggregate, &out.tables);
    return out;
  }
  const InputSource source = SourceOf(args.survey_path);
  if (args.segment_by.empty()) {
    absl::StatusOr<Aggregate> aggregate =
        ReadSurveyAggregate(source, read_options);
    if (!aggregate.ok()) return aggregate.status();
    out.scores = roadmap::ScoresOfAggregate(*aggregate, &out.tables);
    return out;
  }
  absl::StatusOr<SegmentedAggregate> aggregates =
      ReadSurveySegmentedAggregate(source, read_options, args.segment_by);
  if (!aggregates.ok()) return aggregates.status();
  if (aggregates->segments.empty()) {
    return absl::NotFoundError(
        absl::StrCat(source.name(), ": line 1: no respondent has a value in \"",
                     args.segment_by, "\" to segment by"));
  }
  out.scores = roadmap::ScoresOfSegments(*aggregates, &out.tables);
  return out;
}

absl::StatusOr<std::vector<v1::Initiative>> ReadInitiatives(
    const std::string& path, const roadmap::SurveyScores& scores,
    const ResourceLimits& limits) {
  if (path == "-") {
    const std::string text((std::istreambuf_iterator<char>(std::cin)),
                           std::istreambuf_iterator<char>());
    return roadmap::ReadInitiativesCsv(text, "<stdin>", scores, limits);
  }
  return roadmap::ReadInitiativesCsvFile(path, scores, limits);
}

int Fail(const absl::Status& status) {
  std::fprintf(stderr, "jtbd: %s\n", std::string(status.message()).c_str());
  return kExitBadData;
}

}  // namespace

int RunPrioritize(const std::vector<std::string>& raw_args) {
  PrioritizeArgs args;
  const UsageProblem problem = ParseArgs(raw_args, &args);
  if (!problem.empty()) return UsageError(problem, PrioritizeSynopsis());
  if (args.help) {
    std::fputs(PrioritizeUsage(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitBadData;
  }
  const absl::StatusOr<Scale> scale = Scale::FromParts(
      Scale(), args.scale_min, args.scale_max, args.top_box_min);
  if (!scale.ok()) {
    return UsageError(std::string(scale.status().message()),
                      PrioritizeSynopsis());
  }
  const absl::StatusOr<ReadOptions> read_options =
      MakeReadOptions(args.input, *scale, SourceOf(args.survey_path).name());
  if (!read_options.ok()) return Fail(read_options.status());
  const absl::StatusOr<Scores> scores = ReadScores(args, *read_options);
  CloseProgress();
  if (!scores.ok()) return Fail(scores.status());
  const absl::StatusOr<std::vector<v1::Initiative>> initiatives =
      ReadInitiatives(args.initiatives_path, scores->scores, args.input.limits);
  if (!initiatives.ok()) return Fail(initiatives.status());

  v1::RoadmapOptions options;
  options.set_budget(*args.budget);
  if (args.node_limit.has_value()) options.set_node_limit(*args.node_limit);
  if (args.time_limit.has_value()) {
    options.set_time_limit_seconds(*args.time_limit);
  }
  if (args.resamples.has_value()) options.set_resamples(*args.resamples);
  if (args.seed.has_value()) options.set_seed(*args.seed);
  for (double budget : args.frontier) options.add_frontier_budgets(budget);
  const absl::StatusOr<v1::RoadmapReport> report = roadmap::BuildRoadmap(
      scores->scores, scores->tables, *initiatives, options);
  if (!report.ok()) return Fail(report.status());

  absl::StatusOr<std::string> text;
  switch (args.format) {
    case Format::kJson:
      text = RenderRoadmapJson(*report);
      break;
    case Format::kCsv:
      text = RenderRoadmapCsv(*report);
      break;
    case Format::kTable:
      text = RenderRoadmapTable(*report);
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
