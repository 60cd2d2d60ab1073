#include "waves/compare_waves.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "wave_test_util.h"

namespace jtbd {
namespace waves {
namespace {

using ::testing::HasSubstr;
using testing_util::MakeWave;

constexpr double kTol = 1e-9;

// Wave 1: 100 respondents, outcome "a" 60 top-box importance, 40
// satisfaction (40 on both). Wave 2: 120 respondents, 90 and 30 (30 on
// both). Every expected number below was computed by hand from
// docs/SCORING.md's formulas (Python, from the shares and counts only).
TEST(CompareWavesTest, HandComputedChange) {
  const Aggregate first = MakeWave(100, {{"a", 60, 40}});
  const Aggregate second = MakeWave(120, {{"a", 90, 30}});
  absl::StatusOr<v1::WaveComparison> report =
      CompareWaves(first, second, v1::ScoringOptions());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->first_respondent_count(), 100u);
  EXPECT_EQ(report->second_respondent_count(), 120u);
  EXPECT_EQ(report->p_value_adjustment(), v1::P_VALUE_ADJUSTMENT_HOLM);
  EXPECT_EQ(report->family_size(), 3u);
  EXPECT_EQ(report->scale().max(), 5);
  EXPECT_EQ(report->scale().top_box_min(), 4);
  EXPECT_FALSE(report->weighted());
  ASSERT_EQ(report->changes_size(), 1);
  const v1::OutcomeChange& c = report->changes(0);
  EXPECT_EQ(c.outcome_id(), "a");
  EXPECT_NEAR(c.first().importance(), 6.0, kTol);
  EXPECT_NEAR(c.first().satisfaction(), 4.0, kTol);
  EXPECT_NEAR(c.first().opportunity(), 8.0, kTol);
  EXPECT_NEAR(c.second().importance(), 7.5, kTol);
  EXPECT_NEAR(c.second().satisfaction(), 2.5, kTol);
  EXPECT_NEAR(c.second().opportunity(), 12.5, kTol);

  // Importance: 0.75 on 120 vs 0.60 on 100. Newcombe x10; pooled z.
  EXPECT_NEAR(c.importance().difference(), 1.5, kTol);
  EXPECT_EQ(c.importance().interval_method(),
            v1::DIFFERENCE_INTERVAL_METHOD_NEWCOMBE_HYBRID_SCORE);
  EXPECT_NEAR(c.importance().interval().low(), 0.26171870246143547, 1e-12);
  EXPECT_NEAR(c.importance().interval().high(), 2.6979544547160557, 1e-12);
  EXPECT_NEAR(c.importance().z(), 2.378474901516276, 1e-12);
  EXPECT_NEAR(c.importance().p_value(), 0.01738442035206617, 1e-14);
  // Satisfaction: the mirror image (0.25 vs 0.40).
  EXPECT_NEAR(c.satisfaction().difference(), -1.5, kTol);
  EXPECT_NEAR(c.satisfaction().interval().low(), -2.6979544547160557, 1e-12);
  EXPECT_NEAR(c.satisfaction().interval().high(), -0.2617187024614348, 1e-12);
  EXPECT_NEAR(c.satisfaction().z(), -2.378474901516276, 1e-12);

  // Opportunity (docs/SCORING.md, "Opportunity differences"): MOVER on
  // each wave's moment-selection interval (both clearly on the I > S
  // branch), its test the interval inverted. From
  // tests/stats/opportunity_interval_reference.py's difference_interval
  // with counts (nI, xI, nS, xS, nb, x11, xIb, xSb) (120, 90, 120, 30, 120,
  // 30, 90, 30) and (100, 60, 100, 40, 100, 40, 60, 40), and bisection on
  // its critical value. (The delta method gave 4.5 -+ 1.96 sqrt(1.1329167),
  // z 4.228.)
  EXPECT_NEAR(c.opportunity().difference(), 4.5, kTol);
  EXPECT_EQ(c.opportunity().interval_method(),
            v1::DIFFERENCE_INTERVAL_METHOD_MOVER_MOMENT_SELECTION);
  EXPECT_NEAR(c.opportunity().interval().low(), 2.3929273944252691, 1e-9);
  EXPECT_NEAR(c.opportunity().interval().high(), 6.4707776350209203, 1e-9);
  EXPECT_NEAR(c.opportunity().z(), 4.3808726563786, 1e-6);
  const double p_opportunity = 1.1820494240176445e-05;
  EXPECT_NEAR(c.opportunity().p_value(), p_opportunity, 1e-10);

  // Holm over the three tests: 3 p_opportunity; then 2 x 0.01738 for both.
  EXPECT_NEAR(c.opportunity().adjusted_p_value(), 3 * p_opportunity, 1e-9);
  EXPECT_NEAR(c.importance().adjusted_p_value(), 2 * 0.01738442035206617,
              1e-12);
  EXPECT_NEAR(c.satisfaction().adjusted_p_value(), 2 * 0.01738442035206617,
              1e-12);
  EXPECT_TRUE(c.importance().significant());
  EXPECT_TRUE(c.opportunity().significant());
  EXPECT_TRUE(c.significant());
  // 8.0 (appropriately served) -> 12.5 (high).
  EXPECT_EQ(c.band_before(), v1::BAND_APPROPRIATELY_SERVED);
  EXPECT_EQ(c.band_after(), v1::BAND_HIGH);
  EXPECT_TRUE(c.crossed_band());
}

TEST(CompareWavesTest, BenjaminiHochbergOnRequest) {
  const Aggregate first = MakeWave(100, {{"a", 60, 40}});
  const Aggregate second = MakeWave(120, {{"a", 90, 30}});
  v1::ScoringOptions options;
  options.set_p_value_adjustment(v1::P_VALUE_ADJUSTMENT_BH);
  absl::StatusOr<v1::WaveComparison> report =
      CompareWaves(first, second, options);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->p_value_adjustment(), v1::P_VALUE_ADJUSTMENT_BH);
  const v1::OutcomeChange& c = report->changes(0);
  // BH: rank 1 x 3/1; ranks 2 and 3: min(p x 3/2, p x 3/3) = p.
  // (p of the opportunity test: HandComputedChange's.)
  EXPECT_NEAR(c.opportunity().adjusted_p_value(), 3 * 1.1820494240176445e-05,
              1e-10);
  EXPECT_NEAR(c.importance().adjusted_p_value(), 0.01738442035206617, 1e-12);
}

TEST(CompareWavesTest, ConfidenceLevelDecidesSignificance) {
  const Aggregate first = MakeWave(100, {{"a", 60, 40}});
  const Aggregate second = MakeWave(120, {{"a", 90, 30}});
  v1::ScoringOptions options;
  options.set_confidence_level(0.99);
  absl::StatusOr<v1::WaveComparison> report =
      CompareWaves(first, second, options);
  ASSERT_TRUE(report.ok()) << report.status();
  const v1::OutcomeChange& c = report->changes(0);
  EXPECT_FALSE(c.importance().significant());  // 0.0348 >= 0.01
  EXPECT_TRUE(c.opportunity().significant());
  EXPECT_TRUE(c.significant());
  // A wider interval at 99 %.
  EXPECT_LT(c.importance().interval().low(), 0.26171870246143547);
}

TEST(CompareWavesTest, MatchesOutcomesByIdAndListsThoseOfOneWave) {
  const Aggregate first =
      MakeWave(50, {{"a", 30, 20}, {"b", 10, 40}, {"old", 25, 25}});
  // Another order, one outcome dropped, one added.
  const Aggregate second =
      MakeWave(60, {{"new", 5, 5}, {"b", 12, 48}, {"a", 36, 24}});
  absl::StatusOr<v1::WaveComparison> report =
      CompareWaves(first, second, v1::ScoringOptions());
  ASSERT_TRUE(report.ok()) << report.status();
  ASSERT_EQ(report->changes_size(), 2);
  EXPECT_EQ(report->changes(0).outcome_id(), "a");
  EXPECT_EQ(report->changes(1).outcome_id(), "b");
  // Same shares in both waves: no change.
  EXPECT_NEAR(report->changes(0).importance().difference(), 0, kTol);
  EXPECT_NEAR(report->changes(1).satisfaction().difference(), 0, kTol);
  EXPECT_FALSE(report->changes(0).significant());
  EXPECT_FALSE(report->changes(1).crossed_band());
  ASSERT_EQ(report->one_wave_outcomes_size(), 2);
  EXPECT_EQ(report->one_wave_outcomes(0).outcome_id(), "old");
  EXPECT_EQ(report->one_wave_outcomes(0).wave(), v1::WAVE_FIRST);
  EXPECT_EQ(report->one_wave_outcomes(1).outcome_id(), "new");
  EXPECT_EQ(report->one_wave_outcomes(1).wave(), v1::WAVE_SECOND);
  EXPECT_EQ(report->family_size(), 6u);
}

TEST(CompareWavesTest, RefusesDifferentScales) {
  const Aggregate first = MakeWave(10, {{"a", 5, 5}});
  Aggregate second = *Aggregate::Create(*Scale::Make(1, 7, 6), {{"a", "", ""}});
  absl::StatusOr<v1::WaveComparison> report =
      CompareWaves(first, second, v1::ScoringOptions());
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(report.status().message(), HasSubstr("different scales"));
  EXPECT_THAT(report.status().message(), HasSubstr("1-7"));
}

TEST(CompareWavesTest, RefusesWavesWithoutACommonOutcome) {
  const Aggregate first = MakeWave(10, {{"a", 5, 5}, {"b", 5, 5}});
  const Aggregate second = MakeWave(10, {{"x", 5, 5}});
  absl::StatusOr<v1::WaveComparison> report =
      CompareWaves(first, second, v1::ScoringOptions());
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(report.status().message(), HasSubstr("no outcome id in common"));
  EXPECT_THAT(report.status().message(), HasSubstr("first wave: a, b"));
  EXPECT_THAT(report.status().message(), HasSubstr("second wave: x"));
}

TEST(CompareWavesTest, RefusesInvalidOptions) {
  const Aggregate wave = MakeWave(10, {{"a", 5, 5}});
  v1::ScoringOptions options;
  options.set_confidence_level(1.5);
  absl::StatusOr<v1::WaveComparison> report = CompareWaves(wave, wave, options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(report.status().message(), HasSubstr("confidence_level"));
}

TEST(CompareWavesTest, OutcomeWithoutAnswersInOneWaveHasNoChange) {
  const Aggregate first = MakeWave(20, {{"a", 10, 5}, {"b", 10, 5}});
  Aggregate second =
      *Aggregate::Create(Scale{}, {{"a", "", ""}, {"b", "", ""}});
  // Nobody answers "b" in the second wave.
  const std::vector<uint8_t> importance = {5, 0, 2, 0};
  const std::vector<uint8_t> satisfaction = {2, 0, 5, 0};
  ASSERT_TRUE(second.AddRespondents(2, importance, satisfaction).ok());
  absl::StatusOr<v1::WaveComparison> report =
      CompareWaves(first, second, v1::ScoringOptions());
  ASSERT_TRUE(report.ok()) << report.status();
  ASSERT_EQ(report->changes_size(), 2);
  EXPECT_TRUE(report->changes(0).has_opportunity());
  EXPECT_FALSE(report->changes(1).has_importance());
  EXPECT_FALSE(report->changes(1).has_opportunity());
  EXPECT_EQ(report->changes(1).band_after(), v1::BAND_INSUFFICIENT_DATA);
  EXPECT_FALSE(report->changes(1).crossed_band());
  EXPECT_EQ(report->family_size(), 3u);
}

TEST(CompareWavesTest, EqualWeightsChangeNothing) {
  // Every respondent weighing 2: the same shares and, by Kish, the same
  // effective counts, so the same comparison as unweighted.
  const Aggregate first = MakeWave(100, {{"a", 60, 40}});
  const Aggregate second = MakeWave(120, {{"a", 90, 30}});
  Aggregate weighted = *Aggregate::Create(Scale{}, {{"a", "", ""}});
  std::vector<uint8_t> importance(120), satisfaction(120);
  for (int r = 0; r < 120; ++r) {
    importance[r] = r < 90 ? 5 : 2;
    satisfaction[r] = r < 30 ? 5 : 2;
  }
  const std::vector<double> weights(120, 2.0);
  ASSERT_TRUE(
      weighted.AddWeightedRespondents(120, importance, satisfaction, weights)
          .ok());
  const v1::WaveComparison plain =
      *CompareWaves(first, second, v1::ScoringOptions());
  const v1::WaveComparison with_weights =
      *CompareWaves(first, weighted, v1::ScoringOptions());
  EXPECT_TRUE(with_weights.weighted());
  const v1::OutcomeChange& a = plain.changes(0);
  const v1::OutcomeChange& b = with_weights.changes(0);
  EXPECT_NEAR(a.importance().interval().low(), b.importance().interval().low(),
              1e-12);
  EXPECT_NEAR(a.satisfaction().z(), b.satisfaction().z(), 1e-12);
  EXPECT_NEAR(a.opportunity().interval().high(),
              b.opportunity().interval().high(), 1e-12);
  EXPECT_NEAR(a.opportunity().adjusted_p_value(),
              b.opportunity().adjusted_p_value(), 1e-15);
}

TEST(CompareWavesTest, UnequalWeightsWidenTheInterval) {
  // Half the second wave weighs 3, half 1: Kish's effective count is
  // (2n)^2 / (10 n / 2) = 0.8 n, so the interval is wider than unweighted,
  // with the same shares (each pair of respondents, one of each weight,
  // answers alike).
  const Aggregate first = MakeWave(100, {{"a", 60, 40}});
  Aggregate plain = *Aggregate::Create(Scale{}, {{"a", "", ""}});
  Aggregate weighted = plain;
  std::vector<uint8_t> importance(120), satisfaction(120);
  std::vector<double> weights(120);
  for (int r = 0; r < 120; ++r) {
    importance[r] = (r / 2) % 4 != 0 ? 5 : 2;    // 0.75
    satisfaction[r] = (r / 2) % 4 == 1 ? 5 : 2;  // 0.25
    weights[r] = r % 2 == 0 ? 3.0 : 1.0;
  }
  ASSERT_TRUE(plain.AddRespondents(120, importance, satisfaction).ok());
  ASSERT_TRUE(
      weighted.AddWeightedRespondents(120, importance, satisfaction, weights)
          .ok());
  const v1::ScoreChange a =
      CompareWaves(first, plain, v1::ScoringOptions())->changes(0).importance();
  const v1::ScoreChange b = CompareWaves(first, weighted, v1::ScoringOptions())
                                ->changes(0)
                                .importance();
  EXPECT_NEAR(a.difference(), b.difference(), 1e-12);
  EXPECT_LT(b.interval().low(), a.interval().low());
  EXPECT_GT(b.interval().high(), a.interval().high());
  EXPECT_GT(b.p_value(), a.p_value());
}

SegmentedAggregate Segmented(std::map<std::string, Aggregate> segments) {
  Aggregate all =
      *Aggregate::Create(Scale{}, segments.begin()->second.outcomes());
  for (const auto& [name, aggregate] : segments) {
    EXPECT_TRUE(all.Merge(aggregate).ok());
  }
  SegmentedAggregate result(std::move(all));
  result.segment_by = "region";
  result.segments = std::move(segments);
  return result;
}

TEST(CompareSegmentedWavesTest, MatchesSegmentsByValue) {
  std::map<std::string, Aggregate> first;
  first.emplace("east", MakeWave(100, {{"a", 60, 40}}));
  first.emplace("north", MakeWave(30, {{"a", 15, 15}}));
  first.emplace("west", MakeWave(100, {{"a", 50, 50}}));
  std::map<std::string, Aggregate> second;
  second.emplace("east", MakeWave(120, {{"a", 90, 30}}));
  second.emplace("south", MakeWave(40, {{"a", 20, 20}}));
  second.emplace("west", MakeWave(100, {{"a", 50, 50}}));
  absl::StatusOr<v1::WaveComparison> report =
      CompareSegmentedWaves(Segmented(std::move(first)),
                            Segmented(std::move(second)), v1::ScoringOptions());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->segment_by(), "region");
  EXPECT_EQ(report->first_respondent_count(), 230u);
  ASSERT_EQ(report->segments_size(), 2);
  EXPECT_EQ(report->segments(0).segment(), "east");
  EXPECT_EQ(report->segments(0).first_respondent_count(), 100u);
  EXPECT_EQ(report->segments(0).second_respondent_count(), 120u);
  EXPECT_NEAR(report->segments(0).changes(0).opportunity().difference(), 4.5,
              kTol);
  // Both segments' tests are one family of 6: Holm multiplies the
  // smallest p by 6.
  EXPECT_EQ(report->segment_family_size(), 6u);
  EXPECT_NEAR(report->segments(0).changes(0).opportunity().adjusted_p_value(),
              6 * 1.1820494240176445e-05, 1e-10);
  EXPECT_EQ(report->segments(1).segment(), "west");
  EXPECT_FALSE(report->segments(1).changes(0).significant());
  ASSERT_EQ(report->one_wave_segments_size(), 2);
  EXPECT_EQ(report->one_wave_segments(0).segment(), "north");
  EXPECT_EQ(report->one_wave_segments(0).wave(), v1::WAVE_FIRST);
  EXPECT_EQ(report->one_wave_segments(1).segment(), "south");
  EXPECT_EQ(report->one_wave_segments(1).wave(), v1::WAVE_SECOND);
}

TEST(CompareSegmentedWavesTest, RefusesDifferentSegmentAttributes) {
  std::map<std::string, Aggregate> first;
  first.emplace("x", MakeWave(10, {{"a", 5, 5}}));
  std::map<std::string, Aggregate> second;
  second.emplace("x", MakeWave(10, {{"a", 5, 5}}));
  SegmentedAggregate one = Segmented(std::move(first));
  SegmentedAggregate two = Segmented(std::move(second));
  two.segment_by = "role";
  absl::StatusOr<v1::WaveComparison> report =
      CompareSegmentedWaves(one, two, v1::ScoringOptions());
  ASSERT_FALSE(report.ok());
  EXPECT_THAT(report.status().message(), HasSubstr("different attributes"));
}

}  // namespace
}  // namespace waves
}  // namespace jtbd
