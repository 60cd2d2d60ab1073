#ifndef JTBD_STATS_OPPORTUNITY_INTERVAL_H_
#define JTBD_STATS_OPPORTUNITY_INTERVAL_H_

#include "stats/delta_method.h"
#include "stats/interval.h"

namespace jtbd {
namespace stats {

// What an opportunity interval is made of.
struct OpportunityIntervalInput {
  // I and S (0-10), their variances and covariance (delta_method.h).
  ScorePair scores;
  // Answers behind I and S: counts, or Kish effective counts when weighted.
  double importance_trials = 0;
  double satisfaction_trials = 0;
  // Top-box shares (Wilson limits) or means (normal limits).
  bool top_box = true;
};

// Which side of the kink the data put opportunity on.
enum class OpportunityBranch {
  kImportance,          // clearly I < S: opportunity = I
  kBoth,                // I - S within kappa standard errors of 0
  kTwiceImportanceGap,  // clearly I > S: opportunity = 2I - S
};

struct OpportunityInterval {
  Interval interval;
  OpportunityBranch branch = OpportunityBranch::kBoth;
  double critical_value = 0;  // per side, the z or the max-z used
  double kappa = 0;           // the selection threshold in standard errors
};

// Interval for Ulwick's opportunity O = I + max(I - S, 0) = max(a, b) with
// a = I and b = 2I - S, valid at the kink I = S, at small n and near
// shares of 0 or 1 (docs/SCORING.md, "Opportunity interval"):
// - moment selection (Andrews and Soares 2010): when |I - S| exceeds
//   kappa = sqrt(max(1, ln n)) standard errors (n the smaller of the two
//   counts), only the larger of a and b can be O, and O's interval is
//   that one's at the nominal z; otherwise both count;
// - with both, the limits of a and b take the critical value c that holds
//   both at once, P(max(Z_a, Z_b) > c) = (1 - level) / 2 for their
//   correlation, and O's limits are [max(low_a, low_b), max(high_a,
//   high_b)]: O >= a and O >= b, so each side fails only when one of the
//   two simultaneous one-sided limits does;
// - a's limits are Wilson's for the importance share (x 10), b's the MOVER
//   combination of the Wilson limits of 2I and of -S with their
//   correlation; for means, normal limits.
// The standard errors used to select and correlate are Agresti-Coull's
// (p + z^2/2n shrunk), never zero at shares of 0 or 1. Requires both
// trial counts > 0 and 0 < confidence_level < 1.
OpportunityInterval UlwickOpportunityInterval(
    const OpportunityIntervalInput& input, double confidence_level);

// The same interval given its one-sided error `tail` = (1 - level) / 2
// instead of the level, which keeps its digits for levels too close to 1
// for a double (tests invert the interval down to tails of 1e-9).
// Requires 0 < tail < 0.5.
OpportunityInterval UlwickOpportunityIntervalForTail(
    const OpportunityIntervalInput& input, double tail);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_OPPORTUNITY_INTERVAL_H_
