#include "waves/outcome_change.h"

#include <cmath>
#include <optional>
#include <utility>

#include "stats/delta_method.h"
#include "stats/newcombe.h"
#include "stats/opportunity_difference.h"
#include "stats/proportion_test.h"

namespace jtbd {
namespace waves {
namespace {

bool RealBand(v1::Band band) {
  return band != v1::BAND_UNSPECIFIED && band != v1::BAND_INSUFFICIENT_DATA;
}

void SetScores(const v1::OutcomeScore& score, v1::WaveScores* out) {
  out->set_importance(score.importance());
  out->set_satisfaction(score.satisfaction());
  out->set_opportunity(score.opportunity());
  out->set_importance_count(score.importance_count());
  out->set_satisfaction_count(score.satisfaction_count());
}

// Fills a change from its difference, interval and (optional) test; absent
// test: the change is left out.
bool SetChange(double difference, stats::Interval interval,
               v1::DifferenceIntervalMethod method,
               const std::optional<stats::ZTest>& test, v1::ScoreChange* out) {
  if (!test) return false;
  out->set_difference(difference);
  out->mutable_interval()->set_low(interval.low);
  out->mutable_interval()->set_high(interval.high);
  out->set_interval_method(method);
  out->set_z(test->z);
  out->set_p_value(test->p_value);
  // Until the family is adjusted (AdjustChanges), the raw p-value.
  out->set_adjusted_p_value(test->p_value);
  return true;
}

// The change of importance or satisfaction: wave 2's score minus wave 1's.
bool ScoreChange(bool top_box, double first_score, double first_variance,
                 double first_count, double second_score,
                 double second_variance, double second_count, double z,
                 v1::ScoreChange* out) {
  const double difference = second_score - first_score;
  if (top_box) {
    const double p1 = first_score / 10, p2 = second_score / 10;
    const stats::Interval shares =
        stats::NewcombeDifferenceInterval(p2, second_count, p1, first_count, z);
    return SetChange(
        difference, {10 * shares.low, 10 * shares.high},
        v1::DIFFERENCE_INTERVAL_METHOD_NEWCOMBE_HYBRID_SCORE,
        stats::TwoProportionZTest(p2, second_count, p1, first_count), out);
  }
  const double variance = first_variance + second_variance;
  return SetChange(difference, stats::NormalInterval(difference, variance, z),
                   v1::DIFFERENCE_INTERVAL_METHOD_DELTA_METHOD,
                   stats::DifferenceZTest(difference, variance), out);
}

}  // namespace

absl::StatusOr<v1::OutcomeChange> CompareOutcome(const Aggregate& first,
                                                 size_t first_outcome,
                                                 const Aggregate& second,
                                                 size_t second_outcome,
                                                 const ScoringPlan& plan) {
  // The scores and bands as `jtbd score` reports them; no bootstrap, whose
  // intervals a comparison does not show.
  ScoringPlan scoring = plan;
  scoring.bootstrap_resamples = 0;
  absl::StatusOr<v1::OutcomeScore> before =
      ScoreOutcome(first, first_outcome, scoring, "");
  if (!before.ok()) return before.status();
  absl::StatusOr<v1::OutcomeScore> after =
      ScoreOutcome(second, second_outcome, scoring, "");
  if (!after.ok()) return after.status();
  const OutcomeEstimate e1 = EstimateOutcome(first, first_outcome, plan.method);
  const OutcomeEstimate e2 =
      EstimateOutcome(second, second_outcome, plan.method);

  v1::OutcomeChange change;
  change.set_outcome_id(first.outcomes()[first_outcome].id);
  const std::string& statement = second.outcomes()[second_outcome].statement;
  change.set_statement(statement.empty()
                           ? first.outcomes()[first_outcome].statement
                           : statement);
  SetScores(*before, change.mutable_first());
  SetScores(*after, change.mutable_second());
  change.set_band_before(before->band());
  change.set_band_after(after->band());
  change.set_crossed_band(RealBand(before->band()) && RealBand(after->band()) &&
                          before->band() != after->band());

  const bool top_box = plan.method != v1::SCORE_METHOD_MEAN;
  const double z = plan.critical_value;
  if (e1.has_importance && e2.has_importance &&
      !ScoreChange(top_box, e1.scores.importance, e1.scores.importance_variance,
                   e1.importance_effective_count, e2.scores.importance,
                   e2.scores.importance_variance, e2.importance_effective_count,
                   z, change.mutable_importance())) {
    change.clear_importance();
  }
  if (e1.has_satisfaction && e2.has_satisfaction &&
      !ScoreChange(
          top_box, e1.scores.satisfaction, e1.scores.satisfaction_variance,
          e1.satisfaction_effective_count, e2.scores.satisfaction,
          e2.scores.satisfaction_variance, e2.satisfaction_effective_count, z,
          change.mutable_satisfaction())) {
    change.clear_satisfaction();
  }
  if (e1.has_scores() && e2.has_scores()) {
    const double difference = e2.opportunity - e1.opportunity;
    bool set = false;
    if (plan.method == v1::SCORE_METHOD_OLSEN) {
      // Olsen's opportunity is smooth: the delta method holds.
      const double variance = e1.opportunity_variance + e2.opportunity_variance;
      set =
          SetChange(difference, stats::NormalInterval(difference, variance, z),
                    v1::DIFFERENCE_INTERVAL_METHOD_DELTA_METHOD,
                    stats::DifferenceZTest(difference, variance),
                    change.mutable_opportunity());
    } else {
      // Valid at the kink I = S and for small waves, where the delta
      // method under-covers.
      const stats::OpportunityDifference test =
          stats::UlwickOpportunityDifference(
              {e2.opportunity, OpportunityIntervalInputOf(e2, plan.method)},
              {e1.opportunity, OpportunityIntervalInputOf(e1, plan.method)},
              plan.confidence_level);
      set = SetChange(difference, test.interval,
                      v1::DIFFERENCE_INTERVAL_METHOD_MOVER_MOMENT_SELECTION,
                      stats::ZTest{test.z, test.p_value},
                      change.mutable_opportunity());
    }
    if (!set) change.clear_opportunity();
  }
  return change;
}

}  // namespace waves
}  // namespace jtbd
