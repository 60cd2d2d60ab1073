#ifndef JTBD_SEGMENTS_FEATURE_MATRIX_H_
#define JTBD_SEGMENTS_FEATURE_MATRIX_H_

#include <cstddef>
#include <cstring>
#include <vector>

namespace jtbd {
namespace segments {

// A dense row-major matrix of doubles: one row per respondent (or
// centroid), one column per feature. Contiguous so that the hot loops of
// k-means and the silhouette stream through it.
struct FeatureMatrix {
  FeatureMatrix() = default;
  FeatureMatrix(size_t row_count, size_t column_count)
      : rows(row_count),
        columns(column_count),
        values(row_count * column_count, 0.0) {}

  double* row(size_t r) { return values.data() + r * columns; }
  const double* row(size_t r) const { return values.data() + r * columns; }
  double& at(size_t r, size_t c) { return values[r * columns + c]; }
  double at(size_t r, size_t c) const { return values[r * columns + c]; }

  size_t rows = 0;
  size_t columns = 0;
  std::vector<double> values;
};

// Two doubles operated on lane by lane (GCC and Clang vector extensions;
// one SSE2 register on baseline x86-64). Lanes are IEEE operations without
// contraction, so results are the same bits wherever they run.
typedef double Double2 __attribute__((vector_size(2 * sizeof(double))));

// Unaligned load and store (through pointers: passing vectors by value
// makes the ABI depend on the instruction set).
inline void LoadDouble2(const double* from, Double2* to) {
  std::memcpy(to, from, sizeof(*to));
}
inline void StoreDouble2(const Double2& from, double* to) {
  std::memcpy(to, &from, sizeof(from));
}

// Squared Euclidean distance between two points of `dimension`
// coordinates: coordinate t is summed into lane t mod 4, in order, and the
// lanes are added as (0 + 1) + (2 + 3). A fixed order, so the fit, a saved
// model and any number of threads agree to the last bit, while the four
// independent sums keep the processor busy.
inline double SquaredDistance(const double* a, const double* b,
                              size_t dimension) {
  Double2 low = {0, 0}, high = {0, 0};  // lanes 0-1 and 2-3
  size_t t = 0;
  for (; t + 4 <= dimension; t += 4) {
    Double2 a_low, a_high, b_low, b_high;
    LoadDouble2(a + t, &a_low);
    LoadDouble2(a + t + 2, &a_high);
    LoadDouble2(b + t, &b_low);
    LoadDouble2(b + t + 2, &b_high);
    const Double2 d_low = a_low - b_low;
    const Double2 d_high = a_high - b_high;
    low += d_low * d_low;
    high += d_high * d_high;
  }
  double lanes[4] = {low[0], low[1], high[0], high[1]};
  for (; t < dimension; ++t) {
    const double difference = a[t] - b[t];
    lanes[t % 4] += difference * difference;
  }
  return (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
}

// to[t] += from[t] for t < count.
inline void AddTo(const double* from, size_t count, double* to) {
  size_t t = 0;
  for (; t + 2 <= count; t += 2) {
    Double2 x, y;
    LoadDouble2(from + t, &x);
    LoadDouble2(to + t, &y);
    StoreDouble2(y + x, to + t);
  }
  for (; t < count; ++t) to[t] += from[t];
}

}  // namespace segments
}  // namespace jtbd

#endif  // JTBD_SEGMENTS_FEATURE_MATRIX_H_
