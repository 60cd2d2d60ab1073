#include "stats/multinomial.h"

#include <algorithm>

#include "stats/binomial.h"

namespace jtbd {
namespace stats {

MultinomialSampler::MultinomialSampler(absl::Span<const double> weights,
                                       uint64_t trials)
    : cell_count_(weights.size()), trials_(trials) {
  for (size_t k = 0; k < weights.size(); ++k) {
    if (weights[k] > 0) cells_.push_back(k);
  }
  conditional_probability_.resize(cells_.size());
  // Tail sums from the end, so the last cell's probability is exactly 1.
  double tail = 0;
  for (size_t j = cells_.size(); j-- > 0;) {
    tail += weights[cells_[j]];
    conditional_probability_[j] = std::min(1.0, weights[cells_[j]] / tail);
  }
}

void MultinomialSampler::Sample(std::mt19937_64& rng,
                                absl::Span<uint64_t> out) const {
  std::fill(out.begin(), out.end(), 0);
  uint64_t left = trials_;
  for (size_t j = 0; j < cells_.size() && left > 0; ++j) {
    const uint64_t drawn =
        SampleBinomial(left, conditional_probability_[j], rng);
    out[cells_[j]] = drawn;
    left -= drawn;
  }
}

}  // namespace stats
}  // namespace jtbd
