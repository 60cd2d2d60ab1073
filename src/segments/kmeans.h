#ifndef JTBD_SEGMENTS_KMEANS_H_
#define JTBD_SEGMENTS_KMEANS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "segments/feature_matrix.h"

namespace jtbd {
namespace segments {

struct KMeansOptions {
  size_t k = 2;
  // Independent starts, each seeded by k-means++; the best inertia wins.
  uint32_t starts = 25;
  // Assignment passes per start at most (the first one included).
  uint32_t max_iterations = 100;
  uint64_t seed = 42;
  // Worker threads; 0 means one per core. The result does not depend on it.
  unsigned threads = 0;
  // Hamerly's bounds skip distance computations that cannot change an
  // assignment; false runs plain Lloyd (the same iterations, for tests).
  // (Elkan's per-centroid bounds were tried too: on survey features, 60
  // noisy dimensions, they saved no time.)
  bool use_bounds = true;
};

struct KMeansResult {
  // Per point, its centroid 0..k-1: the nearest one (the lowest index on a
  // tie), as NearestCentroid computes it.
  std::vector<uint32_t> labels;
  FeatureMatrix centroids;  // k rows
  // Sum of squared distances of the points to their centroids.
  double inertia = 0;
  uint32_t iterations = 0;  // assignment passes of the winning start
  uint32_t start = 0;       // the winning start
  bool converged = false;   // its assignments stopped changing
};

// k-means (Lloyd's iterations: assign each point to its nearest centroid,
// move each centroid to the mean of its points, until no assignment
// changes or max_iterations passes), from `starts` k-means++ seedings
// (Arthur & Vassilvitskii 2007; greedy, as scikit-learn: each centroid is
// the best of 2 + floor(ln k) draws), keeping the start with the lowest
// inertia (the lowest start index on a tie). Start s draws from its own
// std::mt19937_64 seeded with KMeansStartSeed(seed, s), and starts are
// spread over threads, so a seed gives the same result with any number of
// threads. Centroids are the means of their points, summed afresh; a
// cluster left empty takes the point farthest from its centroid.
// INVALID_ARGUMENT for k < 1, no starts, no iterations or non-finite
// coordinates; FAILED_PRECONDITION when there are fewer than k distinct
// points.
absl::StatusOr<KMeansResult> FitKMeans(const FeatureMatrix& points,
                                       const KMeansOptions& options);

// The seed of start `start`'s random stream (SplitMix64 of both).
uint64_t KMeansStartSeed(uint64_t seed, uint32_t start);

// The index of the centroid nearest to point (the lowest index on a tie);
// its squared distance in *squared_distance when not null.
size_t NearestCentroid(const double* point, const FeatureMatrix& centroids,
                       double* squared_distance);

// Threads to use for `tasks` independent tasks: `requested`, or the number
// of cores when 0, never more than the tasks and at least 1.
unsigned WorkerCount(unsigned requested, size_t tasks);

}  // namespace segments
}  // namespace jtbd

#endif  // JTBD_SEGMENTS_KMEANS_H_
