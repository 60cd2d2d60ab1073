#include "stats/mann_whitney.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "stats/normal.h"

namespace jtbd {
namespace stats {

MannWhitneyResult MannWhitneyTest(absl::Span<const double> first,
                                  absl::Span<const double> second) {
  MannWhitneyResult result;
  const double n1 = static_cast<double>(first.size());
  const double n2 = static_cast<double>(second.size());
  if (first.empty() || second.empty()) return result;
  std::vector<std::pair<double, int>> pooled;
  pooled.reserve(first.size() + second.size());
  for (double value : first) pooled.emplace_back(value, 0);
  for (double value : second) pooled.emplace_back(value, 1);
  std::sort(pooled.begin(), pooled.end());
  const double n = n1 + n2;
  double first_rank_sum = 0;
  double tie_term = 0;
  for (size_t i = 0; i < pooled.size();) {
    size_t j = i;
    while (j < pooled.size() && pooled[j].first == pooled[i].first) ++j;
    // Ranks i+1 .. j share their mean.
    const double midrank = (static_cast<double>(i + 1 + j)) / 2;
    for (size_t k = i; k < j; ++k) {
      if (pooled[k].second == 0) first_rank_sum += midrank;
    }
    const double t = static_cast<double>(j - i);
    tie_term += t * t * t - t;
    i = j;
  }
  result.u = first_rank_sum - n1 * (n1 + 1) / 2;
  result.common_language_effect = result.u / (n1 * n2);
  const double variance = n1 * n2 / 12 * ((n + 1) - tie_term / (n * (n - 1)));
  if (!(variance > 0)) return result;
  const double deviation = result.u - n1 * n2 / 2;
  const double corrected =
      std::max(0.0, std::fabs(deviation) - 0.5) * (deviation < 0 ? -1 : 1);
  result.z = corrected / std::sqrt(variance);
  result.p_value = TwoSidedPValue(result.z);
  return result;
}

}  // namespace stats
}  // namespace jtbd
