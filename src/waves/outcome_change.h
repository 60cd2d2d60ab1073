// One outcome's change between two survey waves: both waves' scores, the
// differences (second wave minus first) with their intervals, and the raw
// tests of no change. The adjustment across outcomes is change_family.h's.
#ifndef JTBD_WAVES_OUTCOME_CHANGE_H_
#define JTBD_WAVES_OUTCOME_CHANGE_H_

#include <cstddef>

#include "absl/status/statusor.h"
#include "core/aggregate.h"
#include "core/scoring.h"
#include "jtbd/v1/waves.pb.h"

namespace jtbd {
namespace waves {

// Compares outcome `first_outcome` of `first` with outcome `second_outcome`
// of `second` (the same outcome id; the waves are independent samples).
//   importance, satisfaction: under top-box methods the difference of the
//     scores with Newcombe's hybrid score interval (x10) and the pooled
//     two-proportion z-test, both on Kish effective counts, as segments
//     are tested; under SCORE_METHOD_MEAN a normal interval and z-test
//     with the delta-method variances;
//   opportunity: the difference -+ z sqrt(Var1 + Var2) and its z-test, the
//     variances by the delta method, as the segment-vs-rest opportunity
//     test has them.
// A change is absent when a wave has no answer to it (or its variance is 0
// while the difference is not). Adjusted p-values and `significant` are
// left to AdjustChanges. OUT_OF_RANGE when a count exceeds a report's 32
// bits.
absl::StatusOr<v1::OutcomeChange> CompareOutcome(const Aggregate& first,
                                                 size_t first_outcome,
                                                 const Aggregate& second,
                                                 size_t second_outcome,
                                                 const ScoringPlan& plan);

}  // namespace waves
}  // namespace jtbd

#endif  // JTBD_WAVES_OUTCOME_CHANGE_H_
