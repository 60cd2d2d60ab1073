// Aggregate::AddRespondents, the bulk path of the C ABI and the Python
// binding (10 million answers in one call): it must run near the speed at
// which the machine reads the two rating matrices, so
//   - validation is one branch-free scan that the compiler vectorises; only
//     a batch that fails it is scanned again, the slow way, for the message
//     naming the first bad index (the same message as before);
//   - answers are counted into 32-bit tables the size of L1 (100 outcomes x
//     36 cells x 4 bytes = 14 KiB), with a rating's row offset and column
//     read from small tables instead of computed per answer, and added to
//     the 64-bit cells once per chunk;
//   - large batches are split by respondents over two threads, each with
//     its own table, added up afterwards: the same counts in any order.
#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <thread>
#include <vector>

#include "core/aggregate.h"
#include "core/worker_threads.h"

namespace jtbd {
namespace {

// Answers below which a second thread costs more than it saves.
constexpr size_t kParallelAnswers = size_t{1} << 20;
// Respondents counted into 32-bit cells before they are flushed: a cell
// grows by at most one per respondent, so this never overflows.
constexpr size_t kChunkRespondents = size_t{1} << 24;

// True when some rating is neither 0 nor within [min, min + points).
// Fixed-size blocks let the compiler vectorise at -O2.
bool AnyOutsideScale(const uint8_t* values, size_t n, int min, int points) {
  const uint8_t low = static_cast<uint8_t>(min);
  const uint8_t span = static_cast<uint8_t>(points);
  constexpr size_t kBlock = 64;
  size_t k = 0;
  for (; k + kBlock <= n; k += kBlock) {
    uint8_t bad = 0;
    for (size_t j = 0; j < kBlock; ++j) {
      const uint8_t v = values[k + j];
      bad |= static_cast<uint8_t>(static_cast<uint8_t>(v - low) >= span) &
             static_cast<uint8_t>(v != 0);
    }
    if (bad != 0) return true;
  }
  for (; k < n; ++k) {
    const uint8_t v = values[k];
    if (v != 0 && static_cast<uint8_t>(v - low) >= span) return true;
  }
  return false;
}

// Counts respondents [first, last) into `table` (outcome-major, cells per
// outcome as in Aggregate), 32-bit, zeroed by the caller.
void CountRows(const uint8_t* importance, const uint8_t* satisfaction, size_t m,
               size_t first, size_t last,
               const std::array<uint32_t, 256>& row_offset,
               const std::array<uint32_t, 256>& column,
               size_t cells_per_outcome, uint32_t* table) {
  for (size_t r = first; r < last; ++r) {
    const uint8_t* imp = importance + r * m;
    const uint8_t* sat = satisfaction + r * m;
    uint32_t* outcome_table = table;
    for (size_t o = 0; o < m; ++o, outcome_table += cells_per_outcome) {
      ++outcome_table[row_offset[imp[o]] + column[sat[o]]];
    }
  }
}

}  // namespace

absl::Status Aggregate::AddRespondents(size_t count,
                                       absl::Span<const uint8_t> importance,
                                       absl::Span<const uint8_t> satisfaction) {
  const size_t m = outcomes_.size();
  if (m != 0 && count > std::numeric_limits<size_t>::max() / m) {
    return absl::InvalidArgumentError("respondent count overflows");
  }
  const size_t total = count * m;
  // Validate everything first: a rejected batch leaves the aggregate as is.
  if (importance.size() != total || satisfaction.size() != total ||
      AnyOutsideScale(importance.data(), total, scale_.min, scale_.points()) ||
      AnyOutsideScale(satisfaction.data(), total, scale_.min,
                      scale_.points())) {
    absl::Status status = ValidateRatings(count, importance, satisfaction);
    if (!status.ok()) return status;
  }
  if (total == 0) {
    respondent_count_ += count;
    return absl::OkStatus();
  }
  std::array<uint32_t, 256> row_offset{}, column{};
  for (int v = scale_.min; v <= scale_.max; ++v) {
    column[v] = static_cast<uint32_t>(Index(v));
    row_offset[v] = static_cast<uint32_t>(Index(v) * stride_);
  }
  const size_t table_size = m * cells_per_outcome_;
  const unsigned hardware = std::thread::hardware_concurrency();
  const size_t workers = total >= kParallelAnswers && hardware >= 2 ? 2 : 1;
  // Allocated here: the workers allocate nothing.
  std::vector<uint32_t> tables(workers * table_size);
  const uint8_t* imp = importance.data();
  const uint8_t* sat = satisfaction.data();
  for (size_t start = 0; start < count; start += kChunkRespondents) {
    const size_t end = std::min(count, start + kChunkRespondents);
    std::fill(tables.begin(), tables.end(), 0);
    const size_t middle = start + (end - start) / workers;
    auto count_part = [&](size_t worker) {
      CountRows(imp, sat, m, worker == 0 ? start : middle,
                worker == 0 ? middle : end, row_offset, column,
                cells_per_outcome_, tables.data() + worker * table_size);
    };
    RunWorkers(static_cast<unsigned>(workers),
               [&](unsigned worker) { count_part(worker); });
    for (size_t w = 0; w < workers; ++w) {
      const uint32_t* table = tables.data() + w * table_size;
      for (size_t o = 0; o < m; ++o) {
        for (size_t c = 0; c < cells_per_outcome_; ++c) {
          const uint32_t n = table[o * cells_per_outcome_ + c];
          if (n == 0) continue;
          const size_t cell = o * cells_per_outcome_ + c;
          cells_[cell] += n;
          if (weighted_) {
            weight_sums_[cell] += n;
            weight_square_sums_[cell] += n;
          }
        }
      }
    }
  }
  respondent_count_ += count;
  return absl::OkStatus();
}

}  // namespace jtbd
