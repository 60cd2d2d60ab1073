#include "roadmap/report_scores.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace roadmap {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

v1::OutcomeScore Score(const char* id, double importance, double satisfaction,
                       v1::Band band = v1::BAND_HIGH) {
  v1::OutcomeScore score;
  score.set_outcome_id(id);
  score.set_importance(importance);
  score.set_satisfaction(satisfaction);
  score.set_band(band);
  return score;
}

TEST(ReportScoresTest, WholeSampleInTheReportsOrder) {
  v1::Report report;
  *report.add_outcomes() = Score("b", 9, 2);
  *report.add_outcomes() = Score("a", 7, 5);
  *report.add_outcomes() = Score("none", 4, 4, v1::BAND_INSUFFICIENT_DATA);
  const SurveyScores scores = *ScoresOfReport(report, "r.json");
  EXPECT_THAT(scores.outcome_ids, ElementsAre("b", "a", "none"));
  ASSERT_EQ(scores.groups.size(), 1u);
  EXPECT_EQ(scores.groups[0].weight, 1);
  // Nobody rated "none": no opportunity to close.
  EXPECT_THAT(scores.groups[0].importance, ElementsAre(9, 7, 0));
  EXPECT_THAT(scores.groups[0].satisfaction, ElementsAre(2, 5, 0));
}

TEST(ReportScoresTest, SegmentsWeightedBySizeAndMatchedById) {
  v1::Report report;
  report.set_segment_by("role");
  *report.add_outcomes() = Score("a", 8, 3);
  *report.add_outcomes() = Score("b", 6, 6);
  v1::SegmentReport* field = report.add_segments();
  field->set_name("field");
  field->set_respondent_count(30);
  *field->add_outcomes() = Score("b", 5, 1);  // ranked otherwise
  *field->add_outcomes() = Score("a", 9, 2);
  v1::SegmentReport* office = report.add_segments();
  office->set_name("office");
  office->set_respondent_count(10);
  *office->add_outcomes() = Score("a", 4, 4);
  const SurveyScores scores = *ScoresOfReport(report, "r.json");
  EXPECT_EQ(scores.segment_by, "role");
  ASSERT_EQ(scores.groups.size(), 2u);
  EXPECT_EQ(scores.groups[0].segment, "field");
  EXPECT_DOUBLE_EQ(scores.groups[0].weight, 0.75);
  EXPECT_THAT(scores.groups[0].importance, ElementsAre(9, 5));
  EXPECT_THAT(scores.groups[0].satisfaction, ElementsAre(2, 1));
  EXPECT_DOUBLE_EQ(scores.groups[1].weight, 0.25);
  EXPECT_THAT(scores.groups[1].importance, ElementsAre(4, 0));  // b missing
}

TEST(ReportScoresTest, Refusals) {
  v1::Report empty;
  EXPECT_THAT(std::string(ScoresOfReport(empty, "r.json").status().message()),
              HasSubstr("r.json: the report has no outcomes"));
  v1::Report olsen;
  olsen.set_score_method(v1::SCORE_METHOD_OLSEN);
  *olsen.add_outcomes() = Score("a", 0.5, 0.3);
  EXPECT_THAT(std::string(ScoresOfReport(olsen, "r.json").status().message()),
              HasSubstr("Olsen"));
  EXPECT_THAT(
      std::string(
          ParseReportJson("{\"nope\": 1}", "r.json").status().message()),
      HasSubstr("r.json: not a jtbd.v1.Report in JSON"));
  EXPECT_TRUE(
      ParseReportJson("{\"outcomes\": [{\"outcomeId\": \"a\"}]}", "r.json")
          .ok());
}

}  // namespace
}  // namespace roadmap
}  // namespace jtbd
