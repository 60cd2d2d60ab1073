// POST /v1/prioritize as a plain function, like compare_endpoint.cc: the
// survey and the initiatives out of one JSON body, the query parameters
// translated into `jtbd prioritize`'s options, the roadmap built and
// rendered as `jtbd prioritize --format json` renders it.
#include "serve/prioritize_endpoint.h"

#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "core/aggregate.h"
#include "core/resource_limits.h"
#include "core/scale.h"
#include "core/segmented_scoring.h"
#include "io/survey_reader.h"
#include "jtbd/v1/roadmap.pb.h"
#include "pipeline/input_source.h"
#include "pipeline/wave_read.h"
#include "render/roadmap_render.h"
#include "roadmap/initiatives_reader.h"
#include "roadmap/roadmap.h"
#include "roadmap/survey_scores.h"
#include "serve/json_inputs.h"
#include "serve/visual_reply.h"
#include "visual/report_sections.h"

namespace jtbd {
namespace serve {
namespace {

constexpr absl::string_view kJsonMediaType = "application/json";
constexpr int kUnsupportedMediaType = 415;

struct PrioritizeParams {
  v1::RoadmapOptions options;
  bool has_budget = false;
  std::string segment_by;
  ScaleParams scale;
};

// A finite number >= 0 (budgets, seconds).
absl::Status TakeAmount(const std::string& name, const std::string& value,
                        double* amount) {
  if (!absl::SimpleAtod(value, amount) || !std::isfinite(*amount) ||
      *amount < 0) {
    return BadParam(name, value, "a finite number >= 0");
  }
  return absl::OkStatus();
}

absl::Status TakePrioritizeParam(const std::string& name,
                                 const std::string& value,
                                 PrioritizeParams* parsed) {
  v1::RoadmapOptions& options = parsed->options;
  absl::Status status;
  if (TakeScaleParam(name, value, &parsed->scale, &status)) return status;
  double amount = 0;
  if (name == "budget") {
    status = TakeAmount(name, value, &amount);
    if (!status.ok()) return status;
    options.set_budget(amount);
    parsed->has_budget = true;
  } else if (name == "time_limit") {
    status = TakeAmount(name, value, &amount);
    if (!status.ok()) return status;
    options.set_time_limit_seconds(amount);
  } else if (name == "node_limit" || name == "seed") {
    uint64_t number = 0;
    if (!absl::SimpleAtoi(value, &number) ||
        (name == "node_limit" && number == 0)) {
      return BadParam(name, value,
                      name == "seed" ? "a whole number from 0 to 2^64 - 1"
                                     : "a whole number >= 1");
    }
    if (name == "seed") options.set_seed(number);
    if (name == "node_limit") options.set_node_limit(number);
  } else if (name == "resamples") {
    uint32_t resamples = 0;
    if (!absl::SimpleAtoi(value, &resamples) ||
        resamples > roadmap::kMaxResamples) {
      return BadParam(
          name, value,
          absl::StrCat("a whole number from 0 to ", roadmap::kMaxResamples));
    }
    options.set_resamples(resamples);
  } else if (name == "frontier") {
    for (absl::string_view budget : absl::StrSplit(value, ',')) {
      status = TakeAmount(name, std::string(budget), &amount);
      if (!status.ok()) return status;
      options.add_frontier_budgets(amount);
    }
  } else if (name == "segment_by") {
    if (value.empty()) return BadParam(name, value, "a column name");
    parsed->segment_by = value;
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown query parameter \"", name,
        "\" (/v1/prioritize takes budget, node_limit, time_limit, resamples, "
        "seed, frontier, segment_by, scale and top_box)"));
  }
  return absl::OkStatus();
}

absl::StatusOr<PrioritizeParams> ParsePrioritizeParams(
    const QueryParams& params) {
  PrioritizeParams parsed;
  for (const auto& [name, value] : params) {
    absl::Status status = CheckGivenOnce(params, name);
    if (status.ok()) status = TakePrioritizeParam(name, value, &parsed);
    if (!status.ok()) return status;
  }
  if (!parsed.has_budget) {
    return absl::InvalidArgumentError(
        "query parameter budget is required (what the chosen initiatives "
        "may cost together)");
  }
  return parsed;
}

absl::StatusOr<v1::RoadmapReport> PrioritizeBody(absl::string_view body,
                                                 const QueryParams& params,
                                                 const ResourceLimits& limits) {
  absl::StatusOr<PrioritizeParams> parsed = ParsePrioritizeParams(params);
  if (!parsed.ok()) return parsed.status();
  absl::StatusOr<Scale> scale = ScaleFromParams(parsed->scale);
  if (!scale.ok()) return scale.status();
  // Each redraw re-solves the portfolio: held to the sidecar's bootstrap
  // limit, the default included, as /v1/score's resamples are.
  const uint64_t resamples = parsed->options.has_resamples()
                                 ? parsed->options.resamples()
                                 : roadmap::kDefaultResamples;
  if (resamples > limits.max_bootstrap_resamples) {
    return LimitExceededError(
        LimitKind::kBootstrapResamples, limits.max_bootstrap_resamples,
        "query parameter resamples", absl::StrCat(resamples, " resamples"));
  }
  absl::StatusOr<std::map<std::string, std::string>> inputs =
      ReadJsonInputs(body, {"survey", "initiatives"});
  if (!inputs.ok()) return inputs.status();
  ReadOptions read_options;
  read_options.scale = *scale;
  read_options.limits = limits;
  const InputSource survey = InputSource::Bytes(inputs->at("survey"), "survey");
  roadmap::SurveyScores scores;
  std::vector<std::vector<roadmap::CollapsedTable>> tables;
  if (parsed->segment_by.empty()) {
    absl::StatusOr<Aggregate> aggregate = ReadWave(survey, read_options);
    if (!aggregate.ok()) return aggregate.status();
    scores = roadmap::ScoresOfAggregate(*aggregate, &tables);
  } else {
    absl::StatusOr<SegmentedAggregate> aggregates =
        ReadSegmentedWave(survey, read_options, parsed->segment_by);
    if (!aggregates.ok()) return aggregates.status();
    scores = roadmap::ScoresOfSegments(*aggregates, &tables);
  }
  absl::StatusOr<std::vector<v1::Initiative>> initiatives =
      roadmap::ReadInitiativesCsv(inputs->at("initiatives"), "initiatives",
                                  scores, limits);
  if (!initiatives.ok()) return initiatives.status();
  return roadmap::BuildRoadmap(scores, tables, *initiatives, parsed->options);
}

}  // namespace

bool IsPrioritizeMediaType(absl::string_view content_type) {
  return MediaType(content_type) == kJsonMediaType;
}

JsonReply UnsupportedPrioritizeMediaType(absl::string_view content_type) {
  return ErrorReply(
      kUnsupportedMediaType, "INVALID_ARGUMENT",
      absl::StrCat("Content-Type \"", content_type,
                   "\": /v1/prioritize reads application/json ({\"survey\": "
                   "\"...\", \"initiatives\": \"...\"})"));
}

JsonReply Prioritize(absl::string_view content_type, absl::string_view body,
                     const QueryParams& params, const ResourceLimits& limits) {
  return PrioritizeAs(content_type, body, params, limits, ReportView());
}

JsonReply PrioritizeAs(absl::string_view content_type, absl::string_view body,
                       const QueryParams& params, const ResourceLimits& limits,
                       const ReportView& view) {
  if (!IsPrioritizeMediaType(content_type)) {
    return UnsupportedPrioritizeMediaType(content_type);
  }
  absl::Status size =
      CheckRequestBytes(body.size(), limits.max_request_bytes, "the body");
  if (!size.ok()) return ErrorReply(size);
  absl::StatusOr<v1::RoadmapReport> report =
      PrioritizeBody(body, params, limits);
  if (!report.ok()) return ErrorReply(report.status());
  if (view.kind == ReportView::Kind::kHtml) {
    visual::ReportSections sections;
    sections.roadmap = &*report;
    return SectionsForPeople(sections, view, JsonReply());
  }
  absl::StatusOr<std::string> json = RenderRoadmapJson(*report);
  if (!json.ok()) return ErrorReply(json.status());
  JsonReply reply;
  reply.body = *std::move(json);
  return reply;
}

}  // namespace serve
}  // namespace jtbd
