#include "stats/proportion_test.h"

#include <cmath>

#include "stats/normal.h"

namespace jtbd {
namespace stats {

std::optional<ZTest> TwoProportionZTest(double share1, double n1, double share2,
                                        double n2) {
  if (!(n1 > 0) || !(n2 > 0)) return std::nullopt;
  const double pooled = (n1 * share1 + n2 * share2) / (n1 + n2);
  const double variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (!(variance > 0)) return ZTest{};
  ZTest test;
  test.z = (share1 - share2) / std::sqrt(variance);
  test.p_value = TwoSidedPValue(test.z);
  return test;
}

std::optional<ZTest> DifferenceZTest(double difference, double variance) {
  if (!(variance > 0) || !std::isfinite(variance)) {
    if (difference == 0) return ZTest{};
    return std::nullopt;
  }
  ZTest test;
  test.z = difference / std::sqrt(variance);
  test.p_value = TwoSidedPValue(test.z);
  return test;
}

}  // namespace stats
}  // namespace jtbd
