#ifndef JTBD_STATS_BENJAMINI_HOCHBERG_H_
#define JTBD_STATS_BENJAMINI_HOCHBERG_H_

#include <vector>

#include "absl/types/span.h"

namespace jtbd {
namespace stats {

// Benjamini and Hochberg's step-up adjustment of m p-values (1995), in
// their input order, as R's p.adjust(p, method = "BH") and statsmodels'
// multipletests(method="fdr_bh") compute it: with p(1) <= ... <= p(m)
// sorted, adjusted p(i) = min over j >= i of min(1, m p(j) / j).
// Rejecting where adjusted p <= q is the BH procedure (reject H(1..k) for
// the largest k with p(k) <= k q / m), which controls the false discovery
// rate at q for independent or positively dependent tests; it rejects at
// least what Holm does. Adjusted values are monotone in p.
std::vector<double> BenjaminiHochbergAdjustedPValues(
    absl::Span<const double> p_values);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_BENJAMINI_HOCHBERG_H_
