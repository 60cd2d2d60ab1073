// The reads of `jtbd compare`: a wave of a survey is either any survey the
// readers take (every export format, read straight into aggregates) or a
// saved aggregate file (io/saved_file.h), so that last quarter's aggregate,
// kept without its raw answers, compares with this quarter's export.
#ifndef JTBD_PIPELINE_WAVE_READ_H_
#define JTBD_PIPELINE_WAVE_READ_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/aggregate.h"
#include "core/segmented_scoring.h"
#include "io/survey_reader.h"
#include "pipeline/input_source.h"

namespace jtbd {

// The wave's aggregate: a saved aggregate file when the input starts with
// the saved-file signature (read whole, every check of ParseAggregateFile),
// else a survey read with `read_options` (ReadSurveyAggregate). Errors name
// the input.
absl::StatusOr<Aggregate> ReadWave(const InputSource& wave,
                                   const ReadOptions& read_options);

// The wave's whole-sample and per-segment aggregates by `segment_by`.
// FAILED_PRECONDITION for a saved aggregate, which keeps no respondent
// attributes; NOT_FOUND (SegmentColumnNotFoundError) when no respondent
// of the survey has a value in that column.
absl::StatusOr<SegmentedAggregate> ReadSegmentedWave(
    const InputSource& wave, const ReadOptions& read_options,
    absl::string_view segment_by);

}  // namespace jtbd

#endif  // JTBD_PIPELINE_WAVE_READ_H_
