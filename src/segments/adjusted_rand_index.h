#ifndef JTBD_SEGMENTS_ADJUSTED_RAND_INDEX_H_
#define JTBD_SEGMENTS_ADJUSTED_RAND_INDEX_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/types/span.h"

namespace jtbd {
namespace segments {

// Hubert & Arabie's adjusted Rand index of two partitions of the same
// points (labels are arbitrary ids): 1 for identical partitions up to
// renaming, about 0 for independent ones. From the contingency table n_ij
// with row sums a_i, column sums b_j and N points:
//   index = sum C(n_ij, 2),  expected = sum C(a_i, 2) sum C(b_j, 2) / C(N, 2),
//   maximum = (sum C(a_i, 2) + sum C(b_j, 2)) / 2,
//   ARI = (index - expected) / (maximum - expected),
// and 1 when maximum = expected (both partitions a single cluster, or both
// all singletons), as scikit-learn does. INVALID_ARGUMENT when the sizes
// differ or there are no points.
absl::StatusOr<double> AdjustedRandIndex(absl::Span<const uint32_t> first,
                                         absl::Span<const uint32_t> second);

}  // namespace segments
}  // namespace jtbd

#endif  // JTBD_SEGMENTS_ADJUSTED_RAND_INDEX_H_
