// Competitors at small n, by simulation: the "20 % better" target's
// interval covers min(10, 1.2 x the best true satisfaction), and the best
// solution's gap test, Holm-adjusted over every solution, keeps its size
// although the best is picked from the data (docs/SCORING.md, "Competing
// solutions").
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "core/study.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace {

constexpr int kReplications = 2000;

// n respondents, one outcome (importance 5 from all), our satisfaction top
// box with probability ours; every respondent rates every solution, top box
// with its probability (so the samples overlap fully).
Study Simulate(std::mt19937_64* rng, int n, double ours,
               const std::vector<double>& theirs) {
  Study study;
  EXPECT_TRUE(study.AddOutcome({"o", "", ""}).ok());
  EXPECT_TRUE(study.AddRespondents(static_cast<size_t>(n)).ok());
  for (size_t s = 0; s < theirs.size(); ++s) {
    EXPECT_TRUE(study.AddSolution("s" + std::to_string(s)).ok());
  }
  std::uniform_real_distribution<double> u(0, 1);
  for (uint32_t r = 0; r < static_cast<uint32_t>(n); ++r) {
    const uint32_t o = 0;
    const uint8_t imp = 5;
    const uint8_t sat = u(*rng) < ours ? 5 : 2;
    EXPECT_TRUE(
        study
            .AddAnswers({absl::MakeConstSpan(&r, 1), absl::MakeConstSpan(&o, 1),
                         absl::MakeConstSpan(&imp, 1),
                         absl::MakeConstSpan(&sat, 1)})
            .ok());
    for (uint32_t s = 0; s < theirs.size(); ++s) {
      const uint8_t rating = u(*rng) < theirs[s] ? 5 : 2;
      EXPECT_TRUE(study
                      .AddSolutionAnswers({absl::MakeConstSpan(&r, 1),
                                           absl::MakeConstSpan(&s, 1),
                                           absl::MakeConstSpan(&o, 1),
                                           absl::MakeConstSpan(&rating, 1)})
                      .ok());
    }
  }
  return study;
}

v1::ScoringOptions NoBootstrap() {
  v1::ScoringOptions options;
  options.set_bootstrap_resamples(0);
  return options;
}

struct Setting {
  int n;
  double ours;
  std::vector<double> theirs;
};

// Monte Carlo standard error of a 95% rate over kReplications is 0.0049;
// the bounds allow 3 of them.
TEST(CompetitorSimulationTest, TargetIntervalCoversPerSetting) {
  std::mt19937_64 rng(20261207);
  for (const Setting& setting : std::vector<Setting>{
           {15, 0.3, {0.5, 0.45, 0.3}},
           {30, 0.3, {0.6, 0.6, 0.6}},
           {20, 0.5, {0.9, 0.2}},
           {50, 0.1, {0.05, 0.1, 0.08, 0.02}},
       }) {
    const double best =
        *std::max_element(setting.theirs.begin(), setting.theirs.end());
    const double truth = std::min(10.0, 12 * best);
    int covered = 0;
    for (int k = 0; k < kReplications; ++k) {
      const Study study =
          Simulate(&rng, setting.n, setting.ours, setting.theirs);
      absl::StatusOr<v1::Report> report = study.Score(NoBootstrap());
      ASSERT_TRUE(report.ok()) << report.status();
      const v1::Interval& interval =
          report->outcomes(0).satisfaction_target_interval();
      if (interval.low() <= truth && truth <= interval.high()) ++covered;
    }
    const double coverage = static_cast<double>(covered) / kReplications;
    SCOPED_TRACE(testing::Message() << "n " << setting.n << " best " << best);
    EXPECT_GE(coverage, 0.95 - 3 * 0.0049) << coverage;
    std::printf("target interval n=%d best=%.2f coverage %.4f\n", setting.n,
                best, coverage);
  }
}

// Every solution as satisfying as ours: the best one's gap, picked as the
// largest S_c, is rejected at 0.05 (Holm-adjusted) no more than 5% of the
// time, within 3 Monte Carlo errors (0.0049 each).
TEST(CompetitorSimulationTest, BestGapTestKeepsItsSizeUnderTheGlobalNull) {
  std::mt19937_64 rng(7);
  for (const Setting& setting : std::vector<Setting>{
           {30, 0.5, {0.5, 0.5, 0.5}},
           {50, 0.3, {0.3, 0.3, 0.3, 0.3}},
       }) {
    int rejected = 0;
    int raw_rejected = 0;
    for (int k = 0; k < kReplications; ++k) {
      const Study study =
          Simulate(&rng, setting.n, setting.ours, setting.theirs);
      absl::StatusOr<v1::Report> report = study.Score(NoBootstrap());
      ASSERT_TRUE(report.ok()) << report.status();
      const v1::OutcomeScore& score = report->outcomes(0);
      if (!score.has_best_solution_gap_test()) continue;
      if (score.best_solution_gap_test().holm_adjusted_p_value() < 0.05) {
        ++rejected;
      }
      if (score.best_solution_gap_test().p_value() < 0.05) ++raw_rejected;
    }
    const double size = static_cast<double>(rejected) / kReplications;
    const double raw = static_cast<double>(raw_rejected) / kReplications;
    SCOPED_TRACE(testing::Message() << "n " << setting.n);
    EXPECT_LE(size, 0.05 + 3 * 0.0049) << size;
    std::printf("best gap test n=%d m=%zu size %.4f (unadjusted %.4f)\n",
                setting.n, setting.theirs.size(), size, raw);
  }
}

}  // namespace
}  // namespace jtbd
