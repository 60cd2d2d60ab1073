#include "cli/report_sections_input.h"

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "cli/survey_input.h"
#include "core/aggregate.h"
#include "core/scale.h"
#include "forces/forces_analysis.h"
#include "forces/interview_reader.h"
#include "pipeline/input_source.h"
#include "pipeline/survey_read.h"
#include "pipeline/wave_read.h"
#include "roadmap/initiatives_reader.h"
#include "roadmap/roadmap.h"
#include "roadmap/survey_scores.h"
#include "waves/compare_waves.h"

namespace jtbd {
namespace cli {
namespace {

std::string ParseNonNegative(const std::string& name, const std::string& value,
                             double* out) {
  if (!absl::SimpleAtod(value, out) || !std::isfinite(*out) || *out < 0) {
    return absl::StrCat("bad ", name, " \"", value,
                        "\" (expected a number >= 0)");
  }
  return "";
}

absl::StatusOr<ReadOptions> SurveyReadOptions(const ReportInputArgs& input,
                                              const std::string& path) {
  const absl::StatusOr<Scale> scale = Scale::FromParts(
      Scale(), input.scale_min, input.scale_max, input.top_box_min);
  if (!scale.ok()) return scale.status();
  return MakeReadOptions(input.input, *scale, SourceOf(path).name());
}

// As `jtbd forces FILE` (with the report's --confidence, if given).
absl::StatusOr<v1::ForcesReport> Forces(const ReportSectionsArgs& sections,
                                        const ReportInputArgs& input) {
  const absl::StatusOr<v1::SwitchInterviews> interviews =
      forces::ReadInterviewsFile(sections.interviews_path);
  if (!interviews.ok()) return interviews.status();
  forces::ForcesAnalysisOptions options;
  if (input.confidence.has_value()) {
    options.confidence_level = *input.confidence;
  }
  return forces::AnalyzeForces(*interviews, options);
}

// As `jtbd compare PREVIOUS FILE` (Holm, the report's --confidence).
absl::StatusOr<v1::WaveComparison> Waves(const ReportSectionsArgs& sections,
                                         const ReportInputArgs& input) {
  const absl::StatusOr<ReadOptions> first_options =
      SurveyReadOptions(input, sections.previous_path);
  if (!first_options.ok()) return first_options.status();
  const absl::StatusOr<ReadOptions> second_options =
      SurveyReadOptions(input, input.input_path);
  if (!second_options.ok()) return second_options.status();
  const absl::StatusOr<Aggregate> before =
      ReadWave(SourceOf(sections.previous_path), *first_options);
  if (!before.ok()) return before.status();
  const absl::StatusOr<Aggregate> after =
      ReadWave(SourceOf(input.input_path), *second_options);
  if (!after.ok()) return after.status();
  v1::ScoringOptions options;
  if (input.confidence.has_value()) {
    options.set_confidence_level(*input.confidence);
  }
  options.set_p_value_adjustment(v1::P_VALUE_ADJUSTMENT_HOLM);
  return waves::CompareWaves(*before, *after, options);
}

// As `jtbd prioritize --budget B FILE INITIATIVES`.
absl::StatusOr<v1::RoadmapReport> Roadmap(const ReportSectionsArgs& sections,
                                          const ReportInputArgs& input) {
  const absl::StatusOr<ReadOptions> read_options =
      SurveyReadOptions(input, input.input_path);
  if (!read_options.ok()) return read_options.status();
  const absl::StatusOr<Aggregate> aggregate =
      ReadSurveyAggregate(SourceOf(input.input_path), *read_options);
  if (!aggregate.ok()) return aggregate.status();
  std::vector<std::vector<roadmap::CollapsedTable>> tables;
  const roadmap::SurveyScores scores =
      roadmap::ScoresOfAggregate(*aggregate, &tables);
  const absl::StatusOr<std::vector<v1::Initiative>> initiatives =
      roadmap::ReadInitiativesCsvFile(sections.initiatives_path, scores,
                                      input.input.limits);
  if (!initiatives.ok()) return initiatives.status();
  v1::RoadmapOptions options;
  options.set_budget(*sections.budget);
  if (sections.node_limit.has_value()) {
    options.set_node_limit(*sections.node_limit);
  }
  if (sections.time_limit.has_value()) {
    options.set_time_limit_seconds(*sections.time_limit);
  }
  if (sections.resamples.has_value()) {
    options.set_resamples(*sections.resamples);
  }
  return roadmap::BuildRoadmap(scores, tables, *initiatives, options);
}

}  // namespace

std::vector<std::string> ReportSectionsFlags() {
  return {"--interviews", "--previous",   "--initiatives", "--budget",
          "--node-limit", "--time-limit", "--resamples"};
}

std::string ParseReportSectionsOption(const std::string& name,
                                      const std::string& value,
                                      ReportSectionsArgs* args) {
  if (name == "--interviews" || name == "--previous" ||
      name == "--initiatives") {
    if (value.empty() || value == "-") {
      return absl::StrCat(name, " needs a file name (not standard input)");
    }
    if (name == "--interviews") args->interviews_path = value;
    if (name == "--previous") args->previous_path = value;
    if (name == "--initiatives") args->initiatives_path = value;
    return "";
  }
  if (name == "--budget" || name == "--time-limit") {
    double number = 0;
    std::string problem = ParseNonNegative(name, value, &number);
    if (!problem.empty()) return problem;
    if (name == "--budget") args->budget = number;
    if (name == "--time-limit") args->time_limit = number;
    return "";
  }
  if (name == "--node-limit") {
    uint64_t nodes = 0;
    if (!absl::SimpleAtoi(value, &nodes) || nodes == 0) {
      return absl::StrCat("bad --node-limit \"", value,
                          "\" (expected a whole number, at least 1)");
    }
    args->node_limit = nodes;
    return "";
  }
  uint32_t resamples = 0;
  if (!absl::SimpleAtoi(value, &resamples) ||
      resamples > roadmap::kMaxResamples) {
    return absl::StrCat("bad --resamples \"", value,
                        "\" (expected redraws from 0, none, to ",
                        roadmap::kMaxResamples, ")");
  }
  args->resamples = resamples;
  return "";
}

std::string CheckReportSectionsArgs(const ReportSectionsArgs& sections,
                                    const ReportInputArgs& input) {
  const bool roadmap_options =
      sections.budget.has_value() || sections.node_limit.has_value() ||
      sections.time_limit.has_value() || sections.resamples.has_value();
  if (sections.initiatives_path.empty() && roadmap_options) {
    return "--budget, --node-limit, --time-limit and --resamples go with "
           "--initiatives";
  }
  if (!sections.initiatives_path.empty() && !sections.budget.has_value()) {
    return "--initiatives needs --budget";
  }
  const bool rereads =
      !sections.previous_path.empty() || !sections.initiatives_path.empty();
  if (rereads && input.input_path == "-") {
    return "--previous and --initiatives read the survey again: give it as "
           "a file, not standard input";
  }
  return "";
}

const char* ReportSectionsHelp() {
  return "  --interviews FILE        add the switching forces of these switch\n"
         "                           interviews, as `jtbd forces FILE`\n"
         "  --previous WAVE          add what changed since this previous\n"
         "                           wave, as `jtbd compare WAVE FILE`\n"
         "  --initiatives FILE       add the chosen roadmap, as `jtbd\n"
         "                           prioritize FILE INITIATIVES` on the "
         "whole\n"
         "                           sample; needs --budget B\n"
         "  --budget, --node-limit, --time-limit, --resamples:\n"
         "                           as for `jtbd prioritize`\n";
}

visual::ReportSections ReportSectionResults::View() const {
  visual::ReportSections view;
  if (forces.has_value()) view.forces = &*forces;
  if (waves.has_value()) view.waves = &*waves;
  if (roadmap.has_value()) view.roadmap = &*roadmap;
  return view;
}

absl::StatusOr<ReportSectionResults> ComputeReportSections(
    const ReportSectionsArgs& sections, const ReportInputArgs& input) {
  ReportSectionResults results;
  if (!sections.interviews_path.empty()) {
    absl::StatusOr<v1::ForcesReport> forces = Forces(sections, input);
    if (!forces.ok()) return forces.status();
    results.forces = *std::move(forces);
  }
  if (!sections.previous_path.empty()) {
    absl::StatusOr<v1::WaveComparison> waves = Waves(sections, input);
    CloseProgress();
    if (!waves.ok()) return waves.status();
    results.waves = *std::move(waves);
  }
  if (!sections.initiatives_path.empty()) {
    absl::StatusOr<v1::RoadmapReport> roadmap = Roadmap(sections, input);
    CloseProgress();
    if (!roadmap.ok()) return roadmap.status();
    results.roadmap = *std::move(roadmap);
  }
  return results;
}

}  // namespace cli
}  // namespace jtbd
