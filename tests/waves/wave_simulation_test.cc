// Simulated pairs of waves: planted shifts are flagged, and across many
// pairs without a shift the share of comparisons that flag anything (the
// family-wise rate of false signals) stays at or below the nominal alpha.
// Fixed seeds: the measured rates are the same on every run, and printed.

#include <cstdint>
#include <cstdio>
#include <random>
#include <vector>

#include "gtest/gtest.h"
#include "waves/compare_waves.h"

namespace jtbd {
namespace waves {
namespace {

constexpr int kOutcomes = 10;
constexpr int kRespondents = 300;

// True top-box shares of importance and satisfaction per outcome: a spread
// of served, underserved and overserved outcomes.
const double kImportance[kOutcomes] = {0.3, 0.5, 0.7,  0.8,  0.6,
                                       0.4, 0.9, 0.55, 0.65, 0.75};
const double kSatisfaction[kOutcomes] = {0.6, 0.5, 0.3,  0.4,  0.2,
                                         0.7, 0.5, 0.45, 0.35, 0.25};

// One wave drawn from the true shares (importance and satisfaction
// independent), ratings on 1-5 with top box 4-5.
Aggregate DrawWave(std::mt19937_64& rng, const double* importance,
                   const double* satisfaction) {
  std::vector<Outcome> outcomes(kOutcomes);
  for (int o = 0; o < kOutcomes; ++o) outcomes[o].id = "o" + std::to_string(o);
  Aggregate aggregate = *Aggregate::Create(Scale{}, outcomes);
  std::vector<uint8_t> imp(kRespondents * kOutcomes);
  std::vector<uint8_t> sat(kRespondents * kOutcomes);
  std::uniform_real_distribution<double> u(0, 1);
  std::uniform_int_distribution<int> top(4, 5), rest(1, 3);
  for (int r = 0; r < kRespondents; ++r) {
    for (int o = 0; o < kOutcomes; ++o) {
      imp[r * kOutcomes + o] =
          static_cast<uint8_t>(u(rng) < importance[o] ? top(rng) : rest(rng));
      sat[r * kOutcomes + o] =
          static_cast<uint8_t>(u(rng) < satisfaction[o] ? top(rng) : rest(rng));
    }
  }
  EXPECT_TRUE(aggregate.AddRespondents(kRespondents, imp, sat).ok());
  return aggregate;
}

// Share of null pairs (both waves from the same shares) in which some
// outcome is flagged significant.
double FalseSignalRate(v1::PValueAdjustment adjustment, uint64_t seed,
                       int pairs) {
  std::mt19937_64 rng(seed);
  v1::ScoringOptions options;
  options.set_p_value_adjustment(adjustment);
  int flagged = 0;
  for (int k = 0; k < pairs; ++k) {
    const Aggregate first = DrawWave(rng, kImportance, kSatisfaction);
    const Aggregate second = DrawWave(rng, kImportance, kSatisfaction);
    const v1::WaveComparison report = *CompareWaves(first, second, options);
    bool any = false;
    for (const v1::OutcomeChange& c : report.changes()) {
      any = any || c.significant();
    }
    flagged += any ? 1 : 0;
  }
  return static_cast<double>(flagged) / pairs;
}

TEST(WaveSimulationTest, FalseSignalsWithoutShiftAtOrBelowNominal) {
  constexpr int kPairs = 1000;
  const double holm =
      FalseSignalRate(v1::P_VALUE_ADJUSTMENT_HOLM, 1501, kPairs);
  // With every null true, BH's false discovery rate is the family-wise rate.
  const double bh = FalseSignalRate(v1::P_VALUE_ADJUSTMENT_BH, 1502, kPairs);
  std::printf(
      "[ measured ] %d null pairs of waves (%d outcomes x 3 tests, n = %d "
      "each): share flagging any outcome at alpha = 0.05: Holm %.3f, BH "
      "%.3f\n",
      kPairs, kOutcomes, kRespondents, holm, bh);
  EXPECT_LE(holm, 0.05);
  EXPECT_LE(bh, 0.05);
}

TEST(WaveSimulationTest, PlantedShiftsAreFlagged) {
  // Wave 2: importance of o2 up from 0.70 to 0.85, satisfaction of o7
  // down from 0.45 to 0.25; everything else unchanged.
  double importance2[kOutcomes], satisfaction2[kOutcomes];
  for (int o = 0; o < kOutcomes; ++o) {
    importance2[o] = kImportance[o];
    satisfaction2[o] = kSatisfaction[o];
  }
  importance2[2] = 0.85;
  satisfaction2[7] = 0.25;
  constexpr int kPairs = 200;
  std::mt19937_64 rng(1503);
  int o2_flagged = 0, o7_flagged = 0, others_flagged = 0;
  for (int k = 0; k < kPairs; ++k) {
    const Aggregate first = DrawWave(rng, kImportance, kSatisfaction);
    const Aggregate second = DrawWave(rng, importance2, satisfaction2);
    const v1::WaveComparison report =
        *CompareWaves(first, second, v1::ScoringOptions());
    bool other = false;
    for (const v1::OutcomeChange& c : report.changes()) {
      if (c.outcome_id() == "o2") {
        o2_flagged +=
            c.importance().significant() && c.importance().difference() > 0;
      } else if (c.outcome_id() == "o7") {
        o7_flagged +=
            c.satisfaction().significant() && c.satisfaction().difference() < 0;
      } else {
        other = other || c.significant();
      }
    }
    others_flagged += other ? 1 : 0;
  }
  std::printf(
      "[ measured ] %d pairs with planted shifts: importance +1.5 of o2 "
      "flagged in %.3f, satisfaction -2.0 of o7 in %.3f; some unshifted "
      "outcome flagged in %.3f\n",
      kPairs, static_cast<double>(o2_flagged) / kPairs,
      static_cast<double>(o7_flagged) / kPairs,
      static_cast<double>(others_flagged) / kPairs);
  EXPECT_GE(o2_flagged, kPairs * 8 / 10);
  EXPECT_GE(o7_flagged, kPairs * 8 / 10);
  EXPECT_LE(others_flagged, kPairs * 5 / 100);
}

}  // namespace
}  // namespace waves
}  // namespace jtbd
