// Job-map coverage per segment (issue 14): tests/data/design/survey_segments
// .csv is survey.csv with r1, r2 in segment x and r3, r4 in y, scored with
// design.csv (define: a, b; locate: c, d; gather-extras: none; execute: e,
// f; conclude: none; g on no step; f, g not surveyed). By hand, top box 4-5:
//   x (r1, r2): a I 10 S 0 Opp 20 extreme; b I 10 S 5 Opp 15 high;
//               c I 0 S 10 Opp 0 overserved; d I 10 S 10 Opp 10 underserved;
//               e I 10 S 5 Opp 15 high.
//   y (r3, r4): a Opp 20 extreme; b I 10 S 0 Opp 20 extreme;
//               c Opp 0 overserved; d I 0 S 10 Opp 0 overserved;
//               e I 5 S 0 Opp 10 underserved.
#include <algorithm>
#include <string>

#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/v1/report.pb.h"
#include "pipeline/input_source.h"
#include "pipeline/score_survey.h"
#include "render/coverage_render.h"

namespace jtbd {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Data(const std::string& name) {
  return std::string(JTBD_TEST_DATA_DIR) + "/design/" + name;
}

v1::Report ScoreSegments() {
  SurveyScoringOptions options;
  options.scoring.set_segment_by("segment");
  options.design = InputSource::File(Data("design.csv"));
  absl::StatusOr<v1::Report> report = ScoreSurvey(
      InputSource::File(Data("survey_segments.csv")), ReadOptions(), options);
  EXPECT_TRUE(report.ok()) << report.status();
  return *report;
}

struct Expected {
  const char* step;
  uint32_t outcomes, scored, under, over;
  bool all_under, all_over;
  double excess;
  bool has_max;
  double max;
  const char* top;
};

void ExpectSteps(const v1::JobMapCoverage& coverage,
                 const Expected (&expected)[5]) {
  ASSERT_EQ(coverage.steps_size(), 5);
  for (int i = 0; i < 5; ++i) {
    const v1::StepCoverage& step = coverage.steps(i);
    const Expected& e = expected[i];
    SCOPED_TRACE(e.step);
    EXPECT_EQ(step.step_id(), e.step);
    EXPECT_EQ(step.outcome_count(), e.outcomes);
    EXPECT_EQ(step.scored_outcome_count(), e.scored);
    EXPECT_EQ(step.underserved_count(), e.under);
    EXPECT_EQ(step.overserved_count(), e.over);
    EXPECT_EQ(step.all_underserved(), e.all_under);
    EXPECT_EQ(step.all_overserved(), e.all_over);
    EXPECT_DOUBLE_EQ(step.opportunity_excess(), e.excess);
    EXPECT_EQ(step.has_max_opportunity(), e.has_max);
    EXPECT_DOUBLE_EQ(step.max_opportunity(), e.max);
    EXPECT_EQ(step.top_outcome_id(), e.top);
  }
}

TEST(SegmentCoverageTest, EachSegmentHasItsOwnHandComputedCoverage) {
  const v1::Report report = ScoreSegments();
  ASSERT_EQ(report.segments_size(), 2);
  const v1::SegmentReport& x = report.segments(0);
  const v1::SegmentReport& y = report.segments(1);
  ASSERT_EQ(x.name(), "x");
  ASSERT_EQ(y.name(), "y");
  // x: define (20 - 10) + (15 - 10) = 15; locate c 0, d 10 (not above 10);
  // execute e 15 -> 5.
  const Expected in_x[5] = {
      {"define", 2, 2, 2, 0, true, false, 15, true, 20, "a"},
      {"locate", 2, 2, 1, 1, false, false, 0, true, 10, "d"},
      {"gather-extras", 0, 0, 0, 0, false, false, 0, false, 0, ""},
      {"execute", 2, 1, 1, 0, true, false, 5, true, 15, "e"},
      {"conclude", 0, 0, 0, 0, false, false, 0, false, 0, ""},
  };
  ExpectSteps(x.coverage(), in_x);
  EXPECT_EQ(x.coverage().most_opportunity_step_id(), "define");
  // y: define 10 + 10 = 20; locate both 0, overserved; execute e 10.
  const Expected in_y[5] = {
      {"define", 2, 2, 2, 0, true, false, 20, true, 20, "a"},
      {"locate", 2, 2, 0, 2, false, true, 0, true, 0, "c"},
      {"gather-extras", 0, 0, 0, 0, false, false, 0, false, 0, ""},
      {"execute", 2, 1, 1, 0, true, false, 0, true, 10, "e"},
      {"conclude", 0, 0, 0, 0, false, false, 0, false, 0, ""},
  };
  ExpectSteps(y.coverage(), in_y);
  EXPECT_EQ(y.coverage().most_opportunity_step_id(), "define");
  for (const v1::SegmentReport* segment : {&x, &y}) {
    EXPECT_THAT(segment->coverage().uncovered_step_ids(),
                ElementsAre("gather-extras", "conclude"));
    EXPECT_THAT(segment->coverage().unassigned_outcome_ids(), ElementsAre("g"));
    EXPECT_THAT(segment->coverage().unscored_outcome_ids(),
                ElementsAre("f", "g"));
  }
  // The whole sample's is design_test.cc's (survey.csv's respondents).
  EXPECT_DOUBLE_EQ(report.coverage().steps(0).opportunity_excess(), 17.5);
}

TEST(SegmentCoverageTest, CsvHasASegmentColumnWithTheHandComputedRows) {
  const std::string csv = RenderCoverageCsv(ScoreSegments());
  EXPECT_THAT(csv, ::testing::StartsWith(
                       "segment,step_id,name,universal_step,outcomes,scored,"
                       "underserved,overserved,all_underserved,"
                       "all_overserved,opportunity_excess,max_opportunity,"
                       "top_outcome_id,most_opportunity\r\n"
                       ",define,Plan the invoice,define,2,2,2,0,true,false,"
                       "17.5,20,a,true\r\n"));
  EXPECT_THAT(csv, HasSubstr("x,define,Plan the invoice,define,2,2,2,0,true,"
                             "false,15,20,a,true\r\n"
                             "x,locate,locate,locate,2,2,1,1,false,false,0,10,"
                             "d,false\r\n"));
  EXPECT_THAT(csv, HasSubstr("y,locate,locate,locate,2,2,0,2,false,true,0,0,"
                             "c,false\r\n"
                             "y,gather-extras,Gather extras,custom,0,0,0,0,"
                             "false,false,0,,,false\r\n"
                             "y,execute,execute,execute,2,1,1,0,true,false,0,"
                             "10,e,false\r\n"));
  // 1 header + 3 x 5 rows.
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 16);
}

TEST(SegmentCoverageTest, TableHasABlockPerSegment) {
  const std::string table = RenderCoverageTable(ScoreSegments());
  EXPECT_THAT(table, HasSubstr("\nJob map coverage in segment segment = x (2 "
                               "respondents)\n"));
  EXPECT_THAT(table, HasSubstr("\nJob map coverage in segment segment = y (2 "
                               "respondents)\n"));
  // y's define: 2 outcomes, 2 scored, 2 under, 0 over, 20.0 above 10, max
  // 20.0.
  EXPECT_THAT(table,
              HasSubstr("  Plan the invoice         2       2      2     0  "
                        "  20.0     20.0  all underserved, most opportunity\n"));
}

}  // namespace
}  // namespace jtbd
