// The scores a roadmap is valued on: per group of respondents (the whole
// sample, or each segment weighted by its size), each outcome's Ulwick
// top-box importance and satisfaction (0 to 10), and a way to redraw them
// from their bootstrap for the robustness figures.
#ifndef JTBD_ROADMAP_SURVEY_SCORES_H_
#define JTBD_ROADMAP_SURVEY_SCORES_H_

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/aggregate.h"
#include "core/segmented_scoring.h"

namespace jtbd {
namespace roadmap {

struct ScoreGroup {
  std::string segment;  // empty: the whole sample
  double weight = 1;    // share of the respondents valued (sums to 1)
  // Per outcome, 0 to 10; an outcome nobody rated counts as I = S = 0,
  // which leaves it no opportunity to close.
  std::vector<double> importance;
  std::vector<double> satisfaction;
};

struct SurveyScores {
  std::vector<std::string> outcome_ids;
  std::string segment_by;  // empty without segments
  std::vector<ScoreGroup> groups;
};

// Per outcome of a group, the answer table collapsed to 3 x 3 (no answer /
// not top box / top box on each axis, importance-major) as weights: the
// scores are read off it and the bootstrap redraws it, as
// core/opportunity_bootstrap does for the opportunity.
struct CollapsedTable {
  std::array<double, 9> weights{};
  uint64_t resample_size = 0;  // n, or round(Kish n_eff) when weighted
};

// Importance and satisfaction of a collapsed table (0 when unrated).
void TopBoxScores(const std::array<double, 9>& cells, double* importance,
                  double* satisfaction);

// The whole sample of one aggregate, under its scale's top-box rule.
SurveyScores ScoresOfAggregate(
    const Aggregate& aggregate,
    std::vector<std::vector<CollapsedTable>>* tables = nullptr);
// One group per segment, weighted by its share of the segmented
// respondents (those without a value of the attribute are left out).
SurveyScores ScoresOfSegments(
    const SegmentedAggregate& aggregates,
    std::vector<std::vector<CollapsedTable>>* tables = nullptr);

// Redraws every group's tables (a multinomial of the table's resample
// size) and so the scores; the weights of the groups stay.
class ScoreResampler {
 public:
  ScoreResampler(SurveyScores scores,
                 std::vector<std::vector<CollapsedTable>> tables);
  // Scores of one redraw; an outcome a redraw leaves unrated keeps its
  // scores.
  SurveyScores Draw(std::mt19937_64& rng) const;

 private:
  SurveyScores scores_;
  std::vector<std::vector<CollapsedTable>> tables_;
};

}  // namespace roadmap
}  // namespace jtbd

#endif  // JTBD_ROADMAP_SURVEY_SCORES_H_
