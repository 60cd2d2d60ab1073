#include "core/job_map_coverage.h"

#include <string>

#include "absl/container/flat_hash_map.h"
#include "core/job_map.h"

namespace jtbd {
namespace design {
namespace {

// The band boundary of "underserved" (jtbd.v1.Band): opportunity >= 10.
constexpr double kUnderservedOpportunity = 10.0;

bool IsScored(v1::Band band) {
  return band != v1::BAND_UNSPECIFIED && band != v1::BAND_INSUFFICIENT_DATA;
}

bool IsUnderserved(v1::Band band) {
  return band == v1::BAND_EXTREME || band == v1::BAND_HIGH ||
         band == v1::BAND_UNDERSERVED;
}

}  // namespace

v1::JobMapCoverage ComputeCoverage(const v1::StudyDesign& design,
                                   const v1::Report& report) {
  return ComputeCoverage(design, report.outcomes());
}

v1::JobMapCoverage ComputeCoverage(
    const v1::StudyDesign& design,
    const google::protobuf::RepeatedPtrField<v1::OutcomeScore>& outcomes) {
  absl::flat_hash_map<std::string, const v1::OutcomeScore*> scores;
  for (const v1::OutcomeScore& score : outcomes) {
    scores.emplace(score.outcome_id(), &score);
  }
  v1::JobMapCoverage coverage;
  absl::flat_hash_map<std::string, int> step_index;
  for (const v1::JobStep& step : design.job().steps()) {
    step_index.emplace(step.id(), coverage.steps_size());
    v1::StepCoverage* covered = coverage.add_steps();
    covered->set_step_id(step.id());
    covered->set_universal_step(step.universal_step());
    if (!step.name().empty()) {
      covered->set_name(step.name());
    } else if (step.universal_step() != v1::UNIVERSAL_STEP_UNSPECIFIED) {
      covered->set_name(UniversalStepName(step.universal_step()));
    } else {
      covered->set_name(step.id());
    }
  }
  for (const v1::DesiredOutcome& outcome : design.outcomes()) {
    const auto score = scores.find(outcome.id());
    if (score == scores.end()) {
      coverage.add_unscored_outcome_ids(outcome.id());
    }
    const auto step = step_index.find(outcome.job_step_id());
    if (outcome.job_step_id().empty() || step == step_index.end()) {
      coverage.add_unassigned_outcome_ids(outcome.id());
      continue;
    }
    v1::StepCoverage* covered = coverage.mutable_steps(step->second);
    covered->set_outcome_count(covered->outcome_count() + 1);
    if (score == scores.end() || !IsScored(score->second->band())) continue;
    const v1::OutcomeScore& scored = *score->second;
    covered->set_scored_outcome_count(covered->scored_outcome_count() + 1);
    if (IsUnderserved(scored.band())) {
      covered->set_underserved_count(covered->underserved_count() + 1);
    }
    if (scored.band() == v1::BAND_OVERSERVED) {
      covered->set_overserved_count(covered->overserved_count() + 1);
    }
    if (scored.opportunity() > kUnderservedOpportunity) {
      covered->set_opportunity_excess(covered->opportunity_excess() +
                                      scored.opportunity() -
                                      kUnderservedOpportunity);
    }
    if (!covered->has_max_opportunity() ||
        scored.opportunity() > covered->max_opportunity()) {
      covered->set_max_opportunity(scored.opportunity());
      covered->set_top_outcome_id(scored.outcome_id());
    }
  }
  const v1::StepCoverage* most = nullptr;
  for (v1::StepCoverage& step : *coverage.mutable_steps()) {
    const uint32_t scored = step.scored_outcome_count();
    step.set_all_underserved(scored > 0 && step.underserved_count() == scored);
    step.set_all_overserved(scored > 0 && step.overserved_count() == scored);
    if (step.outcome_count() == 0) {
      coverage.add_uncovered_step_ids(step.step_id());
    }
    if (step.opportunity_excess() <= 0) continue;
    if (most == nullptr ||
        step.opportunity_excess() > most->opportunity_excess() ||
        (step.opportunity_excess() == most->opportunity_excess() &&
         step.max_opportunity() > most->max_opportunity())) {
      most = &step;
    }
  }
  if (most != nullptr) coverage.set_most_opportunity_step_id(most->step_id());
  return coverage;
}

void AttachDesign(const v1::StudyDesign& design, v1::Report* report) {
  absl::flat_hash_map<std::string, const std::string*> statements;
  for (const v1::DesiredOutcome& outcome : design.outcomes()) {
    if (!outcome.statement().empty()) {
      statements.emplace(outcome.id(), &outcome.statement());
    }
  }
  auto describe = [&statements](v1::OutcomeScore* score) {
    if (!score->statement().empty()) return;
    const auto found = statements.find(score->outcome_id());
    if (found != statements.end()) score->set_statement(*found->second);
  };
  for (v1::OutcomeScore& score : *report->mutable_outcomes()) describe(&score);
  for (v1::SegmentReport& segment : *report->mutable_segments()) {
    for (v1::OutcomeScore& score : *segment.mutable_outcomes()) {
      describe(&score);
    }
    *segment.mutable_coverage() = ComputeCoverage(design, segment.outcomes());
  }
  *report->mutable_coverage() = ComputeCoverage(design, *report);
  *report->mutable_design() = design;
}

}  // namespace design
}  // namespace jtbd
