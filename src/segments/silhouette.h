#ifndef JTBD_SEGMENTS_SILHOUETTE_H_
#define JTBD_SEGMENTS_SILHOUETTE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "segments/feature_matrix.h"

namespace jtbd {
namespace segments {

// One clustering of the points: labels 0..cluster_count-1.
struct Labelling {
  absl::Span<const uint32_t> labels;
  size_t cluster_count = 0;
};

struct SilhouetteSummary {
  // Mean silhouette of the evaluated points.
  double mean = 0;
  // Per cluster, the mean silhouette of its evaluated points (0 for a
  // cluster without any) and how many were evaluated.
  std::vector<double> cluster_means;
  std::vector<size_t> cluster_evaluated;
  // Per evaluated point, in the order given.
  std::vector<double> values;
};

// Rousseeuw's silhouette, s = (b - a) / max(a, b), of each evaluated point
// under each labelling, from exact Euclidean distances to every point: a is
// the mean distance to the other points of its cluster, b the smallest mean
// distance to the points of another cluster; s = 0 for a point alone in
// its cluster (Rousseeuw 1987; as scikit-learn and R's cluster package).
// Every distance is computed once per pair evaluated and serves every
// labelling, so choosing k among several costs one O(evaluated x n x
// dimension) pass. Evaluated points are shared among threads by index;
// each point's sums run over the points in index order, so the result is
// the same with any number of threads. INVALID_ARGUMENT for labels out of
// range, a labelling of another size or an evaluated index out of range.
absl::StatusOr<std::vector<SilhouetteSummary>> ComputeSilhouettes(
    const FeatureMatrix& points, absl::Span<const Labelling> labellings,
    absl::Span<const size_t> evaluated, unsigned threads);

// Every point evaluated under one labelling, on one thread.
absl::StatusOr<SilhouetteSummary> ComputeSilhouette(
    const FeatureMatrix& points, absl::Span<const uint32_t> labels,
    size_t cluster_count);

}  // namespace segments
}  // namespace jtbd

#endif  // JTBD_SEGMENTS_SILHOUETTE_H_
