#ifndef JTBD_CORE_SOLUTION_RATINGS_H_
#define JTBD_CORE_SOLUTION_RATINGS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jtbd {

// Satisfaction ratings of competing solutions, per (respondent, solution,
// outcome); 0 = not rated. Solutions are named; names compare ignoring ASCII
// case and keep the first spelling. Indices are checked by the owner (Study),
// which knows how many respondents and outcomes exist.
class SolutionRatings {
 public:
  // The index of the solution named `name`, declaring it when new.
  // INVALID_ARGUMENT for an empty name.
  absl::StatusOr<size_t> Declare(absl::string_view name);
  // -1 when no solution has that name (ignoring case).
  ptrdiff_t Find(absl::string_view name) const;
  const std::vector<std::string>& names() const { return names_; }
  size_t solution_count() const { return names_.size(); }

  // 0 when not rated.
  uint8_t Get(size_t respondent, size_t solution, size_t outcome) const;
  // Stores a rating (0 clears it).
  void Set(size_t respondent, size_t solution, size_t outcome, uint8_t rating);
  // Ratings stored (non-zero).
  size_t rating_count() const { return rating_count_; }

 private:
  std::vector<std::string> names_;
  absl::flat_hash_map<std::string, size_t> index_;  // ASCII lower case
  // [respondent][solution][outcome]; inner vectors grow on demand.
  std::vector<std::vector<std::vector<uint8_t>>> ratings_;
  size_t rating_count_ = 0;
};

}  // namespace jtbd

#endif  // JTBD_CORE_SOLUTION_RATINGS_H_
