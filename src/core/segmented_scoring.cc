#include "core/segmented_scoring.h"

#include <limits>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "core/report_warnings.h"
#include "core/segment_comparison.h"

namespace jtbd {

absl::Status SegmentAttributeNotFoundError(
    absl::string_view segment_by,
    const std::vector<std::string>& attribute_names) {
  const std::string known = attribute_names.empty()
                                ? std::string("none")
                                : absl::StrJoin(attribute_names, ", ");
  return absl::NotFoundError(absl::StrFormat(
      "no respondent has the attribute \"%s\" to segment by (attributes: %s)",
      segment_by, known));
}

absl::StatusOr<v1::Report> ScoreSegmentedAggregate(
    const SegmentedAggregate& aggregates, const ScoringPlan& plan) {
  if (aggregates.unsegmented_respondent_count >
      std::numeric_limits<uint32_t>::max()) {
    return absl::OutOfRangeError(
        "unsegmented respondent count exceeds 32 bits");
  }
  absl::StatusOr<v1::Report> report = ScoreAggregate(aggregates.all, plan, "");
  if (!report.ok()) return report.status();
  report->set_segment_by(aggregates.segment_by);
  report->set_unsegmented_respondent_count(
      static_cast<uint32_t>(aggregates.unsegmented_respondent_count));
  for (const auto& [name, aggregate] : aggregates.segments) {
    absl::StatusOr<v1::Report> part = ScoreAggregate(aggregate, plan, name);
    if (!part.ok()) return part.status();
    v1::SegmentReport* segment = report->add_segments();
    segment->set_name(name);
    segment->set_respondent_count(part->respondent_count());
    if (part->has_effective_respondent_count()) {
      segment->set_effective_respondent_count(
          part->effective_respondent_count());
    }
    segment->mutable_outcomes()->Swap(part->mutable_outcomes());
    // The rest of the sample is whole - segment: cells subtract exactly.
    Aggregate rest = aggregates.all;
    absl::Status status = rest.Subtract(aggregate);
    if (status.ok()) status = CompareSegment(aggregate, rest, plan, segment);
    if (!status.ok()) return status;
  }
  // One family across segments and outcomes.
  std::vector<v1::SegmentReport*> segments;
  for (v1::SegmentReport& segment : *report->mutable_segments()) {
    segments.push_back(&segment);
  }
  AdjustSegmentComparisons(segments, plan);
  AddReportWarnings(&*report);
  return report;
}

absl::StatusOr<v1::Report> ScoreSegmentedAggregate(
    const SegmentedAggregate& aggregates, const v1::ScoringOptions& options) {
  if (options.screening().enabled()) {
    return absl::InvalidArgumentError(
        "screening needs the respondents: score a study, not an aggregate");
  }
  absl::StatusOr<ScoringPlan> plan = MakeScoringPlan(options);
  if (!plan.ok()) return plan.status();
  return ScoreSegmentedAggregate(aggregates, *plan);
}

}  // namespace jtbd
