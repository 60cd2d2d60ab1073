#include "stats/wilson.h"

#include <algorithm>
#include <cmath>

namespace jtbd {
namespace stats {

Interval WilsonInterval(double share, double trials, double z) {
  const double z2 = z * z;
  const double denominator = 1 + z2 / trials;
  const double centre = (share + z2 / (2 * trials)) / denominator;
  const double half =
      z * std::sqrt(share * (1 - share) / trials + z2 / (4 * trials * trials)) /
      denominator;
  return Interval{std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

}  // namespace stats
}  // namespace jtbd
