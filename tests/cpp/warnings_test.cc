// Warnings through jtbd.hpp: Report::warnings() and
// Segmentation::warnings() carry what the C ABI gives, decoded.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.hpp"

namespace {

using ::testing::HasSubstr;

const std::string kSurvey =
    std::string(JTBD_SOURCE_DIR) + "/examples/survey.csv";

TEST(CppWarningsTest, BandsTheIntervalsCannotDecide) {
  jtbd::ScoreOptions options;
  options.bootstrap_resamples = 0;
  const jtbd::Report report = jtbd::ScoreSurveyFile(kSurvey, options);
  ASSERT_FALSE(report.warnings().empty());
  for (const jtbd::Warning& warning : report.warnings()) {
    EXPECT_EQ(warning.code, jtbd::WarningCode::kBandUncertain);
    EXPECT_TRUE(warning.segment.empty());
    EXPECT_FALSE(warning.value.has_value());
    // The outcome's interval does contain a threshold.
    const jtbd::OutcomeScore* score = nullptr;
    for (const jtbd::OutcomeScore& s : report.outcomes()) {
      if (s.outcome_id == warning.outcome_id) score = &s;
    }
    ASSERT_NE(score, nullptr) << warning.outcome_id;
    ASSERT_TRUE(score->opportunity_interval.has_value());
    bool contains = false;
    for (double threshold : {10.0, 12.0, 15.0}) {
      contains |= score->opportunity_interval->low < threshold &&
                  threshold <= score->opportunity_interval->high;
    }
    EXPECT_TRUE(contains) << warning.message;
    EXPECT_THAT(warning.message, HasSubstr("band uncertain"));
  }
}

TEST(CppWarningsTest, WeakSegmentation) {
  const jtbd::Segmentation segmentation = jtbd::SegmentSurveyFile(kSurvey);
  ASSERT_FALSE(segmentation.warnings().empty());
  const jtbd::Warning& first = segmentation.warnings().front();
  EXPECT_EQ(first.code, jtbd::WarningCode::kNoSubstantialStructure);
  ASSERT_TRUE(first.value.has_value());
  EXPECT_LT(*first.value, 0.25);
}

}  // namespace
