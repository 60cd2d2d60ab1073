#include "waves/compare_waves.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "core/scoring.h"
#include "waves/change_family.h"
#include "waves/outcome_change.h"

namespace jtbd {
namespace waves {
namespace {

// Outcome indices in (first wave, second wave) of each id both have.
using Matching = std::vector<std::pair<size_t, size_t>>;

// At most this many ids in an error message.
constexpr size_t kIdsInMessage = 5;

std::string SomeIds(const Aggregate& aggregate) {
  std::vector<std::string> ids;
  for (const Outcome& outcome : aggregate.outcomes()) {
    if (ids.size() == kIdsInMessage) {
      ids.push_back("...");
      break;
    }
    ids.push_back(outcome.id);
  }
  return ids.empty() ? "none" : absl::StrJoin(ids, ", ");
}

// Matches outcomes by id and lists those of one wave only; refuses what
// cannot be compared.
absl::StatusOr<Matching> MatchOutcomes(const Aggregate& first,
                                       const Aggregate& second,
                                       v1::WaveComparison* report) {
  if (first.scale() != second.scale()) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "cannot compare waves on different scales: the first wave is rated "
        "%s, the second %s",
        first.scale().ToString(), second.scale().ToString()));
  }
  absl::flat_hash_map<std::string, size_t> in_second;
  for (size_t o = 0; o < second.outcome_count(); ++o) {
    in_second.emplace(second.outcomes()[o].id, o);
  }
  Matching matching;
  absl::flat_hash_map<std::string, size_t> in_first;
  for (size_t o = 0; o < first.outcome_count(); ++o) {
    const std::string& id = first.outcomes()[o].id;
    in_first.emplace(id, o);
    auto it = in_second.find(id);
    if (it != in_second.end()) {
      matching.emplace_back(o, it->second);
    } else {
      v1::OneWaveOutcome* only = report->add_one_wave_outcomes();
      only->set_outcome_id(id);
      only->set_wave(v1::WAVE_FIRST);
    }
  }
  for (const Outcome& outcome : second.outcomes()) {
    if (!in_first.contains(outcome.id)) {
      v1::OneWaveOutcome* only = report->add_one_wave_outcomes();
      only->set_outcome_id(outcome.id);
      only->set_wave(v1::WAVE_SECOND);
    }
  }
  if (matching.empty()) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "the waves have no outcome id in common, nothing to compare (first "
        "wave: %s; second wave: %s)",
        SomeIds(first), SomeIds(second)));
  }
  return matching;
}

absl::Status CheckCounts(const Aggregate& first, const Aggregate& second) {
  absl::Status status =
      CheckFitsReport(first.respondent_count(), "first wave respondent count");
  if (!status.ok()) return status;
  return CheckFitsReport(second.respondent_count(),
                         "second wave respondent count");
}

// The changes of one group of respondents (whole sample or a segment),
// unadjusted.
absl::Status CompareGroup(const Aggregate& first, const Aggregate& second,
                          const Matching& matching, const ScoringPlan& plan,
                          OutcomeChanges* changes) {
  absl::Status status = CheckCounts(first, second);
  if (!status.ok()) return status;
  for (const auto& [o1, o2] : matching) {
    absl::StatusOr<v1::OutcomeChange> change =
        CompareOutcome(first, o1, second, o2, plan);
    if (!change.ok()) return change.status();
    *changes->Add() = *std::move(change);
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::WaveComparison> CompareWhole(const Aggregate& first,
                                                const Aggregate& second,
                                                const ScoringPlan& plan,
                                                Matching* matching) {
  v1::WaveComparison report;
  report.set_confidence_level(plan.confidence_level);
  report.set_p_value_adjustment(plan.p_value_adjustment);
  report.set_score_method(plan.method);
  *report.mutable_scale() = first.scale().ToProto();
  report.set_weighted(first.weighted() || second.weighted());
  absl::StatusOr<Matching> matched = MatchOutcomes(first, second, &report);
  if (!matched.ok()) return matched.status();
  *matching = *std::move(matched);
  absl::Status status =
      CompareGroup(first, second, *matching, plan, report.mutable_changes());
  if (!status.ok()) return status;
  report.set_first_respondent_count(
      static_cast<uint32_t>(first.respondent_count()));
  report.set_second_respondent_count(
      static_cast<uint32_t>(second.respondent_count()));
  OutcomeChanges* whole[] = {report.mutable_changes()};
  report.set_family_size(static_cast<uint32_t>(AdjustChanges(whole, plan)));
  return report;
}

}  // namespace

absl::StatusOr<v1::WaveComparison> CompareWaves(
    const Aggregate& first, const Aggregate& second,
    const v1::ScoringOptions& options) {
  absl::StatusOr<ScoringPlan> plan = MakeScoringPlan(options);
  if (!plan.ok()) return plan.status();
  Matching matching;
  return CompareWhole(first, second, *plan, &matching);
}

absl::StatusOr<v1::WaveComparison> CompareSegmentedWaves(
    const SegmentedAggregate& first, const SegmentedAggregate& second,
    const v1::ScoringOptions& options) {
  absl::StatusOr<ScoringPlan> plan = MakeScoringPlan(options);
  if (!plan.ok()) return plan.status();
  if (first.segment_by != second.segment_by) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "cannot compare segments of waves segmented by different attributes "
        "(\"%s\" and \"%s\")",
        first.segment_by, second.segment_by));
  }
  Matching matching;
  absl::StatusOr<v1::WaveComparison> report =
      CompareWhole(first.all, second.all, *plan, &matching);
  if (!report.ok()) return report.status();
  report->set_segment_by(first.segment_by);
  // Both maps are sorted by value: one merge-like walk matches them.
  auto a = first.segments.begin();
  auto b = second.segments.begin();
  std::vector<OutcomeChanges*> groups;
  while (a != first.segments.end() || b != second.segments.end()) {
    if (b == second.segments.end() ||
        (a != first.segments.end() && a->first < b->first)) {
      v1::OneWaveSegment* only = report->add_one_wave_segments();
      only->set_segment(a->first);
      only->set_wave(v1::WAVE_FIRST);
      ++a;
    } else if (a == first.segments.end() || b->first < a->first) {
      v1::OneWaveSegment* only = report->add_one_wave_segments();
      only->set_segment(b->first);
      only->set_wave(v1::WAVE_SECOND);
      ++b;
    } else {
      v1::WaveGroupComparison* group = report->add_segments();
      group->set_segment(a->first);
      // A segment's aggregate has its whole sample's outcomes, so the
      // whole sample's matching holds for it.
      absl::Status status = CompareGroup(a->second, b->second, matching, *plan,
                                         group->mutable_changes());
      if (!status.ok()) return status;
      group->set_first_respondent_count(
          static_cast<uint32_t>(a->second.respondent_count()));
      group->set_second_respondent_count(
          static_cast<uint32_t>(b->second.respondent_count()));
      ++a;
      ++b;
    }
  }
  for (v1::WaveGroupComparison& group : *report->mutable_segments()) {
    groups.push_back(group.mutable_changes());
  }
  report->set_segment_family_size(
      static_cast<uint32_t>(AdjustChanges(groups, *plan)));
  return report;
}

}  // namespace waves
}  // namespace jtbd
