#include "stats/log_gamma.h"

#include <math.h>  // lgamma_r

namespace jtbd {
namespace stats {

double LogGamma(double x) {
  int sign = 0;
  return ::lgamma_r(x, &sign);
}

}  // namespace stats
}  // namespace jtbd
