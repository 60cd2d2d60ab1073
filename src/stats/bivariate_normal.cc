#include "stats/bivariate_normal.h"

#include <algorithm>
#include <cmath>

#include "stats/normal.h"

namespace jtbd {
namespace stats {

double BivariateNormalMaxCdf(double c, double rho) {
  const double phi = NormalCdf(c);
  const double end = std::asin(std::clamp(rho, -1.0, 1.0));
  if (end == 0) return phi * phi;
  constexpr int kPanels = 128;  // even, for Simpson
  const double h = end / kPanels;
  auto f = [c](double t) {
    const double denominator = 1 + std::sin(t);
    return denominator <= 0 ? 0.0 : std::exp(-c * c / denominator);
  };
  double sum = f(0) + f(end);
  for (int k = 1; k < kPanels; ++k) sum += (k % 2 == 1 ? 4 : 2) * f(k * h);
  const double integral = sum * h / 3;
  return std::clamp(phi * phi + integral / (2 * M_PI), 0.0, 1.0);
}

double MaxCriticalValue(double tail, double rho) {
  // The exceedance probability falls with c; it is tail at the lower end
  // for rho = 1 and at most tail at Bonferroni's end for any rho.
  double low = NormalQuantile(1 - tail);
  double high = NormalQuantile(1 - tail / 2);
  for (int i = 0; i < 60 && high - low > 1e-12; ++i) {
    const double mid = (low + high) / 2;
    if (1 - BivariateNormalMaxCdf(mid, rho) > tail) {
      low = mid;
    } else {
      high = mid;
    }
  }
  return (low + high) / 2;
}

}  // namespace stats
}  // namespace jtbd
