#include "stats/binomial.h"

#include <cmath>

namespace jtbd {
namespace stats {
namespace {

// log(k!) - [log(sqrt(2 pi)) + (k + 1/2) log(k + 1) - (k + 1)]: the error of
// Stirling's approximation, exact below 10, series above.
double StirlingTail(double k) {
  static constexpr double kTail[10] = {
      0.08106146679532733,  0.04134069595540946,  0.027677925684997717,
      0.020790672103765395, 0.016644691189820815, 0.013876128823072875,
      0.011896709945893313, 0.010411265261971892, 0.009255462182707674,
      0.008330563433357696};
  if (k <= 9) return kTail[static_cast<int>(k)];
  const double k1 = (k + 1) * (k + 1);
  return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / k1) / k1) / (k + 1);
}

// Inversion: walk the probabilities P(0), P(1), ... until they exceed one
// uniform. Expected steps: mean + 1. p <= 1/2.
uint64_t Inversion(uint64_t trials, double p, std::mt19937_64& rng) {
  const double n = static_cast<double>(trials);
  const double q = 1 - p;
  const double odds = p / q;
  const double a = (n + 1) * odds;
  const double p0 = std::exp(n * std::log1p(-p));
  while (true) {
    double u = UniformUnit(rng);
    double pk = p0;
    uint64_t k = 0;
    while (u > pk) {
      u -= pk;
      ++k;
      // Rounding can leave u above the whole (underflowing) tail: redraw.
      if (k > trials) break;
      pk *= a / static_cast<double>(k) - odds;
      if (pk <= 0) break;
    }
    if (u <= pk && k <= trials) return k;
  }
}

// BTRS for mean >= 10 and p <= 1/2 (Hormann 1993, algorithm BTRS).
uint64_t TransformedRejection(uint64_t trials, double p, std::mt19937_64& rng) {
  const double n = static_cast<double>(trials);
  const double spq = std::sqrt(n * p * (1 - p));
  const double b = 1.15 + 2.53 * spq;
  const double a = -0.0873 + 0.0248 * b + 0.01 * p;
  const double c = n * p + 0.5;
  const double v_r = 0.92 - 4.2 / b;
  const double alpha = (2.83 + 5.1 / b) * spq;
  const double odds = p / (1 - p);
  const double mode = std::floor((n + 1) * p);
  // The part of the acceptance bound that does not depend on k, computed
  // the first time a point falls outside the box (most draws never do).
  double mode_terms = NAN;
  while (true) {
    const double u = UniformUnit(rng) - 0.5;
    double v = UniformUnit(rng);
    const double us = 0.5 - std::fabs(u);
    if (us <= 0) continue;
    const double k = std::floor((2 * a / us + b) * u + c);
    if (k < 0 || k > n) continue;
    // The box under the hat where acceptance needs no logarithm.
    if (us >= 0.07 && v <= v_r) return static_cast<uint64_t>(k);
    v = std::log(v * alpha / (a / (us * us) + b));
    if (std::isnan(mode_terms)) {
      mode_terms =
          (mode + 0.5) * std::log((mode + 1) / (odds * (n - mode + 1))) +
          StirlingTail(mode) + StirlingTail(n - mode);
    }
    const double bound = mode_terms +
                         (n + 1) * std::log((n - mode + 1) / (n - k + 1)) +
                         (k + 0.5) * std::log(odds * (n - k + 1) / (k + 1)) -
                         StirlingTail(k) - StirlingTail(n - k);
    if (v <= bound) return static_cast<uint64_t>(k);
  }
}

}  // namespace

uint64_t SampleBinomial(uint64_t trials, double probability,
                        std::mt19937_64& rng) {
  if (trials == 0 || !(probability > 0)) return 0;
  if (probability >= 1) return trials;
  // Sample the rarer outcome; the algorithms assume p <= 1/2.
  const bool flipped = probability > 0.5;
  const double p = flipped ? 1 - probability : probability;
  const uint64_t k = static_cast<double>(trials) * p < 10
                         ? Inversion(trials, p, rng)
                         : TransformedRejection(trials, p, rng);
  return flipped ? trials - k : k;
}

}  // namespace stats
}  // namespace jtbd
