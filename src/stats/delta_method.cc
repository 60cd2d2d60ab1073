#include "stats/delta_method.h"

#include <algorithm>
#include <cmath>

namespace jtbd {
namespace stats {

double TopBoxScoreVariance(double share, double trials) {
  return 100 * share * (1 - share) / trials;
}

double TopBoxScoreCovariance(double importance_count, double satisfaction_count,
                             double both_count, double both_top_share,
                             double both_importance_share,
                             double both_satisfaction_share) {
  return 100 * both_count *
         (both_top_share - both_importance_share * both_satisfaction_share) /
         (importance_count * satisfaction_count);
}

double UlwickOpportunity(double importance, double satisfaction) {
  return importance + std::max(importance - satisfaction, 0.0);
}

double UlwickOpportunityVariance(const ScorePair& s) {
  if (s.importance < s.satisfaction) return s.importance_variance;
  return std::max(0.0, 4 * s.importance_variance + s.satisfaction_variance -
                           4 * s.covariance);
}

double OlsenOpportunity(double importance, double satisfaction) {
  return importance / 10 * (1 - satisfaction / 10);
}

double OlsenOpportunityVariance(const ScorePair& s) {
  const double g_importance = (1 - s.satisfaction / 10) / 10;
  const double g_satisfaction = -(s.importance / 10) / 10;
  return std::max(
      0.0, g_importance * g_importance * s.importance_variance +
               g_satisfaction * g_satisfaction * s.satisfaction_variance +
               2 * g_importance * g_satisfaction * s.covariance);
}

Interval NormalInterval(double estimate, double variance, double z) {
  const double half = z * std::sqrt(variance);
  return Interval{estimate - half, estimate + half};
}

}  // namespace stats
}  // namespace jtbd
