#ifndef JTBD_CORE_COMPETITOR_SCORING_H_
#define JTBD_CORE_COMPETITOR_SCORING_H_

#include <cstddef>

#include "absl/status/status.h"
#include "core/aggregate.h"
#include "core/scoring.h"
#include "jtbd/v1/report.pb.h"

namespace jtbd {

// Competing solutions on one outcome (docs/SCORING.md, "Competing
// solutions"), from the aggregate's solution tables: per solution, its
// satisfaction S_c over the respondents who rated it (the method's score,
// weighted like ours), its interval (Wilson with Kish n, or normal for
// SCORE_METHOD_MEAN), counts, the gap S_c - S to our satisfaction with its
// z-test, and the labelled extension Opp_c = I + max(I - S_c, 0); then the
// best solution (highest S_c, the first declared among equals), its gap and
// test, the "20 % better" target min(10, 1.2 S_best) (a heuristic) and its
// interval from Bonferroni-simultaneous intervals of every rated S_c.
//
// The gap test is a z-test for two proportions on overlapping samples: the
// same respondent may rate us and the competitor, so
//   Var(S_c - S) = Var(S_c) + Var(S) - 2 Cov(S_c, S),
// Cov from the respondents who rated both (as for importance and
// satisfaction in the delta method). It is a paired (McNemar-like) Wald
// test when everyone rated both and the unpooled independent test when
// nobody did. Holm adjustment is AdjustBestSolutionGapTests.
// OUT_OF_RANGE when a count exceeds 32 bits.
absl::Status ScoreCompetitors(const Aggregate& aggregate, size_t outcome,
                              const ScoringPlan& plan, v1::OutcomeScore* score);

// Sets holm_adjusted_p_value of every solution's satisfaction_gap_test of
// `outcomes` (Holm across all of them: every solution on every outcome), and
// of each best_solution_gap_test to its solution's.
void AdjustBestSolutionGapTests(
    google::protobuf::RepeatedPtrField<v1::OutcomeScore>* outcomes);

}  // namespace jtbd

#endif  // JTBD_CORE_COMPETITOR_SCORING_H_
