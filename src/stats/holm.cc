#include "stats/holm.h"

#include <algorithm>

#include "stats/p_value_order.h"

namespace jtbd {
namespace stats {

std::vector<double> HolmAdjustedPValues(absl::Span<const double> p_values) {
  const size_t m = p_values.size();
  const std::vector<size_t> order = AscendingPValueOrder(p_values);
  std::vector<double> adjusted(m);
  double running_max = 0;
  for (size_t rank = 0; rank < m; ++rank) {
    const double scaled =
        std::min(1.0, static_cast<double>(m - rank) * p_values[order[rank]]);
    running_max = std::max(running_max, scaled);
    adjusted[order[rank]] = running_max;
  }
  return adjusted;
}

}  // namespace stats
}  // namespace jtbd
