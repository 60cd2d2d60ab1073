#ifndef JTBD_FORCES_CLASSIFICATION_METRICS_H_
#define JTBD_FORCES_CLASSIFICATION_METRICS_H_

#include <cstddef>
#include <vector>

#include "absl/types/span.h"

namespace jtbd {
namespace forces {

// The area under the ROC curve of `scores` for labels 0/1: the probability
// that a random positive scores above a random negative, ties counted half
// (the Mann-Whitney form, exact with ties). 0.5 when either class is empty.
double RocAuc(absl::Span<const double> scores, absl::Span<const int> labels);

// Mean squared difference between the probabilities and the labels.
double BrierScore(absl::Span<const double> probabilities,
                  absl::Span<const int> labels);

// One bin of a reliability table.
struct ReliabilityRow {
  double lower = 0;
  double upper = 0;
  size_t count = 0;
  double mean_predicted = 0;
  double observed_share = 0;
};
// `bins` equal-width bins of [0, 1] (the last one closed); empty bins are
// left out.
std::vector<ReliabilityRow> ReliabilityTable(
    absl::Span<const double> probabilities, absl::Span<const int> labels,
    size_t bins);

}  // namespace forces
}  // namespace jtbd

#endif  // JTBD_FORCES_CLASSIFICATION_METRICS_H_
