#include "pipeline/segment_survey.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "core/study.h"
#include "io/saved_file.h"
#include "pipeline/survey_read.h"

namespace jtbd {
namespace {

// Data problems of the segmentation itself name the survey they come from.
absl::Status InSurvey(const absl::Status& status, const InputSource& survey) {
  return absl::Status(status.code(),
                      absl::StrCat(survey.name(), ": ", status.message()));
}

}  // namespace

absl::StatusOr<Segmentation> SegmentSurvey(
    const InputSource& survey, const ReadOptions& read_options,
    const v1::SegmentationOptions& options,
    const absl::optional<InputSource>& outcome_descriptions) {
  // Every option checked before the data is read.
  if (absl::StatusOr<SegmentationPlan> plan = MakeSegmentationPlan(options);
      !plan.ok()) {
    return plan.status();
  }
  if (absl::Status once =
          CheckStandardInputReadOnce(survey, outcome_descriptions);
      !once.ok()) {
    return once;
  }
  absl::StatusOr<Study> study = ReadSurveyStudy(survey, read_options);
  if (!study.ok()) return study.status();
  if (outcome_descriptions.has_value()) {
    absl::Status described =
        DescribeOutcomes(*outcome_descriptions, read_options.limits, &*study);
    if (!described.ok()) return described;
  }
  absl::StatusOr<Segmentation> segmentation = SegmentStudy(*study, options);
  if (!segmentation.ok()) return InSurvey(segmentation.status(), survey);
  return segmentation;
}

absl::StatusOr<SegmentModel> ReadSegmentModel(const InputSource& model) {
  absl::StatusOr<std::string> bytes = ReadInputBytes(model);
  if (!bytes.ok()) return bytes.status();
  return ParseSegmentModelFile(*bytes, model.name());
}

absl::StatusOr<RespondentSegments> TagSurveyRespondents(
    const InputSource& survey, const ReadOptions& read_options,
    const SegmentModel& model) {
  absl::StatusOr<Study> study = ReadSurveyStudy(survey, read_options);
  if (!study.ok()) return study.status();
  absl::StatusOr<std::vector<uint32_t>> clusters = model.AssignStudy(*study);
  if (!clusters.ok()) return InSurvey(clusters.status(), survey);
  RespondentSegments respondents;
  respondents.Reserve(static_cast<int>(clusters->size()));
  for (size_t r = 0; r < clusters->size(); ++r) {
    v1::RespondentSegment* respondent = respondents.Add();
    respondent->set_respondent_id(study->respondent_id(r));
    respondent->set_cluster((*clusters)[r]);
  }
  return respondents;
}

}  // namespace jtbd
