#ifndef JTBD_SEGMENTS_DISTANCE_KERNELS_H_
#define JTBD_SEGMENTS_DISTANCE_KERNELS_H_

#include <cstddef>

namespace jtbd {
namespace segments {

// The loops where k-means and the silhouette spend their time, in two
// builds: baseline x86-64 (SSE2) and AVX2, chosen once at run time. Both
// builds perform the same IEEE operations in the same order (lanes are
// independent sums, never contracted into fused multiply-adds), so they
// return the same bits and a result never depends on the processor.

// out[j] = SquaredDistance(point, rows + j * dimension, dimension) for
// j < count: the same bits as SquaredDistance.
void SquaredDistancesToRows(const double* point, const double* rows,
                            size_t count, size_t dimension, double* out);

// Distances (square roots of the squared distances, correctly rounded)
// between 4 points and the points of `panel_count` panels. Each of the 4 points
// is given as `dimension` coordinates, each repeated over 4 lanes (broadcast[(r
// * dimension + t) * 4 + lane]); a panel holds 4 points coordinate by
// coordinate (panel[t * 4 + lane]), panels back to back. out[(p * 4 + r) * 4 +
// lane] is the distance from point r to lane `lane` of panel p, its squared
// coordinate differences summed in order.
void PanelDistances(const double* broadcast, const double* panels,
                    size_t panel_count, size_t dimension, double* out);

// The same with a chosen build, for tests: avx2 false is the baseline
// build; avx2 true requires Avx2Available().
void SquaredDistancesToRowsWith(bool avx2, const double* point,
                                const double* rows, size_t count,
                                size_t dimension, double* out);
void PanelDistancesWith(bool avx2, const double* broadcast,
                        const double* panels, size_t panel_count,
                        size_t dimension, double* out);
bool Avx2Available();

}  // namespace segments
}  // namespace jtbd

#endif  // JTBD_SEGMENTS_DISTANCE_KERNELS_H_
