// jtbd.h: waves compared (jtbd_compare_*, jtbd_wave_comparison_*): the
// translation of `jtbd compare` (pipeline/wave_read.h, waves/compare_waves.h)
// so that a C caller gets the same comparison and refusals.
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "capi/capi_internal.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/scoring.pb.h"
#include "jtbd/v1/waves.pb.h"
#include "pipeline/input_source.h"
#include "pipeline/wave_read.h"
#include "render/wave_comparison_render.h"
#include "waves/compare_waves.h"

using jtbd::capi::CheckNotNull;
using jtbd::capi::CheckOutStruct;
using jtbd::capi::CopyOut;
using jtbd::capi::ElementAt;
using jtbd::capi::Guard;
using jtbd::capi::OutputText;
using jtbd::capi::Publish;
using jtbd::capi::ReadOptionsForUse;
using jtbd::capi::SerializeToBuffer;
using jtbd::capi::SurveyBytesArgument;
using jtbd::capi::SurveyFileArgument;
using jtbd::capi::ZeroedStruct;

static_assert(static_cast<int>(JTBD_WAVE_FIRST) ==
                  static_cast<int>(jtbd::v1::WAVE_FIRST) &&
              static_cast<int>(JTBD_WAVE_SECOND) ==
                  static_cast<int>(jtbd::v1::WAVE_SECOND) &&
              static_cast<int>(JTBD_WAVE_UNSPECIFIED) ==
                  static_cast<int>(jtbd::v1::WAVE_UNSPECIFIED));
static_assert(
    static_cast<int>(JTBD_DIFFERENCE_INTERVAL_METHOD_UNSPECIFIED) ==
        static_cast<int>(jtbd::v1::DIFFERENCE_INTERVAL_METHOD_UNSPECIFIED) &&
    static_cast<int>(JTBD_DIFFERENCE_INTERVAL_METHOD_NEWCOMBE_HYBRID_SCORE) ==
        static_cast<int>(
            jtbd::v1::DIFFERENCE_INTERVAL_METHOD_NEWCOMBE_HYBRID_SCORE) &&
    static_cast<int>(JTBD_DIFFERENCE_INTERVAL_METHOD_DELTA_METHOD) ==
        static_cast<int>(jtbd::v1::DIFFERENCE_INTERVAL_METHOD_DELTA_METHOD) &&
    static_cast<int>(JTBD_DIFFERENCE_INTERVAL_METHOD_MOVER_MOMENT_SELECTION) ==
        static_cast<int>(
            jtbd::v1::DIFFERENCE_INTERVAL_METHOD_MOVER_MOMENT_SELECTION));

namespace {

// The options a comparison uses; refuses what it would silently ignore.
absl::StatusOr<jtbd::v1::ScoringOptions> CompareOptions(
    const char* function, const jtbd_score_options* score_options,
    bool segments_allowed) {
  jtbd::v1::ScoringOptions options;
  if (score_options != nullptr) options = score_options->options;
  if (options.screening().enabled()) {
    return absl::InvalidArgumentError(absl::StrCat(
        function,
        ": screening is not used by a comparison (it needs respondents, "
        "which a wave's aggregate does not keep); turn it off"));
  }
  if (!segments_allowed && !options.segment_by().empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        function, ": segment_by \"", options.segment_by(),
        "\" needs respondent attributes, which an aggregate does not keep; "
        "compare the surveys (jtbd_compare_surveys) instead"));
  }
  return options;
}

absl::Status CompareSources(const char* function,
                            const jtbd_read_options* read_options,
                            const jtbd_score_options* score_options,
                            const jtbd::InputSource& first,
                            const jtbd::InputSource& second,
                            jtbd_wave_comparison** out) {
  JTBD_CAPI_ASSIGN_OR_RETURN(
      const jtbd::v1::ScoringOptions options,
      CompareOptions(function, score_options, /*segments_allowed=*/true));
  JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::ReadOptions read,
                             ReadOptionsForUse(read_options));
  auto comparison = std::make_unique<jtbd_wave_comparison>();
  if (options.segment_by().empty()) {
    JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::Aggregate before,
                               jtbd::ReadWave(first, read));
    JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::Aggregate after,
                               jtbd::ReadWave(second, read));
    JTBD_CAPI_RETURN_IF_ERROR(
        jtbd::capi::DescribeReadOutcomes(read_options, read, &before));
    JTBD_CAPI_RETURN_IF_ERROR(
        jtbd::capi::DescribeReadOutcomes(read_options, read, &after));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        comparison->comparison,
        jtbd::waves::CompareWaves(before, after, options));
  } else {
    JTBD_CAPI_ASSIGN_OR_RETURN(
        jtbd::SegmentedAggregate before,
        jtbd::ReadSegmentedWave(first, read, options.segment_by()));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        jtbd::SegmentedAggregate after,
        jtbd::ReadSegmentedWave(second, read, options.segment_by()));
    // Every group's outcomes are described, since each change shows the
    // statement its own group's aggregates know.
    for (jtbd::SegmentedAggregate* wave : {&before, &after}) {
      JTBD_CAPI_RETURN_IF_ERROR(
          jtbd::capi::DescribeReadOutcomes(read_options, read, &wave->all));
      for (auto& [value, segment] : wave->segments) {
        JTBD_CAPI_RETURN_IF_ERROR(
            jtbd::capi::DescribeReadOutcomes(read_options, read, &segment));
      }
    }
    JTBD_CAPI_ASSIGN_OR_RETURN(
        comparison->comparison,
        jtbd::waves::CompareSegmentedWaves(before, after, options));
  }
  Publish(std::move(comparison), out);
  return absl::OkStatus();
}

jtbd_wave_scores ToC(const jtbd::v1::WaveScores& scores) {
  jtbd_wave_scores c = ZeroedStruct<jtbd_wave_scores>();
  c.importance = scores.importance();
  c.satisfaction = scores.satisfaction();
  c.opportunity = scores.opportunity();
  c.importance_count = scores.importance_count();
  c.satisfaction_count = scores.satisfaction_count();
  return c;
}

jtbd_score_change ToC(const jtbd::v1::ScoreChange& change) {
  jtbd_score_change c = ZeroedStruct<jtbd_score_change>();
  c.difference = change.difference();
  c.interval.low = change.interval().low();
  c.interval.high = change.interval().high();
  c.interval_method = static_cast<int32_t>(change.interval_method());
  c.significant = change.significant() ? 1 : 0;
  c.z = change.z();
  c.p_value = change.p_value();
  c.adjusted_p_value = change.adjusted_p_value();
  return c;
}

jtbd_outcome_change ToC(const jtbd::v1::OutcomeChange& change) {
  jtbd_outcome_change c = ZeroedStruct<jtbd_outcome_change>();
  OutputText(change.outcome_id(), &c.outcome_id, &c.outcome_id_len);
  OutputText(change.statement(), &c.statement, &c.statement_len);
  c.significant = change.significant() ? 1 : 0;
  c.first = ToC(change.first());
  c.second = ToC(change.second());
  if (change.has_importance()) {
    c.has |= JTBD_CHANGE_HAS_IMPORTANCE;
    c.importance = ToC(change.importance());
  }
  if (change.has_satisfaction()) {
    c.has |= JTBD_CHANGE_HAS_SATISFACTION;
    c.satisfaction = ToC(change.satisfaction());
  }
  if (change.has_opportunity()) {
    c.has |= JTBD_CHANGE_HAS_OPPORTUNITY;
    c.opportunity = ToC(change.opportunity());
  }
  c.band_before = static_cast<int32_t>(change.band_before());
  c.band_after = static_cast<int32_t>(change.band_after());
  c.crossed_band = change.crossed_band() ? 1 : 0;
  return c;
}

absl::StatusOr<const jtbd::v1::WaveGroupComparison*> Segment(
    const char* function, const jtbd_wave_comparison& comparison,
    size_t segment) {
  return ElementAt(function, "segment", comparison.comparison.segments(),
                   segment);
}

}  // namespace

extern "C" {

jtbd_error* jtbd_compare_aggregates(const jtbd_score_options* score_options,
                                    const jtbd_aggregate* first,
                                    const jtbd_aggregate* second,
                                    jtbd_wave_comparison** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "first", first));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "second", second));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::v1::ScoringOptions options,
        CompareOptions(fn, score_options, /*segments_allowed=*/false));
    auto comparison = std::make_unique<jtbd_wave_comparison>();
    JTBD_CAPI_ASSIGN_OR_RETURN(
        comparison->comparison,
        jtbd::waves::CompareWaves(first->aggregate, second->aggregate,
                                  options));
    Publish(std::move(comparison), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_compare_surveys(const jtbd_read_options* read_options,
                                 const jtbd_score_options* score_options,
                                 const char* first_data, size_t first_size,
                                 const char* first_name, size_t first_name_len,
                                 const char* second_data, size_t second_size,
                                 const char* second_name,
                                 size_t second_name_len,
                                 jtbd_wave_comparison** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::InputSource first,
                               SurveyBytesArgument(fn, first_data, first_size,
                                                   first_name, first_name_len));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::InputSource second,
        SurveyBytesArgument(fn, second_data, second_size, second_name,
                            second_name_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    return CompareSources(fn, read_options, score_options, first, second, out);
  });
}

jtbd_error* jtbd_compare_survey_files(const jtbd_read_options* read_options,
                                      const jtbd_score_options* score_options,
                                      const char* first_path,
                                      size_t first_path_len,
                                      const char* second_path,
                                      size_t second_path_len,
                                      jtbd_wave_comparison** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::InputSource first,
        SurveyFileArgument(fn, first_path, first_path_len));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::InputSource second,
        SurveyFileArgument(fn, second_path, second_path_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    return CompareSources(fn, read_options, score_options, first, second, out);
  });
}

void jtbd_wave_comparison_destroy(jtbd_wave_comparison* comparison) {
  delete comparison;
}

jtbd_error* jtbd_wave_comparison_get_info(
    const jtbd_wave_comparison* comparison, jtbd_wave_comparison_info* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "comparison", comparison));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    const jtbd::v1::WaveComparison& c = comparison->comparison;
    jtbd_wave_comparison_info full = ZeroedStruct<jtbd_wave_comparison_info>();
    full.confidence_level = c.confidence_level();
    full.p_value_adjustment = static_cast<int32_t>(c.p_value_adjustment());
    full.score_method = static_cast<int32_t>(c.score_method());
    full.first_respondent_count = c.first_respondent_count();
    full.second_respondent_count = c.second_respondent_count();
    OutputText(c.segment_by(), &full.segment_by, &full.segment_by_len);
    full.family_size = c.family_size();
    full.segment_family_size = c.segment_family_size();
    full.scale_min = c.scale().min();
    full.scale_max = c.scale().max();
    full.scale_top_box_min = c.scale().top_box_min();
    full.weighted = c.weighted() ? 1 : 0;
    CopyOut(full, out);
    return absl::OkStatus();
  });
}

size_t jtbd_wave_comparison_change_count(
    const jtbd_wave_comparison* comparison) {
  if (comparison == nullptr) return 0;
  return static_cast<size_t>(comparison->comparison.changes_size());
}

jtbd_error* jtbd_wave_comparison_change(const jtbd_wave_comparison* comparison,
                                        size_t index,
                                        jtbd_outcome_change* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "comparison", comparison));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::v1::OutcomeChange* change,
        ElementAt(fn, "index", comparison->comparison.changes(), index));
    CopyOut(ToC(*change), out);
    return absl::OkStatus();
  });
}

size_t jtbd_wave_comparison_one_wave_outcome_count(
    const jtbd_wave_comparison* comparison) {
  if (comparison == nullptr) return 0;
  return static_cast<size_t>(comparison->comparison.one_wave_outcomes_size());
}

jtbd_error* jtbd_wave_comparison_one_wave_outcome(
    const jtbd_wave_comparison* comparison, size_t index, const char** id,
    size_t* id_len, int32_t* wave) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "comparison", comparison));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "id", id));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "wave", wave));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::v1::OneWaveOutcome* outcome,
        ElementAt(fn, "index", comparison->comparison.one_wave_outcomes(),
                  index));
    OutputText(outcome->outcome_id(), id, id_len);
    *wave = static_cast<int32_t>(outcome->wave());
    return absl::OkStatus();
  });
}

size_t jtbd_wave_comparison_segment_count(
    const jtbd_wave_comparison* comparison) {
  if (comparison == nullptr) return 0;
  return static_cast<size_t>(comparison->comparison.segments_size());
}

jtbd_error* jtbd_wave_comparison_segment_name(
    const jtbd_wave_comparison* comparison, size_t segment, const char** name,
    size_t* name_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "comparison", comparison));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "name", name));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::WaveGroupComparison* group,
                               Segment(fn, *comparison, segment));
    OutputText(group->segment(), name, name_len);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_wave_comparison_segment_respondent_counts(
    const jtbd_wave_comparison* comparison, size_t segment, uint64_t* first,
    uint64_t* second) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "comparison", comparison));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "first", first));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "second", second));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::WaveGroupComparison* group,
                               Segment(fn, *comparison, segment));
    *first = group->first_respondent_count();
    *second = group->second_respondent_count();
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_wave_comparison_segment_change_count(
    const jtbd_wave_comparison* comparison, size_t segment, size_t* count) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "comparison", comparison));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "count", count));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::WaveGroupComparison* group,
                               Segment(fn, *comparison, segment));
    *count = static_cast<size_t>(group->changes_size());
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_wave_comparison_segment_change(
    const jtbd_wave_comparison* comparison, size_t segment, size_t index,
    jtbd_outcome_change* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "comparison", comparison));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::WaveGroupComparison* group,
                               Segment(fn, *comparison, segment));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::OutcomeChange* change,
                               ElementAt(fn, "index", group->changes(), index));
    CopyOut(ToC(*change), out);
    return absl::OkStatus();
  });
}

size_t jtbd_wave_comparison_one_wave_segment_count(
    const jtbd_wave_comparison* comparison) {
  if (comparison == nullptr) return 0;
  return static_cast<size_t>(comparison->comparison.one_wave_segments_size());
}

jtbd_error* jtbd_wave_comparison_one_wave_segment(
    const jtbd_wave_comparison* comparison, size_t index, const char** name,
    size_t* name_len, int32_t* wave) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "comparison", comparison));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "name", name));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "wave", wave));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::v1::OneWaveSegment* segment,
        ElementAt(fn, "index", comparison->comparison.one_wave_segments(),
                  index));
    OutputText(segment->segment(), name, name_len);
    *wave = static_cast<int32_t>(segment->wave());
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_wave_comparison_render(const jtbd_wave_comparison* comparison,
                                        int32_t format, jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "comparison", comparison));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    auto buffer = std::make_unique<jtbd_buffer>();
    switch (format) {
      case JTBD_FORMAT_TABLE:
        buffer->bytes = jtbd::RenderWaveComparisonTable(comparison->comparison);
        break;
      case JTBD_FORMAT_JSON: {
        JTBD_CAPI_ASSIGN_OR_RETURN(
            buffer->bytes,
            jtbd::RenderWaveComparisonJson(comparison->comparison));
        break;
      }
      case JTBD_FORMAT_CSV:
        buffer->bytes = jtbd::RenderWaveComparisonCsv(comparison->comparison);
        break;
      case JTBD_FORMAT_PROTOBUF: {
        JTBD_CAPI_ASSIGN_OR_RETURN(buffer,
                                   SerializeToBuffer(comparison->comparison));
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
