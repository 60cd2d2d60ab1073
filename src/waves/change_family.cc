#include "waves/change_family.h"

#include <vector>

#include "stats/benjamini_hochberg.h"
#include "stats/holm.h"

namespace jtbd {
namespace waves {

size_t AdjustChanges(absl::Span<OutcomeChanges* const> groups,
                     const ScoringPlan& plan) {
  std::vector<v1::ScoreChange*> tests;
  std::vector<double> p_values;
  for (OutcomeChanges* changes : groups) {
    for (v1::OutcomeChange& change : *changes) {
      if (change.has_importance()) tests.push_back(change.mutable_importance());
      if (change.has_satisfaction()) {
        tests.push_back(change.mutable_satisfaction());
      }
      if (change.has_opportunity()) {
        tests.push_back(change.mutable_opportunity());
      }
    }
  }
  p_values.reserve(tests.size());
  for (const v1::ScoreChange* test : tests) p_values.push_back(test->p_value());
  const std::vector<double> adjusted =
      plan.p_value_adjustment == v1::P_VALUE_ADJUSTMENT_BH
          ? stats::BenjaminiHochbergAdjustedPValues(p_values)
          : stats::HolmAdjustedPValues(p_values);
  const double alpha = 1 - plan.confidence_level;
  for (size_t k = 0; k < tests.size(); ++k) {
    tests[k]->set_adjusted_p_value(adjusted[k]);
    tests[k]->set_significant(adjusted[k] < alpha);
  }
  for (OutcomeChanges* changes : groups) {
    for (v1::OutcomeChange& change : *changes) {
      change.set_significant(
          (change.has_importance() && change.importance().significant()) ||
          (change.has_satisfaction() && change.satisfaction().significant()) ||
          (change.has_opportunity() && change.opportunity().significant()));
    }
  }
  return tests.size();
}

}  // namespace waves
}  // namespace jtbd
