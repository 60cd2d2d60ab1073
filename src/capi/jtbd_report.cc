// jtbd.h: jtbd_report, a thin layer over jtbd::v1::Report, and rendering.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "capi/capi_internal.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/report.pb.h"
#include "render/p_value_adjustment.h"
#include "render/report_render.h"

using jtbd::capi::CheckNotNull;
using jtbd::capi::CheckOutStruct;
using jtbd::capi::CopyOut;
using jtbd::capi::ElementAt;
using jtbd::capi::Guard;
using jtbd::capi::OutputText;
using jtbd::capi::Publish;
using jtbd::capi::SerializeToBuffer;
using jtbd::capi::ZeroedStruct;

namespace {

// Beside this file's own ToC overloads.
using jtbd::capi::ToC;

jtbd_interval ToC(const jtbd::v1::Interval& interval) {
  jtbd_interval out;
  out.low = interval.low();
  out.high = interval.high();
  return out;
}

jtbd_outcome_score ToC(const jtbd::v1::OutcomeScore& score) {
  auto full = ZeroedStruct<jtbd_outcome_score>();
  full.outcome_id = score.outcome_id().c_str();
  full.outcome_id_len = score.outcome_id().size();
  full.statement = score.statement().c_str();
  full.statement_len = score.statement().size();
  full.importance = score.importance();
  full.satisfaction = score.satisfaction();
  full.opportunity = score.opportunity();
  full.band = static_cast<int32_t>(score.band());
  full.rank = score.rank();
  full.importance_count = score.importance_count();
  full.importance_top_box_count = score.importance_top_box_count();
  full.satisfaction_count = score.satisfaction_count();
  full.satisfaction_top_box_count = score.satisfaction_top_box_count();
  full.both_count = score.both_count();
  full.both_top_box_count = score.both_top_box_count();
  uint32_t has = 0;
  if (score.has_importance_interval()) {
    has |= JTBD_SCORE_HAS_IMPORTANCE_INTERVAL;
    full.importance_interval = ToC(score.importance_interval());
  }
  if (score.has_satisfaction_interval()) {
    has |= JTBD_SCORE_HAS_SATISFACTION_INTERVAL;
    full.satisfaction_interval = ToC(score.satisfaction_interval());
  }
  if (score.has_opportunity_interval()) {
    has |= JTBD_SCORE_HAS_OPPORTUNITY_INTERVAL;
    full.opportunity_interval = ToC(score.opportunity_interval());
  }
  if (score.has_opportunity_delta_interval()) {
    has |= JTBD_SCORE_HAS_OPPORTUNITY_DELTA_INTERVAL;
    full.opportunity_delta_interval = ToC(score.opportunity_delta_interval());
  }
  if (score.has_opportunity_standard_error()) {
    has |= JTBD_SCORE_HAS_OPPORTUNITY_STANDARD_ERROR;
    full.opportunity_standard_error = score.opportunity_standard_error();
  }
  if (score.has_opportunity_at_least_10_probability()) {
    has |= JTBD_SCORE_HAS_OPPORTUNITY_AT_LEAST_10_PROBABILITY;
    full.opportunity_at_least_10_probability =
        score.opportunity_at_least_10_probability();
  }
  if (score.has_importance_effective_count()) {
    has |= JTBD_SCORE_HAS_IMPORTANCE_EFFECTIVE_COUNT;
    full.importance_effective_count = score.importance_effective_count();
  }
  if (score.has_satisfaction_effective_count()) {
    has |= JTBD_SCORE_HAS_SATISFACTION_EFFECTIVE_COUNT;
    full.satisfaction_effective_count = score.satisfaction_effective_count();
  }
  if (score.has_opportunity_bootstrap_interval()) {
    has |= JTBD_SCORE_HAS_OPPORTUNITY_BOOTSTRAP_INTERVAL;
    full.opportunity_bootstrap_interval =
        ToC(score.opportunity_bootstrap_interval());
  }
  full.has = has;
  return full;
}

jtbd_segment_comparison ToC(const jtbd::v1::SegmentComparison& comparison) {
  auto full = ZeroedStruct<jtbd_segment_comparison>();
  full.outcome_id = comparison.outcome_id().c_str();
  full.outcome_id_len = comparison.outcome_id().size();
  full.more_underserved = comparison.more_underserved() ? 1 : 0;
  full.rest_importance = comparison.rest_importance();
  full.rest_satisfaction = comparison.rest_satisfaction();
  full.rest_opportunity = comparison.rest_opportunity();
  uint32_t has = 0;
  if (comparison.has_importance_difference()) {
    has |= JTBD_COMPARISON_HAS_IMPORTANCE_DIFFERENCE;
    full.importance_difference = comparison.importance_difference();
    full.importance_difference_interval =
        ToC(comparison.importance_difference_interval());
  }
  if (comparison.has_satisfaction_difference()) {
    has |= JTBD_COMPARISON_HAS_SATISFACTION_DIFFERENCE;
    full.satisfaction_difference = comparison.satisfaction_difference();
    full.satisfaction_difference_interval =
        ToC(comparison.satisfaction_difference_interval());
  }
  if (comparison.has_opportunity_difference()) {
    has |= JTBD_COMPARISON_HAS_OPPORTUNITY_DIFFERENCE;
    full.opportunity_difference = comparison.opportunity_difference();
    full.opportunity_difference_interval =
        ToC(comparison.opportunity_difference_interval());
  }
  if (comparison.has_importance_test()) {
    has |= JTBD_COMPARISON_HAS_IMPORTANCE_TEST;
    full.importance_test = ToC(comparison.importance_test());
    full.importance_adjusted_p_value =
        jtbd::render::AdjustedPValue(comparison.importance_test());
  }
  if (comparison.has_satisfaction_test()) {
    has |= JTBD_COMPARISON_HAS_SATISFACTION_TEST;
    full.satisfaction_test = ToC(comparison.satisfaction_test());
    full.satisfaction_adjusted_p_value =
        jtbd::render::AdjustedPValue(comparison.satisfaction_test());
  }
  if (comparison.has_opportunity_test()) {
    has |= JTBD_COMPARISON_HAS_OPPORTUNITY_TEST;
    full.opportunity_test = ToC(comparison.opportunity_test());
    full.opportunity_adjusted_p_value =
        jtbd::render::AdjustedPValue(comparison.opportunity_test());
  }
  full.has = has;
  return full;
}

static_assert(
    static_cast<int>(JTBD_OPPORTUNITY_INTERVAL_METHOD_DELTA) ==
            jtbd::v1::OPPORTUNITY_INTERVAL_METHOD_DELTA &&
        static_cast<int>(JTBD_OPPORTUNITY_INTERVAL_METHOD_MOMENT_SELECTION) ==
            jtbd::v1::OPPORTUNITY_INTERVAL_METHOD_MOMENT_SELECTION &&
        static_cast<int>(
            JTBD_OPPORTUNITY_INTERVAL_METHOD_BOOTSTRAP_PERCENTILE) ==
            jtbd::v1::OPPORTUNITY_INTERVAL_METHOD_BOOTSTRAP_PERCENTILE,
    "jtbd_opportunity_interval_method mirrors "
    "jtbd.v1.OpportunityIntervalMethod");

// A report saved before the field existed printed the bootstrap interval,
// or the delta interval without resamples.
jtbd::v1::OpportunityIntervalMethod ReportedOpportunityIntervalMethod(
    const jtbd::v1::Report& report) {
  if (report.opportunity_interval_method() !=
      jtbd::v1::OPPORTUNITY_INTERVAL_METHOD_UNSPECIFIED) {
    return report.opportunity_interval_method();
  }
  return report.bootstrap_resamples() > 0
             ? jtbd::v1::OPPORTUNITY_INTERVAL_METHOD_BOOTSTRAP_PERCENTILE
             : jtbd::v1::OPPORTUNITY_INTERVAL_METHOD_DELTA;
}

jtbd_report_info ToC(const jtbd::v1::Report& report) {
  auto full = ZeroedStruct<jtbd_report_info>();
  full.method = report.method().c_str();
  full.method_len = report.method().size();
  full.segment_by = report.segment_by().c_str();
  full.segment_by_len = report.segment_by().size();
  full.score_method = static_cast<int32_t>(report.score_method());
  full.bootstrap_resamples = report.bootstrap_resamples();
  full.confidence_level = report.confidence_level();
  full.seed = report.seed();
  full.effective_respondent_count =
      report.has_effective_respondent_count()
          ? report.effective_respondent_count()
          : static_cast<double>(report.respondent_count());
  full.weighted = report.weighted() ? 1 : 0;
  full.scale_min = report.scale().min();
  full.scale_max = report.scale().max();
  full.scale_top_box_min = report.scale().top_box_min();
  full.respondent_count = report.respondent_count();
  full.unsegmented_respondent_count = report.unsegmented_respondent_count();
  // A report stored before the option existed was adjusted by Holm's.
  full.p_value_adjustment =
      report.p_value_adjustment() == jtbd::v1::P_VALUE_ADJUSTMENT_UNSPECIFIED
          ? JTBD_P_VALUE_ADJUSTMENT_HOLM
          : static_cast<int32_t>(report.p_value_adjustment());
  full.opportunity_interval_method =
      static_cast<int32_t>(ReportedOpportunityIntervalMethod(report));
  return full;
}

jtbd_solution_score ToC(const jtbd::v1::SolutionScore& solution) {
  auto full = ZeroedStruct<jtbd_solution_score>();
  full.solution = solution.solution().c_str();
  full.solution_len = solution.solution().size();
  full.count = solution.count();
  full.top_box_count = solution.top_box_count();
  full.both_count = solution.both_count();
  uint32_t has = 0;
  if (solution.count() != 0) {
    has |= JTBD_SOLUTION_HAS_SATISFACTION;
    full.satisfaction = solution.satisfaction();
    full.satisfaction_interval = ToC(solution.satisfaction_interval());
  }
  if (solution.has_effective_count()) {
    has |= JTBD_SOLUTION_HAS_EFFECTIVE_COUNT;
    full.effective_count = solution.effective_count();
  }
  if (solution.has_opportunity()) {
    has |= JTBD_SOLUTION_HAS_OPPORTUNITY;
    full.opportunity = solution.opportunity();
  }
  if (solution.has_satisfaction_gap()) {
    has |= JTBD_SOLUTION_HAS_SATISFACTION_GAP;
    full.satisfaction_gap = solution.satisfaction_gap();
  }
  if (solution.has_satisfaction_gap_test()) {
    has |= JTBD_SOLUTION_HAS_SATISFACTION_GAP_TEST;
    full.satisfaction_gap_test = ToC(solution.satisfaction_gap_test());
  }
  full.has = has;
  return full;
}

// The best solution of an outcome's scores.
jtbd_best_solution BestSolutionOf(const jtbd::v1::OutcomeScore& score) {
  auto full = ZeroedStruct<jtbd_best_solution>();
  full.best_solution = score.best_solution().c_str();
  full.best_solution_len = score.best_solution().size();
  uint32_t has = 0;
  if (!score.best_solution().empty()) {
    has |= JTBD_BEST_SOLUTION_HAS_SOLUTION;
    full.satisfaction_target = score.satisfaction_target();
  }
  if (score.has_best_solution_gap()) {
    has |= JTBD_BEST_SOLUTION_HAS_GAP;
    full.best_solution_gap = score.best_solution_gap();
  }
  if (score.has_best_solution_gap_test()) {
    has |= JTBD_BEST_SOLUTION_HAS_GAP_TEST;
    full.best_solution_gap_test = ToC(score.best_solution_gap_test());
  }
  full.has = has;
  return full;
}

absl::StatusOr<const jtbd::v1::SegmentReport*> Segment(
    const char* function, const jtbd_report& report, size_t segment) {
  return ElementAt(function, "segment", report.report.segments(), segment);
}

// Outcome `outcome` of the whole report (segment == nullptr) or of one
// segment; errors name the argument as the C function calls it.
absl::StatusOr<const jtbd::v1::OutcomeScore*> ScopedOutcome(
    const char* function, const jtbd_report& report, const size_t* segment,
    const char* argument, size_t outcome) {
  if (segment == nullptr) {
    return ElementAt(function, argument, report.report.outcomes(), outcome);
  }
  JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::SegmentReport* segment_report,
                             Segment(function, report, *segment));
  return ElementAt(function, argument, segment_report->outcomes(), outcome);
}

// The getters of one outcome's figures, of the report (segment == nullptr)
// or of a segment: `out` filled from what `convert` makes of the outcome
// (`argument` names the outcome's index in errors).
template <typename Struct, typename Convert>
absl::Status FillFromOutcome(const char* function, const jtbd_report* report,
                             const size_t* segment, const char* argument,
                             size_t outcome, Struct* out, Convert convert) {
  JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(function, "report", report));
  JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(function, out));
  JTBD_CAPI_ASSIGN_OR_RETURN(
      const jtbd::v1::OutcomeScore* score,
      ScopedOutcome(function, *report, segment, argument, outcome));
  JTBD_CAPI_ASSIGN_OR_RETURN(Struct full, convert(*score));
  CopyOut(full, out);
  return absl::OkStatus();
}

absl::Status FillOutcomeScore(const char* function, const jtbd_report* report,
                              const size_t* segment, size_t index,
                              jtbd_outcome_score* out) {
  return FillFromOutcome(
      function, report, segment, "index", index, out,
      [](const jtbd::v1::OutcomeScore& score)
          -> absl::StatusOr<jtbd_outcome_score> { return ToC(score); });
}

absl::Status FillSolutionScore(const char* function, const jtbd_report* report,
                               const size_t* segment, size_t outcome,
                               size_t index, jtbd_solution_score* out) {
  return FillFromOutcome(
      function, report, segment, "outcome", outcome, out,
      [&](const jtbd::v1::OutcomeScore& score)
          -> absl::StatusOr<jtbd_solution_score> {
        JTBD_CAPI_ASSIGN_OR_RETURN(
            const jtbd::v1::SolutionScore* solution,
            ElementAt(function, "index", score.solutions(), index));
        return ToC(*solution);
      });
}

absl::Status FillBestSolution(const char* function, const jtbd_report* report,
                              const size_t* segment, size_t outcome,
                              jtbd_best_solution* out) {
  return FillFromOutcome(function, report, segment, "outcome", outcome, out,
                         [](const jtbd::v1::OutcomeScore& score)
                             -> absl::StatusOr<jtbd_best_solution> {
                           return BestSolutionOf(score);
                         });
}

// A figure of segment `segment` into *out (a count or other number).
template <typename Value, typename Read>
absl::Status SegmentFigure(const char* function, const jtbd_report* report,
                           size_t segment, Value* out, Read read) {
  JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(function, "report", report));
  JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(function, "count", out));
  JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::SegmentReport* segment_report,
                             Segment(function, *report, segment));
  *out = read(*segment_report);
  return absl::OkStatus();
}

}  // namespace

extern "C" {

void jtbd_report_destroy(jtbd_report* report) { delete report; }

uint64_t jtbd_report_respondent_count(const jtbd_report* report) {
  return report == nullptr ? 0 : report->report.respondent_count();
}

size_t jtbd_report_outcome_count(const jtbd_report* report) {
  return report == nullptr ? 0 : report->report.outcomes_size();
}

jtbd_error* jtbd_report_outcome(const jtbd_report* report, size_t index,
                                jtbd_outcome_score* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    return FillOutcomeScore(fn, report, nullptr, index, out);
  });
}

size_t jtbd_report_segment_count(const jtbd_report* report) {
  return report == nullptr ? 0 : report->report.segments_size();
}

jtbd_error* jtbd_report_segment_name(const jtbd_report* report, size_t segment,
                                     const char** name, size_t* name_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "name", name));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::SegmentReport* segment_report,
                               Segment(fn, *report, segment));
    OutputText(segment_report->name(), name, name_len);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_report_segment_respondent_count(const jtbd_report* report,
                                                 size_t segment,
                                                 uint64_t* count) {
  return Guard([&, fn = __func__]() -> absl::Status {
    return SegmentFigure(
        fn, report, segment, count,
        [](const jtbd::v1::SegmentReport& s) { return s.respondent_count(); });
  });
}

jtbd_error* jtbd_report_segment_outcome(const jtbd_report* report,
                                        size_t segment, size_t index,
                                        jtbd_outcome_score* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    return FillOutcomeScore(fn, report, &segment, index, out);
  });
}

jtbd_error* jtbd_report_segment_comparison(const jtbd_report* report,
                                           size_t segment, size_t index,
                                           jtbd_segment_comparison* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::SegmentReport* segment_report,
                               Segment(fn, *report, segment));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::v1::SegmentComparison* comparison,
        ElementAt(fn, "index", segment_report->comparisons(), index));
    CopyOut(ToC(*comparison), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_report_segment_rest_respondent_count(const jtbd_report* report,
                                                      size_t segment,
                                                      uint64_t* count) {
  return Guard([&, fn = __func__]() -> absl::Status {
    return SegmentFigure(fn, report, segment, count,
                         [](const jtbd::v1::SegmentReport& s) {
                           return s.rest_respondent_count();
                         });
  });
}

jtbd_error* jtbd_report_segment_effective_respondent_count(
    const jtbd_report* report, size_t segment, double* count) {
  return Guard([&, fn = __func__]() -> absl::Status {
    return SegmentFigure(
        fn, report, segment, count, [](const jtbd::v1::SegmentReport& s) {
          // Unit weights: Kish's (sum w)^2 / sum w^2 is the count itself.
          return s.has_effective_respondent_count()
                     ? s.effective_respondent_count()
                     : static_cast<double>(s.respondent_count());
        });
  });
}

jtbd_error* jtbd_report_segment_more_underserved_count(
    const jtbd_report* report, size_t segment, size_t* count) {
  return Guard([&, fn = __func__]() -> absl::Status {
    return SegmentFigure(
        fn, report, segment, count, [](const jtbd::v1::SegmentReport& s) {
          return static_cast<size_t>(s.more_underserved_outcome_ids_size());
        });
  });
}

jtbd_error* jtbd_report_segment_more_underserved_id(const jtbd_report* report,
                                                    size_t segment,
                                                    size_t index,
                                                    const char** id,
                                                    size_t* id_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "id", id));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::SegmentReport* segment_report,
                               Segment(fn, *report, segment));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const std::string* value,
        ElementAt(fn, "index", segment_report->more_underserved_outcome_ids(),
                  index));
    OutputText(*value, id, id_len);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_report_get_info(const jtbd_report* report,
                                 jtbd_report_info* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    CopyOut(ToC(report->report), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_report_render(const jtbd_report* report, int32_t format,
                               jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    auto buffer = std::make_unique<jtbd_buffer>();
    switch (format) {
      case JTBD_FORMAT_TABLE:
        buffer->bytes = jtbd::RenderTable(report->report);
        break;
      case JTBD_FORMAT_JSON: {
        JTBD_CAPI_ASSIGN_OR_RETURN(buffer->bytes,
                                   jtbd::RenderJson(report->report));
        break;
      }
      case JTBD_FORMAT_CSV:
        buffer->bytes = jtbd::RenderCsv(report->report);
        break;
      case JTBD_FORMAT_PROTOBUF: {
        JTBD_CAPI_ASSIGN_OR_RETURN(buffer, SerializeToBuffer(report->report));
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

size_t jtbd_report_solution_count(const jtbd_report* report) {
  return report == nullptr ? 0 : report->report.solutions_size();
}

jtbd_error* jtbd_report_solution_name(const jtbd_report* report, size_t index,
                                      const char** name, size_t* name_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "name", name));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const std::string* value,
        ElementAt(fn, "index", report->report.solutions(), index));
    OutputText(*value, name, name_len);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_report_outcome_solution(const jtbd_report* report,
                                         size_t outcome, size_t index,
                                         jtbd_solution_score* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    return FillSolutionScore(fn, report, nullptr, outcome, index, out);
  });
}

jtbd_error* jtbd_report_segment_outcome_solution(const jtbd_report* report,
                                                 size_t segment, size_t outcome,
                                                 size_t index,
                                                 jtbd_solution_score* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    return FillSolutionScore(fn, report, &segment, outcome, index, out);
  });
}

jtbd_error* jtbd_report_outcome_best_solution(const jtbd_report* report,
                                              size_t outcome,
                                              jtbd_best_solution* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    return FillBestSolution(fn, report, nullptr, outcome, out);
  });
}

jtbd_error* jtbd_report_segment_outcome_best_solution(const jtbd_report* report,
                                                      size_t segment,
                                                      size_t outcome,
                                                      jtbd_best_solution* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    return FillBestSolution(fn, report, &segment, outcome, out);
  });
}

}  // extern "C"
