#ifndef JTBD_STATS_PROPORTION_TEST_H_
#define JTBD_STATS_PROPORTION_TEST_H_

#include <optional>

namespace jtbd {
namespace stats {

// A z statistic and its two-sided p-value, erfc(|z| / sqrt 2).
struct ZTest {
  double z = 0;
  double p_value = 1;
};

// Pooled two-proportion z-test of share1 observed on n1 answers against
// share2 on n2 (Kish effective counts for weighted answers):
//   p = (n1 p1 + n2 p2) / (n1 + n2);  z = (p1 - p2) / sqrt(p (1-p) (1/n1 +
//   1/n2)).
// Absent when n1 or n2 is 0. When the pooled share is 0 or 1 (everyone or
// nobody top box on both sides) the shares are equal: z = 0, p = 1.
std::optional<ZTest> TwoProportionZTest(double share1, double n1, double share2,
                                        double n2);

// z = difference / sqrt(variance), e.g. of two independent estimates with
// variance Var1 + Var2. z = 0, p = 1 when both are 0; absent when the
// variance is 0 (or not finite) but the difference is not.
std::optional<ZTest> DifferenceZTest(double difference, double variance);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_PROPORTION_TEST_H_
