#include "segments/silhouette.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <thread>

#include "absl/strings/str_format.h"
#include "segments/distance_kernels.h"
#include "core/worker_threads.h"
#include "segments/kmeans.h"

namespace jtbd {
namespace segments {
namespace {

// Evaluated points measured together by the kernel (their sums stay in
// registers while a panel of 4 points streams past them), and per batch
// (sharing each chunk of panels while it is in cache).
constexpr size_t kRowBlock = 4;
constexpr size_t kBatch = 64;
// Panels measured per kernel call (their squared distances stay in L1).
constexpr size_t kPanelChunk = 64;

struct Layout {
  size_t labelling_count = 0;
  size_t total_clusters = 0;          // sum of cluster counts
  std::vector<size_t> offsets;        // per labelling, into a row of sums
  std::vector<uint32_t> slots;        // per labelling and point: offset + label
  std::vector<double> cluster_sizes;  // per slot
};

// Points in panels of 4: panel g holds points 4g..4g+3 coordinate by
// coordinate (lane = point), so that one pass over it is contiguous.
// Missing points of the last panel are zeros (their distances are unused).
std::vector<double> Panels(const FeatureMatrix& points) {
  const size_t dimension = points.columns;
  const size_t panels = (points.rows + 3) / 4;
  std::vector<double> out(panels * dimension * 4, 0.0);
  for (size_t i = 0; i < points.rows; ++i) {
    const size_t g = i / 4, lane = i % 4;
    for (size_t t = 0; t < dimension; ++t) {
      out[(g * dimension + t) * 4 + lane] = points.at(i, t);
    }
  }
  return out;
}

// Sums of distances from a batch of evaluated points (up to kBatch) to
// every cluster of every labelling, then their silhouettes. The points are
// measured 4 at a time against a chunk of panels while the chunk is in
// cache, so that the data is read from memory once per batch.
void EvaluateBatch(const FeatureMatrix& points,
                   const std::vector<double>& panels, const Layout& layout,
                   absl::Span<const Labelling> labellings,
                   absl::Span<const size_t> rows, std::vector<double>* sums,
                   std::vector<double>* broadcast,
                   std::vector<std::vector<double>>* values,
                   size_t first_value) {
  const size_t n = points.rows;
  const size_t dimension = points.columns;
  const size_t width = layout.total_clusters;
  const size_t blocks = (rows.size() + kRowBlock - 1) / kRowBlock;
  // One more row of sums: rows past the end add into it, never read.
  const size_t scratch = blocks * kRowBlock;
  sums->assign((scratch + 1) * width, 0.0);
  // Each row's coordinates repeated over 4 lanes; rows past the end of the
  // batch repeat the last row (computed, never used).
  broadcast->resize(scratch * dimension * 4);
  for (size_t r = 0; r < scratch; ++r) {
    const double* x = points.row(rows[std::min(r, rows.size() - 1)]);
    for (size_t t = 0; t < dimension; ++t) {
      for (size_t lane = 0; lane < 4; ++lane) {
        (*broadcast)[(r * dimension + t) * 4 + lane] = x[t];
      }
    }
  }
  const size_t panel_count = (n + 3) / 4;
  double distances[kPanelChunk * 16];
  for (size_t first = 0; first < panel_count; first += kPanelChunk) {
    const size_t chunk = std::min(kPanelChunk, panel_count - first);
    const size_t begin = first * 4;
    const size_t end = std::min(n, (first + chunk) * 4);
    for (size_t block = 0; block < blocks; ++block) {
      PanelDistances(broadcast->data() + block * kRowBlock * dimension * 4,
                     panels.data() + first * dimension * 4, chunk, dimension,
                     distances);
      double* row_sums[kRowBlock];
      for (size_t r = 0; r < kRowBlock; ++r) {
        const size_t row = block * kRowBlock + r;
        row_sums[r] =
            sums->data() + (row < rows.size() ? row : scratch) * width;
      }
      // One labelling at a time: four independent sums per point, each
      // row's sums running over the points in index order.
      for (size_t l = 0; l < layout.labelling_count; ++l) {
        const uint32_t* slots = layout.slots.data() + l * n;
        for (size_t j = begin; j < end; ++j) {
          const uint32_t slot = slots[j];
          const double* d = distances + ((j - begin) / 4) * 16 + j % 4;
          row_sums[0][slot] += d[0];
          row_sums[1][slot] += d[4];
          row_sums[2][slot] += d[8];
          row_sums[3][slot] += d[12];
        }
      }
    }
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    const double* row_sums = sums->data() + r * width;
    for (size_t l = 0; l < layout.labelling_count; ++l) {
      const size_t offset = layout.offsets[l];
      const uint32_t own = labellings[l].labels[rows[r]];
      const double own_size = layout.cluster_sizes[offset + own];
      double silhouette = 0;
      if (own_size > 1) {
        const double within = row_sums[offset + own] / (own_size - 1);
        double between = std::numeric_limits<double>::infinity();
        for (size_t c = 0; c < labellings[l].cluster_count; ++c) {
          const double size = layout.cluster_sizes[offset + c];
          if (c == own || size == 0) continue;
          between = std::min(between, row_sums[offset + c] / size);
        }
        const double larger = std::max(within, between);
        if (std::isfinite(between) && larger > 0) {
          silhouette = (between - within) / larger;
        }
      }
      (*values)[l][first_value + r] = silhouette;
    }
  }
}

}  // namespace

absl::StatusOr<std::vector<SilhouetteSummary>> ComputeSilhouettes(
    const FeatureMatrix& points, absl::Span<const Labelling> labellings,
    absl::Span<const size_t> evaluated, unsigned threads) {
  const size_t n = points.rows;
  Layout layout;
  layout.labelling_count = labellings.size();
  for (size_t l = 0; l < labellings.size(); ++l) {
    const Labelling& labelling = labellings[l];
    if (labelling.labels.size() != n) {
      return absl::InvalidArgumentError(
          absl::StrFormat("labelling %d has %d labels for %d points", l,
                          labelling.labels.size(), n));
    }
    for (size_t i = 0; i < n; ++i) {
      if (labelling.labels[i] >= labelling.cluster_count) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "labelling %d: label %d of point %d is not below %d", l,
            labelling.labels[i], i, labelling.cluster_count));
      }
    }
    layout.offsets.push_back(layout.total_clusters);
    layout.total_clusters += labelling.cluster_count;
  }
  if (layout.total_clusters > std::numeric_limits<uint32_t>::max()) {
    return absl::InvalidArgumentError("too many clusters");
  }
  for (size_t e = 0; e < evaluated.size(); ++e) {
    if (evaluated[e] >= n) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "evaluated point %d is out of range (%d points)", evaluated[e], n));
    }
  }
  layout.slots.resize(n * layout.labelling_count);
  layout.cluster_sizes.assign(layout.total_clusters, 0.0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t l = 0; l < layout.labelling_count; ++l) {
      const uint32_t slot =
          static_cast<uint32_t>(layout.offsets[l] + labellings[l].labels[i]);
      layout.slots[l * n + i] = slot;
      layout.cluster_sizes[slot] += 1;
    }
  }
  const std::vector<double> panels = Panels(points);
  std::vector<std::vector<double>> values(
      labellings.size(), std::vector<double>(evaluated.size()));
  const size_t batches = (evaluated.size() + kBatch - 1) / kBatch;
  const unsigned workers = WorkerCount(threads, batches);
  // Batches are dealt round-robin; each point's value depends only on the
  // point, so how they are dealt does not change any value.
  auto work = [&](unsigned worker) {
    std::vector<double> sums, broadcast;
    for (size_t batch = worker; batch < batches; batch += workers) {
      const size_t first = batch * kBatch;
      const size_t count = std::min(kBatch, evaluated.size() - first);
      EvaluateBatch(points, panels, layout, labellings,
                    evaluated.subspan(first, count), &sums, &broadcast, &values,
                    first);
    }
  };
  RunWorkers(workers, work);
  std::vector<SilhouetteSummary> summaries(labellings.size());
  for (size_t l = 0; l < labellings.size(); ++l) {
    SilhouetteSummary& summary = summaries[l];
    summary.cluster_means.assign(labellings[l].cluster_count, 0.0);
    summary.cluster_evaluated.assign(labellings[l].cluster_count, 0);
    double total = 0;
    for (size_t e = 0; e < evaluated.size(); ++e) {
      const double value = values[l][e];
      const uint32_t label = labellings[l].labels[evaluated[e]];
      total += value;
      summary.cluster_means[label] += value;
      ++summary.cluster_evaluated[label];
    }
    summary.mean =
        evaluated.empty() ? 0 : total / static_cast<double>(evaluated.size());
    for (size_t c = 0; c < labellings[l].cluster_count; ++c) {
      if (summary.cluster_evaluated[c] != 0) {
        summary.cluster_means[c] /=
            static_cast<double>(summary.cluster_evaluated[c]);
      }
    }
    summary.values = std::move(values[l]);
  }
  return summaries;
}

absl::StatusOr<SilhouetteSummary> ComputeSilhouette(
    const FeatureMatrix& points, absl::Span<const uint32_t> labels,
    size_t cluster_count) {
  std::vector<size_t> all(points.rows);
  std::iota(all.begin(), all.end(), 0);
  const Labelling labelling{labels, cluster_count};
  absl::StatusOr<std::vector<SilhouetteSummary>> summaries =
      ComputeSilhouettes(points, absl::MakeConstSpan(&labelling, 1), all, 1);
  if (!summaries.ok()) return summaries.status();
  return std::move((*summaries)[0]);
}

}  // namespace segments
}  // namespace jtbd
