#ifndef JTBD_CORE_SCORING_H_
#define JTBD_CORE_SCORING_H_

#include <cstddef>
#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/aggregate.h"
#include "core/scale.h"
#include "core/top_box_counts.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"
#include "stats/delta_method.h"
#include "stats/opportunity_interval.h"

namespace jtbd {

// ScoringOptions checked, with their defaults filled in.
struct ScoringPlan {
  static constexpr double kDefaultConfidenceLevel = 0.95;
  static constexpr uint32_t kDefaultBootstrapResamples = 2000;
  // Bounds the work one request can ask for.
  static constexpr uint32_t kMaxBootstrapResamples = 1000000;
  static constexpr uint64_t kDefaultSeed = 20240101;

  v1::ScoreMethod method = v1::SCORE_METHOD_ULWICK;  // never UNSPECIFIED
  double confidence_level = kDefaultConfidenceLevel;
  double critical_value = 1.959963984540054;  // z of confidence_level
  uint32_t bootstrap_resamples = kDefaultBootstrapResamples;
  uint64_t seed = kDefaultSeed;
  // Of the segment-vs-rest tests, across segments and outcomes; never
  // UNSPECIFIED.
  v1::PValueAdjustment p_value_adjustment = v1::P_VALUE_ADJUSTMENT_HOLM;
};

// INVALID_ARGUMENT for a confidence level outside (0, 1), more than
// kMaxBootstrapResamples resamples, an unknown method or an unknown p-value
// adjustment; the message names the option.
absl::StatusOr<ScoringPlan> MakeScoringPlan(const v1::ScoringOptions& options);

// A report counts respondents in 32 bits: OUT_OF_RANGE "<what> N exceeds
// the report's 32-bit counts" above that. Scoring checks it, and so does
// reading a serialized aggregate (naming its field), so that an aggregate
// that loads always scores.
absl::Status CheckFitsReport(uint64_t count, absl::string_view what);

// How a report under this plan computes OutcomeScore.opportunity_interval:
// moment selection for Ulwick's opportunity, else (Olsen) the bootstrap
// percentile interval, or the delta interval without resamples.
v1::OpportunityIntervalMethod OpportunityIntervalMethodOf(
    const ScoringPlan& plan);

// Report.method of a method: "ulwick_top_box", "mean_rescaled", "olsen",
// "top_box_only" ("unspecified" for anything else).
const char* ScoreMethodName(v1::ScoreMethod method);

// The lowest rating a method counts as top box: the scale's max for
// SCORE_METHOD_TOP_BOX_ONLY, the scale's top_box_min otherwise.
int MethodTopBoxMin(const Scale& scale, v1::ScoreMethod method);

// One outcome's estimates under a method, with the delta-method
// (co)variances behind its intervals and segment tests.
struct OutcomeEstimate {
  bool has_importance = false;    // some (weighted) importance answer
  bool has_satisfaction = false;  // some satisfaction answer
  // Importance and satisfaction (0-10) with their (co)variances.
  stats::ScorePair scores;
  double opportunity = 0;  // the method's opportunity
  double opportunity_variance = 0;
  // Kish effective numbers of answers (the counts when unweighted).
  double importance_effective_count = 0;
  double satisfaction_effective_count = 0;

  bool has_scores() const { return has_importance && has_satisfaction; }
};
OutcomeEstimate EstimateOutcome(const Aggregate& aggregate, size_t outcome,
                                v1::ScoreMethod method);

// What the opportunity interval of an estimate (has_scores()) is made of
// under a method other than Olsen's: scores, (effective) answer counts and
// whether they are top-box shares.
stats::OpportunityIntervalInput OpportunityIntervalInputOf(
    const OutcomeEstimate& estimate, v1::ScoreMethod method);

// Ulwick's scores from one outcome's counts: importance = 10 x top-box share
// among those who rated importance, satisfaction likewise, opportunity =
// I + max(I - S, 0), and the band. Fills counts too; leaves id, statement
// and rank to the caller. OUT_OF_RANGE if a count exceeds uint32.
absl::StatusOr<v1::OutcomeScore> ScoreOutcome(const TopBoxCounts& counts);

// One outcome of an aggregate scored under a plan: scores, band, counts and
// intervals (Wilson or normal for importance and satisfaction; delta method
// and bootstrap for opportunity). bootstrap_scope names the respondents
// scored ("" for the whole sample, else the segment's name) so that every
// (scope, outcome id) pair has its own bootstrap stream.
absl::StatusOr<v1::OutcomeScore> ScoreOutcome(
    const Aggregate& aggregate, size_t outcome, const ScoringPlan& plan,
    absl::string_view bootstrap_scope);

// One score per outcome of the aggregate, ranked (see RankOutcomes), with
// the report's method, confidence, bootstrap and weighting fields. The
// first form uses the default options.
absl::StatusOr<v1::Report> ScoreAggregate(const Aggregate& aggregate);
absl::StatusOr<v1::Report> ScoreAggregate(const Aggregate& aggregate,
                                          const v1::ScoringOptions& options);
absl::StatusOr<v1::Report> ScoreAggregate(const Aggregate& aggregate,
                                          const ScoringPlan& plan,
                                          absl::string_view bootstrap_scope);

// Orders scores by opportunity, highest first, ties in their current
// (declaration) order, outcomes without data last; sets rank.
void RankOutcomes(google::protobuf::RepeatedPtrField<v1::OutcomeScore>* scores);

}  // namespace jtbd

#endif  // JTBD_CORE_SCORING_H_
