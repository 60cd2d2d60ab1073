#ifndef JTBD_STATS_NORMAL_H_
#define JTBD_STATS_NORMAL_H_

namespace jtbd {
namespace stats {

// The standard normal distribution function, P(Z <= x).
double NormalCdf(double x);

// Its inverse (Wichura's algorithm AS 241, PPND16: about 16 significant
// digits): the x with P(Z <= x) = p. -inf at 0, +inf at 1, NaN outside
// [0, 1] and for NaN.
double NormalQuantile(double p);

// The z with the given central probability between -z and z, e.g. 1.95996
// for 0.95. Computed from the lower tail, (1 - level) / 2, which keeps its
// digits for levels close to 1. NaN unless 0 < level < 1.
double CriticalValue(double confidence_level);

// Two-sided p-value of a standard normal statistic: P(|Z| >= |z|) =
// erfc(|z| / sqrt 2). 1 at z = 0; NaN for NaN.
double TwoSidedPValue(double z);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_NORMAL_H_
