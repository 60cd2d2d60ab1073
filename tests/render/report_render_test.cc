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

void SetInterval(v1::Interval* interval, double low, double high) {
  interval->set_low(low);
  interval->set_high(high);
}

// The statistics the core adds to an outcome (values made up for display).
void SetStatistics(v1::OutcomeScore* score, double opportunity_low,
                   double opportunity_high, double standard_error,
                   double probability) {
  SetInterval(score->mutable_importance_interval(), score->importance() - 0.5,
              score->importance() + 0.5);
  SetInterval(score->mutable_satisfaction_interval(),
              score->satisfaction() - 0.5, score->satisfaction() + 0.5);
  SetInterval(score->mutable_opportunity_interval(), opportunity_low,
              opportunity_high);
  SetInterval(score->mutable_opportunity_delta_interval(),
              score->opportunity() - 1.96 * standard_error,
              score->opportunity() + 1.96 * standard_error);
  score->set_opportunity_standard_error(standard_error);
  score->set_opportunity_at_least_10_probability(probability);
}

// BoschReport as the core scores it by default: the method, confidence and
// bootstrap recorded, intervals on every outcome (Bosch: opportunity 12.04
// in about [10.9, 13.2]).
v1::Report BoschReportWithStatistics() {
  v1::Report report = BoschReport();
  report.set_score_method(v1::SCORE_METHOD_ULWICK);
  report.set_confidence_level(0.95);
  report.set_bootstrap_resamples(2000);
  report.set_seed(20240101);
  SetStatistics(report.mutable_outcomes(0), 10.912, 13.174, 0.578, 0.9998);
  SetStatistics(report.mutable_outcomes(1), 8.351, 9.62, 0.33, 0.004);
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
            "both_top_box_count,importance_low,importance_high,"
            "satisfaction_low,satisfaction_high,opportunity_low,"
            "opportunity_high,opportunity_se,p_opportunity_at_least_10\r\n"
            ",1,off_track,Minimize the likelihood that the cut goes off track,"
            "7.407407407407407,2.7777777777777777,12.037037037037038,high,"
            "270,200,270,75,269,66,,,,,,,,\r\n"
            ",2,blade,Minimize the time it takes to change the blade,"
            "8.582089552238806,8.178438661710038,8.985740442767574,"
            "table_stakes,268,230,269,220,267,76,,,,,,,,\r\n");
}

TEST(RenderCsvTest, SegmentsFollowAndFieldsAreQuoted) {
  const std::string csv = RenderCsv(SegmentedReport());
  const std::vector<std::string> records =
      absl::StrSplit(csv, "\r\n", absl::SkipEmpty());
  ASSERT_EQ(records.size(), 7u);  // header, 2 overall, 2 + 2 segment rows
  EXPECT_EQ(records[3],
            "\"finish, angled\",1,off_track,"
            "Minimize the likelihood that the cut goes off track,"
            "9,1,17,extreme,90,81,90,9,89,27,,,,,,,,");
  EXPECT_EQ(records[4],
            "\"finish, angled\",2,blade,"
            "\"Minimize the \"\"time\"\" it takes to change the blade\","
            "3.3333333333333335,6.666666666666667,3.3333333333333335,"
            "overserved,90,30,90,60,89,10,,,,,,,,");
  // A newline inside a field is quoted and kept as is (LF, not CRLF).
  EXPECT_EQ(records[5],
            "rough,1,blade,\"line one\nline two\","
            "6.666666666666667,3.3333333333333335,10,underserved,"
            "180,120,180,60,179,40,,,,,,,,");
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
    ASSERT_EQ(fields.size(), 22u) << records[i + 1];
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

TEST(RenderCsvTest, StatisticsComeLastBlankWhenAbsent) {
  v1::Report report = BoschReportWithStatistics();
  // An outcome rated on importance only: its other figures do not exist.
  v1::OutcomeScore* half = report.add_outcomes();
  half->set_outcome_id("half");
  half->set_band(v1::BAND_INSUFFICIENT_DATA);
  half->set_importance_count(2);
  half->set_importance_top_box_count(1);
  half->set_importance(5);
  SetInterval(half->mutable_importance_interval(), 0.945, 9.055);
  const std::vector<std::string> records =
      absl::StrSplit(RenderCsv(report), "\r\n", absl::SkipEmpty());
  ASSERT_EQ(records.size(), 4u);
  EXPECT_THAT(records[0],
              ::testing::EndsWith(
                  ",both_top_box_count,importance_low,importance_high,"
                  "satisfaction_low,satisfaction_high,opportunity_low,"
                  "opportunity_high,opportunity_se,p_opportunity_at_least_10"));
  // 7.407407407407407 - 0.5 and + 0.5, 2.7777777777777777 -+ 0.5, ...
  EXPECT_THAT(records[1],
              ::testing::EndsWith(
                  ",270,200,270,75,269,66,6.907407407407407,7.907407407407407,"
                  "2.2777777777777777,3.2777777777777777,10.912,13.174,0.578,"
                  "0.9998"));
  EXPECT_THAT(records[2], ::testing::EndsWith(",0.33,0.004"));
  EXPECT_EQ(records[3],
            ",0,half,,5,0,0,insufficient_data,2,1,0,0,0,0,0.945,9.055,,,,,,");
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
  ASSERT_EQ(lines.size(), 5u) << table;
  EXPECT_EQ(lines[0],
            "Opportunity scores: 270 respondents, scale 1-5, top box 4-5");
  // Only the method's name is known.
  EXPECT_EQ(lines[1], "Method: ulwick_top_box");
  EXPECT_THAT(lines[2], HasSubstr("Rank"));
  EXPECT_THAT(lines[2], HasSubstr("n_I"));
  // Rank 1 first, Bosch figures rounded to one decimal for display.
  EXPECT_THAT(lines[3], ::testing::MatchesRegex(
                            "^ +1  off_track +Minimize the likelihood that the "
                            "cut goes off track +7\\.4 +2\\.8 +12\\.0 +high "
                            "+270 +270$"));
  EXPECT_THAT(lines[4],
              ::testing::MatchesRegex("^ +2  blade +.* +8\\.6 +8\\.2 +9\\.0 +"
                                      "table stakes +268 +269$"));
  EXPECT_EQ(table.back(), '\n');
}

TEST(RenderTableTest, ColumnsAlignAcrossBlocks) {
  // Wide enough that no statement wraps.
  const std::string table = RenderTable(SegmentedReport(), 160);
  const std::vector<std::string> lines = Lines(table);
  // Title and method, then 3 blocks (overall, 2 segments) of header + 2
  // rows, plus the 2 segment titles. The "\n" inside a statement must not
  // break a row.
  EXPECT_THAT(table, HasSubstr("line one line two"));
  ASSERT_EQ(lines.size(), 2u + 3u * 3u + 2u) << table;
  EXPECT_EQ(lines[5], "Segment: finish, angled (90 respondents)");
  EXPECT_EQ(lines[9], "Segment: rough (180 respondents)");
  const size_t band_column = lines[2].find("Band");
  ASSERT_NE(band_column, std::string::npos);
  EXPECT_EQ(lines[7].find("extreme"), band_column) << table;
  EXPECT_EQ(lines[8].find("overserved"), band_column) << table;
  EXPECT_EQ(lines[11].find("underserved"), band_column) << table;
  EXPECT_EQ(lines[12].find("appropriately served"), band_column) << table;
  EXPECT_THAT(lines[7], HasSubstr(" 9.0    1.0   17.0 "));
}

TEST(RenderTableTest, LongStatementsWrapWithinTheWidth) {
  v1::Report report = BoschReport();
  const std::string long_statement =
      "Minimize the likelihood that the cut goes off track when cutting a "
      "long sheet of laminated plywood at a steep bevel angle on a sawhorse "
      "outdoors in the rain";
  report.mutable_outcomes(0)->set_statement(long_statement);
  report.mutable_outcomes(1)->set_statement("Élan – ünïcode ✓");
  // 90 columns leave the statement more than its 20-column minimum.
  for (size_t width : {size_t{90}, size_t{100}, kDefaultTableWidth}) {
    const std::string table = RenderTable(report, width);
    const std::vector<std::string> lines = Lines(table);
    const size_t statement_column = lines[2].find("Statement");
    ASSERT_NE(statement_column, std::string::npos) << table;
    // Every word of the statement is there, in order, on continuation lines
    // that start in the statement column and hold nothing else.
    std::string rejoined;
    size_t continuation_lines = 0;
    for (size_t i = 3; i < lines.size(); ++i) {
      size_t code_points = 0;
      for (char c : lines[i]) code_points += (c & 0xC0) != 0x80;
      EXPECT_LE(code_points, width) << lines[i];
      if (lines[i].rfind("   1  ", 0) == 0) {
        rejoined = lines[i].substr(statement_column);
        rejoined = rejoined.substr(0, rejoined.find("  "));
      } else if (!rejoined.empty() && lines[i].find("   2  ") != 0 &&
                 lines[i].find_first_not_of(' ') == statement_column) {
        ++continuation_lines;
        rejoined += " " + lines[i].substr(statement_column);
      } else if (!rejoined.empty()) {
        break;
      }
    }
    EXPECT_EQ(rejoined, long_statement) << table;
    EXPECT_GE(continuation_lines, 1u) << table;
    EXPECT_THAT(table, Not(HasSubstr("..."))) << table;
    EXPECT_THAT(table, HasSubstr("Élan – ünïcode ✓"));
  }
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

TEST(RenderTableTest, TitleBlockStatesMethodConfidenceAndBootstrap) {
  v1::Report report = BoschReportWithStatistics();
  std::vector<std::string> lines = Lines(RenderTable(report));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0],
            "Opportunity scores: 270 respondents, scale 1-5, top box 4-5");
  EXPECT_EQ(lines[1],
            "Method: Ulwick top box, opportunity = I + max(I - S, 0)");
  EXPECT_EQ(lines[2],
            "Intervals: 95%; opportunity by bootstrap, 2000 resamples, seed "
            "20240101");

  report.set_confidence_level(0.9);
  report.set_bootstrap_resamples(0);
  report.set_weighted(true);
  report.set_effective_respondent_count(212.345);
  lines = Lines(RenderTable(report));
  EXPECT_EQ(lines[2],
            "Intervals: 90%; opportunity by the delta method (no bootstrap)");
  EXPECT_EQ(lines[3], "Weighted: Kish effective sample size 212.3");

  report.set_score_method(v1::SCORE_METHOD_MEAN);
  report.set_method("mean_rescaled");
  report.set_confidence_level(0.975);
  lines = Lines(RenderTable(report));
  EXPECT_EQ(lines[1],
            "Method: mean ratings rescaled to 0-10, opportunity = I + max(I - "
            "S, 0)");
  EXPECT_THAT(lines[2], ::testing::StartsWith("Intervals: 97.5%;"));
  EXPECT_THAT(lines[4], HasSubstr("97.5% CI"));
}

TEST(RenderTableTest, OpportunityIntervalAndProbabilityFollowTheScore) {
  const std::string table = RenderTable(BoschReportWithStatistics());
  const std::vector<std::string> lines = Lines(table);
  // Each statement wraps once in the default width.
  ASSERT_EQ(lines.size(), 8u) << table;
  EXPECT_EQ(lines[5], std::string(17, ' ') + "goes off track");
  EXPECT_THAT(lines[3], ::testing::MatchesRegex(
                            "^Rank  Outcome +Statement +Imp +Sat +Opp  95% CI "
                            "+P>=10  Band +n_I +n_S$"));
  // The example: "12.0  [10.9, 13.2]", then P(opp >= 10).
  EXPECT_THAT(lines[4], HasSubstr(" 12.0  [10.9, 13.2]   1.00  high "));
  // Bounds are right-aligned so that brackets and commas line up.
  EXPECT_THAT(lines[6], HasSubstr("  9.0  [ 8.4,  9.6]   0.00  table stakes"));
  EXPECT_EQ(lines[4].find('['), lines[6].find('['));
  EXPECT_EQ(lines[4].find(','), lines[6].find(','));
  EXPECT_EQ(lines[3].find("95% CI"), lines[4].find('['));
  for (const std::string& line : lines) EXPECT_LE(line.size(), 120u) << line;
}

TEST(RenderTableTest, OlsenScoresShowThreeDecimalsAndNoBand) {
  v1::Report report = BoschReportWithStatistics();
  report.set_score_method(v1::SCORE_METHOD_OLSEN);
  report.set_method("olsen");
  for (v1::OutcomeScore& score : *report.mutable_outcomes()) {
    score.set_band(v1::BAND_UNSPECIFIED);
    score.clear_opportunity_at_least_10_probability();
  }
  report.mutable_outcomes(0)->set_opportunity(0.5349794238683128);
  SetInterval(report.mutable_outcomes(0)->mutable_opportunity_interval(),
              0.4871, 0.5812);
  const std::string table = RenderTable(report);
  EXPECT_THAT(table,
              HasSubstr("Method: Olsen, opportunity = I/10 x (1 - S/10)"));
  EXPECT_THAT(table, ::testing::ContainsRegex(
                         "  0\\.535  \\[0\\.487, 0\\.581\\]  -  +270  270"));
  EXPECT_THAT(table, Not(HasSubstr("P>=10")));  // never for Olsen
  EXPECT_THAT(table, Not(HasSubstr("unspecified")));
}

// SegmentedReport with comparisons: "finish, angled" has off_track
// significantly more underserved than the rest, "rough" nothing.
v1::Report SegmentedReportWithComparisons() {
  v1::Report report = SegmentedReport();
  report.set_score_method(v1::SCORE_METHOD_ULWICK);
  report.set_confidence_level(0.95);
  v1::SegmentReport* finish = report.mutable_segments(0);
  finish->set_rest_respondent_count(180);
  v1::SegmentComparison* off_track = finish->add_comparisons();
  off_track->set_outcome_id("off_track");
  off_track->set_rest_opportunity(9.5);
  off_track->set_opportunity_difference(7.5);
  off_track->mutable_opportunity_difference_interval()->set_low(3.06);
  off_track->mutable_opportunity_difference_interval()->set_high(11.94);
  off_track->mutable_opportunity_test()->set_z(6.1);
  off_track->mutable_opportunity_test()->set_p_value(1e-9);
  off_track->mutable_opportunity_test()->set_holm_adjusted_p_value(2e-9);
  off_track->set_more_underserved(true);
  v1::SegmentComparison* blade = finish->add_comparisons();
  blade->set_outcome_id("blade");
  blade->set_rest_opportunity(10.0);
  blade->set_opportunity_difference(-6.7);
  finish->add_more_underserved_outcome_ids("off_track");
  v1::SegmentReport* rough = report.mutable_segments(1);
  rough->set_rest_respondent_count(90);
  v1::SegmentComparison* rough_blade = rough->add_comparisons();
  rough_blade->set_outcome_id("blade");
  rough_blade->set_rest_opportunity(9.0);
  rough_blade->set_opportunity_difference(1.0);
  rough_blade->mutable_opportunity_test()->set_holm_adjusted_p_value(0.0312);
  rough->add_comparisons()->set_outcome_id("off_track");
  return report;
}

TEST(RenderTableTest, SaysBenjaminiHochbergAndShowsItsPValue) {
  v1::Report report = SegmentedReportWithComparisons();
  report.set_p_value_adjustment(v1::P_VALUE_ADJUSTMENT_BH);
  v1::SegmentComparison* blade =
      report.mutable_segments(1)->mutable_comparisons(0);
  blade->set_more_underserved(true);
  // BH decides and is shown; Holm's value stays in the report.
  blade->mutable_opportunity_test()->set_adjusted_p_value(0.0208);
  report.mutable_segments(1)->add_more_underserved_outcome_ids("blade");
  const std::string table = RenderTable(report);
  EXPECT_THAT(table,
              HasSubstr("More underserved than for the other 90 respondents "
                        "(Benjamini\u2013Hochberg-adjusted across segments "
                        "and outcomes, p < 0.05):\n"
                        "  blade  opportunity +1.0 (10.0 vs 9.0), adjusted p "
                        "= 0.0208\n"));
}

TEST(RenderTableTest, SegmentsListWhatIsMoreUnderservedThanTheRest) {
  const std::string table = RenderTable(SegmentedReportWithComparisons());
  EXPECT_THAT(table, HasSubstr("Segment: finish, angled (90 respondents)\n"));
  EXPECT_THAT(table,
              HasSubstr("More underserved than for the other 180 respondents "
                        "(Holm-adjusted across segments and outcomes, "
                        "p < 0.05):\n"
                        "  off_track  opportunity +7.5 [3.1, 11.9] (17.0 "
                        "vs 9.5), adjusted p < 0.0001\n"));
  EXPECT_THAT(table,
              HasSubstr("No outcome significantly more underserved than for "
                        "the other 90 respondents (Holm-adjusted across "
                        "segments and outcomes, p < 0.05)\n"));
  // Only outcomes flagged more underserved are listed.
  EXPECT_THAT(table, Not(HasSubstr("blade  opportunity")));
  // A comparison without an interval (an older report's) shows none.

  v1::Report report = SegmentedReportWithComparisons();
  report.mutable_segments(1)->mutable_comparisons(0)->set_more_underserved(
      true);
  report.mutable_segments(1)->add_more_underserved_outcome_ids("blade");
  EXPECT_THAT(RenderTable(report),
              HasSubstr("  blade  opportunity +1.0 (10.0 vs 9.0), adjusted p "
                        "= 0.0312\n"));
}

TEST(RenderTableTest, ReportsWithoutStatisticsKeepTheirColumns) {
  // A report that carries no statistics (built by hand, or by an older
  // jtbd) shows no interval or probability column and no comparison lines.
  const std::string table = RenderTable(SegmentedReport());
  EXPECT_THAT(table, Not(HasSubstr("CI")));
  EXPECT_THAT(table, Not(HasSubstr("P>=10")));
  EXPECT_THAT(table, Not(HasSubstr("underserved than")));
  EXPECT_THAT(table, Not(HasSubstr("Intervals:")));
}

TEST(RenderTableTest, ReportsRespondentsOutsideEverySegment) {
  v1::Report report = SegmentedReport();
  report.set_unsegmented_respondent_count(3);
  EXPECT_THAT(RenderTable(report),
              HasSubstr("3 respondents without a \"trade\" value"));
}

}  // namespace
}  // namespace jtbd
