#ifndef JTBD_STATS_NEWCOMBE_H_
#define JTBD_STATS_NEWCOMBE_H_

#include "stats/interval.h"

namespace jtbd {
namespace stats {

// Newcombe's hybrid score interval for the difference share1 - share2 of two
// independent shares (Newcombe 1998, Stat. Med. 17:873, method 10), from
// their Wilson intervals [l1, u1] and [l2, u2] at critical value z:
//   low  = d - sqrt((p1 - l1)^2 + (u2 - p2)^2)
//   high = d + sqrt((u1 - p1)^2 + (p2 - l2)^2)
// Unlike the Wald interval it stays inside [-1, 1], is sound at shares of 0
// or 1 and keeps close to its nominal coverage for small samples. Trials
// are Kish effective counts for weighted answers. Requires trials1 > 0,
// trials2 > 0 and shares in [0, 1].
Interval NewcombeDifferenceInterval(double share1, double trials1,
                                    double share2, double trials2, double z);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_NEWCOMBE_H_
