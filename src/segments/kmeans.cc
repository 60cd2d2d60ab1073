#include "segments/kmeans.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <random>
#include <thread>

#include "absl/strings/str_format.h"
#include "segments/distance_kernels.h"
#include "core/worker_threads.h"

namespace jtbd {
namespace segments {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

uint64_t SplitMix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// A uniform double in [0, 1) from the top 53 bits of one draw (the same on
// every platform, unlike std::uniform_real_distribution).
double UniformUnit(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// Subtracts a point from one cluster's sum and adds it to another's.
void MoveBetweenSums(const double* x, size_t dimension, double* from,
                     double* to) {
  for (size_t t = 0; t < dimension; ++t) {
    from[t] -= x[t];
    to[t] += x[t];
  }
}

// One start's run, with its own buffers.
//
// Distances are the cost, and survey-sized data (20,000 x 60 doubles is
// 9.6 MB) does not fit in cache, so each step touches the points as little
// as it can: a seeding step measures all its candidates in one pass,
// cluster sums follow the points that change cluster instead of being
// recomputed, and Hamerly's bounds skip most points once the centroids
// settle.
class Start {
 public:
  Start(const FeatureMatrix& points, const KMeansOptions& options)
      : points_(points),
        options_(options),
        n_(points.rows),
        k_(options.k),
        dimension_(points.columns),
        // Greedy k-means++ (as scikit-learn): 2 + floor(ln k) candidates
        // per centroid, keeping the one that lowers the potential most.
        trials_(2 + static_cast<size_t>(std::log(static_cast<double>(k_)))),
        centroids_(options.k, points.columns),
        candidate_rows_(trials_, points.columns),
        sums_(options.k, points.columns),
        labels_(points.rows),
        counts_(options.k),
        upper_(points.rows),
        lower_(points.rows),
        closest_square_(points.rows),
        cumulative_(points.rows),
        trial_squares_(trials_ * points.rows),
        squares_(std::max(options.k, trials_)),
        movement_(options.k),
        half_gap_(options.k) {}

  // Seeding then Lloyd's iterations. False when fewer than k points are
  // distinct.
  bool Run(uint32_t start) {
    std::mt19937_64 rng(KMeansStartSeed(options_.seed, start));
    if (!Seed(rng)) return false;
    iterations_ = 1;
    AssignAll();
    converged_ = false;
    for (;;) {
      UpdateCentroids();
      if (iterations_ >= options_.max_iterations) break;
      ++iterations_;
      if (Assign() == 0) {
        converged_ = true;
        break;
      }
    }
    inertia_ = 0;
    for (size_t i = 0; i < n_; ++i) {
      inertia_ += Square(points_.row(i), centroids_.row(labels_[i]));
    }
    return true;
  }

  double inertia() const { return inertia_; }
  uint32_t iterations() const { return iterations_; }
  bool converged() const { return converged_; }
  const std::vector<uint32_t>& labels() const { return labels_; }

 private:
  // One distance: inline (a kernel call costs more than it saves).
  double Square(const double* a, const double* b) const {
    return SquaredDistance(a, b, dimension_);
  }
  double Distance(size_t point, size_t centroid) const {
    return std::sqrt(Square(points_.row(point), centroids_.row(centroid)));
  }

  // The first point whose cumulative weight exceeds target (the last point
  // with weight if rounding runs past the end).
  size_t Draw(double target) const {
    const size_t found =
        std::upper_bound(cumulative_.begin(), cumulative_.end(), target) -
        cumulative_.begin();
    if (found < n_) return found;
    size_t last = n_ - 1;
    while (last > 0 && closest_square_[last] <= 0) --last;
    return last;
  }

  // k-means++ (Arthur & Vassilvitskii 2007): the first centroid uniformly,
  // each next one with probability proportional to the squared distance to
  // the nearest centroid so far; greedily, the best of trials_ draws.
  bool Seed(std::mt19937_64& rng) {
    size_t chosen =
        std::min(n_ - 1, static_cast<size_t>(UniformUnit(rng) * n_));
    std::copy_n(points_.row(chosen), dimension_, centroids_.row(0));
    double potential = 0;
    for (size_t i = 0; i < n_; ++i) {
      closest_square_[i] = Square(points_.row(i), centroids_.row(0));
      potential += closest_square_[i];
    }
    std::vector<size_t> candidates(trials_);
    std::vector<double> potentials(trials_);
    for (size_t c = 1; c < k_; ++c) {
      if (!(potential > 0)) return false;  // every point is on a centroid
      double cumulative = 0;
      for (size_t i = 0; i < n_; ++i) {
        cumulative += closest_square_[i];
        cumulative_[i] = cumulative;
      }
      for (size_t trial = 0; trial < trials_; ++trial) {
        candidates[trial] = Draw(UniformUnit(rng) * cumulative);
      }
      // All candidates in one pass over the points.
      for (size_t trial = 0; trial < trials_; ++trial) {
        std::copy_n(points_.row(candidates[trial]), dimension_,
                    candidate_rows_.row(trial));
      }
      std::fill(potentials.begin(), potentials.end(), 0.0);
      for (size_t i = 0; i < n_; ++i) {
        SquaredDistancesToRows(points_.row(i), candidate_rows_.values.data(),
                               trials_, dimension_, squares_.data());
        for (size_t trial = 0; trial < trials_; ++trial) {
          const double square = std::min(closest_square_[i], squares_[trial]);
          trial_squares_[trial * n_ + i] = square;
          potentials[trial] += square;
        }
      }
      size_t best = 0;
      for (size_t trial = 1; trial < trials_; ++trial) {
        if (potentials[trial] < potentials[best]) best = trial;
      }
      std::copy_n(points_.row(candidates[best]), dimension_, centroids_.row(c));
      std::copy_n(trial_squares_.begin() + best * n_, n_,
                  closest_square_.begin());
      potential = potentials[best];
    }
    return true;
  }

  // Distances to every centroid: the nearest (lowest index on a tie) and
  // the second nearest.
  void AssignExactly(size_t i) {
    SquaredDistancesToRows(points_.row(i), centroids_.values.data(), k_,
                           dimension_, squares_.data());
    // Compared squared (exactly as NearestCentroid does); only the two
    // distances the bounds keep take a square root.
    double best = kInfinity, second = kInfinity;
    uint32_t best_index = 0;
    for (size_t c = 0; c < k_; ++c) {
      const double square = squares_[c];
      if (square < best) {
        second = best;
        best = square;
        best_index = static_cast<uint32_t>(c);
      } else {
        second = std::min(second, square);
      }
    }
    labels_[i] = best_index;
    upper_[i] = std::sqrt(best);
    lower_[i] = std::sqrt(second);
  }

  // The first assignment, with the cluster sums in the same pass.
  void AssignAll() {
    std::fill(sums_.values.begin(), sums_.values.end(), 0.0);
    std::fill(counts_.begin(), counts_.end(), 0);
    for (size_t i = 0; i < n_; ++i) {
      AssignExactly(i);
      AddTo(points_.row(i), dimension_, sums_.row(labels_[i]));
      ++counts_[labels_[i]];
    }
  }

  // One assignment pass; returns how many points changed centroid. With
  // bounds (Hamerly 2010, "Making k-means even faster"): upper_[i] bounds
  // the distance to the point's centroid from above and lower_[i] the
  // distance to any other from below; when the upper bound is at most
  // max(lower bound, half the distance from its centroid to the nearest
  // other), no other centroid can be nearer and the point is skipped.
  size_t Assign() {
    for (size_t c = 0; c < k_; ++c) {
      double nearest = kInfinity;
      for (size_t other = 0; other < k_; ++other) {
        if (other == c) continue;
        nearest = std::min(
            nearest,
            std::sqrt(Square(centroids_.row(c), centroids_.row(other))) / 2);
      }
      half_gap_[c] = nearest;
    }
    size_t changed = 0;
    for (size_t i = 0; i < n_; ++i) {
      const uint32_t label = labels_[i];
      if (options_.use_bounds) {
        const double bound = std::max(half_gap_[label], lower_[i]);
        if (upper_[i] <= bound) continue;
        upper_[i] = Distance(i, label);
        if (upper_[i] <= bound) continue;
      }
      AssignExactly(i);
      if (labels_[i] != label) {
        ++changed;
        Move(i, label, labels_[i]);
      }
    }
    return changed;
  }

  void Move(size_t i, uint32_t from, uint32_t to) {
    MoveBetweenSums(points_.row(i), dimension_, sums_.row(from), sums_.row(to));
    --counts_[from];
    ++counts_[to];
  }

  // Centroids to the means of their points; a cluster left empty takes the
  // point farthest from its centroid (from a cluster of 2 or more). Bounds
  // follow the movements.
  void UpdateCentroids() {
    bool reset_bounds = false;
    for (size_t c = 0; c < k_; ++c) {
      if (counts_[c] != 0) continue;
      size_t farthest = n_;
      double farthest_square = -1;
      for (size_t i = 0; i < n_; ++i) {
        if (counts_[labels_[i]] < 2) continue;
        const double square =
            Square(points_.row(i), centroids_.row(labels_[i]));
        if (square > farthest_square) {
          farthest_square = square;
          farthest = i;
        }
      }
      // Fewer than k distinct points cannot reach here: seeding refused.
      if (farthest == n_) continue;
      MoveBetweenSums(points_.row(farthest), dimension_,
                      sums_.row(labels_[farthest]), sums_.row(c));
      --counts_[labels_[farthest]];
      counts_[c] = 1;
      labels_[farthest] = static_cast<uint32_t>(c);
      reset_bounds = true;
    }
    double largest = 0, second_largest = 0;
    size_t largest_index = 0;
    for (size_t c = 0; c < k_; ++c) {
      const double* sum = sums_.row(c);
      double* centroid = centroids_.row(c);
      const double count = static_cast<double>(counts_[c]);
      double moved = 0;
      for (size_t t = 0; t < dimension_; ++t) {
        const double mean = sum[t] / count;
        const double step = mean - centroid[t];
        moved += step * step;
        centroid[t] = mean;
      }
      movement_[c] = std::sqrt(moved);
      if (movement_[c] > largest) {
        second_largest = largest;
        largest = movement_[c];
        largest_index = c;
      } else if (movement_[c] > second_largest) {
        second_largest = movement_[c];
      }
    }
    if (reset_bounds) {
      // Rare: recompute every point's distances on the next pass.
      std::fill(upper_.begin(), upper_.end(), kInfinity);
      std::fill(lower_.begin(), lower_.end(), 0.0);
      return;
    }
    for (size_t i = 0; i < n_; ++i) {
      const uint32_t label = labels_[i];
      upper_[i] += movement_[label];
      lower_[i] -= label == largest_index ? second_largest : largest;
    }
  }

  const FeatureMatrix& points_;
  const KMeansOptions& options_;
  const size_t n_, k_, dimension_, trials_;
  FeatureMatrix centroids_;
  FeatureMatrix candidate_rows_;  // a seeding step's candidates
  FeatureMatrix sums_;
  std::vector<uint32_t> labels_;
  std::vector<size_t> counts_;
  std::vector<double> upper_, lower_, closest_square_, cumulative_,
      trial_squares_, squares_, movement_, half_gap_;
  double inertia_ = 0;
  uint32_t iterations_ = 0;
  bool converged_ = false;
};

// Centroids as the means of the labelled points, summed from scratch in
// point order (the running sums of a fit drift by rounding).
FeatureMatrix MeanCentroids(const FeatureMatrix& points,
                            const std::vector<uint32_t>& labels, size_t k) {
  FeatureMatrix centroids(k, points.columns);
  std::vector<size_t> counts(k, 0);
  for (size_t i = 0; i < points.rows; ++i) {
    AddTo(points.row(i), points.columns, centroids.row(labels[i]));
    ++counts[labels[i]];
  }
  for (size_t c = 0; c < k; ++c) {
    double* centroid = centroids.row(c);
    for (size_t t = 0; t < points.columns; ++t) {
      centroid[t] /= static_cast<double>(counts[c]);
    }
  }
  return centroids;
}

// The best start seen by one worker.
struct BestStart {
  bool found = false;
  uint32_t start = 0;
  double inertia = kInfinity;
  uint32_t iterations = 0;
  bool converged = false;
  std::vector<uint32_t> labels;

  // Lower inertia wins, then the lower start index: an order that does not
  // depend on which worker ran which start.
  bool Improves(double other_inertia, uint32_t other_start) const {
    return !found || other_inertia < inertia ||
           (other_inertia == inertia && other_start < start);
  }
};

}  // namespace

uint64_t KMeansStartSeed(uint64_t seed, uint32_t start) {
  return SplitMix64(SplitMix64(seed) ^ SplitMix64(0x5EED0000ULL + start));
}

size_t NearestCentroid(const double* point, const FeatureMatrix& centroids,
                       double* squared_distance) {
  constexpr size_t kOnStack = 64;
  double on_stack[kOnStack];
  std::vector<double> on_heap;
  double* squares = on_stack;
  if (centroids.rows > kOnStack) {
    on_heap.resize(centroids.rows);
    squares = on_heap.data();
  }
  SquaredDistancesToRows(point, centroids.values.data(), centroids.rows,
                         centroids.columns, squares);
  size_t best = 0;
  double best_square = kInfinity;
  for (size_t c = 0; c < centroids.rows; ++c) {
    if (squares[c] < best_square) {
      best_square = squares[c];
      best = c;
    }
  }
  if (squared_distance != nullptr) *squared_distance = best_square;
  return best;
}

unsigned WorkerCount(unsigned requested, size_t tasks) {
  unsigned workers = requested;
  if (workers == 0) workers = std::max(1u, std::thread::hardware_concurrency());
  if (tasks < workers)
    workers = static_cast<unsigned>(std::max<size_t>(tasks, 1));
  return workers;
}

absl::StatusOr<KMeansResult> FitKMeans(const FeatureMatrix& points,
                                       const KMeansOptions& options) {
  if (options.k < 1) return absl::InvalidArgumentError("k must be at least 1");
  if (options.starts < 1) {
    return absl::InvalidArgumentError("starts must be at least 1");
  }
  if (options.max_iterations < 1) {
    return absl::InvalidArgumentError("max_iterations must be at least 1");
  }
  if (points.rows < options.k) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "%d points cannot form %d clusters", points.rows, options.k));
  }
  for (size_t i = 0; i < points.values.size(); ++i) {
    if (!std::isfinite(points.values[i])) {
      return absl::InvalidArgumentError(
          absl::StrFormat("point %d coordinate %d is not finite",
                          i / points.columns, i % points.columns));
    }
  }
  const unsigned workers = WorkerCount(options.threads, options.starts);
  std::vector<BestStart> best(workers);
  std::atomic<uint32_t> next_start{0};
  std::atomic<bool> too_few_points{false};
  auto work = [&](unsigned worker) {
    Start run(points, options);
    for (;;) {
      const uint32_t start = next_start.fetch_add(1);
      if (start >= options.starts) return;
      if (!run.Run(start)) {
        too_few_points = true;
        return;
      }
      BestStart& mine = best[worker];
      if (mine.Improves(run.inertia(), start)) {
        mine.found = true;
        mine.start = start;
        mine.inertia = run.inertia();
        mine.iterations = run.iterations();
        mine.converged = run.converged();
        mine.labels = run.labels();
      }
    }
  };
  RunWorkers(workers, work);
  if (too_few_points) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "fewer than %d distinct points: cannot form %d clusters", options.k,
        options.k));
  }
  const BestStart* winner = &best[0];
  for (const BestStart& candidate : best) {
    if (candidate.found &&
        winner->Improves(candidate.inertia, candidate.start)) {
      winner = &candidate;
    }
  }
  KMeansResult result;
  result.centroids = MeanCentroids(points, winner->labels, options.k);
  result.start = winner->start;
  result.iterations = winner->iterations;
  result.converged = winner->converged;
  // Labels are recomputed as the nearest centroid, the rule a saved model
  // applies to new points, so that applying the model to the same points
  // gives the same labels (rounding-level ties are the only possible
  // difference from the last pass).
  result.labels.resize(points.rows);
  result.inertia = 0;
  for (size_t i = 0; i < points.rows; ++i) {
    double square = 0;
    result.labels[i] = static_cast<uint32_t>(
        NearestCentroid(points.row(i), result.centroids, &square));
    result.inertia += square;
  }
  return result;
}

}  // namespace segments
}  // namespace jtbd
