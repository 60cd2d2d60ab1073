#include "core/competitor_scoring.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "absl/strings/str_format.h"
#include "stats/delta_method.h"
#include "stats/holm.h"
#include "stats/normal.h"
#include "stats/proportion_test.h"
#include "stats/table_moments.h"
#include "stats/wilson.h"

namespace jtbd {
namespace {

// Per-answer scores by table index under a method (index 0 unused), as
// EstimateOutcome computes them.
std::vector<double> AnswerScores(const Scale& scale, v1::ScoreMethod method) {
  const int top_box_min = MethodTopBoxMin(scale, method);
  std::vector<double> scores(static_cast<size_t>(scale.points()) + 1, 0);
  for (int rating = scale.min; rating <= scale.max; ++rating) {
    const size_t index = static_cast<size_t>(rating - scale.min + 1);
    scores[index] = method == v1::SCORE_METHOD_MEAN
                        ? 10.0 * (rating - scale.min) / (scale.max - scale.min)
                        : (rating >= top_box_min ? 10.0 : 0.0);
  }
  return scores;
}

struct SolutionCounts {
  uint64_t rated = 0;
  uint64_t top_box = 0;
  uint64_t both = 0;
};

// Unweighted counts of a solution table's column (the solution's ratings).
SolutionCounts CountSolution(const stats::JointTable& table,
                             size_t top_box_index) {
  SolutionCounts counts;
  for (size_t ours = 0; ours < table.stride; ++ours) {
    for (size_t theirs = 1; theirs < table.stride; ++theirs) {
      const uint64_t n = table.counts[ours * table.stride + theirs];
      counts.rated += n;
      if (theirs >= top_box_index) counts.top_box += n;
      if (ours != 0) counts.both += n;
    }
  }
  return counts;
}

void SetTest(const stats::ZTest& test, v1::SignificanceTest* out) {
  out->set_z(test.z);
  out->set_p_value(test.p_value);
  out->set_holm_adjusted_p_value(test.p_value);
}

// The interval of a solution's satisfaction at critical value z, as the
// solution's own interval is computed.
stats::Interval SatisfactionInterval(bool top_box, double satisfaction,
                                     double effective_count, double variance,
                                     double z) {
  if (!top_box) return stats::NormalInterval(satisfaction, variance, z);
  const stats::Interval share =
      stats::ModifiedWilsonInterval(satisfaction / 10, effective_count, z);
  return {10 * share.low, 10 * share.high};
}

}  // namespace

absl::Status ScoreCompetitors(const Aggregate& aggregate, size_t outcome,
                              const ScoringPlan& plan,
                              v1::OutcomeScore* score) {
  score->clear_solutions();
  score->clear_best_solution();
  score->clear_best_solution_gap();
  score->clear_satisfaction_target();
  score->clear_best_solution_gap_test();
  score->clear_satisfaction_target_interval();
  if (aggregate.solution_count() == 0) return absl::OkStatus();
  const Scale& scale = aggregate.scale();
  const std::vector<double> scores = AnswerScores(scale, plan.method);
  const size_t top_box_index =
      static_cast<size_t>(MethodTopBoxMin(scale, plan.method) - scale.min + 1);
  const bool top_box = plan.method != v1::SCORE_METHOD_MEAN;
  const OutcomeEstimate ours = EstimateOutcome(aggregate, outcome, plan.method);
  const double z = plan.critical_value;

  int best = -1;
  struct Rated {
    double satisfaction, effective_count, variance;
  };
  std::vector<Rated> rated;
  for (size_t s = 0; s < aggregate.solution_count(); ++s) {
    const stats::JointTable table = aggregate.SolutionTable(s, outcome);
    const SolutionCounts counts = CountSolution(table, top_box_index);
    if (counts.rated > std::numeric_limits<uint32_t>::max()) {
      return absl::OutOfRangeError(absl::StrFormat(
          "solution \"%s\" has %u ratings of outcome \"%s\", more than the "
          "report's 32-bit counts",
          aggregate.solutions()[s], counts.rated,
          aggregate.outcomes()[outcome].id));
    }
    v1::SolutionScore* out = score->add_solutions();
    out->set_solution(aggregate.solutions()[s]);
    out->set_count(static_cast<uint32_t>(counts.rated));
    out->set_top_box_count(static_cast<uint32_t>(counts.top_box));
    out->set_both_count(static_cast<uint32_t>(counts.both));
    if (counts.rated == 0) continue;
    // Rows: our satisfaction; columns: the solution's. EstimateScores names
    // them importance and satisfaction.
    const stats::TableMoments moments =
        stats::ComputeTableMoments(table, scores, scores);
    const stats::ScorePair pair = stats::EstimateScores(moments);
    const double satisfaction = pair.satisfaction;
    const double effective_count = moments.satisfaction.effective_count();
    out->set_satisfaction(satisfaction);
    if (aggregate.weighted()) out->set_effective_count(effective_count);
    v1::Interval* interval = out->mutable_satisfaction_interval();
    const stats::Interval own = SatisfactionInterval(
        top_box, satisfaction, effective_count, pair.satisfaction_variance, z);
    interval->set_low(own.low);
    interval->set_high(own.high);
    rated.push_back(
        {satisfaction, effective_count, pair.satisfaction_variance});
    if (ours.has_importance) {
      const double importance = ours.scores.importance;
      out->set_opportunity(
          plan.method == v1::SCORE_METHOD_OLSEN
              ? stats::OlsenOpportunity(importance, satisfaction)
              : stats::UlwickOpportunity(importance, satisfaction));
    }
    if (ours.has_satisfaction) {
      // pair.importance is our satisfaction over the same respondents and
      // weights as ours.scores.satisfaction.
      const double gap = satisfaction - pair.importance;
      out->set_satisfaction_gap(gap);
      const std::optional<stats::ZTest> test = stats::DifferenceZTest(
          gap, pair.satisfaction_variance + pair.importance_variance -
                   2 * pair.covariance);
      if (test) SetTest(*test, out->mutable_satisfaction_gap_test());
    }
    if (best < 0 || satisfaction > score->solutions(best).satisfaction()) {
      best = static_cast<int>(s);
    }
  }
  if (best < 0) return absl::OkStatus();
  const v1::SolutionScore& winner = score->solutions(best);
  score->set_best_solution(winner.solution());
  // 12 / 10 rather than 1.2: exact for the usual shares (6.0 -> 7.2).
  score->set_satisfaction_target(
      std::min(10.0, winner.satisfaction() * 12 / 10));
  // Simultaneous intervals (Bonferroni over the m rated solutions) all hold
  // with probability >= 1 - alpha; then max_c S_c lies between the largest
  // lower and the largest upper limit, whichever solution is truly best.
  const double alpha = 2 * (1 - stats::NormalCdf(z));
  const double z_m = stats::NormalQuantile(
      1 - alpha / (2 * static_cast<double>(rated.size())));
  double low = 0, high = 0;
  for (const Rated& solution : rated) {
    const stats::Interval simultaneous =
        SatisfactionInterval(top_box, solution.satisfaction,
                             solution.effective_count, solution.variance, z_m);
    low = std::max(low, simultaneous.low);
    high = std::max(high, simultaneous.high);
  }
  v1::Interval* target = score->mutable_satisfaction_target_interval();
  target->set_low(std::min(10.0, low * 12 / 10));
  target->set_high(std::min(10.0, high * 12 / 10));
  if (winner.has_satisfaction_gap()) {
    score->set_best_solution_gap(winner.satisfaction_gap());
    if (winner.has_satisfaction_gap_test()) {
      *score->mutable_best_solution_gap_test() = winner.satisfaction_gap_test();
    }
  }
  return absl::OkStatus();
}

void AdjustBestSolutionGapTests(
    google::protobuf::RepeatedPtrField<v1::OutcomeScore>* outcomes) {
  // The family is every solution's gap test on every outcome: the best
  // solution is picked from them, and Holm holds the familywise error over
  // the whole family, so the picked one's adjusted p stays valid.
  std::vector<double> p_values;
  std::vector<v1::SignificanceTest*> tests;
  for (v1::OutcomeScore& score : *outcomes) {
    for (v1::SolutionScore& solution : *score.mutable_solutions()) {
      if (!solution.has_satisfaction_gap_test()) continue;
      tests.push_back(solution.mutable_satisfaction_gap_test());
      p_values.push_back(tests.back()->p_value());
    }
  }
  const std::vector<double> adjusted = stats::HolmAdjustedPValues(p_values);
  for (size_t k = 0; k < tests.size(); ++k) {
    tests[k]->set_holm_adjusted_p_value(adjusted[k]);
  }
  for (v1::OutcomeScore& score : *outcomes) {
    if (!score.has_best_solution_gap_test()) continue;
    for (const v1::SolutionScore& solution : score.solutions()) {
      if (solution.solution() != score.best_solution()) continue;
      score.mutable_best_solution_gap_test()->set_holm_adjusted_p_value(
          solution.satisfaction_gap_test().holm_adjusted_p_value());
      break;
    }
  }
}

}  // namespace jtbd
