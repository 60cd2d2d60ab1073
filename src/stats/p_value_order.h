#ifndef JTBD_STATS_P_VALUE_ORDER_H_
#define JTBD_STATS_P_VALUE_ORDER_H_

#include <cstddef>
#include <vector>

#include "absl/types/span.h"

namespace jtbd {
namespace stats {

// The indices of `p_values` from the smallest p to the largest, ties in
// input order: the ranks the step-down (Holm) and step-up
// (Benjamini-Hochberg) adjustments walk.
std::vector<size_t> AscendingPValueOrder(absl::Span<const double> p_values);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_P_VALUE_ORDER_H_
