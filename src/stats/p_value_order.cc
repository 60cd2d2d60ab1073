#include "stats/p_value_order.h"

#include <algorithm>
#include <numeric>

namespace jtbd {
namespace stats {

std::vector<size_t> AscendingPValueOrder(absl::Span<const double> p_values) {
  std::vector<size_t> order(p_values.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return p_values[a] < p_values[b];
  });
  return order;
}

}  // namespace stats
}  // namespace jtbd
