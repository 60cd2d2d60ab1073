#include "core/study.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "core/scoring.h"
#include "core/segment_comparison.h"

namespace jtbd {

absl::Status Study::SetScale(const Scale& scale) {
  if (answer_count_ != 0) {
    return absl::FailedPreconditionError(
        "the scale cannot change once answers were added");
  }
  absl::Status status = scale.Validate();
  if (!status.ok()) return status;
  scale_ = scale;
  return absl::OkStatus();
}

absl::StatusOr<size_t> Study::AddOutcome(Outcome outcome) {
  if (outcome.id.empty()) {
    return absl::InvalidArgumentError("an outcome id must not be empty");
  }
  if (outcome_index_.contains(outcome.id)) {
    return absl::AlreadyExistsError(
        absl::StrFormat("outcome \"%s\" is already declared", outcome.id));
  }
  const size_t index = outcomes_.size();
  outcome_index_.emplace(outcome.id, index);
  outcomes_.push_back(std::move(outcome));
  return index;
}

namespace {

absl::Status CheckOutcomeIndex(size_t outcome, size_t count) {
  if (outcome < count) return absl::OkStatus();
  return absl::OutOfRangeError(absl::StrFormat(
      "outcome index %zu is out of range (%zu outcomes)", outcome, count));
}

}  // namespace

absl::Status Study::SetOutcomeStatement(size_t outcome, std::string statement) {
  absl::Status status = CheckOutcomeIndex(outcome, outcomes_.size());
  if (status.ok()) outcomes_[outcome].statement = std::move(statement);
  return status;
}

absl::Status Study::SetOutcomeJobStep(size_t outcome, std::string job_step_id) {
  absl::Status status = CheckOutcomeIndex(outcome, outcomes_.size());
  if (status.ok()) outcomes_[outcome].job_step_id = std::move(job_step_id);
  return status;
}

absl::StatusOr<size_t> Study::AddRespondent(std::string id) {
  if (!id.empty() && respondent_index_.contains(id)) {
    return absl::AlreadyExistsError(
        absl::StrFormat("respondent \"%s\" is already declared", id));
  }
  if (respondents_.size() >= std::numeric_limits<uint32_t>::max()) {
    return absl::ResourceExhaustedError("too many respondents");
  }
  const size_t index = respondents_.size();
  if (!id.empty()) respondent_index_.emplace(id, index);
  respondents_.push_back(Respondent{std::move(id), {}, {}});
  return index;
}

absl::StatusOr<size_t> Study::AddRespondents(size_t count) {
  if (count > std::numeric_limits<uint32_t>::max() - respondents_.size()) {
    return absl::ResourceExhaustedError(
        absl::StrFormat("cannot add %zu respondents to %zu: indices are 32-bit",
                        count, respondents_.size()));
  }
  const size_t first = respondents_.size();
  respondents_.resize(first + count);
  return first;
}

absl::Status Study::SetAttribute(size_t respondent, std::string name,
                                 std::string value) {
  if (respondent >= respondents_.size()) {
    return absl::OutOfRangeError(absl::StrFormat(
        "respondent index %zu is out of range (%zu respondents)", respondent,
        respondents_.size()));
  }
  if (name.empty()) {
    return absl::InvalidArgumentError("an attribute name must not be empty");
  }
  auto [it, inserted] = attribute_index_.emplace(name, attribute_names_.size());
  if (inserted) attribute_names_.push_back(std::move(name));
  std::vector<std::string>& attributes = respondents_[respondent].attributes;
  if (attributes.size() <= it->second) attributes.resize(it->second + 1);
  attributes[it->second] = std::move(value);
  return absl::OkStatus();
}

absl::Status Study::SetWeight(size_t respondent, double weight) {
  if (respondent >= respondents_.size()) {
    return absl::OutOfRangeError(absl::StrFormat(
        "respondent index %zu is out of range (%zu respondents)", respondent,
        respondents_.size()));
  }
  if (!std::isfinite(weight) || !(weight > 0)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("weight %g must be finite and greater than 0", weight));
  }
  double& stored = respondents_[respondent].weight;
  if (stored != 1) --non_unit_weight_count_;
  if (weight != 1) ++non_unit_weight_count_;
  stored = weight;
  return absl::OkStatus();
}

absl::Status Study::AddAnswers(const AnswerBatch& batch) {
  const size_t n = batch.respondents.size();
  if (batch.outcomes.size() != n || batch.importance.size() != n ||
      batch.satisfaction.size() != n) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "answer arrays differ in length: %zu respondents, %zu outcomes, %zu "
        "importance, %zu satisfaction",
        n, batch.outcomes.size(), batch.importance.size(),
        batch.satisfaction.size()));
  }
  // Write as we validate and undo on the first error: this catches a pair
  // repeated inside the batch without a side table, and leaves the study
  // exactly as it was when the batch is refused.
  auto fail = [&](size_t upto, absl::Status status) {
    for (size_t k = upto; k-- > 0;) {
      respondents_[batch.respondents[k]].answers[batch.outcomes[k]] = kNotGiven;
    }
    return status;
  };
  for (size_t i = 0; i < n; ++i) {
    const uint32_t r = batch.respondents[i];
    const uint32_t o = batch.outcomes[i];
    if (r >= respondents_.size()) {
      return fail(i, absl::InvalidArgumentError(absl::StrFormat(
                         "respondents[%zu] = %u is out of range (%zu "
                         "respondents declared)",
                         i, r, respondents_.size())));
    }
    if (o >= outcomes_.size()) {
      return fail(i, absl::InvalidArgumentError(absl::StrFormat(
                         "outcomes[%zu] = %u is out of range (%zu outcomes "
                         "declared)",
                         i, o, outcomes_.size())));
    }
    const uint8_t imp = batch.importance[i];
    const uint8_t sat = batch.satisfaction[i];
    if (imp != 0 && !scale_.Contains(imp)) {
      return fail(i, absl::InvalidArgumentError(absl::StrFormat(
                         "importance[%zu] = %d is outside the scale %d-%d (0 "
                         "= no answer)",
                         i, imp, scale_.min, scale_.max)));
    }
    if (sat != 0 && !scale_.Contains(sat)) {
      return fail(i, absl::InvalidArgumentError(absl::StrFormat(
                         "satisfaction[%zu] = %d is outside the scale %d-%d "
                         "(0 = no answer)",
                         i, sat, scale_.min, scale_.max)));
    }
    std::vector<uint16_t>& row = respondents_[r].answers;
    if (row.size() <= o) row.resize(outcomes_.size(), kNotGiven);
    if (row[o] != kNotGiven) {
      return fail(i, absl::InvalidArgumentError(absl::StrFormat(
                         "respondents[%zu] = %u already rated outcomes[%zu] "
                         "= %u (\"%s\")",
                         i, r, i, o, outcomes_[o].id)));
    }
    row[o] = static_cast<uint16_t>(imp << 8 | sat);
  }
  answer_count_ += n;
  return absl::OkStatus();
}

ptrdiff_t Study::FindOutcome(absl::string_view id) const {
  auto it = outcome_index_.find(id);
  return it == outcome_index_.end() ? -1 : static_cast<ptrdiff_t>(it->second);
}

ptrdiff_t Study::FindRespondent(absl::string_view id) const {
  auto it = respondent_index_.find(id);
  return it == respondent_index_.end() ? -1
                                       : static_cast<ptrdiff_t>(it->second);
}

absl::string_view Study::attribute(size_t respondent,
                                   absl::string_view name) const {
  auto it = attribute_index_.find(name);
  if (it == attribute_index_.end()) return {};
  const std::vector<std::string>& attributes =
      respondents_[respondent].attributes;
  return it->second < attributes.size() ? attributes[it->second]
                                        : absl::string_view();
}

uint16_t Study::Cell(size_t respondent, size_t outcome) const {
  const std::vector<uint16_t>& row = respondents_[respondent].answers;
  return outcome < row.size() ? row[outcome] : kNotGiven;
}

bool Study::HasAnswer(size_t respondent, size_t outcome) const {
  return Cell(respondent, outcome) != kNotGiven;
}

int Study::importance(size_t respondent, size_t outcome) const {
  const uint16_t cell = Cell(respondent, outcome);
  return cell == kNotGiven ? 0 : cell >> 8;
}

int Study::satisfaction(size_t respondent, size_t outcome) const {
  const uint16_t cell = Cell(respondent, outcome);
  return cell == kNotGiven ? 0 : cell & 0xFF;
}

namespace {

// Adds one respondent's row to an aggregate. A pair never given counts as
// (no answer, no answer): the respondent took part in the survey. Weighted
// aggregates also add the respondent's weight.
void Accumulate(const std::vector<uint16_t>& row, double weight,
                size_t outcome_count, Aggregate* aggregate) {
  const bool weighted = aggregate->weighted();
  for (size_t o = 0; o < outcome_count; ++o) {
    const uint16_t cell = o < row.size() ? row[o] : 0xFFFF;
    const int importance = cell == 0xFFFF ? 0 : cell >> 8;
    const int satisfaction = cell == 0xFFFF ? 0 : cell & 0xFF;
    if (weighted) {
      aggregate->AddValidatedWeighted(o, importance, satisfaction, weight);
    } else {
      aggregate->AddValidated(o, importance, satisfaction);
    }
  }
  aggregate->AddRespondentCount(1);
}

}  // namespace

Aggregate Study::EmptyAggregate() const {
  // Outcomes were validated on the way in, so Create cannot fail here.
  Aggregate aggregate = *Aggregate::Create(scale_, outcomes_);
  if (weighted()) aggregate.EnableWeights();
  return aggregate;
}

Aggregate Study::ToAggregate() const {
  Aggregate aggregate = EmptyAggregate();
  for (const Respondent& respondent : respondents_) {
    Accumulate(respondent.answers, respondent.weight, outcomes_.size(),
               &aggregate);
  }
  return aggregate;
}

absl::StatusOr<v1::Report> Study::Score(
    const v1::ScoringOptions& options) const {
  absl::StatusOr<ScoringPlan> plan = MakeScoringPlan(options);
  if (!plan.ok()) return plan.status();
  const std::string& segment_by = options.segment_by();
  if (segment_by.empty()) return ScoreAggregate(ToAggregate(), *plan, "");
  auto attribute = attribute_index_.find(segment_by);
  if (attribute == attribute_index_.end()) {
    std::string known = attribute_names_.empty()
                            ? std::string("none")
                            : absl::StrJoin(attribute_names_, ", ");
    return absl::NotFoundError(absl::StrFormat(
        "no respondent has the attribute \"%s\" to segment by (attributes: "
        "%s)",
        segment_by, known));
  }
  // One pass: every respondent feeds the whole-sample aggregate and the
  // aggregate of its segment. std::map keeps segments sorted by name. The
  // rest of the sample is whole - segment afterwards: cells subtract.
  Aggregate all = EmptyAggregate();
  std::map<std::string, Aggregate> segments;
  uint32_t unsegmented = 0;
  for (size_t r = 0; r < respondents_.size(); ++r) {
    const std::vector<uint16_t>& row = respondents_[r].answers;
    const double weight = respondents_[r].weight;
    Accumulate(row, weight, outcomes_.size(), &all);
    const std::vector<std::string>& values = respondents_[r].attributes;
    if (attribute->second >= values.size() ||
        values[attribute->second].empty()) {
      ++unsegmented;
      continue;
    }
    auto it = segments.find(values[attribute->second]);
    if (it == segments.end()) {
      it = segments.emplace(values[attribute->second], EmptyAggregate()).first;
    }
    Accumulate(row, weight, outcomes_.size(), &it->second);
  }
  absl::StatusOr<v1::Report> report = ScoreAggregate(all, *plan, "");
  if (!report.ok()) return report.status();
  report->set_segment_by(segment_by);
  report->set_unsegmented_respondent_count(unsegmented);
  for (const auto& [name, aggregate] : segments) {
    absl::StatusOr<v1::Report> part = ScoreAggregate(aggregate, *plan, name);
    if (!part.ok()) return part.status();
    v1::SegmentReport* segment = report->add_segments();
    segment->set_name(name);
    segment->set_respondent_count(part->respondent_count());
    if (part->has_effective_respondent_count()) {
      segment->set_effective_respondent_count(
          part->effective_respondent_count());
    }
    segment->mutable_outcomes()->Swap(part->mutable_outcomes());
    Aggregate rest = all;
    absl::Status status = rest.Subtract(aggregate);
    if (status.ok()) status = CompareSegment(aggregate, rest, *plan, segment);
    if (!status.ok()) return status;
  }
  return report;
}

v1::Study Study::ToProto() const {
  v1::Study proto;
  *proto.mutable_scale() = scale_.ToProto();
  for (const Outcome& outcome : outcomes_) {
    v1::DesiredOutcome* out = proto.add_outcomes();
    out->set_id(outcome.id);
    out->set_statement(outcome.statement);
    out->set_job_step_id(outcome.job_step_id);
  }
  for (const Respondent& respondent : respondents_) {
    v1::Respondent* out = proto.add_respondents();
    out->set_id(respondent.id);
    if (respondent.weight != 1) out->set_weight(respondent.weight);
    for (size_t a = 0; a < respondent.attributes.size(); ++a) {
      if (respondent.attributes[a].empty()) continue;
      (*out->mutable_attributes())[attribute_names_[a]] =
          respondent.attributes[a];
    }
    for (size_t o = 0; o < respondent.answers.size(); ++o) {
      const uint16_t cell = respondent.answers[o];
      if (cell == kNotGiven) continue;
      v1::Answer* answer = out->add_answers();
      answer->set_outcome_id(outcomes_[o].id);
      answer->set_importance(cell >> 8);
      answer->set_satisfaction(cell & 0xFF);
    }
  }
  return proto;
}

absl::StatusOr<Study> Study::FromProto(const v1::Study& proto) {
  absl::StatusOr<Scale> scale = Scale::FromProto(proto.scale());
  if (!scale.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("scale: ", scale.status().message()));
  }
  Study study(*scale);
  for (int o = 0; o < proto.outcomes_size(); ++o) {
    const v1::DesiredOutcome& outcome = proto.outcomes(o);
    absl::StatusOr<size_t> added = study.AddOutcome(
        Outcome{outcome.id(), outcome.statement(), outcome.job_step_id()});
    if (!added.ok()) {
      return absl::Status(
          added.status().code(),
          absl::StrFormat("outcomes[%d].id: %s", o, added.status().message()));
    }
  }
  for (int r = 0; r < proto.respondents_size(); ++r) {
    const v1::Respondent& respondent = proto.respondents(r);
    absl::StatusOr<size_t> index = study.AddRespondent(respondent.id());
    if (!index.ok()) {
      return absl::Status(index.status().code(),
                          absl::StrFormat("respondents[%d].id: %s", r,
                                          index.status().message()));
    }
    if (respondent.has_weight()) {
      absl::Status status = study.SetWeight(*index, respondent.weight());
      if (!status.ok()) {
        return absl::Status(
            status.code(),
            absl::StrFormat("respondents[%d].weight: %s", r, status.message()));
      }
    }
    // Sorted so that attribute_names() does not depend on map order.
    std::map<std::string, std::string> attributes(
        respondent.attributes().begin(), respondent.attributes().end());
    for (const auto& [name, value] : attributes) {
      absl::Status status = study.SetAttribute(*index, name, value);
      if (!status.ok()) {
        return absl::Status(status.code(),
                            absl::StrFormat("respondents[%d].attributes: %s", r,
                                            status.message()));
      }
    }
    for (int a = 0; a < respondent.answers_size(); ++a) {
      const v1::Answer& answer = respondent.answers(a);
      const std::string path =
          absl::StrFormat("respondents[%d].answers[%d]", r, a);
      const ptrdiff_t outcome = study.FindOutcome(answer.outcome_id());
      if (outcome < 0) {
        return absl::InvalidArgumentError(
            absl::StrFormat("%s.outcome_id: \"%s\" is not a declared outcome",
                            path, answer.outcome_id()));
      }
      for (auto [value, field] :
           {std::pair<int32_t, const char*>{answer.importance(), "importance"},
            {answer.satisfaction(), "satisfaction"}}) {
        if (value != 0 && !scale->Contains(value)) {
          return absl::InvalidArgumentError(absl::StrFormat(
              "%s.%s: %d is outside the scale %d-%d (0 = no answer)", path,
              field, value, scale->min, scale->max));
        }
      }
      if (study.HasAnswer(*index, outcome)) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "%s.outcome_id: respondent \"%s\" already rated \"%s\"", path,
            respondent.id(), answer.outcome_id()));
      }
      const uint32_t r32 = static_cast<uint32_t>(*index);
      const uint32_t o32 = static_cast<uint32_t>(outcome);
      const uint8_t imp = static_cast<uint8_t>(answer.importance());
      const uint8_t sat = static_cast<uint8_t>(answer.satisfaction());
      absl::Status status = study.AddAnswers(AnswerBatch{
          absl::MakeConstSpan(&r32, 1), absl::MakeConstSpan(&o32, 1),
          absl::MakeConstSpan(&imp, 1), absl::MakeConstSpan(&sat, 1)});
      if (!status.ok()) {
        return absl::Status(status.code(),
                            absl::StrCat(path, ": ", status.message()));
      }
    }
  }
  return study;
}

}  // namespace jtbd
