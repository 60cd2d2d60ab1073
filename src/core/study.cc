#include "core/study.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/types/optional.h"
#include "core/job_map_coverage.h"
#include "core/report_warnings.h"
#include "core/scoring.h"
#include "core/screening.h"
#include "core/study_design.h"

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

absl::Status Study::SetDuration(size_t respondent, double seconds) {
  if (respondent >= respondents_.size()) {
    return absl::OutOfRangeError(absl::StrFormat(
        "respondent index %zu is out of range (%zu respondents)", respondent,
        respondents_.size()));
  }
  if (!std::isfinite(seconds) || !(seconds >= 0)) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "duration %g must be a finite number of seconds, at least 0", seconds));
  }
  respondents_[respondent].duration_seconds = seconds;
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

absl::StatusOr<size_t> Study::AddSolution(absl::string_view name) {
  return solution_ratings_.Declare(name);
}

absl::Status Study::AddSolutionAnswers(const SolutionAnswerBatch& batch) {
  const size_t n = batch.respondents.size();
  if (batch.solutions.size() != n || batch.outcomes.size() != n ||
      batch.satisfaction.size() != n) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "solution answer arrays differ in length: %zu respondents, %zu "
        "solutions, %zu outcomes, %zu satisfaction",
        n, batch.solutions.size(), batch.outcomes.size(),
        batch.satisfaction.size()));
  }
  // As AddAnswers: write while validating, undo on the first error. Only
  // non-zero ratings are written, and each over an empty slot.
  auto fail = [&](size_t upto, absl::Status status) {
    for (size_t k = upto; k-- > 0;) {
      if (batch.satisfaction[k] == 0) continue;
      solution_ratings_.Set(batch.respondents[k], batch.solutions[k],
                            batch.outcomes[k], 0);
    }
    return status;
  };
  for (size_t i = 0; i < n; ++i) {
    const uint32_t r = batch.respondents[i];
    const uint32_t s = batch.solutions[i];
    const uint32_t o = batch.outcomes[i];
    if (r >= respondents_.size()) {
      return fail(i, absl::InvalidArgumentError(absl::StrFormat(
                         "respondents[%zu] = %u is out of range (%zu "
                         "respondents declared)",
                         i, r, respondents_.size())));
    }
    if (s >= solution_count()) {
      return fail(i, absl::InvalidArgumentError(absl::StrFormat(
                         "solutions[%zu] = %u is out of range (%zu solutions "
                         "declared)",
                         i, s, solution_count())));
    }
    if (o >= outcomes_.size()) {
      return fail(i, absl::InvalidArgumentError(absl::StrFormat(
                         "outcomes[%zu] = %u is out of range (%zu outcomes "
                         "declared)",
                         i, o, outcomes_.size())));
    }
    const uint8_t sat = batch.satisfaction[i];
    if (sat != 0 && !scale_.Contains(sat)) {
      return fail(i, absl::InvalidArgumentError(absl::StrFormat(
                         "satisfaction[%zu] = %d is outside the scale %d-%d "
                         "(0 = no answer)",
                         i, sat, scale_.min, scale_.max)));
    }
    if (sat == 0) continue;
    if (solution_ratings_.Get(r, s, o) != 0) {
      return fail(i, absl::InvalidArgumentError(absl::StrFormat(
                         "respondents[%zu] = %u already rated solutions[%zu] "
                         "= %u (\"%s\") on outcomes[%zu] = %u (\"%s\")",
                         i, r, i, s, solutions()[s], i, o, outcomes_[o].id)));
    }
    solution_ratings_.Set(r, s, o, sat);
  }
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

bool Study::AddAnswerRow(size_t respondent,
                         absl::Span<const uint8_t> importance,
                         absl::Span<const uint8_t> satisfaction) {
  const size_t n = outcomes_.size();
  if (respondent >= respondents_.size() || importance.size() != n ||
      satisfaction.size() != n || n == 0) {
    return false;
  }
  std::vector<uint16_t>& row = respondents_[respondent].answers;
  if (!row.empty()) return false;
  bool on_scale = true;
  for (size_t o = 0; o < n; ++o) {
    const bool importance_ok =
        importance[o] == 0 || scale_.Contains(importance[o]);
    const bool satisfaction_ok =
        satisfaction[o] == 0 || scale_.Contains(satisfaction[o]);
    on_scale &= importance_ok && satisfaction_ok;
  }
  if (!on_scale) return false;
  row.resize(n);
  for (size_t o = 0; o < n; ++o) {
    row[o] = static_cast<uint16_t>(importance[o] << 8 | satisfaction[o]);
  }
  answer_count_ += n;
  return true;
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

Aggregate Study::EmptyAggregate() const { return EmptyAggregate(weighted()); }

Aggregate Study::EmptyAggregate(bool weighted) const {
  // Outcomes were validated on the way in, so Create cannot fail here.
  Aggregate aggregate = *Aggregate::Create(scale_, outcomes_);
  if (weighted) aggregate.EnableWeights();
  // Checked when set, so this cannot fail.
  if (design_.has_value()) (void)aggregate.SetDesign(*design_);
  // Names are unique ignoring case here too, so this cannot fail.
  for (const std::string& name : solutions()) {
    (void)aggregate.AddSolution(name);
  }
  return aggregate;
}

void Study::AccumulateSolutions(size_t respondent, Aggregate* aggregate) const {
  const size_t solution_count = solution_ratings_.solution_count();
  if (solution_count == 0) return;
  const double weight = respondents_[respondent].weight;
  for (size_t s = 0; s < solution_count; ++s) {
    for (size_t o = 0; o < outcomes_.size(); ++o) {
      const int ours = satisfaction(respondent, o);
      const int theirs = solution_ratings_.Get(respondent, s, o);
      if (aggregate->weighted()) {
        aggregate->AddValidatedSolutionWeighted(s, o, ours, theirs, weight);
      } else {
        aggregate->AddValidatedSolution(s, o, ours, theirs);
      }
    }
  }
}

namespace {

// Whether a respondent kept by `excluded` (empty: all kept) has a weight
// other than 1.
bool KeptWeighted(const std::vector<bool>& excluded, size_t count,
                  const std::function<double(size_t)>& weight) {
  for (size_t r = 0; r < count; ++r) {
    if (!excluded[r] && weight(r) != 1) return true;
  }
  return false;
}

}  // namespace

Aggregate Study::ToAggregate(const std::vector<bool>& excluded) const {
  if (excluded.empty()) return ToAggregate();
  Aggregate aggregate = EmptyAggregate(
      weighted() && KeptWeighted(excluded, respondents_.size(),
                                 [this](size_t r) { return weight(r); }));
  for (size_t r = 0; r < respondents_.size(); ++r) {
    if (excluded[r]) continue;
    Accumulate(respondents_[r].answers, respondents_[r].weight,
               outcomes_.size(), &aggregate);
    AccumulateSolutions(r, &aggregate);
  }
  return aggregate;
}

Aggregate Study::ToAggregate() const {
  Aggregate aggregate = EmptyAggregate();
  for (size_t r = 0; r < respondents_.size(); ++r) {
    Accumulate(respondents_[r].answers, respondents_[r].weight,
               outcomes_.size(), &aggregate);
    AccumulateSolutions(r, &aggregate);
  }
  return aggregate;
}

absl::StatusOr<SegmentedAggregate> Study::ToSegmentedAggregate(
    absl::string_view segment_by, const std::vector<bool>& excluded) const {
  auto attribute = attribute_index_.find(segment_by);
  if (attribute == attribute_index_.end()) {
    return SegmentAttributeNotFoundError(segment_by, attribute_names_);
  }
  // One pass: every respondent feeds the whole-sample aggregate and the
  // aggregate of its segment.
  const bool kept_weighted =
      weighted() && (excluded.empty() ||
                     KeptWeighted(excluded, respondents_.size(),
                                  [this](size_t r) { return weight(r); }));
  SegmentedAggregate aggregates(EmptyAggregate(kept_weighted));
  aggregates.segment_by = std::string(segment_by);
  Aggregate& all = aggregates.all;
  std::map<std::string, Aggregate>& segments = aggregates.segments;
  for (size_t r = 0; r < respondents_.size(); ++r) {
    if (!excluded.empty() && excluded[r]) continue;
    const std::vector<uint16_t>& row = respondents_[r].answers;
    const double weight = respondents_[r].weight;
    Accumulate(row, weight, outcomes_.size(), &all);
    AccumulateSolutions(r, &all);
    const std::vector<std::string>& values = respondents_[r].attributes;
    if (attribute->second >= values.size() ||
        values[attribute->second].empty()) {
      ++aggregates.unsegmented_respondent_count;
      continue;
    }
    auto it = segments.find(values[attribute->second]);
    if (it == segments.end()) {
      it =
          segments
              .emplace(values[attribute->second], EmptyAggregate(kept_weighted))
              .first;
    }
    Accumulate(row, weight, outcomes_.size(), &it->second);
    AccumulateSolutions(r, &it->second);
  }
  return aggregates;
}

absl::StatusOr<v1::Report> Study::Score(
    const v1::ScoringOptions& options) const {
  absl::StatusOr<ScoringPlan> plan = MakeScoringPlan(options);
  if (!plan.ok()) return plan.status();
  absl::StatusOr<ScreeningPlan> screening_plan =
      MakeScreeningPlan(options.screening());
  if (!screening_plan.ok()) return screening_plan.status();
  // Screening first: excluded respondents are then skipped as if they were
  // not in the study (weights, segments and bootstrap included).
  absl::optional<v1::ScreeningSummary> screening;
  std::vector<bool> excluded;
  if (screening_plan->enabled) {
    ScreeningResult screened = ScreenRespondents(*this, *screening_plan);
    screening = std::move(screened.summary);
    if (screening_plan->exclude) excluded = std::move(screened.flagged);
  }
  auto add_screening = [this, &screening](absl::StatusOr<v1::Report> report) {
    if (report.ok() && screening.has_value()) {
      *report->mutable_screening() = std::move(*screening);
      AddReportWarnings(&*report);
    }
    if (report.ok() && design_.has_value()) {
      design::AttachDesign(*design_, &*report);
    }
    return report;
  };
  const std::string& segment_by = options.segment_by();
  if (segment_by.empty()) {
    return add_screening(ScoreAggregate(ToAggregate(excluded), *plan, ""));
  }
  absl::StatusOr<SegmentedAggregate> aggregates =
      ToSegmentedAggregate(segment_by, excluded);
  if (!aggregates.ok()) return aggregates.status();
  absl::StatusOr<v1::Report> report =
      ScoreSegmentedAggregate(*aggregates, *plan);
  if (!report.ok()) return report.status();
  return add_screening(std::move(report));
}

absl::Status Study::SetDesign(v1::StudyDesign design) {
  absl::Status checked = design::CheckDesign("design", &design);
  if (!checked.ok()) return checked;
  design_ = std::move(design);
  return absl::OkStatus();
}

v1::Study Study::ToProto() const {
  v1::Study proto;
  *proto.mutable_scale() = scale_.ToProto();
  if (design_.has_value()) *proto.mutable_design() = *design_;
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
    if (respondent.duration_seconds >= 0) {
      out->set_duration_seconds(respondent.duration_seconds);
    }
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
  for (size_t r = 0; r < respondents_.size(); ++r) {
    for (size_t s = 0; s < solution_count(); ++s) {
      for (size_t o = 0; o < outcomes_.size(); ++o) {
        const int rating = solution_ratings_.Get(r, s, o);
        if (rating == 0) continue;
        v1::SolutionAnswer* answer =
            proto.mutable_respondents(static_cast<int>(r))
                ->add_solution_answers();
        answer->set_solution(solutions()[s]);
        answer->set_outcome_id(outcomes_[o].id);
        answer->set_satisfaction(rating);
      }
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
  if (proto.has_design()) {
    absl::Status design = study.SetDesign(proto.design());
    if (!design.ok()) return design;
  }
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
    if (respondent.has_duration_seconds()) {
      absl::Status status =
          study.SetDuration(*index, respondent.duration_seconds());
      if (!status.ok()) {
        return absl::Status(
            status.code(),
            absl::StrFormat("respondents[%d].duration_seconds: %s", r,
                            status.message()));
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
    for (int a = 0; a < respondent.solution_answers_size(); ++a) {
      const v1::SolutionAnswer& answer = respondent.solution_answers(a);
      const std::string path =
          absl::StrFormat("respondents[%d].solution_answers[%d]", r, a);
      absl::StatusOr<size_t> solution = study.AddSolution(answer.solution());
      if (!solution.ok()) {
        return absl::Status(
            solution.status().code(),
            absl::StrCat(path, ".solution: ", solution.status().message()));
      }
      const ptrdiff_t outcome = study.FindOutcome(answer.outcome_id());
      if (outcome < 0) {
        return absl::InvalidArgumentError(
            absl::StrFormat("%s.outcome_id: \"%s\" is not a declared outcome",
                            path, answer.outcome_id()));
      }
      const int32_t value = answer.satisfaction();
      if (value != 0 && !scale->Contains(value)) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "%s.satisfaction: %d is outside the scale %d-%d (0 = no answer)",
            path, value, scale->min, scale->max));
      }
      if (value != 0 &&
          study.solution_satisfaction(*index, *solution, outcome) != 0) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "%s: respondent \"%s\" already rated solution \"%s\" on \"%s\"",
            path, respondent.id(), answer.solution(), answer.outcome_id()));
      }
      const uint32_t r32 = static_cast<uint32_t>(*index);
      const uint32_t s32 = static_cast<uint32_t>(*solution);
      const uint32_t o32 = static_cast<uint32_t>(outcome);
      const uint8_t sat = static_cast<uint8_t>(value);
      absl::Status status = study.AddSolutionAnswers(SolutionAnswerBatch{
          absl::MakeConstSpan(&r32, 1), absl::MakeConstSpan(&s32, 1),
          absl::MakeConstSpan(&o32, 1), absl::MakeConstSpan(&sat, 1)});
      if (!status.ok()) {
        return absl::Status(status.code(),
                            absl::StrCat(path, ": ", status.message()));
      }
    }
  }
  return study;
}

}  // namespace jtbd
