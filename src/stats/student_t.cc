#include "stats/student_t.h"

#include <cmath>
#include <limits>

namespace jtbd {
namespace stats {
namespace {

// The continued fraction of the incomplete beta function (modified Lentz),
// valid and fast for x < (a + 1) / (a + b + 2).
double BetaContinuedFraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  constexpr double kEpsilon = 1e-15;
  double c = 1;
  double d = 1 - (a + b) * x / (a + 1);
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1 / d;
  double h = d;
  for (int m = 1; m <= 1000; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < kEpsilon) break;
  }
  return h;
}

// I_x(a, b), the regularized incomplete beta function, 0 <= x <= 1.
double RegularizedBeta(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  // lgamma_r: lgamma writes the global signgam (a data race on threads).
  int sign = 0;
  const double log_front = lgamma_r(a + b, &sign) - lgamma_r(a, &sign) -
                           lgamma_r(b, &sign) + a * std::log(x) +
                           b * std::log1p(-x);
  const double front = std::exp(log_front);
  if (x < (a + 1) / (a + b + 2)) {
    return front * BetaContinuedFraction(a, b, x) / a;
  }
  return 1 - front * BetaContinuedFraction(b, a, 1 - x) / b;
}

}  // namespace

double StudentTCdf(double t, double degrees_of_freedom) {
  if (std::isnan(t) || !(degrees_of_freedom > 0)) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (std::isinf(t)) return t > 0 ? 1 : 0;
  const double x = degrees_of_freedom / (degrees_of_freedom + t * t);
  const double tail = 0.5 * RegularizedBeta(degrees_of_freedom / 2, 0.5, x);
  return t >= 0 ? 1 - tail : tail;
}

double StudentTCriticalValue(double confidence_level,
                             double degrees_of_freedom) {
  if (!(confidence_level > 0 && confidence_level < 1) ||
      !(degrees_of_freedom > 0)) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  const double target = 0.5 + confidence_level / 2;
  double low = 0;
  double high = 1;
  while (StudentTCdf(high, degrees_of_freedom) < target) high *= 2;
  for (int i = 0; i < 200 && high - low > 1e-12 * (1 + high); ++i) {
    const double middle = (low + high) / 2;
    if (StudentTCdf(middle, degrees_of_freedom) < target) {
      low = middle;
    } else {
      high = middle;
    }
  }
  return (low + high) / 2;
}

}  // namespace stats
}  // namespace jtbd
