#include "pipeline/score_survey.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/aggregate.h"
#include "core/scoring.h"
#include "core/segmented_scoring.h"
#include "core/study.h"
#include "core/job_map_coverage.h"
#include "design/design_reader.h"
#include "pipeline/survey_read.h"

namespace jtbd {
namespace {

// Attaches the descriptions, if any, to what was read.
template <typename Target>
absl::Status DescribeIfGiven(const SurveyScoringOptions& options,
                             const ReadOptions& read_options, Target* target) {
  if (!options.outcome_descriptions.has_value()) return absl::OkStatus();
  return DescribeOutcomes(*options.outcome_descriptions, read_options.limits,
                          target);
}

absl::StatusOr<v1::Report> ScoreByAggregate(
    const InputSource& survey, const ReadOptions& read_options,
    const SurveyScoringOptions& options) {
  absl::StatusOr<Aggregate> aggregate =
      ReadSurveyAggregate(survey, read_options);
  if (!aggregate.ok()) return aggregate.status();
  absl::Status described = DescribeIfGiven(options, read_options, &*aggregate);
  if (!described.ok()) return described;
  return ScoreAggregate(*aggregate, options.scoring);
}

absl::StatusOr<v1::Report> ScoreBySegmentedAggregate(
    const InputSource& given_survey, const ReadOptions& read_options,
    const SurveyScoringOptions& options) {
  // A missing segment column may have to be read past once more (below).
  std::string stdin_bytes;
  absl::StatusOr<InputSource> survey = Rereadable(given_survey, &stdin_bytes);
  if (!survey.ok()) return survey.status();
  const std::string& segment_by = options.scoring.segment_by();
  SurveyInspection inspection;
  absl::StatusOr<SegmentedAggregate> aggregates = ReadSurveySegmentedAggregate(
      *survey, read_options, segment_by, &inspection);
  if (!aggregates.ok()) {
    if (aggregates.status() != SegmentAttributeNotFoundError(
                                   segment_by, inspection.attributes_given)) {
      return aggregates.status();
    }
    // The survey was read whole, but no respondent has the attribute. The
    // descriptions' refusals come first, as on the Study path: check them
    // against the outcomes, which only a read without segments returns.
    if (options.outcome_descriptions.has_value()) {
      ReadOptions again = read_options;
      again.progress = nullptr;  // the survey was reported read
      absl::StatusOr<Aggregate> aggregate = ReadSurveyAggregate(*survey, again);
      if (aggregate.ok()) {
        absl::Status described =
            DescribeIfGiven(options, read_options, &*aggregate);
        if (!described.ok()) return described;
      }
    }
    return SegmentColumnNotFoundError(survey->name(), segment_by,
                                      inspection.attributes_given);
  }
  absl::Status described = DescribeIfGiven(options, read_options, &*aggregates);
  if (!described.ok()) return described;
  return ScoreSegmentedAggregate(*aggregates, options.scoring);
}

absl::StatusOr<v1::Report> ScoreByStudy(const InputSource& survey,
                                        const ReadOptions& read_options,
                                        const SurveyScoringOptions& options) {
  absl::StatusOr<Study> study = ReadSurveyStudy(survey, read_options);
  if (!study.ok()) return study.status();
  absl::Status described = DescribeIfGiven(options, read_options, &*study);
  if (!described.ok()) return described;
  const std::string& segment_by = options.scoring.segment_by();
  const std::vector<std::string>& attributes = study->attribute_names();
  if (!segment_by.empty() && std::find(attributes.begin(), attributes.end(),
                                       segment_by) == attributes.end()) {
    return SegmentColumnNotFoundError(survey.name(), segment_by, attributes);
  }
  return study->Score(options.scoring);
}

// Reads the design, if any, and attaches it and its coverage to `report`;
// a refused design leaves no report at all.
absl::StatusOr<v1::Report> AttachDesignIfGiven(
    absl::StatusOr<v1::Report> report, const ReadOptions& read_options,
    const SurveyScoringOptions& options) {
  if (!report.ok() || !options.design.has_value()) return report;
  const absl::StatusOr<std::string> bytes = ReadInputBytes(*options.design);
  if (!bytes.ok()) return bytes.status();
  const absl::StatusOr<v1::StudyDesign> design =
      design::ParseDesign(*bytes, options.design->name(),
                          design::DesignFormat::kAuto, read_options.limits);
  if (!design.ok()) return design.status();
  design::AttachDesign(*design, &*report);
  return report;
}

absl::StatusOr<v1::Report> ScoreBy(ScorePath path, const InputSource& survey,
                                   const ReadOptions& read_options,
                                   const SurveyScoringOptions& options) {
  switch (path) {
    case ScorePath::kAggregate:
      return ScoreByAggregate(survey, read_options, options);
    case ScorePath::kSegmentedAggregate:
      return ScoreBySegmentedAggregate(survey, read_options, options);
    case ScorePath::kStudy:
      break;
  }
  return ScoreByStudy(survey, read_options, options);
}

}  // namespace

const char* ScorePathName(ScorePath path) {
  switch (path) {
    case ScorePath::kAggregate:
      return "aggregate";
    case ScorePath::kSegmentedAggregate:
      return "segmented_aggregate";
    case ScorePath::kStudy:
      break;
  }
  return "study";
}

ScorePath CheapestScorePath(const v1::ScoringOptions& options) {
  // Screening revisits respondents, which aggregates no longer have.
  if (options.screening().enabled()) return ScorePath::kStudy;
  if (!options.segment_by().empty()) return ScorePath::kSegmentedAggregate;
  return ScorePath::kAggregate;
}

absl::Status SegmentColumnNotFoundError(
    absl::string_view source_name, absl::string_view segment_by,
    const std::vector<std::string>& attributes) {
  const std::string known =
      attributes.empty()
          ? std::string("the file has no respondent attribute columns")
          : absl::StrCat("respondent attribute columns: ",
                         absl::StrJoin(attributes, ", "));
  return absl::NotFoundError(
      absl::StrCat(source_name, ": line 1: no column \"", segment_by,
                   "\" with respondent values to segment by (", known, ")"));
}

absl::StatusOr<v1::Report> ScoreSurvey(const InputSource& survey,
                                       const ReadOptions& read_options,
                                       const SurveyScoringOptions& options) {
  return ScoreSurveyVia(CheapestScorePath(options.scoring), survey,
                        read_options, options);
}

absl::StatusOr<v1::Report> ScoreSurveyVia(ScorePath path,
                                          const InputSource& survey,
                                          const ReadOptions& read_options,
                                          const SurveyScoringOptions& options) {
  if (absl::Status once =
          CheckStandardInputReadOnce(survey, options.outcome_descriptions);
      !once.ok()) {
    return once;
  }
  const bool design_on_stdin =
      options.design.has_value() &&
      options.design->kind() == InputSource::Kind::kStandardInput;
  if (design_on_stdin && (survey.kind() == InputSource::Kind::kStandardInput ||
                          (options.outcome_descriptions.has_value() &&
                           options.outcome_descriptions->kind() ==
                               InputSource::Kind::kStandardInput))) {
    return absl::InvalidArgumentError(
        "standard input can feed one of the survey, the outcome descriptions "
        "and the design, not two");
  }
  const bool segmented = !options.scoring.segment_by().empty();
  if (path != ScorePath::kStudy && options.scoring.screening().enabled()) {
    return absl::InvalidArgumentError(
        absl::StrCat("screening needs the respondents: the ",
                     ScorePathName(path), " path cannot screen"));
  }
  if (path == ScorePath::kAggregate && segmented) {
    return absl::InvalidArgumentError(
        "segment_by needs segments: the aggregate path has none");
  }
  if (path == ScorePath::kSegmentedAggregate && !segmented) {
    return absl::InvalidArgumentError(
        "the segmented_aggregate path needs segment_by");
  }
  return AttachDesignIfGiven(ScoreBy(path, survey, read_options, options),
                             read_options, options);
}

}  // namespace jtbd
