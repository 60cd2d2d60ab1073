// The reads of io/survey_reader.h and io/outcome_descriptions.h from any
// InputSource: a file is read by the io function for files (mapped, its
// errors naming the path), standard input is read whole first, bytes are
// read in place. The pipeline's steps (score_survey.h, segment_survey.h)
// and `jtbd inspect` read through these.
#ifndef JTBD_PIPELINE_SURVEY_READ_H_
#define JTBD_PIPELINE_SURVEY_READ_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/aggregate.h"
#include "core/resource_limits.h"
#include "core/segmented_scoring.h"
#include "core/study.h"
#include "io/survey_reader.h"
#include "pipeline/input_source.h"

namespace jtbd {

// ReadSurveyCsv / ReadSurveyCsvFile.
absl::StatusOr<Study> ReadSurveyStudy(const InputSource& survey,
                                      const ReadOptions& options,
                                      SurveyInspection* inspection = nullptr);

// ReadSurveyCsvAggregate / ReadSurveyCsvFileAggregate.
absl::StatusOr<Aggregate> ReadSurveyAggregate(
    const InputSource& survey, const ReadOptions& options,
    SurveyInspection* inspection = nullptr);

// ReadSurveyCsvSegmentedAggregate / ReadSurveyCsvFileSegmentedAggregate.
absl::StatusOr<SegmentedAggregate> ReadSurveySegmentedAggregate(
    const InputSource& survey, const ReadOptions& options,
    absl::string_view segment_by, SurveyInspection* inspection = nullptr);

// ReadOutcomeDescriptionsCsv on a study, an aggregate or segmented
// aggregates (a file mapped, as ReadOutcomeDescriptionsCsvFile does).
absl::Status DescribeOutcomes(const InputSource& descriptions,
                              const ResourceLimits& limits, Study* study);
absl::Status DescribeOutcomes(const InputSource& descriptions,
                              const ResourceLimits& limits,
                              Aggregate* aggregate);
absl::Status DescribeOutcomes(const InputSource& descriptions,
                              const ResourceLimits& limits,
                              SegmentedAggregate* aggregates);

}  // namespace jtbd

#endif  // JTBD_PIPELINE_SURVEY_READ_H_
