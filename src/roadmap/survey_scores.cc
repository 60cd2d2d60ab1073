#include "roadmap/survey_scores.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/types/span.h"
#include "stats/joint_table.h"
#include "stats/kish.h"
#include "stats/multinomial.h"

namespace jtbd {
namespace roadmap {
namespace {

enum : size_t { kMissing = 0, kNotTop = 1, kTop = 2 };

CollapsedTable Collapse(const Aggregate& aggregate, size_t outcome) {
  const stats::JointTable table = aggregate.WeightedTable(outcome);
  const Scale& scale = aggregate.scale();
  auto collapse = [&](size_t index) -> size_t {
    if (index == 0) return kMissing;
    const int rating = scale.min + static_cast<int>(index) - 1;
    return rating >= scale.top_box_min ? kTop : kNotTop;
  };
  CollapsedTable out;
  double weight = 0, weight_square = 0;
  uint64_t count = 0;
  for (size_t i = 0; i < table.stride; ++i) {
    for (size_t s = 0; s < table.stride; ++s) {
      const size_t cell = i * table.stride + s;
      if (table.counts[cell] == 0) continue;
      out.weights[collapse(i) * 3 + collapse(s)] += table.Weight(cell);
      count += table.counts[cell];
      weight += table.Weight(cell);
      weight_square += table.WeightSquare(cell);
    }
  }
  out.resample_size =
      table.weighted()
          ? std::max<uint64_t>(1, std::llround(stats::KishEffectiveCount(
                                      weight, weight_square)))
          : count;
  return out;
}

ScoreGroup GroupOf(const Aggregate& aggregate, std::string segment,
                   double weight, std::vector<CollapsedTable>* tables) {
  ScoreGroup group;
  group.segment = std::move(segment);
  group.weight = weight;
  const size_t n = aggregate.outcome_count();
  group.importance.resize(n);
  group.satisfaction.resize(n);
  for (size_t o = 0; o < n; ++o) {
    const CollapsedTable table = Collapse(aggregate, o);
    TopBoxScores(table.weights, &group.importance[o], &group.satisfaction[o]);
    if (tables != nullptr) tables->push_back(table);
  }
  return group;
}

std::vector<std::string> OutcomeIds(const Aggregate& aggregate) {
  std::vector<std::string> ids;
  for (const Outcome& outcome : aggregate.outcomes()) ids.push_back(outcome.id);
  return ids;
}

}  // namespace

void TopBoxScores(const std::array<double, 9>& c, double* importance,
                  double* satisfaction) {
  const double importance_top = c[kTop * 3] + c[kTop * 3 + 1] + c[kTop * 3 + 2];
  const double importance_count =
      importance_top + c[kNotTop * 3] + c[kNotTop * 3 + 1] + c[kNotTop * 3 + 2];
  const double satisfaction_top = c[kTop] + c[3 + kTop] + c[6 + kTop];
  const double satisfaction_count =
      satisfaction_top + c[kNotTop] + c[3 + kNotTop] + c[6 + kNotTop];
  *importance =
      importance_count > 0 ? 10.0 * importance_top / importance_count : 0;
  *satisfaction =
      satisfaction_count > 0 ? 10.0 * satisfaction_top / satisfaction_count : 0;
}

SurveyScores ScoresOfAggregate(
    const Aggregate& aggregate,
    std::vector<std::vector<CollapsedTable>>* tables) {
  SurveyScores scores;
  scores.outcome_ids = OutcomeIds(aggregate);
  std::vector<CollapsedTable> group_tables;
  scores.groups.push_back(GroupOf(aggregate, "", 1, &group_tables));
  if (tables != nullptr) {
    tables->clear();
    tables->push_back(std::move(group_tables));
  }
  return scores;
}

SurveyScores ScoresOfSegments(
    const SegmentedAggregate& aggregates,
    std::vector<std::vector<CollapsedTable>>* tables) {
  SurveyScores scores;
  scores.outcome_ids = OutcomeIds(aggregates.all);
  scores.segment_by = aggregates.segment_by;
  double total = 0;
  for (const auto& entry : aggregates.segments) {
    total += static_cast<double>(entry.second.respondent_count());
  }
  if (tables != nullptr) tables->clear();
  for (const auto& entry : aggregates.segments) {
    const double share =
        total > 0 ? static_cast<double>(entry.second.respondent_count()) / total
                  : 0;
    std::vector<CollapsedTable> group_tables;
    scores.groups.push_back(
        GroupOf(entry.second, entry.first, share, &group_tables));
    if (tables != nullptr) tables->push_back(std::move(group_tables));
  }
  return scores;
}

ScoreResampler::ScoreResampler(SurveyScores scores,
                               std::vector<std::vector<CollapsedTable>> tables)
    : scores_(std::move(scores)), tables_(std::move(tables)) {}

SurveyScores ScoreResampler::Draw(std::mt19937_64& rng) const {
  SurveyScores drawn = scores_;
  std::array<uint64_t, 9> counts{};
  for (size_t g = 0; g < tables_.size() && g < drawn.groups.size(); ++g) {
    for (size_t o = 0; o < tables_[g].size(); ++o) {
      const CollapsedTable& table = tables_[g][o];
      if (table.resample_size == 0) continue;
      // Built per draw: nine cells, cheap next to a re-solve.
      const stats::MultinomialSampler sampler(table.weights,
                                              table.resample_size);
      sampler.Sample(rng, absl::MakeSpan(counts));
      std::array<double, 9> cells{};
      for (size_t k = 0; k < 9; ++k) cells[k] = static_cast<double>(counts[k]);
      double importance = 0, satisfaction = 0;
      TopBoxScores(cells, &importance, &satisfaction);
      const bool rated_importance =
          cells[3] + cells[4] + cells[5] + cells[6] + cells[7] + cells[8] > 0;
      const bool rated_satisfaction =
          cells[1] + cells[2] + cells[4] + cells[5] + cells[7] + cells[8] > 0;
      if (rated_importance) drawn.groups[g].importance[o] = importance;
      if (rated_satisfaction) drawn.groups[g].satisfaction[o] = satisfaction;
    }
  }
  return drawn;
}

}  // namespace roadmap
}  // namespace jtbd
