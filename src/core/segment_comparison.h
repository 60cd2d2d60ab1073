#ifndef JTBD_CORE_SEGMENT_COMPARISON_H_
#define JTBD_CORE_SEGMENT_COMPARISON_H_

#include "absl/status/status.h"
#include "absl/types/span.h"
#include "core/aggregate.h"
#include "core/scoring.h"
#include "jtbd/v1/report.pb.h"

namespace jtbd {

// Compares a segment with the rest of the respondents (whole sample minus
// the segment, not the whole sample, which contains it), outcome by outcome:
// differences segment - rest; z-tests on importance and satisfaction (pooled
// two-proportion tests on the top-box shares with Kish effective counts, or
// for SCORE_METHOD_MEAN a z-test of the difference of means); a z-test of
// the opportunity difference with variance Var(segment) + Var(rest) (delta
// method, independent samples). Fills report->comparisons in the order of
// report->outcomes (which must be the segment's scores) and
// rest_respondent_count, then adjusts as AdjustSegmentComparisons({report})
// does: this segment alone as the family. A report of several segments must
// then call AdjustSegmentComparisons on all of them (the scoring functions
// do). FAILED_PRECONDITION when the aggregates or the report disagree on
// outcomes.
absl::Status CompareSegment(const Aggregate& segment, const Aggregate& rest,
                            const ScoringPlan& plan, v1::SegmentReport* report);

// Adjusts the p-values of every comparison of these segments as one family
// per measure (importance, satisfaction, opportunity): segments x outcomes,
// so that with G segments the error rate is controlled over all G x m
// tests, not per segment (which let the family-wise error grow to about
// G alpha). Sets each test's holm_adjusted_p_value (Holm, always) and,
// when plan.p_value_adjustment is Benjamini-Hochberg, adjusted_p_value
// (cleared under Holm), then more_underserved (opportunity difference > 0
// and the chosen adjusted p below alpha = 1 - confidence level) and
// more_underserved_outcome_ids.
void AdjustSegmentComparisons(absl::Span<v1::SegmentReport* const> segments,
                              const ScoringPlan& plan);

}  // namespace jtbd

#endif  // JTBD_CORE_SEGMENT_COMPARISON_H_
