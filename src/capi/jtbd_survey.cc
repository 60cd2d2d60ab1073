// jtbd.h: surveys in one step (jtbd_score_survey[_file],
// jtbd_segment_survey[_file]): translations of the pipeline's "score this
// survey" and "segment this survey", the calls the jtbd command and the
// sidecar make, so that a C caller gets the same path, report and refusals.
#include <memory>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "capi/capi_internal.h"
#include "core/scoring.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/scoring.pb.h"
#include "jtbd/v1/segmentation.pb.h"
#include "pipeline/input_source.h"
#include "pipeline/score_survey.h"
#include "pipeline/segment_survey.h"
#include "segments/segmentation.h"

using jtbd::capi::CheckNotNull;
using jtbd::capi::Guard;
using jtbd::capi::OutcomeDescriptionsForUse;
using jtbd::capi::Publish;
using jtbd::capi::ReadOptionsForUse;
using jtbd::capi::SurveyBytesArgument;
using jtbd::capi::SurveyFileArgument;

namespace {

absl::Status ScoreSurvey(const jtbd_read_options* read_options,
                         const jtbd_score_options* score_options,
                         const jtbd::InputSource& survey, jtbd_report** out) {
  JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::ReadOptions read,
                             ReadOptionsForUse(read_options));
  jtbd::SurveyScoringOptions options;
  if (score_options != nullptr) options.scoring = score_options->options;
  options.outcome_descriptions = OutcomeDescriptionsForUse(read_options);
  if (score_options != nullptr && !score_options->design_bytes.empty()) {
    options.design = jtbd::InputSource::Bytes(score_options->design_bytes,
                                              score_options->design_source);
  }
  auto report = std::make_unique<jtbd_report>();
  JTBD_CAPI_ASSIGN_OR_RETURN(report->report,
                             jtbd::ScoreSurvey(survey, read, options));
  Publish(std::move(report), out);
  return absl::OkStatus();
}

absl::Status SegmentSurvey(const jtbd_read_options* read_options,
                           const jtbd_segment_options* segment_options,
                           const jtbd::InputSource& survey,
                           jtbd_segmentation** out) {
  const jtbd::v1::SegmentationOptions options =
      segment_options == nullptr ? jtbd::v1::SegmentationOptions()
                                 : segment_options->options;
  // Checked again by SegmentSurvey before it reads; the plan is what the
  // segments' reports are headed with (jtbd_segmentation).
  JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::SegmentationPlan plan,
                             jtbd::MakeSegmentationPlan(options));
  JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::ReadOptions read,
                             ReadOptionsForUse(read_options));
  JTBD_CAPI_ASSIGN_OR_RETURN(
      jtbd::Segmentation segmentation,
      jtbd::SegmentSurvey(survey, read, options,
                          OutcomeDescriptionsForUse(read_options)));
  // The model keeps the study's scale, which the per-segment reports need.
  const jtbd::Scale scale = segmentation.model.scale();
  Publish(std::make_unique<jtbd_segmentation>(std::move(segmentation),
                                              plan.scoring, scale),
          out);
  return absl::OkStatus();
}

}  // namespace

extern "C" {

jtbd_error* jtbd_score_survey(const jtbd_read_options* read_options,
                              const jtbd_score_options* score_options,
                              const char* data, size_t size,
                              const char* source_name, size_t source_name_len,
                              jtbd_report** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::InputSource survey,
        SurveyBytesArgument(fn, data, size, source_name, source_name_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    return ScoreSurvey(read_options, score_options, survey, out);
  });
}

jtbd_error* jtbd_score_survey_file(const jtbd_read_options* read_options,
                                   const jtbd_score_options* score_options,
                                   const char* path, size_t path_len,
                                   jtbd_report** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::InputSource survey,
                               SurveyFileArgument(fn, path, path_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    return ScoreSurvey(read_options, score_options, survey, out);
  });
}

jtbd_error* jtbd_segment_survey(const jtbd_read_options* read_options,
                                const jtbd_segment_options* segment_options,
                                const char* data, size_t size,
                                const char* source_name, size_t source_name_len,
                                jtbd_segmentation** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::InputSource survey,
        SurveyBytesArgument(fn, data, size, source_name, source_name_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    return SegmentSurvey(read_options, segment_options, survey, out);
  });
}

jtbd_error* jtbd_segment_survey_file(
    const jtbd_read_options* read_options,
    const jtbd_segment_options* segment_options, const char* path,
    size_t path_len, jtbd_segmentation** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::InputSource survey,
                               SurveyFileArgument(fn, path, path_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    return SegmentSurvey(read_options, segment_options, survey, out);
  });
}

}  // extern "C"
