#include "stats/benjamini_hochberg.h"

#include <algorithm>

#include "stats/p_value_order.h"

namespace jtbd {
namespace stats {

std::vector<double> BenjaminiHochbergAdjustedPValues(
    absl::Span<const double> p_values) {
  const size_t m = p_values.size();
  const std::vector<size_t> order = AscendingPValueOrder(p_values);
  std::vector<double> adjusted(m);
  // Step up: from the largest p down, the running minimum of m p(j) / j.
  double running_min = 1;
  for (size_t rank = m; rank-- > 0;) {
    const double scaled = static_cast<double>(m) * p_values[order[rank]] /
                          static_cast<double>(rank + 1);
    running_min = std::min(running_min, scaled);
    adjusted[order[rank]] = running_min;
  }
  return adjusted;
}

}  // namespace stats
}  // namespace jtbd
