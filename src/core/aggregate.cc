#include "core/aggregate.h"

#include <limits>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_format.h"

namespace jtbd {

Aggregate::Aggregate(Scale scale, std::vector<Outcome> outcomes)
    : scale_(scale),
      outcomes_(std::move(outcomes)),
      stride_(static_cast<size_t>(scale.points()) + 1),
      cells_per_outcome_(stride_ * stride_),
      cells_(outcomes_.size() * cells_per_outcome_, 0) {}

absl::StatusOr<Aggregate> Aggregate::Create(Scale scale,
                                            std::vector<Outcome> outcomes) {
  absl::Status status = scale.Validate();
  if (!status.ok()) return status;
  absl::flat_hash_set<std::string> seen;
  for (size_t i = 0; i < outcomes.size(); ++i) {
    if (outcomes[i].id.empty()) {
      return absl::InvalidArgumentError(
          absl::StrFormat("outcome %zu has an empty id", i));
    }
    if (!seen.insert(outcomes[i].id).second) {
      return absl::AlreadyExistsError(absl::StrFormat(
          "outcome id \"%s\" is declared twice", outcomes[i].id));
    }
  }
  return Aggregate(scale, std::move(outcomes));
}

absl::Status Aggregate::AddRespondents(size_t count,
                                       absl::Span<const uint8_t> importance,
                                       absl::Span<const uint8_t> satisfaction) {
  const size_t m = outcomes_.size();
  if (m != 0 && count > std::numeric_limits<size_t>::max() / m) {
    return absl::InvalidArgumentError("respondent count overflows");
  }
  const size_t total = count * m;
  if (importance.size() != total || satisfaction.size() != total) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "expected %zu ratings (%zu respondents x %zu outcomes), got %zu "
        "importance and %zu satisfaction ratings",
        total, count, m, importance.size(), satisfaction.size()));
  }
  // Validate everything first: a rejected batch leaves the aggregate as is.
  for (size_t k = 0; k < total; ++k) {
    if (importance[k] != 0 && !scale_.Contains(importance[k])) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "importance[%zu] = %d is outside the scale %d-%d (0 = no answer)", k,
          importance[k], scale_.min, scale_.max));
    }
    if (satisfaction[k] != 0 && !scale_.Contains(satisfaction[k])) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "satisfaction[%zu] = %d is outside the scale %d-%d (0 = no answer)",
          k, satisfaction[k], scale_.min, scale_.max));
    }
  }
  for (size_t r = 0; r < count; ++r) {
    for (size_t o = 0; o < m; ++o) {
      AddValidated(o, importance[r * m + o], satisfaction[r * m + o]);
    }
  }
  respondent_count_ += count;
  return absl::OkStatus();
}

absl::Status Aggregate::Merge(const Aggregate& other) {
  if (scale_ != other.scale_) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "cannot merge aggregates on different scales (%s vs %s)",
        scale_.ToString(), other.scale_.ToString()));
  }
  if (outcomes_.size() != other.outcomes_.size()) {
    return absl::FailedPreconditionError(
        absl::StrFormat("cannot merge aggregates with %zu and %zu outcomes",
                        outcomes_.size(), other.outcomes_.size()));
  }
  for (size_t i = 0; i < outcomes_.size(); ++i) {
    if (outcomes_[i].id != other.outcomes_[i].id) {
      return absl::FailedPreconditionError(
          absl::StrFormat("cannot merge aggregates: outcome %zu is \"%s\" here "
                          "and \"%s\" there",
                          i, outcomes_[i].id, other.outcomes_[i].id));
    }
  }
  for (size_t k = 0; k < cells_.size(); ++k) cells_[k] += other.cells_[k];
  respondent_count_ += other.respondent_count_;
  return absl::OkStatus();
}

absl::StatusOr<uint64_t> Aggregate::Cell(size_t outcome, int importance,
                                         int satisfaction) const {
  if (outcome >= outcomes_.size()) {
    return absl::OutOfRangeError(
        absl::StrFormat("outcome index %zu is out of range (%zu outcomes)",
                        outcome, outcomes_.size()));
  }
  for (int rating : {importance, satisfaction}) {
    if (rating != 0 && !scale_.Contains(rating)) {
      return absl::OutOfRangeError(absl::StrFormat(
          "rating %d is outside the scale %d-%d (0 = no answer)", rating,
          scale_.min, scale_.max));
    }
  }
  return cells_[outcome * cells_per_outcome_ + Index(importance) * stride_ +
                Index(satisfaction)];
}

absl::Span<const uint64_t> Aggregate::Table(size_t outcome) const {
  return absl::MakeConstSpan(cells_.data() + outcome * cells_per_outcome_,
                             cells_per_outcome_);
}

TopBoxCounts Aggregate::Counts(size_t outcome) const {
  TopBoxCounts counts;
  const uint64_t* table = cells_.data() + outcome * cells_per_outcome_;
  const size_t top = Index(scale_.top_box_min);
  for (size_t i = 0; i < stride_; ++i) {
    for (size_t s = 0; s < stride_; ++s) {
      const uint64_t n = table[i * stride_ + s];
      if (n == 0) continue;
      const bool i_top = i >= top;
      const bool s_top = s >= top;
      if (i != 0) {
        counts.importance_count += n;
        if (i_top) counts.importance_top_box += n;
      }
      if (s != 0) {
        counts.satisfaction_count += n;
        if (s_top) counts.satisfaction_top_box += n;
      }
      if (i != 0 && s != 0) {
        counts.both_count += n;
        if (i_top && s_top) counts.both_top_box += n;
      }
    }
  }
  return counts;
}

v1::Aggregate Aggregate::ToProto() const {
  v1::Aggregate proto;
  proto.set_format_version(kFormatVersion);
  *proto.mutable_scale() = scale_.ToProto();
  proto.set_respondent_count(respondent_count_);
  for (size_t o = 0; o < outcomes_.size(); ++o) {
    v1::OutcomeTable* table = proto.add_outcomes();
    table->set_outcome_id(outcomes_[o].id);
    table->set_statement(outcomes_[o].statement);
    absl::Span<const uint64_t> cells = Table(o);
    table->mutable_cells()->Add(cells.begin(), cells.end());
  }
  return proto;
}

absl::StatusOr<Aggregate> Aggregate::FromProto(const v1::Aggregate& proto) {
  if (proto.format_version() != kFormatVersion) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "aggregate format version %u is not supported (this library reads "
        "version %u)",
        proto.format_version(), kFormatVersion));
  }
  absl::StatusOr<Scale> scale = Scale::FromProto(proto.scale());
  if (!scale.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("aggregate scale: ", scale.status().message()));
  }
  std::vector<Outcome> outcomes;
  outcomes.reserve(proto.outcomes_size());
  for (const v1::OutcomeTable& table : proto.outcomes()) {
    outcomes.push_back(Outcome{table.outcome_id(), table.statement(), ""});
  }
  absl::StatusOr<Aggregate> aggregate = Create(*scale, std::move(outcomes));
  if (!aggregate.ok()) return aggregate.status();
  for (int o = 0; o < proto.outcomes_size(); ++o) {
    const auto& cells = proto.outcomes(o).cells();
    if (static_cast<size_t>(cells.size()) != aggregate->cells_per_outcome_) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "aggregate outcome %d (\"%s\") has %d cells; scale %s needs %zu", o,
          proto.outcomes(o).outcome_id(), cells.size(), scale->ToString(),
          aggregate->cells_per_outcome_));
    }
    std::copy(cells.begin(), cells.end(),
              aggregate->cells_.begin() + o * aggregate->cells_per_outcome_);
  }
  aggregate->respondent_count_ = proto.respondent_count();
  return aggregate;
}

}  // namespace jtbd
