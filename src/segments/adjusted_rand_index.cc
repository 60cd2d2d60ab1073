#include "segments/adjusted_rand_index.h"

#include <map>
#include <utility>

#include "absl/strings/str_format.h"

namespace jtbd {
namespace segments {
namespace {

double PairCount(uint64_t n) {
  return static_cast<double>(n) * static_cast<double>(n - (n > 0 ? 1 : 0)) / 2;
}

}  // namespace

absl::StatusOr<double> AdjustedRandIndex(absl::Span<const uint32_t> first,
                                         absl::Span<const uint32_t> second) {
  if (first.size() != second.size()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "partitions of %d and %d points", first.size(), second.size()));
  }
  if (first.empty()) return absl::InvalidArgumentError("no points");
  if (first.size() == 1) return 1.0;  // no pairs: trivially the same
  std::map<std::pair<uint32_t, uint32_t>, uint64_t> cells;
  std::map<uint32_t, uint64_t> rows, columns;
  for (size_t i = 0; i < first.size(); ++i) {
    ++cells[{first[i], second[i]}];
    ++rows[first[i]];
    ++columns[second[i]];
  }
  double index = 0, row_pairs = 0, column_pairs = 0;
  for (const auto& [cell, count] : cells) index += PairCount(count);
  for (const auto& [label, count] : rows) row_pairs += PairCount(count);
  for (const auto& [label, count] : columns) column_pairs += PairCount(count);
  const double expected = row_pairs * column_pairs / PairCount(first.size());
  const double maximum = (row_pairs + column_pairs) / 2;
  if (maximum == expected) return 1.0;
  return (index - expected) / (maximum - expected);
}

}  // namespace segments
}  // namespace jtbd
