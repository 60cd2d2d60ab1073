#include "core/solution_ratings.h"

#include "absl/strings/ascii.h"

namespace jtbd {

absl::StatusOr<size_t> SolutionRatings::Declare(absl::string_view name) {
  if (name.empty()) {
    return absl::InvalidArgumentError("a solution name must not be empty");
  }
  auto [it, inserted] =
      index_.emplace(absl::AsciiStrToLower(name), names_.size());
  if (inserted) names_.emplace_back(name);
  return it->second;
}

ptrdiff_t SolutionRatings::Find(absl::string_view name) const {
  auto it = index_.find(absl::AsciiStrToLower(name));
  return it == index_.end() ? -1 : static_cast<ptrdiff_t>(it->second);
}

uint8_t SolutionRatings::Get(size_t respondent, size_t solution,
                             size_t outcome) const {
  if (respondent >= ratings_.size()) return 0;
  const auto& by_solution = ratings_[respondent];
  if (solution >= by_solution.size()) return 0;
  const std::vector<uint8_t>& by_outcome = by_solution[solution];
  return outcome < by_outcome.size() ? by_outcome[outcome] : 0;
}

void SolutionRatings::Set(size_t respondent, size_t solution, size_t outcome,
                          uint8_t rating) {
  if (rating == 0 && Get(respondent, solution, outcome) == 0) return;
  if (ratings_.size() <= respondent) ratings_.resize(respondent + 1);
  auto& by_solution = ratings_[respondent];
  if (by_solution.size() <= solution) by_solution.resize(solution + 1);
  std::vector<uint8_t>& by_outcome = by_solution[solution];
  if (by_outcome.size() <= outcome) by_outcome.resize(outcome + 1, 0);
  uint8_t& stored = by_outcome[outcome];
  if (stored != 0) --rating_count_;
  if (rating != 0) ++rating_count_;
  stored = rating;
}

}  // namespace jtbd
