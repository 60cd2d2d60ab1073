#include "forces/classification_metrics.h"

#include <algorithm>
#include <utility>

namespace jtbd {
namespace forces {

double RocAuc(absl::Span<const double> scores, absl::Span<const int> labels) {
  std::vector<std::pair<double, int>> pairs;
  pairs.reserve(scores.size());
  double positives = 0;
  for (size_t i = 0; i < scores.size(); ++i) {
    pairs.emplace_back(scores[i], labels[i] != 0 ? 1 : 0);
    positives += labels[i] != 0 ? 1 : 0;
  }
  const double negatives = static_cast<double>(scores.size()) - positives;
  if (positives == 0 || negatives == 0) return 0.5;
  std::sort(pairs.begin(), pairs.end());
  double positive_rank_sum = 0;
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    double tied_positives = 0;
    while (j < pairs.size() && pairs[j].first == pairs[i].first) {
      tied_positives += pairs[j].second;
      ++j;
    }
    positive_rank_sum += tied_positives * static_cast<double>(i + 1 + j) / 2;
    i = j;
  }
  return (positive_rank_sum - positives * (positives + 1) / 2) /
         (positives * negatives);
}

double BrierScore(absl::Span<const double> probabilities,
                  absl::Span<const int> labels) {
  if (probabilities.empty()) return 0;
  double sum = 0;
  for (size_t i = 0; i < probabilities.size(); ++i) {
    const double error = probabilities[i] - (labels[i] != 0 ? 1 : 0);
    sum += error * error;
  }
  return sum / static_cast<double>(probabilities.size());
}

std::vector<ReliabilityRow> ReliabilityTable(
    absl::Span<const double> probabilities, absl::Span<const int> labels,
    size_t bins) {
  std::vector<ReliabilityRow> rows(bins);
  for (size_t b = 0; b < bins; ++b) {
    rows[b].lower = static_cast<double>(b) / static_cast<double>(bins);
    rows[b].upper = static_cast<double>(b + 1) / static_cast<double>(bins);
  }
  for (size_t i = 0; i < probabilities.size(); ++i) {
    size_t b =
        static_cast<size_t>(probabilities[i] * static_cast<double>(bins));
    b = std::min(b, bins - 1);
    rows[b].count += 1;
    rows[b].mean_predicted += probabilities[i];
    rows[b].observed_share += labels[i] != 0 ? 1 : 0;
  }
  std::vector<ReliabilityRow> kept;
  for (ReliabilityRow& row : rows) {
    if (row.count == 0) continue;
    row.mean_predicted /= static_cast<double>(row.count);
    row.observed_share /= static_cast<double>(row.count);
    kept.push_back(row);
  }
  return kept;
}

}  // namespace forces
}  // namespace jtbd
