#include "core/band.h"

#include "gtest/gtest.h"

namespace jtbd {
namespace {

// Counts with the given top-box numerators over the given denominators.
TopBoxCounts Counts(uint64_t xi, uint64_t ni, uint64_t xs, uint64_t ns) {
  TopBoxCounts c;
  c.importance_top_box = xi;
  c.importance_count = ni;
  c.satisfaction_top_box = xs;
  c.satisfaction_count = ns;
  return c;
}

TEST(BandTest, BoschIsHigh) {
  // I = 7.407, S = 2.778, Opp = 12.037 (domain.md section 4).
  EXPECT_EQ(ClassifyBand(Counts(200, 270, 75, 270)), v1::BAND_HIGH);
}

TEST(BandTest, ExactThresholdsFollowTheDocumentedRule) {
  // I = 10, S = 5: Opp = 15 exactly -> high, not extreme.
  EXPECT_EQ(ClassifyBand(Counts(10, 10, 5, 10)), v1::BAND_HIGH);
  // I = 10, S = 4.9: Opp = 15.1 -> extreme.
  EXPECT_EQ(ClassifyBand(Counts(10, 10, 49, 100)), v1::BAND_EXTREME);
  // I = 8, S = 4: Opp = 12 exactly -> high.
  EXPECT_EQ(ClassifyBand(Counts(8, 10, 4, 10)), v1::BAND_HIGH);
  // I = 8, S = 4.01: Opp = 11.99 -> underserved.
  EXPECT_EQ(ClassifyBand(Counts(8, 10, 401, 1000)), v1::BAND_UNDERSERVED);
  // I = 6, S = 2: Opp = 10 exactly -> underserved.
  EXPECT_EQ(ClassifyBand(Counts(6, 10, 2, 10)), v1::BAND_UNDERSERVED);
  // I = 6, S = 2.01: Opp = 9.99 -> appropriately served.
  EXPECT_EQ(ClassifyBand(Counts(6, 10, 201, 1000)),
            v1::BAND_APPROPRIATELY_SERVED);
}

TEST(BandTest, ThresholdsHoldWhereFloatingPointWouldWobble) {
  // I = 20/3 and S = 4/3: Opp = 40/3 - 4/3 = 12 exactly, from thirds that
  // have no exact binary representation.
  EXPECT_EQ(ClassifyBand(Counts(2, 3, 2, 15)), v1::BAND_HIGH);
  // I = 10 * 11/15 = 7.333..., S = 10 * 7/15 = 4.666...: Opp = 10 exactly.
  EXPECT_EQ(ClassifyBand(Counts(11, 15, 7, 15)), v1::BAND_UNDERSERVED);
}

TEST(BandTest, OverservedTableStakesAndMissingData) {
  // S > I.
  EXPECT_EQ(ClassifyBand(Counts(3, 10, 5, 10)), v1::BAND_OVERSERVED);
  // Both 9 with S > I: overserved wins over table stakes.
  EXPECT_EQ(ClassifyBand(Counts(80, 100, 90, 100)), v1::BAND_OVERSERVED);
  // I = S = 7.5: Opp = 7.5, table stakes.
  EXPECT_EQ(ClassifyBand(Counts(3, 4, 3, 4)), v1::BAND_TABLE_STAKES);
  // I = 8, S = 7.4: Opp 8.6, S below 7.5 -> appropriately served.
  EXPECT_EQ(ClassifyBand(Counts(8, 10, 74, 100)),
            v1::BAND_APPROPRIATELY_SERVED);
  // I = S: not overserved.
  EXPECT_EQ(ClassifyBand(Counts(5, 10, 1, 2)), v1::BAND_APPROPRIATELY_SERVED);
  EXPECT_EQ(ClassifyBand(Counts(0, 0, 1, 2)), v1::BAND_INSUFFICIENT_DATA);
  EXPECT_EQ(ClassifyBand(Counts(1, 2, 0, 0)), v1::BAND_INSUFFICIENT_DATA);
}

TEST(BandTest, FromScoresFollowsTheSameRules) {
  // Weighted shares are not ratios of counts: the same rules on doubles.
  EXPECT_EQ(ClassifyBandFromScores(9, 2.5), v1::BAND_EXTREME);    // 15.5
  EXPECT_EQ(ClassifyBandFromScores(7.5, 0), v1::BAND_HIGH);       // 15
  EXPECT_EQ(ClassifyBandFromScores(8, 2), v1::BAND_HIGH);         // 14
  EXPECT_EQ(ClassifyBandFromScores(6.5, 1), v1::BAND_HIGH);       // 12
  EXPECT_EQ(ClassifyBandFromScores(6, 2), v1::BAND_UNDERSERVED);  // 10
  EXPECT_EQ(ClassifyBandFromScores(5, 6), v1::BAND_OVERSERVED);
  EXPECT_EQ(ClassifyBandFromScores(7.5, 7.5), v1::BAND_TABLE_STAKES);
  EXPECT_EQ(ClassifyBandFromScores(5, 5), v1::BAND_APPROPRIATELY_SERVED);
}

}  // namespace
}  // namespace jtbd
