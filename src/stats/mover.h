#ifndef JTBD_STATS_MOVER_H_
#define JTBD_STATS_MOVER_H_

#include "stats/interval.h"

namespace jtbd {
namespace stats {

// One term of a sum: its estimate and its own interval (any method, e.g.
// Wilson, which stays sound near 0 and 1 where a normal interval fails).
struct MoverTerm {
  double estimate = 0;
  Interval interval;
};

// MOVER ("method of variance estimates recovery", Zou and Donner 2008;
// Newcombe 1998's method 10 for a difference of shares): an interval for
// the sum of two estimates from the limits of each, with the correlation
// of the two estimates (clamped to [-1, 1]):
//   low  = e1 + e2 - sqrt(d1^2 + d2^2 + 2 r d1 d2), dk = ek - lowk
//   high = e1 + e2 + sqrt(u1^2 + u2^2 + 2 r u1 u2), uk = highk - ek
// A difference is the sum with the second term negated: estimate -e and
// interval [-high, -low], and r negated.
Interval MoverSum(const MoverTerm& first, const MoverTerm& second,
                  double correlation);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_MOVER_H_
