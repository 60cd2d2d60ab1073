// Size and coverage of the opportunity-difference interval and test that
// segment comparisons and wave comparisons print (stats/
// opportunity_difference), setting by setting, where the delta method they
// replace fails: small segments against a large rest, two small waves,
// importance within a standard error of satisfaction (the kink), shares
// near 0 and 1, blanks and weights. The test rejects at 5% exactly when the
// 95% interval excludes 0 (OpportunityDifferenceTest below checks that), so
// the false-signal rate of a setting with equal true opportunities is one
// minus the interval's coverage. Fixed seeds; JTBD_COVERAGE_SURVEYS raises
// the pairs per setting for the full run (tests/core/coverage_full.sh).
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "core/aggregate.h"
#include "core/scoring.h"
#include "gtest/gtest.h"
#include "simulated_survey.h"
#include "stats/opportunity_difference.h"

namespace jtbd {
namespace {

using testing_simulation::MakeSetting;
using testing_simulation::Setting;
using testing_simulation::SimulateSurvey;

constexpr double kLevel = 0.95;

int PairsPerSetting() {
  const char* text = std::getenv("JTBD_COVERAGE_SURVEYS");
  return text != nullptr && std::atoi(text) > 0 ? std::atoi(text) : 2000;
}

stats::OpportunitySample SampleOf(const Aggregate& aggregate) {
  const OutcomeEstimate e =
      EstimateOutcome(aggregate, 0, v1::SCORE_METHOD_ULWICK);
  return {e.opportunity,
          OpportunityIntervalInputOf(e, v1::SCORE_METHOD_ULWICK)};
}

bool Scored(const Aggregate& aggregate) {
  return EstimateOutcome(aggregate, 0, v1::SCORE_METHOD_ULWICK).has_scores();
}

struct PairSetting {
  Setting first;   // the segment, or the first wave
  Setting second;  // the rest, or the second wave
  std::string Name() const {
    return absl::StrFormat("%s  vs  %s", first.Name(), second.Name());
  }
  double TrueDifference() const {
    return first.TrueOpportunity() - second.TrueOpportunity();
  }
};

std::vector<PairSetting> Settings() {
  std::vector<PairSetting> settings;
  // The same population on both sides (no real difference), at and near
  // the kink: a small segment against a ten times larger rest, and two
  // small waves.
  for (double share : {0.5, 0.15, 0.9}) {
    for (double gap : {0.0, 0.5, -1.0}) {
      settings.push_back({MakeSetting(15, share, gap, false),
                          MakeSetting(150, share, gap, false)});
      settings.push_back({MakeSetting(30, share, gap, false),
                          MakeSetting(30, share, gap, false)});
    }
  }
  settings.push_back(
      {MakeSetting(50, 0.5, 0.0, true), MakeSetting(300, 0.5, 0.0, true)});
  // A real difference: one side at the kink, the other clearly underserved.
  settings.push_back(
      {MakeSetting(20, 0.5, 0.0, false), MakeSetting(200, 0.8, 3.0, false)});
  settings.push_back(
      {MakeSetting(40, 0.9, 1.0, false), MakeSetting(40, 0.5, -1.0, false)});
  return settings;
}

TEST(OpportunityDifferenceSimulationTest, EachSettingHoldsItsLevel) {
  const int pairs = PairsPerSetting();
  const double monte_carlo_error = std::sqrt(kLevel * (1 - kLevel) / pairs);
  std::cout << absl::StrFormat(
      "%d pairs per setting; 95%% intervals, Monte Carlo error %.1f points\n",
      pairs, 100 * monte_carlo_error);
  std::mt19937_64 rng(20261207);
  for (const PairSetting& setting : Settings()) {
    int used = 0, covered = 0;
    for (int k = 0; k < pairs; ++k) {
      const Aggregate first = SimulateSurvey(setting.first, rng);
      const Aggregate second = SimulateSurvey(setting.second, rng);
      if (!Scored(first) || !Scored(second)) continue;
      ++used;
      const stats::Interval interval =
          stats::UlwickOpportunityDifferenceInterval(SampleOf(first),
                                                     SampleOf(second), kLevel);
      const double truth = setting.TrueDifference();
      covered += interval.low <= truth + 1e-9 && truth <= interval.high + 1e-9;
    }
    ASSERT_GT(used, pairs * 9 / 10) << setting.Name();
    const double coverage = static_cast<double>(covered) / used;
    std::cout << absl::StrFormat("  %-90s coverage %5.1f%%\n", setting.Name(),
                                 100 * coverage);
    // At least nominal less 1.5 points: with no real difference, at most
    // 6.5% false signals at alpha = 5%.
    EXPECT_GE(coverage, kLevel - 0.015) << setting.Name();
  }
}

}  // namespace
}  // namespace jtbd
