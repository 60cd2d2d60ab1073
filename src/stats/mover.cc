#include "stats/mover.h"

#include <algorithm>
#include <cmath>

namespace jtbd {
namespace stats {

Interval MoverSum(const MoverTerm& first, const MoverTerm& second,
                  double correlation) {
  const double r = std::clamp(correlation, -1.0, 1.0);
  const double sum = first.estimate + second.estimate;
  const double d1 = first.estimate - first.interval.low;
  const double d2 = second.estimate - second.interval.low;
  const double u1 = first.interval.high - first.estimate;
  const double u2 = second.interval.high - second.estimate;
  // max(0, .): with r = -1 and rounding the radicand can dip below zero.
  return Interval{
      sum - std::sqrt(std::max(0.0, d1 * d1 + d2 * d2 + 2 * r * d1 * d2)),
      sum + std::sqrt(std::max(0.0, u1 * u1 + u2 * u2 + 2 * r * u1 * u2))};
}

}  // namespace stats
}  // namespace jtbd
