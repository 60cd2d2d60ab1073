#ifndef JTBD_STATS_STUDENT_T_H_
#define JTBD_STATS_STUDENT_T_H_

namespace jtbd {
namespace stats {

// Student's t distribution function with `degrees_of_freedom` > 0, through
// the regularized incomplete beta function (continued fraction, Lentz):
// P(T <= t) = 1 - I_{df/(df+t^2)}(df/2, 1/2) / 2 for t >= 0. About 1e-12
// absolute accuracy. NaN for df <= 0 or NaN arguments.
double StudentTCdf(double t, double degrees_of_freedom);

// The t with central probability `confidence_level` between -t and t (e.g.
// 12.706 for df 1 and 0.95), by bisection on StudentTCdf to 1e-12. NaN
// unless 0 < level < 1 and df > 0.
double StudentTCriticalValue(double confidence_level,
                             double degrees_of_freedom);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_STUDENT_T_H_
