#ifndef JTBD_STATS_DELTA_METHOD_H_
#define JTBD_STATS_DELTA_METHOD_H_

#include "stats/interval.h"

namespace jtbd {
namespace stats {

// Importance and satisfaction estimates (0-10) with their sampling
// variances and covariance: the inputs of the delta method.
struct ScorePair {
  double importance = 0;
  double satisfaction = 0;
  double importance_variance = 0;
  double satisfaction_variance = 0;
  double covariance = 0;
};

// Variance of a top-box score (10 x share): 100 p (1 - p) / n.
double TopBoxScoreVariance(double share, double trials);

// Covariance of the importance and satisfaction top-box scores, estimated
// from the both_count respondents who answered both (shares among those):
//   100 n_b (p11 - pI pS) / (n_I n_S)
// (docs/SCORING.md derives it). With weights, n_b stands for the sum of the
// squared weights of those respondents and n_I, n_S for the weight sums.
double TopBoxScoreCovariance(double importance_count, double satisfaction_count,
                             double both_count, double both_top_share,
                             double both_importance_share,
                             double both_satisfaction_share);

// Ulwick's opportunity I + max(I - S, 0).
double UlwickOpportunity(double importance, double satisfaction);

// Its delta-method variance: 4 Var(I) + Var(S) - 4 Cov(I, S) where I >= S
// (also at I == S, where opportunity has no derivative), Var(I) where
// I < S. Never negative: an estimated covariance matrix that is not
// positive semi-definite (possible when n_I, n_S and n_b differ) yields 0.
double UlwickOpportunityVariance(const ScorePair& scores);

// Olsen's opportunity on 0-1 shares: (I / 10) (1 - S / 10).
double OlsenOpportunity(double importance, double satisfaction);

// Its delta-method variance: with gI = (1 - S/10) / 10 and gS = -(I/10) / 10,
// gI^2 Var(I) + gS^2 Var(S) + 2 gI gS Cov(I, S); never negative.
double OlsenOpportunityVariance(const ScorePair& scores);

// estimate -+ z sqrt(variance), unclamped: a delta interval that leaves the
// score's range says the normal approximation is poor there.
Interval NormalInterval(double estimate, double variance, double z);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_DELTA_METHOD_H_
