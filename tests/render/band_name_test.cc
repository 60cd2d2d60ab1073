#include "render/band_name.h"

#include "gtest/gtest.h"

namespace jtbd {
namespace {

TEST(BandNameTest, NamesEveryBand) {
  EXPECT_STREQ(BandName(v1::BAND_EXTREME), "extreme");
  EXPECT_STREQ(BandName(v1::BAND_HIGH), "high");
  EXPECT_STREQ(BandName(v1::BAND_UNDERSERVED), "underserved");
  EXPECT_STREQ(BandName(v1::BAND_APPROPRIATELY_SERVED), "appropriately_served");
  EXPECT_STREQ(BandName(v1::BAND_OVERSERVED), "overserved");
  EXPECT_STREQ(BandName(v1::BAND_TABLE_STAKES), "table_stakes");
  EXPECT_STREQ(BandName(v1::BAND_INSUFFICIENT_DATA), "insufficient_data");
  EXPECT_STREQ(BandName(v1::BAND_UNSPECIFIED), "unspecified");
  EXPECT_STREQ(BandName(static_cast<v1::Band>(99)), "unspecified");
}

TEST(BandNameTest, WordsForTables) {
  EXPECT_EQ(BandWords(v1::BAND_TABLE_STAKES), "table stakes");
  EXPECT_EQ(BandWords(v1::BAND_APPROPRIATELY_SERVED), "appropriately served");
  EXPECT_EQ(BandWords(v1::BAND_HIGH), "high");
  // No band computed (mean-based and Olsen scores).
  EXPECT_EQ(BandWords(v1::BAND_UNSPECIFIED), "-");
}

}  // namespace
}  // namespace jtbd
