#include "stats/opportunity_interval.h"

#include <algorithm>
#include <cmath>

#include "stats/bivariate_normal.h"
#include "stats/mover.h"
#include "stats/normal.h"
#include "stats/wilson.h"

namespace jtbd {
namespace stats {
namespace {

// Variance of a score (0-10) for selecting a branch and correlating the
// limits: Agresti-Coull's for a top-box share, so that a share of 0 or 1
// still has sampling uncertainty; the plain variance for a mean.
double SelectionVariance(double score, double variance, double trials,
                         bool top_box, double z) {
  if (!top_box) return variance;
  const double shrunk = (score / 10 * trials + z * z / 2) / (trials + z * z);
  return 100 * shrunk * (1 - shrunk) / (trials + z * z);
}

// Limits of a score at critical value c.
Interval ScoreLimits(double score, double variance, double trials, bool top_box,
                     double c) {
  if (!top_box) return NormalInterval(score, variance, c);
  const Interval share = ModifiedWilsonInterval(score / 10, trials, c);
  return Interval{10 * share.low, 10 * share.high};
}

double Correlation(double covariance, double variance1, double variance2) {
  const double denominator = std::sqrt(variance1 * variance2);
  if (!(denominator > 0)) return 0;
  return std::clamp(covariance / denominator, -1.0, 1.0);
}

}  // namespace

OpportunityInterval UlwickOpportunityInterval(
    const OpportunityIntervalInput& input, double confidence_level) {
  return UlwickOpportunityIntervalForTail(input, (1 - confidence_level) / 2);
}

OpportunityInterval UlwickOpportunityIntervalForTail(
    const OpportunityIntervalInput& input, double tail) {
  const ScorePair& s = input.scores;
  // CriticalValue's own computation, so that both entry points agree to the
  // last bit.
  const double z = -NormalQuantile(tail);
  const double variance_i =
      SelectionVariance(s.importance, s.importance_variance,
                        input.importance_trials, input.top_box, z);
  const double variance_s =
      SelectionVariance(s.satisfaction, s.satisfaction_variance,
                        input.satisfaction_trials, input.top_box, z);
  const double covariance = s.covariance;
  OpportunityInterval result;
  result.kappa = std::sqrt(std::max(
      1.0,
      std::log(std::min(input.importance_trials, input.satisfaction_trials))));
  const double gap = s.importance - s.satisfaction;
  const double gap_sd =
      std::sqrt(std::max(0.0, variance_i + variance_s - 2 * covariance));
  if (gap > result.kappa * gap_sd) {
    result.branch = OpportunityBranch::kTwiceImportanceGap;
  } else if (gap < -result.kappa * gap_sd) {
    result.branch = OpportunityBranch::kImportance;
  }
  // Var(2I - S) and Cov(I, 2I - S) for the simultaneous critical value.
  const double variance_b =
      std::max(0.0, 4 * variance_i + variance_s - 4 * covariance);
  const double correlation_ab =
      variance_b > 0
          ? Correlation(2 * variance_i - covariance, variance_i, variance_b)
          : 1.0;
  result.critical_value = result.branch == OpportunityBranch::kBoth
                              ? MaxCriticalValue(tail, correlation_ab)
                              : z;
  const double c = result.critical_value;
  const Interval a = ScoreLimits(s.importance, s.importance_variance,
                                 input.importance_trials, input.top_box, c);
  if (result.branch == OpportunityBranch::kImportance) {
    result.interval = a;
    return result;
  }
  const Interval satisfaction =
      ScoreLimits(s.satisfaction, s.satisfaction_variance,
                  input.satisfaction_trials, input.top_box, c);
  const Interval b =
      MoverSum(MoverTerm{2 * s.importance, Interval{2 * a.low, 2 * a.high}},
               MoverTerm{-s.satisfaction,
                         Interval{-satisfaction.high, -satisfaction.low}},
               -Correlation(covariance, variance_i, variance_s));
  if (result.branch == OpportunityBranch::kTwiceImportanceGap) {
    result.interval = b;
    return result;
  }
  result.interval = Interval{std::max(a.low, b.low), std::max(a.high, b.high)};
  return result;
}

}  // namespace stats
}  // namespace jtbd
