#ifndef JTBD_STATS_TABLE_MOMENTS_H_
#define JTBD_STATS_TABLE_MOMENTS_H_

#include "absl/types/span.h"
#include "stats/delta_method.h"
#include "stats/joint_table.h"

namespace jtbd {
namespace stats {

// Weighted moments of one axis's per-answer scores over the respondents
// who answered it.
struct AxisMoments {
  double weight = 0;         // sum of weights (the count, unweighted)
  double weight_square = 0;  // sum of squared weights
  double mean = 0;           // the score estimate
  double variance = 0;       // of the per-answer scores (divisor: weight)

  bool answered() const { return weight > 0; }
  // Kish effective number of answers.
  double effective_count() const;
};

// Everything the delta method needs from a table, for per-answer scores
// given per rating: an answer in row i scores row_scores[i], one in column s
// scores column_scores[s] (index 0, "no answer", is ignored). A top-box
// score is 10 for top-box ratings and 0 otherwise; a mean-based score is
// 10 (rating - min) / (max - min).
struct TableMoments {
  AxisMoments importance;
  AxisMoments satisfaction;
  double both_weight = 0;         // respondents who answered both
  double both_weight_square = 0;  // their squared weights
  double both_covariance = 0;     // of their two scores (divisor: weight)
};

TableMoments ComputeTableMoments(const JointTable& table,
                                 absl::Span<const double> row_scores,
                                 absl::Span<const double> column_scores);

// Estimates and sampling (co)variances of the two mean scores:
//   Var(I)    = variance_I / n_eff_I = variance_I * W2_I / W_I^2
//   Cov(I, S) = both_covariance * W2_b / (W_I W_S)
// (unweighted: W = W2 = counts, so Var(I) = variance / n_I and, for top-box
// scores, Cov = 100 n_b (p11 - pI pS) / (n_I n_S)). Variances are 0 for an
// axis nobody answered.
ScorePair EstimateScores(const TableMoments& moments);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_TABLE_MOMENTS_H_
