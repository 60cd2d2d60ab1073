#ifndef JTBD_CORE_SEGMENT_COMPARISON_H_
#define JTBD_CORE_SEGMENT_COMPARISON_H_

#include "absl/status/status.h"
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
// method, independent samples); Holm-adjusted p-values across the outcomes
// tested, per measure. Fills report->comparisons in the order of
// report->outcomes (which must be the segment's scores), the outcomes
// significantly more underserved in the segment (opportunity difference > 0
// and adjusted p < alpha = 1 - confidence level), and rest_respondent_count.
// FAILED_PRECONDITION when the aggregates or the report disagree on outcomes.
absl::Status CompareSegment(const Aggregate& segment, const Aggregate& rest,
                            const ScoringPlan& plan, v1::SegmentReport* report);

}  // namespace jtbd

#endif  // JTBD_CORE_SEGMENT_COMPARISON_H_
