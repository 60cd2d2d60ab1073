#ifndef JTBD_CORE_SCORING_H_
#define JTBD_CORE_SCORING_H_

#include "absl/status/statusor.h"
#include "core/aggregate.h"
#include "core/top_box_counts.h"
#include "jtbd/v1/report.pb.h"

namespace jtbd {

// Ulwick's scores from one outcome's counts: importance = 10 x top-box share
// among those who rated importance, satisfaction likewise, opportunity =
// I + max(I - S, 0), and the band. Fills counts too; leaves id, statement
// and rank to the caller. OUT_OF_RANGE if a count exceeds uint32.
absl::StatusOr<v1::OutcomeScore> ScoreOutcome(const TopBoxCounts& counts);

// One score per outcome of the aggregate, ranked (see RankOutcomes).
absl::StatusOr<v1::Report> ScoreAggregate(const Aggregate& aggregate);

// Orders scores by opportunity, highest first, ties in their current
// (declaration) order, outcomes without data last; sets rank.
void RankOutcomes(google::protobuf::RepeatedPtrField<v1::OutcomeScore>* scores);

}  // namespace jtbd

#endif  // JTBD_CORE_SCORING_H_
