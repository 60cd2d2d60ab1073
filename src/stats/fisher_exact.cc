#include "stats/fisher_exact.h"

#include <algorithm>
#include <cmath>

#include "stats/log_gamma.h"

namespace jtbd {
namespace stats {
namespace {

// log C(n, k).
double LogChoose(double n, double k) {
  return LogGamma(n + 1) - LogGamma(k + 1) - LogGamma(n - k + 1);
}

}  // namespace

std::optional<FisherExactTest> FisherExactGreater(uint64_t a, uint64_t b,
                                                  uint64_t c, uint64_t d) {
  constexpr uint64_t kExact = uint64_t{1} << 53;
  if (a > kExact || b > kExact || c > kExact || d > kExact) return std::nullopt;
  const double total = static_cast<double>(a) + static_cast<double>(b) +
                       static_cast<double>(c) + static_cast<double>(d);
  if (!(total > 0) || total > static_cast<double>(kExact)) return std::nullopt;
  // X ~ Hypergeometric(N = total, K = with, n = drawn), observed x = a.
  const double with = static_cast<double>(a) + static_cast<double>(c);
  const double drawn = static_cast<double>(a) + static_cast<double>(b);
  const double x = static_cast<double>(a);
  const double low = std::max(0.0, drawn - (total - with));  // support
  const double high = std::min(drawn, with);
  const double log_pmf = LogChoose(with, x) +
                         LogChoose(total - with, drawn - x) -
                         LogChoose(total, drawn);
  const double pmf = std::exp(log_pmf);
  // P(X = k + 1) / P(X = k) and its inverse.
  auto up = [&](double k) {
    return (with - k) * (drawn - k) /
           ((k + 1) * (total - with - drawn + k + 1));
  };
  const double mode = std::floor((drawn + 1) * (with + 1) / (total + 2));
  FisherExactTest test;
  test.probability = pmf;
  double tail = 0;  // sum of P(X = k) over the side summed, x excluded
  if (x >= mode) {
    // P(X > x): terms decrease from x upward.
    double term = pmf;
    for (double k = x; k < high; ++k) {
      term *= up(k);
      const double before = tail;
      tail += term;
      if (tail == before) break;
    }
    test.p_value = std::min(1.0, pmf + tail);
    test.mid_p_value = std::min(1.0, 0.5 * pmf + tail);
  } else {
    // P(X < x): terms decrease from x downward; the upper tail is its
    // complement, large here (x is below the mode), so nothing cancels.
    double term = pmf;
    for (double k = x; k > low; --k) {
      term /= up(k - 1);
      const double before = tail;
      tail += term;
      if (tail == before) break;
    }
    test.p_value = std::clamp(1.0 - tail, 0.0, 1.0);
    test.mid_p_value = std::clamp(1.0 - tail - 0.5 * pmf, 0.0, 1.0);
  }
  return test;
}

}  // namespace stats
}  // namespace jtbd
