#include "core/scoring.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "absl/strings/str_format.h"
#include "core/band.h"

namespace jtbd {
namespace {

absl::Status CheckFitsReport(uint64_t count, const char* what) {
  if (count > std::numeric_limits<uint32_t>::max()) {
    return absl::OutOfRangeError(absl::StrFormat(
        "%s %u exceeds the report's 32-bit counts", what, count));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::OutcomeScore> ScoreOutcome(const TopBoxCounts& c) {
  for (auto [count, what] : {std::pair<uint64_t, const char*>{
                                 c.importance_count, "importance count"},
                             {c.satisfaction_count, "satisfaction count"}}) {
    absl::Status status = CheckFitsReport(count, what);
    if (!status.ok()) return status;
  }
  v1::OutcomeScore score;
  score.set_importance_count(static_cast<uint32_t>(c.importance_count));
  score.set_importance_top_box_count(
      static_cast<uint32_t>(c.importance_top_box));
  score.set_satisfaction_count(static_cast<uint32_t>(c.satisfaction_count));
  score.set_satisfaction_top_box_count(
      static_cast<uint32_t>(c.satisfaction_top_box));
  score.set_both_count(static_cast<uint32_t>(c.both_count));
  score.set_both_top_box_count(static_cast<uint32_t>(c.both_top_box));
  score.set_band(ClassifyBand(c));
  if (score.band() == v1::BAND_INSUFFICIENT_DATA) {
    // No share exists without answers; scores stay 0 and the band says why.
    if (c.importance_count != 0) {
      score.set_importance(10.0 * static_cast<double>(c.importance_top_box) /
                           static_cast<double>(c.importance_count));
    }
    if (c.satisfaction_count != 0) {
      score.set_satisfaction(10.0 *
                             static_cast<double>(c.satisfaction_top_box) /
                             static_cast<double>(c.satisfaction_count));
    }
    return score;
  }
  const double importance = 10.0 * static_cast<double>(c.importance_top_box) /
                            static_cast<double>(c.importance_count);
  const double satisfaction = 10.0 *
                              static_cast<double>(c.satisfaction_top_box) /
                              static_cast<double>(c.satisfaction_count);
  score.set_importance(importance);
  score.set_satisfaction(satisfaction);
  score.set_opportunity(importance + std::max(importance - satisfaction, 0.0));
  return score;
}

void RankOutcomes(
    google::protobuf::RepeatedPtrField<v1::OutcomeScore>* scores) {
  std::vector<v1::OutcomeScore*> order(scores->pointer_begin(),
                                       scores->pointer_end());
  std::stable_sort(
      order.begin(), order.end(),
      [](const v1::OutcomeScore* a, const v1::OutcomeScore* b) {
        const bool a_data = a->band() != v1::BAND_INSUFFICIENT_DATA;
        const bool b_data = b->band() != v1::BAND_INSUFFICIENT_DATA;
        if (a_data != b_data) return a_data;
        return a->opportunity() > b->opportunity();
      });
  google::protobuf::RepeatedPtrField<v1::OutcomeScore> ranked;
  ranked.Reserve(scores->size());
  uint32_t rank = 0;
  for (v1::OutcomeScore* score : order) {
    v1::OutcomeScore* out = ranked.Add();
    out->Swap(score);
    out->set_rank(out->band() == v1::BAND_INSUFFICIENT_DATA ? 0 : ++rank);
  }
  scores->Swap(&ranked);
}

absl::StatusOr<v1::Report> ScoreAggregate(const Aggregate& aggregate) {
  v1::Report report;
  if (aggregate.respondent_count() > std::numeric_limits<uint32_t>::max()) {
    return absl::OutOfRangeError("respondent count exceeds 32 bits");
  }
  report.set_respondent_count(
      static_cast<uint32_t>(aggregate.respondent_count()));
  *report.mutable_scale() = aggregate.scale().ToProto();
  report.set_method("ulwick_top_box");
  for (size_t o = 0; o < aggregate.outcome_count(); ++o) {
    absl::StatusOr<v1::OutcomeScore> score = ScoreOutcome(aggregate.Counts(o));
    if (!score.ok()) return score.status();
    score->set_outcome_id(aggregate.outcomes()[o].id);
    score->set_statement(aggregate.outcomes()[o].statement);
    *report.add_outcomes() = std::move(*score);
  }
  RankOutcomes(report.mutable_outcomes());
  return report;
}

}  // namespace jtbd
