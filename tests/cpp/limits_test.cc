// jtbd.hpp: jtbd::Limits, and ReadOptions::limits reaching the library.
#include <string>
#include <utility>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.hpp"

namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kWide[] =
    "respondent_id,imp_a,sat_a,imp_b,sat_b\nr1,4,3,5,2\nr2,3,3,4,4\n";

TEST(CppLimitsTest, LimitsAtTheValuePassAndBelowThrow) {
  jtbd::ReadOptions options;
  options.limits.emplace()
      .Set(jtbd::Limit::kColumns, 5)
      .Set(jtbd::Limit::kRespondents, 2);
  EXPECT_EQ(jtbd::Study::ReadCsv(kWide, "w.csv", options).respondent_count(),
            2u);
  options.limits->Set(jtbd::Limit::kRespondents, 1);
  try {
    jtbd::Study::ReadCsv(kWide, "w.csv", options);
    FAIL() << "a second respondent was read";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_RESOURCE_EXHAUSTED);
    EXPECT_THAT(error.message(),
                StartsWith("w.csv: line 3: respondent 2 exceeds the limit "
                           "max_respondents = 1"));
  }
  EXPECT_EQ(jtbd::Aggregate::ReadCsv(kWide, "w.csv", jtbd::ReadOptions())
                .respondent_count(),
            2u)
      << "no limits: the defaults";
}

TEST(CppLimitsTest, NewLimitsHoldTheDefaultsAndRefusedValuesThrow) {
  jtbd::Limits limits;
  EXPECT_EQ(limits.Get(jtbd::Limit::kColumns), 20000u);
  EXPECT_EQ(limits.Get(jtbd::Limit::kJsonDepth), 100u);
  EXPECT_EQ(limits.Get(jtbd::Limit::kBootstrapResamples), 100000u);
  try {
    limits.Set(jtbd::Limit::kJsonDepth, 101);
    FAIL() << "max_json_depth 101 accepted";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_INVALID_ARGUMENT);
    EXPECT_THAT(error.message(), HasSubstr("at most 100"));
  }
  try {
    limits.Set(jtbd::Limit::kOutcomes, 0);
    FAIL() << "0 accepted";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_INVALID_ARGUMENT);
    EXPECT_THAT(error.message(), HasSubstr("max_outcomes is 0"));
  }
  EXPECT_EQ(limits.Get(jtbd::Limit::kJsonDepth), 100u) << "unchanged";
}

TEST(CppLimitsTest, CopiesAreIndependentAndMovedFromThrows) {
  jtbd::Limits original;
  original.Set(jtbd::Limit::kOutcomes, 7).Set(jtbd::Limit::kJsonDepth, 3);
  jtbd::Limits copy = original;
  copy.Set(jtbd::Limit::kOutcomes, 8);
  EXPECT_EQ(original.Get(jtbd::Limit::kOutcomes), 7u);
  EXPECT_EQ(copy.Get(jtbd::Limit::kOutcomes), 8u);
  EXPECT_EQ(copy.Get(jtbd::Limit::kJsonDepth), 3u);
  jtbd::Limits assigned;
  assigned = original;
  EXPECT_EQ(assigned.Get(jtbd::Limit::kJsonDepth), 3u);
  EXPECT_NE(assigned.native(), original.native());

  jtbd::Limits moved = std::move(original);
  EXPECT_EQ(moved.Get(jtbd::Limit::kOutcomes), 7u);
  EXPECT_EQ(original.native(), nullptr);  // NOLINT(bugprone-use-after-move)
  try {
    original.Get(jtbd::Limit::kOutcomes);  // NOLINT(bugprone-use-after-move)
    FAIL() << "a moved-from Limits answered";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_INVALID_ARGUMENT);
  }
  const jtbd::Limits& constant = moved;
  const jtbd_limits* handle = constant.native();  // const from a const object
  EXPECT_EQ(handle, moved.native());
}

}  // namespace
