#include "stats/kish.h"

namespace jtbd {
namespace stats {

double KishEffectiveCount(double weight_sum, double weight_square_sum) {
  if (weight_square_sum <= 0) return 0;
  return weight_sum * weight_sum / weight_square_sum;
}

}  // namespace stats
}  // namespace jtbd
