#ifndef JTBD_CORE_AGGREGATE_H_
#define JTBD_CORE_AGGREGATE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "core/outcome.h"
#include "core/scale.h"
#include "core/top_box_counts.h"
#include "jtbd/v1/aggregate.pb.h"

namespace jtbd {

// Per outcome, the joint importance x satisfaction count table over
// (points + 1)^2 cells, index 0 of each axis meaning "no answer". Everything
// Ulwick scoring (and the alternatives of later issues) needs, in memory that
// does not grow with respondents. Aggregates of disjoint respondents with the
// same scale and outcomes merge by adding cells, which is exact and
// order-independent.
class Aggregate {
 public:
  static constexpr uint32_t kFormatVersion = 1;

  // Validates the scale and that outcome ids are non-empty and unique.
  static absl::StatusOr<Aggregate> Create(Scale scale,
                                          std::vector<Outcome> outcomes);

  const Scale& scale() const { return scale_; }
  const std::vector<Outcome>& outcomes() const { return outcomes_; }
  size_t outcome_count() const { return outcomes_.size(); }
  uint64_t respondent_count() const { return respondent_count_; }

  // Adds respondents given as row-major count x outcome_count rating
  // matrices (0 = no answer). All or nothing: on an invalid rating the error
  // names the flat index and value and the aggregate is unchanged.
  absl::Status AddRespondents(size_t count,
                              absl::Span<const uint8_t> importance,
                              absl::Span<const uint8_t> satisfaction);

  // Fast path for callers that validated ratings already (Study does):
  // adds one answer pair to an outcome's table. Ratings 0 or on the scale.
  void AddValidated(size_t outcome, int importance, int satisfaction) {
    ++cells_[outcome * cells_per_outcome_ + Index(importance) * stride_ +
             Index(satisfaction)];
  }
  // Counts one more respondent (tables are unaffected).
  void AddRespondentCount(uint64_t n) { respondent_count_ += n; }

  // this += other. FAILED_PRECONDITION (this unchanged) unless scale and
  // outcome ids match in order.
  absl::Status Merge(const Aggregate& other);

  // Respondents in one cell; ratings are 0 (no answer) or on the scale.
  absl::StatusOr<uint64_t> Cell(size_t outcome, int importance,
                                int satisfaction) const;
  // The raw row-major cells of one outcome, (points + 1)^2 of them.
  absl::Span<const uint64_t> Table(size_t outcome) const;

  TopBoxCounts Counts(size_t outcome) const;

  v1::Aggregate ToProto() const;
  // Refuses unknown format versions, wrong cell counts and bad scales.
  static absl::StatusOr<Aggregate> FromProto(const v1::Aggregate& proto);

 private:
  Aggregate(Scale scale, std::vector<Outcome> outcomes);
  size_t Index(int rating) const {
    return rating == 0 ? 0 : static_cast<size_t>(rating - scale_.min + 1);
  }

  Scale scale_;
  std::vector<Outcome> outcomes_;
  size_t stride_ = 0;             // points + 1
  size_t cells_per_outcome_ = 0;  // stride_^2
  std::vector<uint64_t> cells_;   // outcome-major
  uint64_t respondent_count_ = 0;
};

}  // namespace jtbd

#endif  // JTBD_CORE_AGGREGATE_H_
