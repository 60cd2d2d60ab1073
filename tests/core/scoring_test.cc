#include "core/scoring.h"

#include "gtest/gtest.h"

namespace jtbd {
namespace {

TEST(ScoreOutcomeTest, BoschPublishedFigures) {
  // 270 users; 200 rated importance 4-5, 75 rated satisfaction 4-5.
  TopBoxCounts c;
  c.importance_count = 270;
  c.importance_top_box = 200;
  c.satisfaction_count = 270;
  c.satisfaction_top_box = 75;
  c.both_count = 270;
  c.both_top_box = 60;
  v1::OutcomeScore score = *ScoreOutcome(c);
  EXPECT_DOUBLE_EQ(score.importance(), 2000.0 / 270.0);
  EXPECT_DOUBLE_EQ(score.satisfaction(), 750.0 / 270.0);
  EXPECT_DOUBLE_EQ(score.opportunity(), 2 * 2000.0 / 270.0 - 750.0 / 270.0);
  EXPECT_NEAR(score.importance(), 7.41, 0.005);
  EXPECT_NEAR(score.satisfaction(), 2.78, 0.005);
  EXPECT_NEAR(score.opportunity(), 12.04, 0.005);
  EXPECT_NEAR(score.opportunity(), 12.037037037, 1e-9);
  EXPECT_EQ(score.band(), v1::BAND_HIGH);
  EXPECT_EQ(score.importance_count(), 270u);
  EXPECT_EQ(score.importance_top_box_count(), 200u);
  EXPECT_EQ(score.satisfaction_count(), 270u);
  EXPECT_EQ(score.satisfaction_top_box_count(), 75u);
  EXPECT_EQ(score.both_count(), 270u);
  EXPECT_EQ(score.both_top_box_count(), 60u);
}

TEST(ScoreOutcomeTest, SharesUseTheirOwnDenominators) {
  // 10 rated importance (6 top box), 4 rated satisfaction (3 top box).
  TopBoxCounts c;
  c.importance_count = 10;
  c.importance_top_box = 6;
  c.satisfaction_count = 4;
  c.satisfaction_top_box = 3;
  v1::OutcomeScore score = *ScoreOutcome(c);
  EXPECT_DOUBLE_EQ(score.importance(), 6.0);
  EXPECT_DOUBLE_EQ(score.satisfaction(), 7.5);
  // Overserved: opportunity = importance.
  EXPECT_DOUBLE_EQ(score.opportunity(), 6.0);
  EXPECT_EQ(score.band(), v1::BAND_OVERSERVED);
}

TEST(ScoreOutcomeTest, NoAnswersMeansNoScore) {
  TopBoxCounts c;
  c.importance_count = 3;
  c.importance_top_box = 3;
  v1::OutcomeScore score = *ScoreOutcome(c);
  EXPECT_EQ(score.band(), v1::BAND_INSUFFICIENT_DATA);
  EXPECT_DOUBLE_EQ(score.importance(), 10.0);
  EXPECT_DOUBLE_EQ(score.satisfaction(), 0.0);
  EXPECT_DOUBLE_EQ(score.opportunity(), 0.0);
}

TEST(ScoreOutcomeTest, CountsBeyond32BitsAreRefused) {
  TopBoxCounts c;
  c.importance_count = uint64_t{1} << 33;
  c.satisfaction_count = 1;
  EXPECT_EQ(ScoreOutcome(c).status().code(), absl::StatusCode::kOutOfRange);
}

TEST(RankOutcomesTest, HighestFirstTiesInDeclarationOrderNoDataLast) {
  google::protobuf::RepeatedPtrField<v1::OutcomeScore> scores;
  auto add = [&](const char* id, double opportunity, v1::Band band) {
    v1::OutcomeScore* s = scores.Add();
    s->set_outcome_id(id);
    s->set_opportunity(opportunity);
    s->set_band(band);
  };
  add("a", 8, v1::BAND_APPROPRIATELY_SERVED);
  add("none", 0, v1::BAND_INSUFFICIENT_DATA);
  add("b", 13, v1::BAND_HIGH);
  add("c", 8, v1::BAND_APPROPRIATELY_SERVED);
  add("d", 16, v1::BAND_EXTREME);
  RankOutcomes(&scores);
  ASSERT_EQ(scores.size(), 5);
  EXPECT_EQ(scores[0].outcome_id(), "d");
  EXPECT_EQ(scores[1].outcome_id(), "b");
  EXPECT_EQ(scores[2].outcome_id(), "a");
  EXPECT_EQ(scores[3].outcome_id(), "c");
  EXPECT_EQ(scores[4].outcome_id(), "none");
  EXPECT_EQ(scores[0].rank(), 1u);
  EXPECT_EQ(scores[3].rank(), 4u);
  EXPECT_EQ(scores[4].rank(), 0u);
}

}  // namespace
}  // namespace jtbd
