#include "stats/newcombe.h"

#include <cmath>

#include "stats/wilson.h"

namespace jtbd {
namespace stats {

Interval NewcombeDifferenceInterval(double share1, double trials1,
                                    double share2, double trials2, double z) {
  const Interval first = WilsonInterval(share1, trials1, z);
  const Interval second = WilsonInterval(share2, trials2, z);
  const double difference = share1 - share2;
  // Each side takes the distance from each share to the Wilson bound that
  // moves the difference that way.
  const double below = std::hypot(share1 - first.low, second.high - share2);
  const double above = std::hypot(first.high - share1, share2 - second.low);
  return Interval{difference - below, difference + above};
}

}  // namespace stats
}  // namespace jtbd
