#ifndef JTBD_STATS_MULTINOMIAL_H_
#define JTBD_STATS_MULTINOMIAL_H_

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include "absl/types/span.h"

namespace jtbd {
namespace stats {

// Draws Multinomial(trials, weights / sum(weights)) tables by sequential
// conditional binomials: cell k gets Binomial(trials left, w_k / (w_k +
// w_{k+1} + ...)), the last cell with weight what is left. Cells with zero
// weight are skipped, so a draw costs O(cells with weight), whatever the
// number of trials. The conditional probabilities are computed once.
class MultinomialSampler {
 public:
  // Weights must be finite and non-negative.
  MultinomialSampler(absl::Span<const double> weights, uint64_t trials);

  size_t cell_count() const { return cell_count_; }
  uint64_t trials() const { return trials_; }

  // Fills `out` (cell_count() entries) with one draw.
  void Sample(std::mt19937_64& rng, absl::Span<uint64_t> out) const;

 private:
  size_t cell_count_;
  uint64_t trials_;
  std::vector<size_t> cells_;                    // cells with weight
  std::vector<double> conditional_probability_;  // parallel to cells_
};

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_MULTINOMIAL_H_
