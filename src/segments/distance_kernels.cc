#include "segments/distance_kernels.h"

#include <cmath>
#include <cstring>

#include "segments/feature_matrix.h"

#if defined(__GNUC__) && defined(__x86_64__)
#define JTBD_SEGMENTS_HAVE_AVX2_BUILD 1
#include <immintrin.h>
#endif

namespace jtbd {
namespace segments {
namespace {

// Correctly rounded square roots in place (IEEE sqrt, as std::sqrt), two at
// a time where SSE2 is there.
void SquareRoots(double* values, size_t count) {
  size_t i = 0;
#ifdef JTBD_SEGMENTS_HAVE_AVX2_BUILD
  for (; i + 2 <= count; i += 2) {
    _mm_storeu_pd(values + i, _mm_sqrt_pd(_mm_loadu_pd(values + i)));
  }
#endif
  for (; i < count; ++i) values[i] = std::sqrt(values[i]);
}

void SquaredDistancesToRowsBaseline(const double* point, const double* rows,
                                    size_t count, size_t dimension,
                                    double* out) {
  for (size_t j = 0; j < count; ++j) {
    out[j] = SquaredDistance(point, rows + j * dimension, dimension);
  }
}

void PanelDistancesBaseline(const double* broadcast, const double* panels,
                            size_t panel_count, size_t dimension, double* out) {
  const double* b0 = broadcast;
  const double* b1 = b0 + dimension * 4;
  const double* b2 = b1 + dimension * 4;
  const double* b3 = b2 + dimension * 4;
  for (size_t p = 0; p < panel_count; ++p) {
    const double* panel = panels + p * dimension * 4;
    // Rows 0-3; lanes 0-1 (low) and 2-3 (high) of the panel.
    Double2 l0 = {0, 0}, l1 = l0, l2 = l0, l3 = l0;
    Double2 h0 = l0, h1 = l0, h2 = l0, h3 = l0;
    for (size_t t = 0; t < dimension; ++t) {
      Double2 low, high, x;
      LoadDouble2(panel + t * 4, &low);
      LoadDouble2(panel + t * 4 + 2, &high);
      LoadDouble2(b0 + t * 4, &x);
      Double2 dl = x - low, dh = x - high;
      l0 += dl * dl;
      h0 += dh * dh;
      LoadDouble2(b1 + t * 4, &x);
      dl = x - low;
      dh = x - high;
      l1 += dl * dl;
      h1 += dh * dh;
      LoadDouble2(b2 + t * 4, &x);
      dl = x - low;
      dh = x - high;
      l2 += dl * dl;
      h2 += dh * dh;
      LoadDouble2(b3 + t * 4, &x);
      dl = x - low;
      dh = x - high;
      l3 += dl * dl;
      h3 += dh * dh;
    }
    double* o = out + p * 16;
    StoreDouble2(l0, o);
    StoreDouble2(h0, o + 2);
    StoreDouble2(l1, o + 4);
    StoreDouble2(h1, o + 6);
    StoreDouble2(l2, o + 8);
    StoreDouble2(h2, o + 10);
    StoreDouble2(l3, o + 12);
    StoreDouble2(h3, o + 14);
  }
  SquareRoots(out, panel_count * 16);
}

#ifdef JTBD_SEGMENTS_HAVE_AVX2_BUILD
// The lane sums of one row finished as SquaredDistance finishes them.
__attribute__((target("avx2"))) inline double FinishAvx2(__m256d sum,
                                                         const double* point,
                                                         const double* row,
                                                         size_t t,
                                                         size_t dimension) {
  double lanes[4];
  _mm256_storeu_pd(lanes, sum);
  for (; t < dimension; ++t) {
    const double difference = point[t] - row[t];
    lanes[t % 4] += difference * difference;
  }
  return (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
}

// Four rows at a time, so that four independent sums hide the latency of
// the adds; each row's arithmetic is SquaredDistance's (lane = coordinate
// mod 4, multiply then add, never fused).
__attribute__((target("avx2"))) void SquaredDistancesToRowsAvx2(
    const double* point, const double* rows, size_t count, size_t dimension,
    double* out) {
  const size_t vector_end = dimension / 4 * 4;
  size_t j = 0;
  for (; j + 4 <= count; j += 4) {
    const double* r0 = rows + j * dimension;
    const double* r1 = r0 + dimension;
    const double* r2 = r1 + dimension;
    const double* r3 = r2 + dimension;
    __m256d s0 = _mm256_setzero_pd(), s1 = s0, s2 = s0, s3 = s0;
    for (size_t t = 0; t < vector_end; t += 4) {
      const __m256d x = _mm256_loadu_pd(point + t);
      __m256d d = _mm256_sub_pd(x, _mm256_loadu_pd(r0 + t));
      s0 = _mm256_add_pd(s0, _mm256_mul_pd(d, d));
      d = _mm256_sub_pd(x, _mm256_loadu_pd(r1 + t));
      s1 = _mm256_add_pd(s1, _mm256_mul_pd(d, d));
      d = _mm256_sub_pd(x, _mm256_loadu_pd(r2 + t));
      s2 = _mm256_add_pd(s2, _mm256_mul_pd(d, d));
      d = _mm256_sub_pd(x, _mm256_loadu_pd(r3 + t));
      s3 = _mm256_add_pd(s3, _mm256_mul_pd(d, d));
    }
    out[j] = FinishAvx2(s0, point, r0, vector_end, dimension);
    out[j + 1] = FinishAvx2(s1, point, r1, vector_end, dimension);
    out[j + 2] = FinishAvx2(s2, point, r2, vector_end, dimension);
    out[j + 3] = FinishAvx2(s3, point, r3, vector_end, dimension);
  }
  for (; j < count; ++j) {
    const double* row = rows + j * dimension;
    __m256d sum = _mm256_setzero_pd();
    for (size_t t = 0; t < vector_end; t += 4) {
      const __m256d d =
          _mm256_sub_pd(_mm256_loadu_pd(point + t), _mm256_loadu_pd(row + t));
      sum = _mm256_add_pd(sum, _mm256_mul_pd(d, d));
    }
    out[j] = FinishAvx2(sum, point, row, vector_end, dimension);
  }
}

// One panel against the 4 points: 4 running sums.
__attribute__((target("avx2"))) void OnePanelAvx2(const double* broadcast,
                                                  const double* panel,
                                                  size_t dimension,
                                                  double* out) {
  const double* b0 = broadcast;
  const double* b1 = b0 + dimension * 4;
  const double* b2 = b1 + dimension * 4;
  const double* b3 = b2 + dimension * 4;
  __m256d a0 = _mm256_setzero_pd(), a1 = a0, a2 = a0, a3 = a0;
  for (size_t t = 0; t < dimension; ++t) {
    const __m256d column = _mm256_loadu_pd(panel + t * 4);
    __m256d d = _mm256_sub_pd(_mm256_loadu_pd(b0 + t * 4), column);
    a0 = _mm256_add_pd(a0, _mm256_mul_pd(d, d));
    d = _mm256_sub_pd(_mm256_loadu_pd(b1 + t * 4), column);
    a1 = _mm256_add_pd(a1, _mm256_mul_pd(d, d));
    d = _mm256_sub_pd(_mm256_loadu_pd(b2 + t * 4), column);
    a2 = _mm256_add_pd(a2, _mm256_mul_pd(d, d));
    d = _mm256_sub_pd(_mm256_loadu_pd(b3 + t * 4), column);
    a3 = _mm256_add_pd(a3, _mm256_mul_pd(d, d));
  }
  _mm256_storeu_pd(out, _mm256_sqrt_pd(a0));
  _mm256_storeu_pd(out + 4, _mm256_sqrt_pd(a1));
  _mm256_storeu_pd(out + 8, _mm256_sqrt_pd(a2));
  _mm256_storeu_pd(out + 12, _mm256_sqrt_pd(a3));
}

// Two panels at a time: 8 independent sums hide the latency of the adds.
// Explicit multiply and add (never fused), as the baseline build does.
__attribute__((target("avx2"))) void PanelDistancesAvx2(const double* broadcast,
                                                        const double* panels,
                                                        size_t panel_count,
                                                        size_t dimension,
                                                        double* out) {
  const double* b0 = broadcast;
  const double* b1 = b0 + dimension * 4;
  const double* b2 = b1 + dimension * 4;
  const double* b3 = b2 + dimension * 4;
  size_t p = 0;
  for (; p + 2 <= panel_count; p += 2) {
    const double* first = panels + p * dimension * 4;
    const double* second = first + dimension * 4;
    __m256d a0 = _mm256_setzero_pd(), a1 = a0, a2 = a0, a3 = a0;
    __m256d c0 = a0, c1 = a0, c2 = a0, c3 = a0;
    for (size_t t = 0; t < dimension; ++t) {
      const __m256d u = _mm256_loadu_pd(first + t * 4);
      const __m256d v = _mm256_loadu_pd(second + t * 4);
      __m256d x = _mm256_loadu_pd(b0 + t * 4);
      __m256d d = _mm256_sub_pd(x, u), e = _mm256_sub_pd(x, v);
      a0 = _mm256_add_pd(a0, _mm256_mul_pd(d, d));
      c0 = _mm256_add_pd(c0, _mm256_mul_pd(e, e));
      x = _mm256_loadu_pd(b1 + t * 4);
      d = _mm256_sub_pd(x, u);
      e = _mm256_sub_pd(x, v);
      a1 = _mm256_add_pd(a1, _mm256_mul_pd(d, d));
      c1 = _mm256_add_pd(c1, _mm256_mul_pd(e, e));
      x = _mm256_loadu_pd(b2 + t * 4);
      d = _mm256_sub_pd(x, u);
      e = _mm256_sub_pd(x, v);
      a2 = _mm256_add_pd(a2, _mm256_mul_pd(d, d));
      c2 = _mm256_add_pd(c2, _mm256_mul_pd(e, e));
      x = _mm256_loadu_pd(b3 + t * 4);
      d = _mm256_sub_pd(x, u);
      e = _mm256_sub_pd(x, v);
      a3 = _mm256_add_pd(a3, _mm256_mul_pd(d, d));
      c3 = _mm256_add_pd(c3, _mm256_mul_pd(e, e));
    }
    double* o = out + p * 16;
    _mm256_storeu_pd(o, _mm256_sqrt_pd(a0));
    _mm256_storeu_pd(o + 4, _mm256_sqrt_pd(a1));
    _mm256_storeu_pd(o + 8, _mm256_sqrt_pd(a2));
    _mm256_storeu_pd(o + 12, _mm256_sqrt_pd(a3));
    _mm256_storeu_pd(o + 16, _mm256_sqrt_pd(c0));
    _mm256_storeu_pd(o + 20, _mm256_sqrt_pd(c1));
    _mm256_storeu_pd(o + 24, _mm256_sqrt_pd(c2));
    _mm256_storeu_pd(o + 28, _mm256_sqrt_pd(c3));
  }
  if (p < panel_count) {
    OnePanelAvx2(broadcast, panels + p * dimension * 4, dimension,
                 out + p * 16);
  }
}
#endif

}  // namespace

bool Avx2Available() {
#ifdef JTBD_SEGMENTS_HAVE_AVX2_BUILD
  static const bool available = __builtin_cpu_supports("avx2");
  return available;
#else
  return false;
#endif
}

void SquaredDistancesToRowsWith(bool avx2, const double* point,
                                const double* rows, size_t count,
                                size_t dimension, double* out) {
#ifdef JTBD_SEGMENTS_HAVE_AVX2_BUILD
  if (avx2) {
    SquaredDistancesToRowsAvx2(point, rows, count, dimension, out);
    return;
  }
#endif
  (void)avx2;
  SquaredDistancesToRowsBaseline(point, rows, count, dimension, out);
}

void PanelDistancesWith(bool avx2, const double* broadcast,
                        const double* panels, size_t panel_count,
                        size_t dimension, double* out) {
#ifdef JTBD_SEGMENTS_HAVE_AVX2_BUILD
  if (avx2) {
    PanelDistancesAvx2(broadcast, panels, panel_count, dimension, out);
    return;
  }
#endif
  (void)avx2;
  PanelDistancesBaseline(broadcast, panels, panel_count, dimension, out);
}

void SquaredDistancesToRows(const double* point, const double* rows,
                            size_t count, size_t dimension, double* out) {
  SquaredDistancesToRowsWith(Avx2Available(), point, rows, count, dimension,
                             out);
}

void PanelDistances(const double* broadcast, const double* panels,
                    size_t panel_count, size_t dimension, double* out) {
  PanelDistancesWith(Avx2Available(), broadcast, panels, panel_count, dimension,
                     out);
}

}  // namespace segments
}  // namespace jtbd
