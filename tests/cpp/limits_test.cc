// jtbd.hpp: ReadOptions::limits reach the library.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.hpp"

namespace {

using ::testing::StartsWith;

constexpr char kWide[] =
    "respondent_id,imp_a,sat_a,imp_b,sat_b\nr1,4,3,5,2\nr2,3,3,4,4\n";

TEST(CppLimitsTest, LimitsAtTheValuePassAndBelowThrow) {
  jtbd::ReadOptions options;
  options.limits.max_columns = 5;
  options.limits.max_respondents = 2;
  EXPECT_EQ(jtbd::Study::ReadCsv(kWide, "w.csv", options).respondent_count(),
            2u);
  options.limits.max_respondents = 1;
  try {
    jtbd::Study::ReadCsv(kWide, "w.csv", options);
    FAIL() << "a second respondent was read";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_RESOURCE_EXHAUSTED);
    EXPECT_THAT(error.message(),
                StartsWith("w.csv: line 3: respondent 2 exceeds the limit "
                           "max_respondents = 1"));
  }
}

TEST(CppLimitsTest, ZeroKeepsTheDefaultAndAnOutOfRangeValueThrows) {
  jtbd::ReadOptions options;  // every limit 0: the defaults
  EXPECT_EQ(jtbd::Study::ReadCsv(kWide, "w.csv", options).respondent_count(),
            2u);
  options.limits.max_json_depth = 101;
  try {
    jtbd::Study::ReadCsv(kWide, "w.csv", options);
    FAIL() << "max_json_depth 101 accepted";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_INVALID_ARGUMENT);
    EXPECT_THAT(error.message(), testing::HasSubstr("at most 100"));
  }
}

}  // namespace
