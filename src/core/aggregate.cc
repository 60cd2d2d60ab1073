#include "core/aggregate.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "core/scoring.h"
#include "core/study_design.h"

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

absl::Status Aggregate::SetOutcomeDescription(size_t outcome,
                                              std::string statement,
                                              std::string job_step_id) {
  if (outcome >= outcomes_.size()) {
    return absl::OutOfRangeError(
        absl::StrFormat("outcome index %zu is out of range (%zu outcomes)",
                        outcome, outcomes_.size()));
  }
  outcomes_[outcome].statement = std::move(statement);
  outcomes_[outcome].job_step_id = std::move(job_step_id);
  return absl::OkStatus();
}

absl::Status Aggregate::ValidateRatings(
    size_t count, absl::Span<const uint8_t> importance,
    absl::Span<const uint8_t> satisfaction) const {
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
  return absl::OkStatus();
}

// Aggregate::AddRespondents is in aggregate_bulk_add.cc.

absl::Status Aggregate::AddWeightedRespondents(
    size_t count, absl::Span<const uint8_t> importance,
    absl::Span<const uint8_t> satisfaction, absl::Span<const double> weights) {
  if (weights.size() != count) {
    return absl::InvalidArgumentError(
        absl::StrFormat("expected %zu weights (one per respondent), got %zu",
                        count, weights.size()));
  }
  for (size_t r = 0; r < count; ++r) {
    if (!std::isfinite(weights[r]) || !(weights[r] > 0)) {
      return absl::InvalidArgumentError(
          absl::StrFormat("weights[%zu] = %g must be finite and greater than 0",
                          r, weights[r]));
    }
  }
  absl::Status status = ValidateRatings(count, importance, satisfaction);
  if (!status.ok()) return status;
  EnableWeights();
  const size_t m = outcomes_.size();
  for (size_t r = 0; r < count; ++r) {
    for (size_t o = 0; o < m; ++o) {
      AddValidatedWeighted(o, importance[r * m + o], satisfaction[r * m + o],
                           weights[r]);
    }
  }
  respondent_count_ += count;
  return absl::OkStatus();
}

absl::Status Aggregate::AddSolution(std::string name) {
  if (name.empty()) {
    return absl::InvalidArgumentError("a solution name must not be empty");
  }
  if (respondent_count_ != 0) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "solution \"%s\" must be declared before respondents are added", name));
  }
  for (const std::string& known : solutions_) {
    if (absl::EqualsIgnoreCase(known, name)) {
      return absl::AlreadyExistsError(
          absl::StrFormat("solution \"%s\" is already declared", name));
    }
  }
  solutions_.push_back(std::move(name));
  const size_t size =
      outcomes_.size() * (1 + solutions_.size()) * cells_per_outcome_;
  cells_.resize(size, 0);
  if (weighted_) {
    weight_sums_.resize(size, 0);
    weight_square_sums_.resize(size, 0);
  }
  return absl::OkStatus();
}

absl::Status Aggregate::AddCounts(absl::Span<const uint64_t> counts,
                                  uint64_t respondents) {
  if (counts.size() != cells_.size()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%zu counts for an aggregate of %zu cells",
                        counts.size(), cells_.size()));
  }
  absl::Status fits = CheckFitsReport(respondent_count_ + respondents,
                                      "aggregate respondent_count");
  if (!fits.ok()) return fits;
  for (size_t cell = 0; cell < cells_.size(); ++cell) {
    cells_[cell] += counts[cell];
  }
  if (weighted_) {
    for (size_t cell = 0; cell < cells_.size(); ++cell) {
      weight_sums_[cell] += static_cast<double>(counts[cell]);
      weight_square_sums_[cell] += static_cast<double>(counts[cell]);
    }
  }
  respondent_count_ += respondents;
  return absl::OkStatus();
}

void Aggregate::EnableWeights() {
  if (weighted_) return;
  weighted_ = true;
  weight_sums_.assign(cells_.begin(), cells_.end());
  weight_square_sums_.assign(cells_.begin(), cells_.end());
}

absl::Status Aggregate::CheckCompatible(const Aggregate& other,
                                        const char* operation) const {
  if (scale_ != other.scale_) {
    return absl::FailedPreconditionError(
        absl::StrFormat("cannot %s aggregates on different scales (%s vs %s)",
                        operation, scale_.ToString(), other.scale_.ToString()));
  }
  if (outcomes_.size() != other.outcomes_.size()) {
    return absl::FailedPreconditionError(
        absl::StrFormat("cannot %s aggregates with %zu and %zu outcomes",
                        operation, outcomes_.size(), other.outcomes_.size()));
  }
  for (size_t i = 0; i < outcomes_.size(); ++i) {
    if (outcomes_[i].id != other.outcomes_[i].id) {
      return absl::FailedPreconditionError(absl::StrFormat(
          "cannot %s aggregates: outcome %zu is \"%s\" here "
          "and \"%s\" there",
          operation, i, outcomes_[i].id, other.outcomes_[i].id));
    }
  }
  if (solutions_ != other.solutions_) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "cannot %s aggregates with different competing solutions (%s vs %s)",
        operation, absl::StrJoin(solutions_, ", "),
        absl::StrJoin(other.solutions_, ", ")));
  }
  return absl::OkStatus();
}

absl::Status Aggregate::SetDesign(v1::StudyDesign design) {
  absl::Status checked = design::CheckDesign("design", &design);
  if (!checked.ok()) return checked;
  design_ = std::move(design);
  return absl::OkStatus();
}

absl::Status Aggregate::Merge(const Aggregate& other) {
  absl::Status status = CheckCompatible(other, "merge");
  if (!status.ok()) return status;
  // Tables of one design's outcomes added to another's would be read as one
  // job map's coverage: refused, as different outcomes are.
  if (design_.has_value() && other.design_.has_value() &&
      !design::SameDesign(*design_, *other.design_)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "cannot merge aggregates of two different study designs (jobs \"",
        design_->job().statement(), "\" and \"",
        other.design_->job().statement(),
        "\"): score them apart, or give both the same design"));
  }
  if (!design_.has_value() && other.design_.has_value()) {
    design_ = other.design_;
  }
  // Weights first: enabling them copies this aggregate's own counts.
  if (weighted_ || other.weighted_) {
    EnableWeights();
    for (size_t k = 0; k < cells_.size(); ++k) {
      if (other.weighted_) {
        weight_sums_[k] += other.weight_sums_[k];
        weight_square_sums_[k] += other.weight_square_sums_[k];
      } else {
        weight_sums_[k] += static_cast<double>(other.cells_[k]);
        weight_square_sums_[k] += static_cast<double>(other.cells_[k]);
      }
    }
  }
  for (size_t k = 0; k < cells_.size(); ++k) cells_[k] += other.cells_[k];
  respondent_count_ += other.respondent_count_;
  return absl::OkStatus();
}

absl::Status Aggregate::Subtract(const Aggregate& part) {
  absl::Status status = CheckCompatible(part, "subtract");
  if (!status.ok()) return status;
  if (part.respondent_count_ > respondent_count_) {
    return absl::FailedPreconditionError(
        absl::StrFormat("cannot subtract %u respondents from %u",
                        part.respondent_count_, respondent_count_));
  }
  for (size_t k = 0; k < cells_.size(); ++k) {
    if (part.cells_[k] > cells_[k]) {
      return absl::FailedPreconditionError(absl::StrFormat(
          "cannot subtract: outcome \"%s\" has a cell with %u respondents in "
          "the part and only %u in the whole",
          outcomes_[(k / cells_per_outcome_) % outcomes_.size()].id,
          part.cells_[k], cells_[k]));
    }
  }
  // Weights first: enabling them copies this aggregate's own counts.
  if (weighted_ || part.weighted_) EnableWeights();
  for (size_t k = 0; k < cells_.size(); ++k) {
    cells_[k] -= part.cells_[k];
    if (!weighted_) continue;
    if (cells_[k] == 0) {
      weight_sums_[k] = weight_square_sums_[k] = 0;
      continue;
    }
    const double w = part.weighted_ ? part.weight_sums_[k]
                                    : static_cast<double>(part.cells_[k]);
    const double w2 = part.weighted_ ? part.weight_square_sums_[k]
                                     : static_cast<double>(part.cells_[k]);
    // Sums never go negative (only cancellation in huge weights could).
    weight_sums_[k] = std::max(weight_sums_[k] - w, 0.0);
    weight_square_sums_[k] = std::max(weight_square_sums_[k] - w2, 0.0);
  }
  respondent_count_ -= part.respondent_count_;
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

stats::JointTable Aggregate::WeightedTable(size_t outcome) const {
  stats::JointTable table;
  table.stride = stride_;
  table.counts = Table(outcome);
  if (weighted_) {
    const size_t first = outcome * cells_per_outcome_;
    table.weight_sums =
        absl::MakeConstSpan(weight_sums_.data() + first, cells_per_outcome_);
    table.weight_square_sums = absl::MakeConstSpan(
        weight_square_sums_.data() + first, cells_per_outcome_);
  }
  return table;
}

double Aggregate::TableSum(const std::vector<double>& sums) const {
  if (outcomes_.empty()) return 0;
  double total = 0;
  for (size_t k = 0; k < cells_per_outcome_; ++k) {
    total += weighted_ ? sums[k] : static_cast<double>(cells_[k]);
  }
  return total;
}

double Aggregate::TotalWeight() const { return TableSum(weight_sums_); }

double Aggregate::TotalWeightSquare() const {
  return TableSum(weight_square_sums_);
}

TopBoxCounts Aggregate::Counts(size_t outcome) const {
  return Counts(outcome, scale_.top_box_min);
}

TopBoxCounts Aggregate::Counts(size_t outcome, int top_box_min) const {
  TopBoxCounts counts;
  const uint64_t* table = cells_.data() + outcome * cells_per_outcome_;
  const size_t top = Index(top_box_min);
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
  proto.set_format_version(!solutions_.empty() ? kSolutionsFormatVersion
                           : weighted_         ? kWeightedFormatVersion
                                               : kFormatVersion);
  *proto.mutable_scale() = scale_.ToProto();
  proto.set_respondent_count(respondent_count_);
  for (size_t o = 0; o < outcomes_.size(); ++o) {
    v1::OutcomeTable* table = proto.add_outcomes();
    table->set_outcome_id(outcomes_[o].id);
    table->set_statement(outcomes_[o].statement);
    absl::Span<const uint64_t> cells = Table(o);
    table->mutable_cells()->Add(cells.begin(), cells.end());
    if (weighted_) {
      stats::JointTable weighted = WeightedTable(o);
      table->mutable_weight_sums()->Add(weighted.weight_sums.begin(),
                                        weighted.weight_sums.end());
      table->mutable_weight_square_sums()->Add(
          weighted.weight_square_sums.begin(),
          weighted.weight_square_sums.end());
    }
  }
  for (size_t s = 0; s < solutions_.size(); ++s) {
    proto.add_solutions(solutions_[s]);
    for (size_t o = 0; o < outcomes_.size(); ++o) {
      v1::SolutionTable* table = proto.add_solution_tables();
      table->set_solution(solutions_[s]);
      table->set_outcome_id(outcomes_[o].id);
      const stats::JointTable cells = SolutionTable(s, o);
      table->mutable_cells()->Add(cells.counts.begin(), cells.counts.end());
      table->mutable_weight_sums()->Add(cells.weight_sums.begin(),
                                        cells.weight_sums.end());
      table->mutable_weight_square_sums()->Add(cells.weight_square_sums.begin(),
                                               cells.weight_square_sums.end());
    }
  }
  if (design_.has_value()) *proto.mutable_design() = *design_;
  return proto;
}

absl::StatusOr<Aggregate> Aggregate::FromProto(const v1::Aggregate& proto) {
  if (proto.format_version() != kFormatVersion &&
      proto.format_version() != kWeightedFormatVersion &&
      proto.format_version() != kSolutionsFormatVersion) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "aggregate format version %u is not supported (this library reads "
        "versions %u to %u)",
        proto.format_version(), kFormatVersion, kSolutionsFormatVersion));
  }
  // Refused here as scoring would refuse it, so that what loads scores.
  absl::Status fits =
      CheckFitsReport(proto.respondent_count(), "aggregate respondent_count");
  if (!fits.ok()) return fits;
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
  absl::Status weights = aggregate->ReadWeights(proto);
  if (!weights.ok()) return weights;
  absl::Status solutions = aggregate->ReadSolutions(proto);
  if (!solutions.ok()) return solutions;
  aggregate->respondent_count_ = proto.respondent_count();
  if (proto.has_design()) {
    absl::Status design = aggregate->SetDesign(proto.design());
    if (!design.ok()) return design;
  }
  return aggregate;
}

absl::Status Aggregate::ReadWeights(const v1::Aggregate& proto) {
  bool any = false;
  for (const v1::OutcomeTable& table : proto.outcomes()) {
    any = any || table.weight_sums_size() != 0 ||
          table.weight_square_sums_size() != 0;
  }
  if (!any) return absl::OkStatus();
  if (proto.format_version() < kWeightedFormatVersion) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "aggregate format version %u has no weight sums; weighted aggregates "
        "are version %u",
        proto.format_version(), kWeightedFormatVersion));
  }
  EnableWeights();
  for (int o = 0; o < proto.outcomes_size(); ++o) {
    const v1::OutcomeTable& table = proto.outcomes(o);
    if (static_cast<size_t>(table.weight_sums_size()) != cells_per_outcome_ ||
        static_cast<size_t>(table.weight_square_sums_size()) !=
            cells_per_outcome_) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "aggregate outcome %d (\"%s\") has %d weight sums and %d squared "
          "weight sums; its %zu cells need one each",
          o, table.outcome_id(), table.weight_sums_size(),
          table.weight_square_sums_size(), cells_per_outcome_));
    }
    for (size_t k = 0; k < cells_per_outcome_; ++k) {
      const size_t cell = o * cells_per_outcome_ + k;
      const double w = table.weight_sums(k);
      const double w2 = table.weight_square_sums(k);
      // Positive weights: a cell has weight exactly when it has respondents.
      const bool consistent =
          std::isfinite(w) && std::isfinite(w2) &&
          (cells_[cell] == 0 ? w == 0 && w2 == 0 : w > 0 && w2 > 0);
      if (!consistent) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "aggregate outcome %d (\"%s\") cell %zu: %u respondents with "
            "weight sum %g and squared weight sum %g",
            o, table.outcome_id(), k, cells_[cell], w, w2));
      }
      weight_sums_[cell] = w;
      weight_square_sums_[cell] = w2;
    }
  }
  return absl::OkStatus();
}

}  // namespace jtbd

namespace jtbd {

absl::Status Aggregate::ReadSolutions(const v1::Aggregate& proto) {
  if (proto.solutions_size() == 0 && proto.solution_tables_size() == 0) {
    return absl::OkStatus();
  }
  if (proto.format_version() < kSolutionsFormatVersion) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "aggregate format version %u has no competing solutions; aggregates "
        "with solutions are version %u",
        proto.format_version(), kSolutionsFormatVersion));
  }
  for (int s = 0; s < proto.solutions_size(); ++s) {
    absl::Status status = AddSolution(proto.solutions(s));
    if (!status.ok()) {
      return absl::Status(status.code(), absl::StrCat("aggregate solutions[", s,
                                                      "]: ", status.message()));
    }
  }
  const size_t expected = solutions_.size() * outcomes_.size();
  if (static_cast<size_t>(proto.solution_tables_size()) != expected) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "aggregate has %d solution tables; %zu solutions x %zu outcomes need "
        "%zu",
        proto.solution_tables_size(), solutions_.size(), outcomes_.size(),
        expected));
  }
  for (size_t s = 0; s < solutions_.size(); ++s) {
    for (size_t o = 0; o < outcomes_.size(); ++o) {
      const int t = static_cast<int>(s * outcomes_.size() + o);
      const v1::SolutionTable& table = proto.solution_tables(t);
      if (table.solution() != solutions_[s] ||
          table.outcome_id() != outcomes_[o].id) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "aggregate solution_tables[%d] is (\"%s\", \"%s\"); expected "
            "(\"%s\", \"%s\")",
            t, table.solution(), table.outcome_id(), solutions_[s],
            outcomes_[o].id));
      }
      const size_t first = SolutionTableIndex(s, o) * cells_per_outcome_;
      const bool sized =
          static_cast<size_t>(table.cells_size()) == cells_per_outcome_ &&
          static_cast<size_t>(table.weight_sums_size()) ==
              (weighted_ ? cells_per_outcome_ : 0) &&
          static_cast<size_t>(table.weight_square_sums_size()) ==
              (weighted_ ? cells_per_outcome_ : 0);
      if (!sized) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "aggregate solution_tables[%d] has %d cells, %d weight sums and "
            "%d squared weight sums; expected %zu cells%s",
            t, table.cells_size(), table.weight_sums_size(),
            table.weight_square_sums_size(), cells_per_outcome_,
            weighted_ ? " and one weight sum of each kind per cell"
                      : " and no weight sums (the outcome tables have none)"));
      }
      for (size_t k = 0; k < cells_per_outcome_; ++k) {
        cells_[first + k] = table.cells(k);
        if (!weighted_) continue;
        const double w = table.weight_sums(k);
        const double w2 = table.weight_square_sums(k);
        const bool consistent =
            std::isfinite(w) && std::isfinite(w2) &&
            (cells_[first + k] == 0 ? w == 0 && w2 == 0 : w > 0 && w2 > 0);
        if (!consistent) {
          return absl::InvalidArgumentError(absl::StrFormat(
              "aggregate solution_tables[%d] cell %zu: %u respondents with "
              "weight sum %g and squared weight sum %g",
              t, k, cells_[first + k], w, w2));
        }
        weight_sums_[first + k] = w;
        weight_square_sums_[first + k] = w2;
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace jtbd
