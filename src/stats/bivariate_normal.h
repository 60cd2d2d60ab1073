#ifndef JTBD_STATS_BIVARIATE_NORMAL_H_
#define JTBD_STATS_BIVARIATE_NORMAL_H_

namespace jtbd {
namespace stats {

// P(max(Z1, Z2) <= c) for standard normals Z1, Z2 with correlation rho
// (clamped to [-1, 1]): Plackett's identity with r = sin t,
//   Phi(c)^2 + (1 / 2 pi) integral from 0 to asin(rho) of
//   exp(-c^2 / (1 + sin t)) dt,
// whose integrand is smooth on the whole range (no 1 / sqrt(1 - r^2)
// singularity at rho = +-1), integrated by composite Simpson: about 1e-10.
double BivariateNormalMaxCdf(double c, double rho);

// The c with P(max(Z1, Z2) > c) = tail for correlation rho: the one-sided
// critical value that holds two correlated estimates at once (between the
// single z of rho = 1 and Bonferroni's z(tail / 2) of rho = -1). Requires
// 0 < tail < 1.
double MaxCriticalValue(double tail, double rho);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_BIVARIATE_NORMAL_H_
