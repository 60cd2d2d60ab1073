// Coverage of the intervals the report prints, setting by setting, in the
// cases real studies hit: 15 to 50 respondents, shares near 0 and 1,
// importance within a standard error of satisfaction (the kink of
// opportunity), blanks, weights. Each setting is asserted on its own: a
// pooled figure hides one setting at 90%. Fixed seeds, so the figures are
// the same on every run; JTBD_COVERAGE_SURVEYS raises the surveys per
// setting for the full run (tests/core/coverage_full.sh), whose output goes
// in docs/SCORING.md.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
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

namespace jtbd {
namespace {

using testing_simulation::kBlankRate;
using testing_simulation::MakeSetting;
using testing_simulation::Setting;
using testing_simulation::SimulateSurvey;

constexpr double kLevel = 0.95;
int SurveysPerSetting() {
  const char* text = std::getenv("JTBD_COVERAGE_SURVEYS");
  return text != nullptr && std::atoi(text) > 0 ? std::atoi(text) : 4000;
}

bool Covers(const v1::Interval& interval, double truth) {
  // A hair of slack: an interval whose end is the truth (a share of 0 or
  // 1 observed) covers it even when rounding moved the end by an ulp.
  return interval.low() <= truth + 1e-9 && truth <= interval.high() + 1e-9;
}

std::vector<Setting> HardSettings() {
  std::vector<Setting> settings;
  for (int n : {15, 30, 50}) {
    for (double share : {0.5, 0.15, 0.9}) {
      for (double gap : {0.0, 0.5, -0.5, 1.0, -1.0}) {
        settings.push_back(MakeSetting(n, share, gap, false));
      }
    }
  }
  for (double gap : {0.0, 1.0, -1.0}) {
    settings.push_back(MakeSetting(30, 0.5, gap, true));
    settings.push_back(MakeSetting(50, 0.9, gap, true));
  }
  // Far from the kink: one branch, as most outcomes of a real study.
  settings.push_back(MakeSetting(30, 0.8, 3.0, false));
  settings.push_back(MakeSetting(150, 0.6, -3.0, true));
  return settings;
}

TEST(CoverageSimulationTest, EveryPrintedIntervalHoldsItsLevelInEachSetting) {
  const int surveys = SurveysPerSetting();
  // Monte Carlo standard error of a coverage near 95%.
  const double monte_carlo_error = std::sqrt(kLevel * (1 - kLevel) / surveys);
  std::cout << absl::StrFormat(
      "%d surveys per setting, nominal %.0f%%, Monte Carlo standard error "
      "%.2f points; blanks %.0f%% per rating\n",
      surveys, 100 * kLevel, 100 * monte_carlo_error, 100 * kBlankRate);
  v1::ScoringOptions options;
  options.set_bootstrap_resamples(0);
  const ScoringPlan plan = *MakeScoringPlan(options);
  std::mt19937_64 rng(20261207);
  for (const Setting& setting : HardSettings()) {
    const double truth = setting.TrueOpportunity();
    int importance = 0, satisfaction = 0, opportunity = 0, delta = 0;
    int scored = 0;
    for (int k = 0; k < surveys; ++k) {
      const Aggregate aggregate = SimulateSurvey(setting, rng);
      const v1::OutcomeScore score = *ScoreOutcome(aggregate, 0, plan, "");
      // A survey where nobody rated an axis has no interval to judge.
      if (!score.has_opportunity_interval()) continue;
      ++scored;
      importance +=
          Covers(score.importance_interval(), 10 * setting.importance);
      satisfaction +=
          Covers(score.satisfaction_interval(), 10 * setting.satisfaction);
      opportunity += Covers(score.opportunity_interval(), truth);
      delta += Covers(score.opportunity_delta_interval(), truth);
    }
    ASSERT_GT(scored, surveys * 9 / 10) << setting.Name();
    auto share = [scored](int covered) {
      return static_cast<double>(covered) / scored;
    };
    std::cout << absl::StrFormat(
        "%-40s importance %5.1f%%  satisfaction %5.1f%%  opportunity %5.1f%%"
        "  (delta, not reported as valid: %5.1f%%)\n",
        setting.Name(), 100 * share(importance), 100 * share(satisfaction),
        100 * share(opportunity), 100 * share(delta));
    // Never more than 1.5 points below nominal. Above it, only where the
    // binomials are not too discrete to allow it (n min(p, 1 - p) >= 5 on
    // both axes): at n = 15 and a share of 0.994, 91% of surveys see every
    // answer top box, so any interval covers either 91% or over 99%.
    const double n = setting.respondents * (1 - kBlankRate);
    const bool discrete =
        n * std::min(setting.importance, 1 - setting.importance) < 5 ||
        n * std::min(setting.satisfaction, 1 - setting.satisfaction) < 5;
    for (auto [what, covered] :
         {std::pair<const char*, int>{"importance", importance},
          {"satisfaction", satisfaction},
          {"opportunity", opportunity}}) {
      EXPECT_GE(share(covered), kLevel - 0.015)
          << what << " interval, " << setting.Name();
      if (!discrete) {
        EXPECT_LE(share(covered), kLevel + 0.02)
            << what << " interval, " << setting.Name();
      }
    }
  }
}

}  // namespace
}  // namespace jtbd
