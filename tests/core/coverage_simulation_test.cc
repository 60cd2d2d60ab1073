// Coverage of the 95% opportunity intervals on simulated surveys drawn from
// known proportions: both the delta-method and the bootstrap intervals
// should cover the true opportunity about 95% of the time (issue 3 asks for
// 93-97%). Fixed seeds; a few seconds in a Debug build.
#include <cstdint>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "core/aggregate.h"
#include "core/scoring.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace {

// True top-box probabilities of one outcome: importance, satisfaction, both;
// and the share of respondents who skip the satisfaction rating.
struct Setting {
  const char* name;
  double importance;
  double satisfaction;
  double both;
  int respondents;
  double skip_satisfaction;

  double TrueOpportunity() const {
    const double i = 10 * importance, s = 10 * satisfaction;
    return i + (i > s ? i - s : 0);
  }
};

double Uniform(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// One simulated survey reduced to an aggregate of one outcome: top box is
// rated 5 (importance) or 4 (satisfaction), otherwise 2 or 1.
Aggregate SimulateSurvey(const Setting& setting, std::mt19937_64& rng) {
  const double p11 = setting.both;
  const double p10 = setting.importance - setting.both;
  const double p01 = setting.satisfaction - setting.both;
  const size_t n = static_cast<size_t>(setting.respondents);
  std::vector<uint8_t> importance(n), satisfaction(n);
  for (size_t r = 0; r < n; ++r) {
    const double u = Uniform(rng);
    const bool top_importance = u < p11 + p10;
    const bool top_satisfaction =
        u < p11 || (u >= p11 + p10 && u < p11 + p10 + p01);
    importance[r] = top_importance ? 5 : 2;
    satisfaction[r] = Uniform(rng) < setting.skip_satisfaction
                          ? 0
                          : (top_satisfaction ? 4 : 1);
  }
  Aggregate aggregate = *Aggregate::Create(Scale(), {{"o", "", ""}});
  EXPECT_TRUE(aggregate.AddRespondents(n, importance, satisfaction).ok());
  return aggregate;
}

TEST(CoverageSimulationTest, OpportunityIntervalsCoverNinetyFivePercent) {
  const std::vector<Setting> settings = {
      // Bosch-like, 25% top box on both (positive covariance).
      {"bosch", 0.74, 0.28, 0.25, 270, 0.0},
      // Negative covariance, 10% skip satisfaction (n_S < n_I = n_b + ...).
      {"skips", 0.60, 0.20, 0.08, 150, 0.10},
      // Overserved: opportunity = importance.
      {"overserved", 0.50, 0.75, 0.40, 200, 0.0},
  };
  const int surveys_per_setting = 700;
  v1::ScoringOptions options;
  options.set_bootstrap_resamples(500);
  const ScoringPlan base = *MakeScoringPlan(options);
  std::mt19937_64 rng(20240101);
  int total = 0, delta_total = 0, bootstrap_total = 0;
  for (const Setting& setting : settings) {
    const double truth = setting.TrueOpportunity();
    int delta_covered = 0, bootstrap_covered = 0;
    for (int k = 0; k < surveys_per_setting; ++k) {
      const Aggregate aggregate = SimulateSurvey(setting, rng);
      ScoringPlan plan = base;
      plan.seed = static_cast<uint64_t>(k);
      const v1::OutcomeScore score = *ScoreOutcome(aggregate, 0, plan, "");
      const v1::Interval& delta = score.opportunity_delta_interval();
      const v1::Interval& bootstrap = score.opportunity_interval();
      delta_covered += delta.low() <= truth && truth <= delta.high();
      bootstrap_covered +=
          bootstrap.low() <= truth && truth <= bootstrap.high();
    }
    const std::string line = absl::StrFormat(
        "%-10s true opportunity %6.3f: delta %5.1f%%, bootstrap %5.1f%% of "
        "%d surveys",
        setting.name, truth, 100.0 * delta_covered / surveys_per_setting,
        100.0 * bootstrap_covered / surveys_per_setting, surveys_per_setting);
    std::cout << line << "\n";
    RecordProperty(std::string("coverage_") + setting.name, line);
    total += surveys_per_setting;
    delta_total += delta_covered;
    bootstrap_total += bootstrap_covered;
  }
  const double delta_coverage = static_cast<double>(delta_total) / total;
  const double bootstrap_coverage =
      static_cast<double>(bootstrap_total) / total;
  const std::string summary =
      absl::StrFormat("overall: delta %.1f%%, bootstrap %.1f%% of %d surveys",
                      100 * delta_coverage, 100 * bootstrap_coverage, total);
  std::cout << summary << std::endl;
  RecordProperty("coverage", summary);
  EXPECT_GE(delta_coverage, 0.93);
  EXPECT_LE(delta_coverage, 0.97);
  EXPECT_GE(bootstrap_coverage, 0.93);
  EXPECT_LE(bootstrap_coverage, 0.97);
}

}  // namespace
}  // namespace jtbd
