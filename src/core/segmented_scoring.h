// Scoring of a whole sample and of its segments from aggregates alone: what
// Study::Score does with segment_by once respondents are reduced, shared
// with the streaming read (io/survey_reader.h), so that both give identical
// reports.
#ifndef JTBD_CORE_SEGMENTED_SCORING_H_
#define JTBD_CORE_SEGMENTED_SCORING_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/aggregate.h"
#include "core/scoring.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"

namespace jtbd {

// The whole-sample aggregate and one aggregate per distinct non-empty value
// of the segment attribute (same scale, outcomes, solutions and weighting
// as `all`); memory grows with the number of values, not respondents.
struct SegmentedAggregate {
  explicit SegmentedAggregate(Aggregate whole) : all(std::move(whole)) {}

  std::string segment_by;  // the attribute's name
  Aggregate all;
  // By value; std::map keeps them in the order reports list them.
  std::map<std::string, Aggregate> segments;
  // Respondents in `all` without a value of the attribute.
  uint64_t unsegmented_respondent_count = 0;
};

// The NOT_FOUND every segmented scoring returns when no respondent has the
// attribute; attribute_names are those some respondent has, in the order
// first given ("none" when empty).
absl::Status SegmentAttributeNotFoundError(
    absl::string_view segment_by,
    const std::vector<std::string>& attribute_names);

// The report of `all` under the plan, with segment_by and the unsegmented
// count, plus one SegmentReport per segment, in name order, each scored on
// its own (bootstrap scope = its name) and compared with the rest of the
// sample (all - segment: CompareSegment). FAILED_PRECONDITION when a
// segment does not fit in `all`.
absl::StatusOr<v1::Report> ScoreSegmentedAggregate(
    const SegmentedAggregate& aggregates, const ScoringPlan& plan);
// The same under options (INVALID_ARGUMENT for invalid ones); their
// segment_by is not used (aggregates.segment_by is) and screening, which
// needs respondents, is refused like ScoreAggregate refuses it.
absl::StatusOr<v1::Report> ScoreSegmentedAggregate(
    const SegmentedAggregate& aggregates, const v1::ScoringOptions& options);

}  // namespace jtbd

#endif  // JTBD_CORE_SEGMENTED_SCORING_H_
