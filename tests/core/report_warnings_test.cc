#include "core/report_warnings.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/v1/report.pb.h"

namespace jtbd {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

v1::OutcomeScore Outcome(const std::string& id, v1::Band band,
                         uint32_t importance_count, uint32_t satisfaction_count,
                         double low, double high) {
  v1::OutcomeScore score;
  score.set_outcome_id(id);
  score.set_band(band);
  score.set_importance_count(importance_count);
  score.set_satisfaction_count(satisfaction_count);
  score.set_opportunity((low + high) / 2);
  score.mutable_opportunity_interval()->set_low(low);
  score.mutable_opportunity_interval()->set_high(high);
  return score;
}

// "code:segment:outcome" per warning, in order.
std::vector<std::string> Summary(const v1::Report& report) {
  std::vector<std::string> out;
  for (const v1::Warning& w : report.warnings()) {
    out.push_back(v1::WarningCode_Name(w.code()).substr(13) + ":" +
                  w.segment() + ":" + w.outcome_id());
  }
  return out;
}

TEST(ReportWarningsTest, SmallAnswerCountsAndUndecidedBands) {
  v1::Report report;
  report.set_respondent_count(100);
  *report.add_outcomes() =
      Outcome("contains10", v1::BAND_UNDERSERVED, 100, 100, 9.5, 11.0);
  *report.add_outcomes() = Outcome("few", v1::BAND_HIGH, 100, 25, 12.5, 14.9);
  *report.add_outcomes() = Outcome("all3", v1::BAND_HIGH, 90, 90, 9.0, 15.0);
  *report.add_outcomes() =
      Outcome("none", v1::BAND_INSUFFICIENT_DATA, 0, 0, 0, 0);
  *report.add_outcomes() =
      Outcome("olsen", v1::BAND_UNSPECIFIED, 100, 100, 9.5, 11.0);
  AddReportWarnings(&report);
  EXPECT_THAT(Summary(report),
              ElementsAre("SMALL_SAMPLE::few", "BAND_UNCERTAIN::contains10",
                          "BAND_UNCERTAIN::all3"));
  EXPECT_EQ(report.warnings(0).value(), 25);
  EXPECT_THAT(report.warnings(0).message(), HasSubstr("25 answers"));
  EXPECT_FALSE(report.warnings(1).has_value());
  EXPECT_THAT(report.warnings(2).message(), HasSubstr("10, 12 and 15"));
  // Recomputed, not appended.
  AddReportWarnings(&report);
  EXPECT_EQ(report.warnings_size(), 3);
}

TEST(ReportWarningsTest, ASmallSegmentIsOneWarningNotOnePerOutcome) {
  v1::Report report;
  report.set_respondent_count(120);
  *report.add_outcomes() = Outcome("o1", v1::BAND_HIGH, 120, 120, 12.5, 14);
  v1::SegmentReport* segment = report.add_segments();
  segment->set_name("office");
  segment->set_respondent_count(20);
  *segment->add_outcomes() = Outcome("o1", v1::BAND_HIGH, 20, 20, 11, 16);
  *segment->add_outcomes() = Outcome("o2", v1::BAND_OVERSERVED, 19, 20, 3, 6);
  AddReportWarnings(&report);
  EXPECT_THAT(Summary(report),
              ElementsAre("SMALL_SAMPLE:office:", "BAND_UNCERTAIN:office:o1"));
  EXPECT_EQ(report.warnings(0).value(), 20);
  EXPECT_THAT(report.warnings(0).message(),
              HasSubstr("segment office has 20 respondents"));
}

TEST(ReportWarningsTest, WeightedCountsAreEffectiveCounts) {
  v1::Report report;
  report.set_respondent_count(60);
  report.set_effective_respondent_count(45.5);
  v1::OutcomeScore score = Outcome("o1", v1::BAND_HIGH, 60, 60, 12.5, 14);
  score.set_importance_effective_count(45.5);
  score.set_satisfaction_effective_count(29.5);
  *report.add_outcomes() = score;
  AddReportWarnings(&report);
  EXPECT_THAT(Summary(report), ElementsAre("SMALL_SAMPLE::o1"));
  EXPECT_EQ(report.warnings(0).value(), 29.5);
  // The whole sample below 30 effective respondents: one warning for it.
  report.set_effective_respondent_count(29.9);
  AddReportWarnings(&report);
  EXPECT_THAT(Summary(report), ElementsAre("SMALL_SAMPLE::"));
}

TEST(ReportWarningsTest, ScreeningThatFlagsMoreThanATenth) {
  v1::Report report;
  report.set_respondent_count(100);
  v1::ScreeningSummary* screening = report.mutable_screening();
  screening->set_screened_respondent_count(100);
  screening->set_flagged_respondent_count(10);  // exactly 10%: no warning
  AddReportWarnings(&report);
  EXPECT_EQ(report.warnings_size(), 0);
  screening->set_flagged_respondent_count(11);
  screening->set_excluded(true);
  AddReportWarnings(&report);
  EXPECT_THAT(Summary(report), ElementsAre("SCREENING_FLAGGED_MANY::"));
  EXPECT_DOUBLE_EQ(report.warnings(0).value(), 0.11);
  EXPECT_THAT(report.warnings(0).message(),
              HasSubstr("11.0% of the respondents (11 of 100)"));
  EXPECT_THAT(report.warnings(0).message(), HasSubstr("left out"));
}

TEST(ReportWarningsTest, ThresholdsWithinAnInterval) {
  EXPECT_EQ(BandThresholdsWithin(9.9, 10.0), "10");  // the end counts
  EXPECT_EQ(BandThresholdsWithin(10.0, 11.9), "");   // 10 is its low end
  EXPECT_EQ(BandThresholdsWithin(11.0, 12.5), "12");
  EXPECT_EQ(BandThresholdsWithin(9.0, 12.0), "10 and 12");
  EXPECT_EQ(BandThresholdsWithin(0, 20), "10, 12 and 15");
}

}  // namespace
}  // namespace jtbd
