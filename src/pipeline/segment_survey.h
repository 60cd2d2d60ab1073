// "Segment this survey": fit outcome-based segments to a survey from any
// source (what `jtbd segment` and the sidecar's /v1/segment render), and
// tag a survey's respondents with a saved model (`jtbd segment --apply`).
//
// Both need every respondent's answers at once (k-means revisits them; a
// model places respondents one by one, which the reader has no sink for
// yet), so both read the survey into a Study.
#ifndef JTBD_PIPELINE_SEGMENT_SURVEY_H_
#define JTBD_PIPELINE_SEGMENT_SURVEY_H_

#include "absl/status/statusor.h"
#include "absl/types/optional.h"
#include "io/survey_reader.h"
#include "jtbd/v1/segmentation.pb.h"
#include "pipeline/input_source.h"
#include "render/respondent_segments_render.h"  // RespondentSegments
#include "segments/segment_model.h"
#include "segments/segmentation.h"

namespace jtbd {

// Reads `survey`, describes its outcomes when `outcome_descriptions` is
// given (io/outcome_descriptions.h, read with the survey's limits) and
// segments it (SegmentStudy). Refusals, in this order: the options'
// (INVALID_ARGUMENT naming the option, MakeSegmentationPlan), before
// anything is read; the survey's (io/survey_reader.h); the descriptions';
// the segmentation's (FAILED_PRECONDITION when it cannot be segmented into
// the k asked), prefixed with the survey's name ("survey.csv: ...").
absl::StatusOr<Segmentation> SegmentSurvey(
    const InputSource& survey, const ReadOptions& read_options,
    const v1::SegmentationOptions& options,
    const absl::optional<InputSource>& outcome_descriptions = absl::nullopt);

// A segment model saved by `jtbd segment --save-model` (io/saved_file.h):
// anything but a whole segment model file of a known format is refused,
// naming the source.
absl::StatusOr<SegmentModel> ReadSegmentModel(const InputSource& model);

// Reads `survey` and tags each respondent with its segment under `model`
// (SegmentModel::AssignStudy; cluster 0: no usable answer), in survey
// order. Refusals: the survey's; then the model's (FAILED_PRECONDITION when
// the scales differ), prefixed with the survey's name.
absl::StatusOr<RespondentSegments> TagSurveyRespondents(
    const InputSource& survey, const ReadOptions& read_options,
    const SegmentModel& model);

}  // namespace jtbd

#endif  // JTBD_PIPELINE_SEGMENT_SURVEY_H_
