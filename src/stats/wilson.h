#ifndef JTBD_STATS_WILSON_H_
#define JTBD_STATS_WILSON_H_

#include "stats/interval.h"

namespace jtbd {
namespace stats {

// Wilson score interval for a share observed on `trials` answers (a Kish
// effective count when answers are weighted), at critical value z:
//   centre = (p + z^2/2n) / (1 + z^2/n)
//   half   = z sqrt(p(1 - p)/n + z^2/4n^2) / (1 + z^2/n)
// Unlike p +- z sqrt(p(1-p)/n) it stays inside [0, 1] and is sound at p = 0
// or 1 and for small n. The result is kept in [0, 1] against rounding only
// (the exact interval never leaves it). Requires trials > 0, 0 <= share <= 1.
Interval WilsonInterval(double share, double trials, double z);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_WILSON_H_
