#ifndef JTBD_STATS_FISHER_EXACT_H_
#define JTBD_STATS_FISHER_EXACT_H_

#include <cstdint>
#include <optional>

namespace jtbd {
namespace stats {

// One-sided p-values of Fisher's exact test that the first cell of the 2x2
// table
//              with   without
//   group 1     a       b
//   group 2     c       d
// is large: conditionally on the margins, a follows the hypergeometric
// distribution of X = the number of "with" among a + b draws without
// replacement from N = a + b + c + d of which K = a + c are "with", and
//   p_value     = P(X >= a)                       (Fisher's exact test,
//                 scipy.stats.fisher_exact(..., alternative="greater"))
//   mid_p_value = P(X > a) + P(X = a) / 2         (Lancaster's mid-p)
// Fisher's p never exceeds alpha under the null, but its discreteness makes
// it conservative (its actual size is often well below alpha); the mid-p's
// size stays close to alpha on average (Lancaster 1961; Lydersen, Fagerland
// & Laake 2009, Stat. Med. 28:1159, recommend it for 2x2 tables).
struct FisherExactTest {
  double p_value = 1;
  double mid_p_value = 1;
  double probability = 0;  // P(X = a), the table's own probability
};

// Computed in log space (lgamma_r) at the observed cell, the rest of the tail
// by the ratios of consecutive hypergeometric probabilities, summing the
// shorter side of the mode (P(X >= a) = 1 - P(X <= a - 1) below it) until
// the terms no longer change the sum: stable for N up to 10^7 and beyond
// (relative error about 1e-8 there, from lgamma of 10^7). Absent when
// N = 0 or when a count exceeds 2^53 (not exact in a double).
std::optional<FisherExactTest> FisherExactGreater(uint64_t a, uint64_t b,
                                                  uint64_t c, uint64_t d);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_FISHER_EXACT_H_
