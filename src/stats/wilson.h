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
// As published: Newcombe's difference interval is built on it.
Interval WilsonInterval(double share, double trials, double z);

// Wilson's interval with Brown, Cai and DasGupta's (2001) boundary
// modification, the one jtbd reports for importance and satisfaction: when
// the successes x = share x trials are 0 < x <= 3 with at most 100 trials, the
// lower limit is the one-sided Poisson limit (1/2) chi2_{2x}(alpha) / n,
// alpha = 2 (1 - Phi(z)); failures alike for the upper limit. Plain
// Wilson's coverage dips to about 91% at n = 15 for shares within 1/n of 0
// or 1. Brown, Cai and DasGupta take x* = 2 up to 50 trials; with 2, the
// 95% interval covered a share of 0.966 only 93.2% of the time at n = 30
// (tests/core/coverage_simulation_test.cc), so jtbd takes 3 up to 100. x
// need not be an integer (weighted shares): the quantile is Gamma(x)'s.
Interval ModifiedWilsonInterval(double share, double trials, double z);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_WILSON_H_
