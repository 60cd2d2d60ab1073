// The distance kernels: the baseline and AVX2 builds give the same bits,
// and the same bits as the plain definitions.
#include "segments/distance_kernels.h"

#include <cmath>
#include <random>
#include <vector>

#include "gtest/gtest.h"
#include "segments/feature_matrix.h"

namespace jtbd {
namespace segments {
namespace {

std::vector<double> RandomValues(size_t count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<double> values(count);
  // Awkward magnitudes, so that any change of summation order would show.
  for (double& v : values) {
    v = (static_cast<double>(rng() % 2000001) - 1000000) / 7919.0 *
        (rng() % 3 == 0 ? 1e-3 : 1.0);
  }
  return values;
}

TEST(DistanceKernelsTest, RowsMatchSquaredDistanceInEveryBuild) {
  for (size_t dimension : {1, 2, 3, 4, 5, 7, 8, 13, 60}) {
    for (size_t count : {1, 2, 3, 4, 5, 9}) {
      const std::vector<double> point = RandomValues(dimension, dimension);
      const std::vector<double> rows =
          RandomValues(count * dimension, 100 + count);
      std::vector<double> baseline(count), avx2(count);
      SquaredDistancesToRowsWith(false, point.data(), rows.data(), count,
                                 dimension, baseline.data());
      for (size_t j = 0; j < count; ++j) {
        EXPECT_EQ(baseline[j],
                  SquaredDistance(point.data(), rows.data() + j * dimension,
                                  dimension))
            << dimension << " " << count << " " << j;
        // Lane t mod 4, lanes added (0 + 1) + (2 + 3), written out.
        double lanes[4] = {0, 0, 0, 0};
        for (size_t t = 0; t < dimension; ++t) {
          const double d = point[t] - rows[j * dimension + t];
          lanes[t % 4] += d * d;
        }
        EXPECT_EQ(baseline[j], (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]));
      }
      if (!Avx2Available()) continue;
      SquaredDistancesToRowsWith(true, point.data(), rows.data(), count,
                                 dimension, avx2.data());
      EXPECT_EQ(avx2, baseline) << dimension << " " << count;
    }
  }
}

TEST(DistanceKernelsTest, PanelsMatchSequentialSumsInEveryBuild) {
  for (size_t dimension : {1, 3, 4, 17, 60}) {
    for (size_t panel_count : {1, 2, 3, 64, 65}) {
      const std::vector<double> rows = RandomValues(4 * dimension, 7);
      const std::vector<double> panels =
          RandomValues(panel_count * dimension * 4, 8 + panel_count);
      std::vector<double> broadcast(4 * dimension * 4);
      for (size_t r = 0; r < 4; ++r) {
        for (size_t t = 0; t < dimension; ++t) {
          for (size_t lane = 0; lane < 4; ++lane) {
            broadcast[(r * dimension + t) * 4 + lane] = rows[r * dimension + t];
          }
        }
      }
      std::vector<double> baseline(panel_count * 16), avx2(panel_count * 16);
      PanelDistancesWith(false, broadcast.data(), panels.data(), panel_count,
                         dimension, baseline.data());
      for (size_t p = 0; p < panel_count; ++p) {
        for (size_t r = 0; r < 4; ++r) {
          for (size_t lane = 0; lane < 4; ++lane) {
            double square = 0;
            for (size_t t = 0; t < dimension; ++t) {
              const double d = rows[r * dimension + t] -
                               panels[(p * dimension + t) * 4 + lane];
              square += d * d;
            }
            EXPECT_EQ(baseline[(p * 4 + r) * 4 + lane], std::sqrt(square));
          }
        }
      }
      if (!Avx2Available()) continue;
      PanelDistancesWith(true, broadcast.data(), panels.data(), panel_count,
                         dimension, avx2.data());
      EXPECT_EQ(avx2, baseline) << dimension << " " << panel_count;
    }
  }
}

}  // namespace
}  // namespace segments
}  // namespace jtbd
