#include "stats/wilson.h"

#include <algorithm>
#include <cmath>

#include "stats/log_gamma.h"
#include "stats/normal.h"

namespace jtbd {
namespace stats {
namespace {

// Regularized lower incomplete gamma P(a, x) by its series, for the small
// shapes (a <= 3) and arguments of the boundary correction.
double LowerIncompleteGamma(double a, double x) {
  if (x <= 0) return 0;
  double term = 1 / a, sum = term;
  for (int k = 1; k < 500 && term > sum * 1e-17; ++k) {
    term *= x / (a + k);
    sum += term;
  }
  return std::exp(a * std::log(x) - x - LogGamma(a + 1) + std::log(a)) * sum;
}

// The lambda with P(Gamma(a, 1) <= lambda) = alpha: half the alpha
// quantile of chi-square with 2a degrees of freedom, the one-sided Poisson
// lower limit of a count a.
double GammaQuantile(double a, double alpha) {
  double low = 0, high = a;  // the alpha < 1/2 quantile lies below the mean
  for (int i = 0; i < 200 && high - low > 1e-15 * a; ++i) {
    const double mid = (low + high) / 2;
    (LowerIncompleteGamma(a, mid) < alpha ? low : high) = mid;
  }
  return (low + high) / 2;
}

}  // namespace

Interval WilsonInterval(double share, double trials, double z) {
  const double z2 = z * z;
  const double denominator = 1 + z2 / trials;
  const double centre = (share + z2 / (2 * trials)) / denominator;
  const double half =
      z * std::sqrt(share * (1 - share) / trials + z2 / (4 * trials * trials)) /
      denominator;
  return Interval{std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

Interval ModifiedWilsonInterval(double share, double trials, double z) {
  Interval interval = WilsonInterval(share, trials, z);
  // Brown, Cai and DasGupta (2001, section 4.1.1): within 3 successes (or
  // failures) of the edge, up to 100 trials, the Poisson limit replaces
  // Wilson's, whose coverage dips there (wilson.h says why 3, not 2).
  const double boundary = trials <= 100 ? 3 : 0;
  const double tolerance = 1e-9 * trials;
  const double alpha = 2 * (1 - NormalCdf(z));
  const double successes = share * trials, failures = (1 - share) * trials;
  if (successes > tolerance && successes <= boundary + tolerance) {
    interval.low = GammaQuantile(successes, alpha) / trials;
  }
  if (failures > tolerance && failures <= boundary + tolerance) {
    interval.high = 1 - GammaQuantile(failures, alpha) / trials;
  }
  return interval;
}

}  // namespace stats
}  // namespace jtbd
