#include "stats/table_moments.h"

#include "stats/kish.h"

namespace jtbd {
namespace stats {

double AxisMoments::effective_count() const {
  return KishEffectiveCount(weight, weight_square);
}

TableMoments ComputeTableMoments(const JointTable& table,
                                 absl::Span<const double> row_scores,
                                 absl::Span<const double> column_scores) {
  const size_t stride = table.stride;
  TableMoments m;
  // Pass 1: weights and weighted sums, for the means.
  double importance_sum = 0, satisfaction_sum = 0;
  double both_importance_sum = 0, both_satisfaction_sum = 0;
  for (size_t i = 0; i < stride; ++i) {
    for (size_t s = 0; s < stride; ++s) {
      const size_t cell = i * stride + s;
      if (table.counts[cell] == 0) continue;
      const double w = table.Weight(cell);
      const double w2 = table.WeightSquare(cell);
      if (i != 0) {
        m.importance.weight += w;
        m.importance.weight_square += w2;
        importance_sum += w * row_scores[i];
      }
      if (s != 0) {
        m.satisfaction.weight += w;
        m.satisfaction.weight_square += w2;
        satisfaction_sum += w * column_scores[s];
      }
      if (i != 0 && s != 0) {
        m.both_weight += w;
        m.both_weight_square += w2;
        both_importance_sum += w * row_scores[i];
        both_satisfaction_sum += w * column_scores[s];
      }
    }
  }
  if (m.importance.answered()) {
    m.importance.mean = importance_sum / m.importance.weight;
  }
  if (m.satisfaction.answered()) {
    m.satisfaction.mean = satisfaction_sum / m.satisfaction.weight;
  }
  const double both_importance_mean =
      m.both_weight > 0 ? both_importance_sum / m.both_weight : 0;
  const double both_satisfaction_mean =
      m.both_weight > 0 ? both_satisfaction_sum / m.both_weight : 0;
  // Pass 2: centred second moments (stable where sums of squares are not).
  double importance_squares = 0, satisfaction_squares = 0, cross = 0;
  for (size_t i = 0; i < stride; ++i) {
    for (size_t s = 0; s < stride; ++s) {
      const size_t cell = i * stride + s;
      if (table.counts[cell] == 0) continue;
      const double w = table.Weight(cell);
      if (i != 0) {
        const double d = row_scores[i] - m.importance.mean;
        importance_squares += w * d * d;
      }
      if (s != 0) {
        const double d = column_scores[s] - m.satisfaction.mean;
        satisfaction_squares += w * d * d;
      }
      if (i != 0 && s != 0) {
        cross += w * (row_scores[i] - both_importance_mean) *
                 (column_scores[s] - both_satisfaction_mean);
      }
    }
  }
  if (m.importance.answered()) {
    m.importance.variance = importance_squares / m.importance.weight;
  }
  if (m.satisfaction.answered()) {
    m.satisfaction.variance = satisfaction_squares / m.satisfaction.weight;
  }
  if (m.both_weight > 0) m.both_covariance = cross / m.both_weight;
  return m;
}

ScorePair EstimateScores(const TableMoments& m) {
  ScorePair scores;
  scores.importance = m.importance.mean;
  scores.satisfaction = m.satisfaction.mean;
  if (m.importance.answered()) {
    scores.importance_variance = m.importance.variance *
                                 m.importance.weight_square /
                                 (m.importance.weight * m.importance.weight);
  }
  if (m.satisfaction.answered()) {
    scores.satisfaction_variance =
        m.satisfaction.variance * m.satisfaction.weight_square /
        (m.satisfaction.weight * m.satisfaction.weight);
  }
  if (m.both_weight > 0) {
    scores.covariance = m.both_covariance * m.both_weight_square /
                        (m.importance.weight * m.satisfaction.weight);
  }
  return scores;
}

}  // namespace stats
}  // namespace jtbd
