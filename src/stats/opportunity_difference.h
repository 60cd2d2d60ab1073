#ifndef JTBD_STATS_OPPORTUNITY_DIFFERENCE_H_
#define JTBD_STATS_OPPORTUNITY_DIFFERENCE_H_

#include "stats/interval.h"
#include "stats/opportunity_interval.h"

namespace jtbd {
namespace stats {

// One independent sample's opportunity: its estimate and what its interval
// is made of.
struct OpportunitySample {
  double opportunity = 0;
  OpportunityIntervalInput input;
};

// The difference first - second of two independent samples' Ulwick
// opportunities (two segments, a segment and the rest, two survey waves),
// with an interval and a test that stay valid where each opportunity has
// its kink (I close to S), at small n and at shares near 0 or 1:
// - interval: MOVER (Zou and Donner 2008) on the two samples' own
//   moment-selection intervals (UlwickOpportunityInterval), independent so
//   uncorrelated: low = d - sqrt((O1 - l1)^2 + (u2 - O2)^2), high likewise.
//   The delta method's normal interval, which these replace, assumes the
//   branch of max(I - S, 0) known and under-covers at the kink.
// - test: the interval inverted. z is the per-side critical value at which
//   the interval's nearer limit reaches 0 (signed as the difference), and
//   the p-value erfc(|z| / sqrt 2): the test rejects at alpha exactly when
//   the 1 - alpha interval excludes 0. Found by regula falsi (Illinois,
//   with a bisection every fourth step) on the critical value, to 1e-9,
//   up to kMaxZ; a difference still significant there is reported at
//   kMaxZ (p about 2e-9), beyond which the bivariate normal critical values
//   lose their digits.
struct OpportunityDifference {
  double difference = 0;
  Interval interval;
  double z = 0;
  double p_value = 1;
};

constexpr double kOpportunityDifferenceMaxZ = 6.0;

// Requires each sample's trial counts > 0 and 0 < confidence_level < 1.
// The interval alone (what the test decides at 1 - confidence_level),
// without inverting it for a p-value.
Interval UlwickOpportunityDifferenceInterval(const OpportunitySample& first,
                                             const OpportunitySample& second,
                                             double confidence_level);
OpportunityDifference UlwickOpportunityDifference(
    const OpportunitySample& first, const OpportunitySample& second,
    double confidence_level);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_OPPORTUNITY_DIFFERENCE_H_
