#include "render/report_render.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "jtbd/v1/report.pb.h"

namespace jtbd {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// An outcome score built from its counts with Ulwick's formulas, as the core
// would (the renderers must not care how it was made).
v1::OutcomeScore Score(const std::string& id, const std::string& statement,
                       int importance_top_box, int importance_count,
                       int satisfaction_top_box, int satisfaction_count,
                       v1::Band band, int rank) {
  v1::OutcomeScore score;
  score.set_outcome_id(id);
  score.set_statement(statement);
  const double importance = 10.0 * importance_top_box / importance_count;
  const double satisfaction = 10.0 * satisfaction_top_box / satisfaction_count;
  score.set_importance(importance);
  score.set_satisfaction(satisfaction);
  score.set_opportunity(importance + (importance > satisfaction
                                          ? importance - satisfaction
                                          : 0.0));
  score.set_band(band);
  score.set_importance_count(importance_count);
  score.set_importance_top_box_count(importance_top_box);
  score.set_satisfaction_count(satisfaction_count);
  score.set_satisfaction_top_box_count(satisfaction_top_box);
  score.set_both_count(std::min(importance_count, satisfaction_count) - 1);
  score.set_both_top_box_count(importance_top_box / 3);
  score.set_rank(rank);
  return score;
}

// The Bosch circular-saw outcome (200 of 270 important, 75 of 270
// satisfied: 7.41, 2.78, 12.04 "high") and a table-stakes one.
v1::Report BoschReport() {
  v1::Report report;
  report.set_respondent_count(270);
  report.mutable_scale()->set_min(1);
  report.mutable_scale()->set_max(5);
  report.mutable_scale()->set_top_box_min(4);
  report.set_method("ulwick_top_box");
  *report.add_outcomes() =
      Score("off_track", "Minimize the likelihood that the cut goes off track",
            200, 270, 75, 270, v1::BAND_HIGH, 1);
  *report.add_outcomes() =
      Score("blade", "Minimize the time it takes to change the blade", 230, 268,
            220, 269, v1::BAND_TABLE_STAKES, 2);
  return report;
}

// Adds two segments; one name and one statement need CSV quoting.
v1::Report SegmentedReport() {
  v1::Report report = BoschReport();
  report.set_segment_by("trade");
  report.set_unsegmented_respondent_count(0);
  v1::SegmentReport* finish = report.add_segments();
  finish->set_name("finish, angled");
  finish->set_respondent_count(90);
  *finish->add_outcomes() =
      Score("off_track", "Minimize the likelihood that the cut goes off track",
            81, 90, 9, 90, v1::BAND_EXTREME, 1);
  *finish->add_outcomes() =
      Score("blade", "Minimize the \"time\" it takes to change the blade", 30,
            90, 60, 90, v1::BAND_OVERSERVED, 2);
  v1::SegmentReport* rough = report.add_segments();
  rough->set_name("rough");
  rough->set_respondent_count(180);
  *rough->add_outcomes() = Score("blade", "line one\nline two", 120, 180, 60,
                                 180, v1::BAND_UNDERSERVED, 1);
  *rough->add_outcomes() =
      Score("off_track", "Minimize the likelihood that the cut goes off track",
            119, 180, 66, 180, v1::BAND_APPROPRIATELY_SERVED, 2);
  return report;
}

TEST(RenderCsvTest, BoschReportExactly) {
  // Unrounded, shortest round-trip: 10*200/270 prints as 7.407407407407407.
  // The second row: 10*230/268 = 8.582089552238806,
  // 10*220/269 = 8.178438661710038, opportunity 8.985740442767574.
  EXPECT_EQ(RenderCsv(BoschReport()),
            "segment,rank,outcome_id,statement,importance,satisfaction,"
            "opportunity,band,importance_count,importance_top_box_count,"
            "satisfaction_count,satisfaction_top_box_count,both_count,"
            "both_top_box_count\r\n"
            ",1,off_track,Minimize the likelihood that the cut goes off track,"
            "7.407407407407407,2.7777777777777777,12.037037037037038,high,"
            "270,200,270,75,269,66\r\n"
            ",2,blade,Minimize the time it takes to change the blade,"
            "8.582089552238806,8.178438661710038,8.985740442767574,"
            "table_stakes,268,230,269,220,267,76\r\n");
}

TEST(RenderCsvTest, SegmentsFollowAndFieldsAreQuoted) {
  const std::string csv = RenderCsv(SegmentedReport());
  const std::vector<std::string> records =
      absl::StrSplit(csv, "\r\n", absl::SkipEmpty());
  ASSERT_EQ(records.size(), 7u);  // header, 2 overall, 2 + 2 segment rows
  EXPECT_EQ(records[3],
            "\"finish, angled\",1,off_track,"
            "Minimize the likelihood that the cut goes off track,"
            "9,1,17,extreme,90,81,90,9,89,27");
  EXPECT_EQ(records[4],
            "\"finish, angled\",2,blade,"
            "\"Minimize the \"\"time\"\" it takes to change the blade\","
            "3.3333333333333335,6.666666666666667,3.3333333333333335,"
            "overserved,90,30,90,60,89,10");
  // A newline inside a field is quoted and kept as is (LF, not CRLF).
  EXPECT_EQ(records[5],
            "rough,1,blade,\"line one\nline two\","
            "6.666666666666667,3.3333333333333335,10,underserved,"
            "180,120,180,60,179,40");
  EXPECT_THAT(records[6], ::testing::StartsWith("rough,2,off_track,"));
}

TEST(RenderCsvTest, NumbersReadBackToTheSameDouble) {
  v1::Report report;
  const std::vector<double> values = {0.0,
                                      0.1,
                                      1.0 / 3.0,
                                      20.0,
                                      10.0,
                                      12.037037037037036,
                                      7.5,
                                      1e-300,
                                      9.999999999999998,
                                      0.30000000000000004};
  for (double value : values) {
    v1::OutcomeScore* score = report.add_outcomes();
    score->set_outcome_id("x");
    score->set_importance(value);
    score->set_satisfaction(value);
    score->set_opportunity(value);
  }
  const std::vector<std::string> records =
      absl::StrSplit(RenderCsv(report), "\r\n", absl::SkipEmpty());
  ASSERT_EQ(records.size(), values.size() + 1);
  for (size_t i = 0; i < values.size(); ++i) {
    const std::vector<std::string> fields = absl::StrSplit(records[i + 1], ',');
    ASSERT_EQ(fields.size(), 14u) << records[i + 1];
    for (int column : {4, 5, 6}) {
      EXPECT_EQ(std::strtod(fields[column].c_str(), nullptr), values[i])
          << fields[column];
    }
  }
  // Shortest form, not %.17g noise.
  EXPECT_THAT(records[2], HasSubstr(",0.1,0.1,0.1,"));
  EXPECT_THAT(records[5], HasSubstr(",10,10,10,"));
  EXPECT_THAT(records[1], HasSubstr(",0,0,0,unspecified,"));
}

TEST(RenderJsonTest, ParsesBackToTheSameReport) {
  const v1::Report report = SegmentedReport();
  const absl::StatusOr<std::string> json = RenderJson(report);
  ASSERT_TRUE(json.ok()) << json.status();
  v1::Report parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(*json, &parsed).ok());
  EXPECT_TRUE(
      google::protobuf::util::MessageDifferencer::Equals(parsed, report))
      << *json;
}

TEST(RenderJsonTest, LowerCamelCaseEnumNamesAndDefaults) {
  const absl::StatusOr<std::string> json = RenderJson(BoschReport());
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_THAT(*json, HasSubstr("\"outcomeId\": \"off_track\""));
  EXPECT_THAT(*json, HasSubstr("\"importanceCount\": 270"));
  EXPECT_THAT(*json, HasSubstr("\"satisfactionTopBoxCount\": 75"));
  EXPECT_THAT(*json, HasSubstr("\"band\": \"BAND_HIGH\""));
  EXPECT_THAT(*json, HasSubstr("\"band\": \"BAND_TABLE_STAKES\""));
  EXPECT_THAT(*json, HasSubstr("\"importance\": 7.407407407407407"));
  // Default values are printed, so consumers always find every field.
  EXPECT_THAT(*json, HasSubstr("\"segmentBy\": \"\""));
  EXPECT_THAT(*json, HasSubstr("\"unsegmentedRespondentCount\": 0"));
  EXPECT_THAT(*json, HasSubstr("\"segments\": []"));
  EXPECT_THAT(*json, Not(HasSubstr("outcome_id")));
  ASSERT_FALSE(json->empty());
  EXPECT_EQ(json->back(), '\n');
}

TEST(RenderJsonTest, EmptyReportStillListsEveryField) {
  const absl::StatusOr<std::string> json = RenderJson(v1::Report());
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_THAT(*json, HasSubstr("\"outcomes\": []"));
  EXPECT_THAT(*json, HasSubstr("\"respondentCount\": 0"));
}

std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, '\n', absl::SkipEmpty());
}

TEST(RenderTableTest, TitleRowsRoundedAndRanked) {
  const std::string table = RenderTable(BoschReport());
  const std::vector<std::string> lines = Lines(table);
  ASSERT_EQ(lines.size(), 4u) << table;
  EXPECT_EQ(lines[0],
            "Opportunity scores: 270 respondents, scale 1-5, top box 4-5");
  EXPECT_THAT(lines[1], HasSubstr("Rank"));
  EXPECT_THAT(lines[1], HasSubstr("n_I"));
  // Rank 1 first, Bosch figures rounded to one decimal for display.
  EXPECT_THAT(lines[2], ::testing::MatchesRegex(
                            "^ +1  off_track +Minimize the likelihood that the "
                            "cut goes off track +7\\.4 +2\\.8 +12\\.0 +high "
                            "+270 +270$"));
  EXPECT_THAT(lines[3],
              ::testing::MatchesRegex("^ +2  blade +.* +8\\.6 +8\\.2 +9\\.0 +"
                                      "table stakes +268 +269$"));
  EXPECT_EQ(table.back(), '\n');
}

TEST(RenderTableTest, ColumnsAlignAcrossBlocks) {
  const std::string table = RenderTable(SegmentedReport());
  const std::vector<std::string> lines = Lines(table);
  // Title, then 3 blocks (overall, 2 segments) of header + 2 rows, plus
  // the 2 segment titles. The "\n" inside a statement must not break a row.
  EXPECT_THAT(table, HasSubstr("line one line two"));
  ASSERT_EQ(lines.size(), 1u + 3u * 3u + 2u) << table;
  EXPECT_EQ(lines[4], "Segment: finish, angled (90 respondents)");
  EXPECT_EQ(lines[8], "Segment: rough (180 respondents)");
  const size_t band_column = lines[1].find("Band");
  ASSERT_NE(band_column, std::string::npos);
  EXPECT_EQ(lines[6].find("extreme"), band_column) << table;
  EXPECT_EQ(lines[7].find("overserved"), band_column) << table;
  EXPECT_EQ(lines[10].find("underserved"), band_column) << table;
  EXPECT_EQ(lines[11].find("appropriately served"), band_column) << table;
  EXPECT_THAT(lines[6], HasSubstr(" 9.0    1.0   17.0 "));
}

TEST(RenderTableTest, LongStatementsAreTruncatedToKeepLinesShort) {
  v1::Report report = BoschReport();
  const std::string long_statement =
      "Minimize the likelihood that the cut goes off track when cutting a "
      "long sheet of laminated plywood at a steep bevel angle on a sawhorse "
      "outdoors in the rain";
  report.mutable_outcomes(0)->set_statement(long_statement);
  report.mutable_outcomes(1)->set_statement("Élan – ünïcode ✓");
  const std::string table = RenderTable(report);
  for (const std::string& line : Lines(table)) {
    size_t code_points = 0;
    for (char c : line) code_points += (c & 0xC0) != 0x80;
    EXPECT_LE(code_points, 120u) << line;
  }
  EXPECT_THAT(table, HasSubstr("Minimize the likelihood that the cut goes"));
  EXPECT_THAT(table, HasSubstr("..."));
  EXPECT_THAT(table, Not(HasSubstr("in the rain")));
  EXPECT_THAT(table, HasSubstr("Élan – ünïcode ✓"));
}

TEST(RenderTableTest, NoStatementColumnWithoutStatements) {
  v1::Report report = BoschReport();
  report.mutable_outcomes(0)->clear_statement();
  report.mutable_outcomes(1)->clear_statement();
  const std::string table = RenderTable(report);
  EXPECT_THAT(table, Not(HasSubstr("Statement")));
  EXPECT_THAT(table, ::testing::ContainsRegex(
                         "1  off_track +7\\.4 +2\\.8 +12\\.0 +high"));
}

TEST(RenderTableTest, InsufficientDataShowsDashes) {
  v1::Report report;
  report.set_respondent_count(1);
  v1::OutcomeScore* score = report.add_outcomes();
  score->set_outcome_id("o9");
  score->set_band(v1::BAND_INSUFFICIENT_DATA);
  score->set_importance_count(1);
  score->set_importance_top_box_count(1);
  score->set_importance(10.0);
  const std::string table = RenderTable(report);
  // The default (all-zero) scale is 1-5, top box 4-5.
  EXPECT_THAT(table, HasSubstr("1 respondent, scale 1-5, top box 4-5"));
  EXPECT_THAT(table, ::testing::ContainsRegex(
                         " +-  o9 +10\\.0 +- +- +insufficient data +1 +0"));
}

TEST(RenderTableTest, ReportsRespondentsOutsideEverySegment) {
  v1::Report report = SegmentedReport();
  report.set_unsegmented_respondent_count(3);
  EXPECT_THAT(RenderTable(report),
              HasSubstr("3 respondents without a \"trade\" value"));
}

}  // namespace
}  // namespace jtbd
