#ifndef JTBD_STATS_HOLM_H_
#define JTBD_STATS_HOLM_H_

#include <vector>

#include "absl/types/span.h"

namespace jtbd {
namespace stats {

// Holm's step-down adjustment of m p-values, in their input order: with
// p(1) <= ... <= p(m) sorted, adjusted p(k) = max over j <= k of
// min(1, (m - j + 1) p(j)). Rejecting where adjusted p <= alpha is Holm's
// procedure (reject H(k) while p(k) <= alpha / (m - k + 1)), controlling the
// family-wise error rate at alpha. Adjusted values are monotone in p; ties
// keep their input order.
std::vector<double> HolmAdjustedPValues(absl::Span<const double> p_values);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_HOLM_H_
