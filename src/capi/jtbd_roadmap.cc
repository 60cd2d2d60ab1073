// jtbd.h: roadmaps (jtbd_roadmap_options_*, jtbd_prioritize_survey[_file],
// jtbd_aggregate_prioritize, jtbd_roadmap_*): the translation of
// `jtbd prioritize` (roadmap/roadmap.h), so that a C caller gets the same
// report and refusals.
#include <cmath>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "capi/capi_internal.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/roadmap.pb.h"
#include "pipeline/input_source.h"
#include "pipeline/wave_read.h"
#include "render/roadmap_render.h"
#include "roadmap/initiatives_reader.h"
#include "roadmap/roadmap.h"
#include "roadmap/survey_scores.h"

struct jtbd_roadmap_options {
  jtbd::v1::RoadmapOptions options;
  bool has_budget = false;  // a roadmap needs one; there is no default
  std::string segment_by;
};

using jtbd::capi::CheckBytesArgument;
using jtbd::capi::CheckNotNull;
using jtbd::capi::CheckOutStruct;
using jtbd::capi::CopyOut;
using jtbd::capi::ElementAt;
using jtbd::capi::Guard;
using jtbd::capi::OutputText;
using jtbd::capi::PathArgument;
using jtbd::capi::Publish;
using jtbd::capi::ReadOptionsForUse;
using jtbd::capi::SerializeToBuffer;
using jtbd::capi::SurveyBytesArgument;
using jtbd::capi::SurveyFileArgument;
using jtbd::capi::TextArgument;
using jtbd::capi::ZeroedStruct;

namespace {

// The initiatives CSV as the caller gave it: bytes with a name, or a path.
struct InitiativesInput {
  bool is_file = false;
  std::string text;  // the bytes, or the path
  std::string name;
};

absl::Status CheckBudget(const char* function, const char* argument,
                         double budget) {
  if (std::isfinite(budget) && budget >= 0) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(function, ": ", argument, " is ", budget,
                   "; expected a finite number >= 0"));
}

absl::StatusOr<const jtbd::v1::RoadmapOptions*> OptionsForUse(
    const char* function, const jtbd_roadmap_options* options) {
  JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(function, "roadmap_options", options));
  if (!options->has_budget) {
    return absl::InvalidArgumentError(
        absl::StrCat(function,
                     ": roadmap_options has no budget; set one with "
                     "jtbd_roadmap_options_set_budget"));
  }
  return &options->options;
}

absl::StatusOr<std::vector<jtbd::v1::Initiative>> ReadInitiatives(
    const InitiativesInput& input, const jtbd::roadmap::SurveyScores& scores,
    const jtbd::ReadOptions& read) {
  if (input.is_file) {
    return jtbd::roadmap::ReadInitiativesCsvFile(input.text, scores,
                                                 read.limits);
  }
  return jtbd::roadmap::ReadInitiativesCsv(input.text, input.name, scores,
                                           read.limits);
}

absl::Status Prioritize(
    const jtbd::roadmap::SurveyScores& scores,
    const std::vector<std::vector<jtbd::roadmap::CollapsedTable>>& tables,
    const InitiativesInput& initiatives_input, const jtbd::ReadOptions& read,
    const jtbd::v1::RoadmapOptions& options, jtbd_roadmap** out) {
  JTBD_CAPI_ASSIGN_OR_RETURN(
      const std::vector<jtbd::v1::Initiative> initiatives,
      ReadInitiatives(initiatives_input, scores, read));
  auto roadmap = std::make_unique<jtbd_roadmap>();
  JTBD_CAPI_ASSIGN_OR_RETURN(
      roadmap->report,
      jtbd::roadmap::BuildRoadmap(scores, tables, initiatives, options));
  Publish(std::move(roadmap), out);
  return absl::OkStatus();
}

// What `jtbd prioritize` does with its survey: a saved aggregate or any
// survey, whole or by segment, into scores and the tables they redraw.
absl::Status PrioritizeSurvey(const char* function,
                              const jtbd_read_options* read_options,
                              const jtbd_roadmap_options* roadmap_options,
                              const jtbd::InputSource& survey,
                              const InitiativesInput& initiatives,
                              jtbd_roadmap** out) {
  JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::RoadmapOptions* options,
                             OptionsForUse(function, roadmap_options));
  JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::ReadOptions read,
                             ReadOptionsForUse(read_options));
  std::vector<std::vector<jtbd::roadmap::CollapsedTable>> tables;
  jtbd::roadmap::SurveyScores scores;
  if (roadmap_options->segment_by.empty()) {
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::Aggregate aggregate,
                               jtbd::ReadWave(survey, read));
    scores = jtbd::roadmap::ScoresOfAggregate(aggregate, &tables);
  } else {
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::SegmentedAggregate aggregates,
        jtbd::ReadSegmentedWave(survey, read, roadmap_options->segment_by));
    scores = jtbd::roadmap::ScoresOfSegments(aggregates, &tables);
  }
  return Prioritize(scores, tables, initiatives, read, *options, out);
}

absl::StatusOr<InitiativesInput> InitiativesBytes(const char* function,
                                                  const char* data, size_t size,
                                                  const char* name,
                                                  size_t name_len) {
  JTBD_CAPI_RETURN_IF_ERROR(
      CheckBytesArgument(function, "initiatives_data", data, size));
  InitiativesInput input;
  JTBD_CAPI_ASSIGN_OR_RETURN(
      input.name, TextArgument(function, "initiatives_name", name, name_len));
  if (size > 0) input.text.assign(data, size);
  return input;
}

jtbd_initiative_result ToC(const jtbd::v1::InitiativeResult& initiative,
                           const jtbd::v1::RoadmapReport& report) {
  jtbd_initiative_result c = ZeroedStruct<jtbd_initiative_result>();
  OutputText(initiative.initiative(), &c.name, &c.name_len);
  c.cost = initiative.cost();
  c.selected = initiative.selected() ? 1 : 0;
  if (initiative.has_chosen_share()) {
    c.has |= JTBD_INITIATIVE_HAS_CHOSEN_SHARE;
    c.chosen_share = initiative.chosen_share();
  }
  for (const jtbd::v1::MarginalValue& marginal : report.marginal_values()) {
    if (marginal.initiative() != initiative.initiative()) continue;
    c.has |= JTBD_INITIATIVE_HAS_MARGINAL_VALUE;
    c.marginal_value = marginal.marginal_value();
    c.value_without = marginal.value_without();
    c.marginal_optimal = marginal.optimal() ? 1 : 0;
  }
  return c;
}

// The index-th name in a list held by the outer-th element of another list
// of the report (a frontier point's initiatives, a contribution's).
template <typename OuterList, typename Names>
jtbd_error* NestedName(const char* fn, const jtbd_roadmap* roadmap,
                       const char* outer_name, size_t outer, size_t index,
                       const char** name, size_t* name_len,
                       OuterList outer_list, Names names) {
  return Guard([&]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "roadmap", roadmap));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "name", name));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const auto* element,
        ElementAt(fn, outer_name, outer_list(roadmap->report), outer));
    JTBD_CAPI_ASSIGN_OR_RETURN(const std::string* text,
                               ElementAt(fn, "index", names(*element), index));
    OutputText(*text, name, name_len);
    return absl::OkStatus();
  });
}

}  // namespace

extern "C" {

jtbd_error* jtbd_roadmap_options_create(jtbd_roadmap_options** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    Publish(std::make_unique<jtbd_roadmap_options>(), out);
    return absl::OkStatus();
  });
}

void jtbd_roadmap_options_destroy(jtbd_roadmap_options* options) {
  delete options;
}

jtbd_error* jtbd_roadmap_options_set_budget(jtbd_roadmap_options* options,
                                            double budget) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_RETURN_IF_ERROR(CheckBudget(fn, "budget", budget));
    options->options.set_budget(budget);
    options->has_budget = true;
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_roadmap_options_set_node_limit(jtbd_roadmap_options* options,
                                                uint64_t nodes) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    if (nodes == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": nodes is 0; expected at least 1"));
    }
    options->options.set_node_limit(nodes);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_roadmap_options_set_time_limit(jtbd_roadmap_options* options,
                                                double seconds) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_RETURN_IF_ERROR(CheckBudget(fn, "seconds", seconds));
    options->options.set_time_limit_seconds(seconds);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_roadmap_options_set_resamples(jtbd_roadmap_options* options,
                                               uint32_t resamples) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    if (resamples > jtbd::roadmap::kMaxResamples) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": resamples is ", resamples, "; at most ",
                       jtbd::roadmap::kMaxResamples));
    }
    options->options.set_resamples(resamples);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_roadmap_options_set_seed(jtbd_roadmap_options* options,
                                          uint64_t seed) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    options->options.set_seed(seed);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_roadmap_options_add_frontier_budget(
    jtbd_roadmap_options* options, double budget) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_RETURN_IF_ERROR(CheckBudget(fn, "budget", budget));
    options->options.add_frontier_budgets(budget);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_roadmap_options_set_segment_by(jtbd_roadmap_options* options,
                                                const char* column,
                                                size_t column_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::string value,
                               TextArgument(fn, "column", column, column_len));
    options->segment_by = std::move(value);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_prioritize_survey(
    const jtbd_read_options* read_options,
    const jtbd_roadmap_options* roadmap_options, const char* survey_data,
    size_t survey_size, const char* survey_name, size_t survey_name_len,
    const char* initiatives_data, size_t initiatives_size,
    const char* initiatives_name, size_t initiatives_name_len,
    jtbd_roadmap** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::InputSource survey,
        SurveyBytesArgument(fn, survey_data, survey_size, survey_name,
                            survey_name_len));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const InitiativesInput initiatives,
        InitiativesBytes(fn, initiatives_data, initiatives_size,
                         initiatives_name, initiatives_name_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    return PrioritizeSurvey(fn, read_options, roadmap_options, survey,
                            initiatives, out);
  });
}

jtbd_error* jtbd_prioritize_survey_file(
    const jtbd_read_options* read_options,
    const jtbd_roadmap_options* roadmap_options, const char* survey_path,
    size_t survey_path_len, const char* initiatives_path,
    size_t initiatives_path_len, jtbd_roadmap** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::InputSource survey,
        SurveyFileArgument(fn, survey_path, survey_path_len));
    InitiativesInput initiatives;
    initiatives.is_file = true;
    JTBD_CAPI_ASSIGN_OR_RETURN(
        initiatives.text,
        PathArgument(fn, initiatives_path, initiatives_path_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    return PrioritizeSurvey(fn, read_options, roadmap_options, survey,
                            initiatives, out);
  });
}

jtbd_error* jtbd_aggregate_prioritize(
    const jtbd_aggregate* aggregate,
    const jtbd_roadmap_options* roadmap_options, const char* initiatives_data,
    size_t initiatives_size, const char* initiatives_name,
    size_t initiatives_name_len, jtbd_roadmap** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "aggregate", aggregate));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const InitiativesInput initiatives,
        InitiativesBytes(fn, initiatives_data, initiatives_size,
                         initiatives_name, initiatives_name_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::RoadmapOptions* options,
                               OptionsForUse(fn, roadmap_options));
    if (!roadmap_options->segment_by.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          fn, ": segment_by \"", roadmap_options->segment_by,
          "\" needs respondent attributes, which an aggregate does not keep; "
          "prioritize the survey (jtbd_prioritize_survey) instead"));
    }
    std::vector<std::vector<jtbd::roadmap::CollapsedTable>> tables;
    const jtbd::roadmap::SurveyScores scores =
        jtbd::roadmap::ScoresOfAggregate(aggregate->aggregate, &tables);
    return Prioritize(scores, tables, initiatives, jtbd::ReadOptions(),
                      *options, out);
  });
}

void jtbd_roadmap_destroy(jtbd_roadmap* roadmap) { delete roadmap; }

jtbd_error* jtbd_roadmap_get_info(const jtbd_roadmap* roadmap,
                                  jtbd_roadmap_info* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "roadmap", roadmap));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    const jtbd::v1::RoadmapReport& r = roadmap->report;
    jtbd_roadmap_info full = ZeroedStruct<jtbd_roadmap_info>();
    full.value = r.value();
    full.cost = r.cost();
    full.budget = r.budget();
    full.total_cost = r.total_cost();
    full.optimal = r.optimal() ? 1 : 0;
    full.resamples = r.resamples();
    full.bound = r.bound();
    full.gap = r.gap();
    full.nodes_explored = r.nodes_explored();
    full.portfolio_optimal_share = r.portfolio_optimal_share();
    OutputText(r.segment_by(), &full.segment_by, &full.segment_by_len);
    CopyOut(full, out);
    return absl::OkStatus();
  });
}

size_t jtbd_roadmap_selected_count(const jtbd_roadmap* roadmap) {
  if (roadmap == nullptr) return 0;
  return static_cast<size_t>(roadmap->report.selected_initiatives_size());
}

jtbd_error* jtbd_roadmap_selected(const jtbd_roadmap* roadmap, size_t index,
                                  const char** name, size_t* name_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "roadmap", roadmap));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "name", name));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const std::string* selected,
        ElementAt(fn, "index", roadmap->report.selected_initiatives(), index));
    OutputText(*selected, name, name_len);
    return absl::OkStatus();
  });
}

size_t jtbd_roadmap_initiative_count(const jtbd_roadmap* roadmap) {
  if (roadmap == nullptr) return 0;
  return static_cast<size_t>(roadmap->report.initiatives_size());
}

jtbd_error* jtbd_roadmap_initiative(const jtbd_roadmap* roadmap, size_t index,
                                    jtbd_initiative_result* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "roadmap", roadmap));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::v1::InitiativeResult* initiative,
        ElementAt(fn, "index", roadmap->report.initiatives(), index));
    CopyOut(ToC(*initiative, roadmap->report), out);
    return absl::OkStatus();
  });
}

size_t jtbd_roadmap_frontier_count(const jtbd_roadmap* roadmap) {
  if (roadmap == nullptr) return 0;
  return static_cast<size_t>(roadmap->report.frontier_points_size());
}

jtbd_error* jtbd_roadmap_frontier_point(const jtbd_roadmap* roadmap,
                                        size_t index,
                                        jtbd_frontier_point* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "roadmap", roadmap));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::v1::FrontierPoint* point,
        ElementAt(fn, "index", roadmap->report.frontier_points(), index));
    jtbd_frontier_point full = ZeroedStruct<jtbd_frontier_point>();
    full.budget = point->budget();
    full.value = point->value();
    full.cost = point->cost();
    full.optimal = point->optimal() ? 1 : 0;
    full.selected_count =
        static_cast<size_t>(point->selected_initiatives_size());
    CopyOut(full, out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_roadmap_frontier_selected(const jtbd_roadmap* roadmap,
                                           size_t point, size_t index,
                                           const char** name,
                                           size_t* name_len) {
  return NestedName(
      __func__, roadmap, "point", point, index, name, name_len,
      [](const jtbd::v1::RoadmapReport& report) -> const auto& {
        return report.frontier_points();
      },
      [](const jtbd::v1::FrontierPoint& frontier_point) -> const auto& {
        return frontier_point.selected_initiatives();
      });
}

size_t jtbd_roadmap_contribution_count(const jtbd_roadmap* roadmap) {
  if (roadmap == nullptr) return 0;
  return static_cast<size_t>(roadmap->report.contributions_size());
}

jtbd_error* jtbd_roadmap_contribution(const jtbd_roadmap* roadmap, size_t index,
                                      jtbd_outcome_contribution* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "roadmap", roadmap));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::v1::OutcomeContribution* contribution,
        ElementAt(fn, "index", roadmap->report.contributions(), index));
    jtbd_outcome_contribution full = ZeroedStruct<jtbd_outcome_contribution>();
    OutputText(contribution->outcome_id(), &full.outcome_id,
               &full.outcome_id_len);
    OutputText(contribution->segment(), &full.segment, &full.segment_len);
    full.weight = contribution->weight();
    full.importance = contribution->importance();
    full.satisfaction_before = contribution->satisfaction_before();
    full.satisfaction_after = contribution->satisfaction_after();
    full.opportunity_before = contribution->opportunity_before();
    full.opportunity_after = contribution->opportunity_after();
    full.value = contribution->value();
    full.initiative_count =
        static_cast<size_t>(contribution->initiatives_size());
    CopyOut(full, out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_roadmap_contribution_initiative(const jtbd_roadmap* roadmap,
                                                 size_t contribution,
                                                 size_t index,
                                                 const char** name,
                                                 size_t* name_len) {
  return NestedName(
      __func__, roadmap, "contribution", contribution, index, name, name_len,
      [](const jtbd::v1::RoadmapReport& report) -> const auto& {
        return report.contributions();
      },
      [](const jtbd::v1::OutcomeContribution& outcome) -> const auto& {
        return outcome.initiatives();
      });
}

jtbd_error* jtbd_roadmap_render(const jtbd_roadmap* roadmap, int32_t format,
                                jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "roadmap", roadmap));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    auto buffer = std::make_unique<jtbd_buffer>();
    switch (format) {
      case JTBD_FORMAT_TABLE:
        buffer->bytes = jtbd::RenderRoadmapTable(roadmap->report);
        break;
      case JTBD_FORMAT_JSON: {
        JTBD_CAPI_ASSIGN_OR_RETURN(buffer->bytes,
                                   jtbd::RenderRoadmapJson(roadmap->report));
        break;
      }
      case JTBD_FORMAT_CSV:
        buffer->bytes = jtbd::RenderRoadmapCsv(roadmap->report);
        break;
      case JTBD_FORMAT_PROTOBUF: {
        JTBD_CAPI_ASSIGN_OR_RETURN(buffer, SerializeToBuffer(roadmap->report));
        break;
      }
      default:
        return absl::InvalidArgumentError(
            absl::StrCat(fn, ": unknown format ", format,
                         " (expected a jtbd_format value, 1 to 4)"));
    }
    Publish(std::move(buffer), out);
    return absl::OkStatus();
  });
}

}  // extern "C"
