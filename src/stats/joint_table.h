#ifndef JTBD_STATS_JOINT_TABLE_H_
#define JTBD_STATS_JOINT_TABLE_H_

#include <cstddef>
#include <cstdint>

#include "absl/types/span.h"

namespace jtbd {
namespace stats {

// A read-only view of one outcome's joint importance x satisfaction table:
// stride x stride row-major cells (row = importance), index 0 of each axis
// meaning "no answer". Each cell holds its respondent count and, for
// weighted data, the sum of their weights and of their squared weights;
// empty weight spans mean unit weights (both sums equal the count).
struct JointTable {
  size_t stride = 0;
  absl::Span<const uint64_t> counts;
  absl::Span<const double> weight_sums;
  absl::Span<const double> weight_square_sums;

  bool weighted() const { return !weight_sums.empty(); }
  double Weight(size_t cell) const {
    return weight_sums.empty() ? static_cast<double>(counts[cell])
                               : weight_sums[cell];
  }
  double WeightSquare(size_t cell) const {
    return weight_square_sums.empty() ? static_cast<double>(counts[cell])
                                      : weight_square_sums[cell];
  }
};

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_JOINT_TABLE_H_
