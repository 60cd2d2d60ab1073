// Small instances written by hand or drawn at random, shared by the roadmap
// tests.
#ifndef JTBD_TESTS_ROADMAP_ROADMAP_TEST_UTIL_H_
#define JTBD_TESTS_ROADMAP_ROADMAP_TEST_UTIL_H_

#include <string>
#include <vector>

#include "jtbd/v1/roadmap.pb.h"
#include "roadmap/survey_scores.h"

namespace jtbd {
namespace roadmap {
namespace testing {

// One group (the whole sample) with these outcomes' importance and
// satisfaction.
inline SurveyScores Scores(const std::vector<std::string>& ids,
                           const std::vector<double>& importance,
                           const std::vector<double>& satisfaction) {
  SurveyScores scores;
  scores.outcome_ids = ids;
  ScoreGroup group;
  group.importance = importance;
  group.satisfaction = satisfaction;
  scores.groups.push_back(group);
  return scores;
}

inline v1::Initiative MakeInitiative(
    const std::string& name, double cost,
    const std::vector<std::pair<std::string, double>>& targets,
    const std::vector<std::string>& needs = {},
    const std::vector<std::string>& excludes = {}) {
  v1::Initiative initiative;
  initiative.set_name(name);
  initiative.set_cost(cost);
  for (const auto& [outcome, target] : targets) {
    v1::InitiativeEffect* effect = initiative.add_effects();
    effect->set_outcome_id(outcome);
    effect->set_target_satisfaction(target);
  }
  for (const std::string& need : needs) initiative.add_needs(need);
  for (const std::string& other : excludes) initiative.add_excludes(other);
  return initiative;
}

}  // namespace testing
}  // namespace roadmap
}  // namespace jtbd

#endif  // JTBD_TESTS_ROADMAP_ROADMAP_TEST_UTIL_H_
