#ifndef JTBD_STATS_MANN_WHITNEY_H_
#define JTBD_STATS_MANN_WHITNEY_H_

#include "absl/types/span.h"

namespace jtbd {
namespace stats {

// The Mann-Whitney U test of two independent samples (Wilcoxon rank-sum):
// suited to ordinal values with many ties, such as force intensities 0-5,
// where a t-test's normality is not credible. Midranks for ties; U of the
// first sample = R1 - n1(n1 + 1)/2; z from the normal approximation with
// the tie-corrected variance
//   n1 n2 / 12 x ((n + 1) - sum(t^3 - t) / (n (n - 1)))
// and a continuity correction of 1/2 toward 0; two-sided p-value. When the
// variance is 0 (every value tied) z = 0 and p = 1. Requires both samples
// non-empty.
struct MannWhitneyResult {
  double u = 0;  // U of the first sample
  double z = 0;
  double p_value = 1;  // two-sided
  // U / (n1 n2): P(first > second) + P(tie) / 2.
  double common_language_effect = 0.5;
};
MannWhitneyResult MannWhitneyTest(absl::Span<const double> first,
                                  absl::Span<const double> second);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_MANN_WHITNEY_H_
