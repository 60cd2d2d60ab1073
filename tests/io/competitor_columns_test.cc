// Competing solutions in survey files (docs/SCORING.md, "Competing
// solutions"): wide sat_<solution>__<outcome id> columns and the plugin's
// single-underscore form, a long file's solution column, survey maps, the
// refusals of ambiguous headers, and the streaming aggregate read.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/scoring.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/survey_reader.h"

namespace jtbd {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Fixture(absl::string_view name) {
  return absl::StrCat(JTBD_TEST_DATA_DIR, "/competitors/", name);
}

std::string Refusal(absl::string_view csv) {
  absl::StatusOr<Study> study = ReadSurveyCsv(csv, "t.csv", {});
  EXPECT_FALSE(study.ok());
  return study.ok() ? "" : std::string(study.status().message());
}

int SolutionRating(const Study& study, absl::string_view respondent,
                   absl::string_view solution, absl::string_view outcome) {
  return study.solution_satisfaction(study.FindRespondent(respondent),
                                     study.FindSolution(solution),
                                     study.FindOutcome(outcome));
}

TEST(CompetitorColumnsTest, WideDoubleAndSingleUnderscoreColumns) {
  SurveyInspection inspection;
  absl::StatusOr<Study> study =
      ReadSurveyCsvFile(Fixture("wide.csv"), {}, &inspection);
  ASSERT_TRUE(study.ok()) << study.status();
  // sat_Acme__o1 and sat_ACME__o2 are one solution, spelled as first met;
  // sat_Beta_o1 is the plugin's form (one split names a known id).
  EXPECT_THAT(study->solutions(), ElementsAre("Acme", "Beta"));
  EXPECT_THAT(study->attribute_names(), ElementsAre("region"));
  EXPECT_EQ(SolutionRating(*study, "r1", "acme", "o1"), 5);
  EXPECT_EQ(SolutionRating(*study, "r1", "Acme", "o2"), 0);  // blank
  EXPECT_EQ(SolutionRating(*study, "r3", "Acme", "o2"), 5);
  EXPECT_EQ(SolutionRating(*study, "r8", "Beta", "o1"), 4);
  EXPECT_EQ(study->solution_answer_count(), 6u + 6u + 6u);
  const SurveyLayout& layout = inspection.layout;
  ASSERT_EQ(layout.solution_columns.size(), 3u);
  EXPECT_EQ(layout.solution_columns[1].solution, "Acme");
  EXPECT_EQ(layout.solution_columns[1].outcome, 1u);
  EXPECT_EQ(layout.solution_columns[1].column, 7u);
  EXPECT_TRUE(layout.ignored_columns.empty());
}

TEST(CompetitorColumnsTest, LongSolutionColumnMatchesTheWideFile) {
  absl::StatusOr<Study> wide = ReadSurveyCsvFile(Fixture("wide.csv"), {});
  absl::StatusOr<Study> long_study = ReadSurveyCsvFile(Fixture("long.csv"), {});
  ASSERT_TRUE(wide.ok() && long_study.ok()) << long_study.status();
  EXPECT_THAT(long_study->solutions(), ElementsAre("Acme", "Beta"));
  // solution is not an attribute; region is.
  EXPECT_THAT(long_study->attribute_names(), ElementsAre("region"));
  EXPECT_EQ(SolutionRating(*long_study, "r2", "ACME", "o1"), 4);
  v1::ScoringOptions options;
  options.set_bootstrap_resamples(0);
  options.set_segment_by("region");
  absl::StatusOr<v1::Report> a = wide->Score(options);
  absl::StatusOr<v1::Report> b = long_study->Score(options);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->SerializeAsString(), b->SerializeAsString());
  EXPECT_EQ(a->outcomes(0).best_solution(), "Acme");
}

TEST(CompetitorColumnsTest, TheAggregateReadCarriesSolutions) {
  for (const char* name : {"wide.csv", "long.csv"}) {
    absl::StatusOr<Study> study = ReadSurveyCsvFile(Fixture(name), {});
    absl::StatusOr<Aggregate> aggregate =
        ReadSurveyCsvFileAggregate(Fixture(name), {});
    ASSERT_TRUE(study.ok() && aggregate.ok()) << aggregate.status();
    EXPECT_EQ(aggregate->ToProto().SerializeAsString(),
              study->ToAggregate().ToProto().SerializeAsString())
        << name;
  }
  // Weighted rows go the per-answer way: the same tables with weight sums.
  const std::string weighted =
      "id,w,imp_a,sat_a,sat_x__a\nr1,2,5,1,4\nr2,1,5,5,\n";
  ReadOptions options;
  options.weight_column = "w";
  absl::StatusOr<Aggregate> aggregate =
      ReadSurveyCsvAggregate(weighted, "w.csv", options);
  absl::StatusOr<Study> study = ReadSurveyCsv(weighted, "w.csv", options);
  ASSERT_TRUE(aggregate.ok() && study.ok()) << aggregate.status();
  EXPECT_TRUE(aggregate->weighted());
  EXPECT_EQ(aggregate->ToProto().SerializeAsString(),
            study->ToAggregate().ToProto().SerializeAsString());
  absl::StatusOr<v1::Report> report = ScoreAggregate(*aggregate);
  ASSERT_TRUE(report.ok());
  EXPECT_DOUBLE_EQ(report->outcomes(0).solutions(0).satisfaction(), 10.0);
  EXPECT_DOUBLE_EQ(report->outcomes(0).solutions(0).effective_count(), 1.0);
}

TEST(CompetitorColumnsTest, AmbiguousHeadersAreRefusedWithTheirColumn) {
  // Two double-underscore splits name known ids (b and a__b).
  EXPECT_THAT(Refusal("imp_b,sat_b,imp_a__b,sat_a__b,sat_x__a__b\n1,1,1,1,1\n"),
              HasSubstr("t.csv: line 1, column 5 (\"sat_x__a__b\"): "
                        "ambiguous competitor column: it reads as solution "
                        "\"x\" on outcome \"a__b\" or as solution \"x__a\" on "
                        "outcome \"b\""));
  // The plugin's form with two single-underscore splits.
  EXPECT_THAT(Refusal("imp_b,sat_b,imp_a_b,sat_a_b,sat_x_a_b\n1,1,1,1,1\n"),
              HasSubstr("line 1, column 5 (\"sat_x_a_b\"): ambiguous "
                        "competitor column"));
  // No solution before the outcome id.
  EXPECT_THAT(Refusal("imp_b,sat_b,sat___b\n1,1,1\n"),
              HasSubstr("line 1, column 3 (\"sat___b\"): ambiguous competitor "
                        "column: it names no solution"));
  // The same (solution, outcome) twice, whatever the spelling.
  EXPECT_THAT(Refusal("imp_b,sat_b,sat_X__b,sat_x_b\n1,1,1,1\n"),
              HasSubstr("line 1, column 4 (\"sat_x_b\"): solution \"X\" on "
                        "outcome \"b\" is already rated in column 3"));
  // No known id at all: still a satisfaction column without importance.
  EXPECT_THAT(Refusal("imp_b,sat_b,sat_x__c\n1,1,1\n"),
              HasSubstr("column 3 (\"sat_x__c\"): there is no imp_x__c"));
}

TEST(CompetitorColumnsTest, CompetitorRatingsAreCheckedLikeOthers) {
  EXPECT_THAT(Refusal("id,imp_b,sat_b,sat_x__b\nr1,1,1,1\nr2,1,1,9\n"),
              HasSubstr("line 3, column 4 (\"sat_x__b\")"));
}

TEST(CompetitorColumnsTest, LongRowsNamingASolutionCarryNoImportance) {
  const std::string header =
      "respondent,outcome,importance,satisfaction,solution\n";
  EXPECT_THAT(Refusal(header + "r1,o1,5,4,\nr1,o1,3,4,Acme\n"),
              HasSubstr("t.csv: line 3, column 3 (\"importance\"): this row "
                        "rates solution \"Acme\""));
  EXPECT_THAT(Refusal(header + "r1,o1,,4,Acme\nr1,o1,,2,ACME\n"),
              HasSubstr("line 3, column 5 (\"solution\"): respondent r1 "
                        "already rated solution Acme on outcome o1 on line 2"));
  EXPECT_THAT(Refusal(header + "r1,o1,,7,Acme\n"),
              HasSubstr("line 2, column 4 (\"satisfaction\")"));
  // Our own row and a solution row for the same pair are both fine.
  absl::StatusOr<Study> study = ReadSurveyCsv(
      header + "r1,o1,5,4,\nr1,o1,,2,Acme\nr2,o1,,5,Beta\n", "t.csv", {});
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_EQ(study->respondent_count(), 2u);
  EXPECT_EQ(study->importance(0, 0), 5);
  EXPECT_EQ(study->solution_satisfaction(0, 0, 0), 2);
  EXPECT_EQ(study->solution_satisfaction(1, 1, 0), 5);
  EXPECT_FALSE(study->HasAnswer(1, 0));  // r2 rated only Beta
}

TEST(CompetitorColumnsTest, SurveyMapsNameCompetitorColumns) {
  const std::string csv = "who,i1,s1,rivalA,rivalB\nr1,5,1,4,2\nr2,4,2,,5\n";
  absl::StatusOr<v1::SurveyMap> map = ParseSurveyMapJson(R"({
    "format": "SURVEY_FORMAT_WIDE", "respondentIdColumn": "who",
    "outcomes": [{"id": "speed", "importanceColumn": "i1",
                  "satisfactionColumn": "s1"}],
    "solutionColumns": [
      {"solution": "Rival A", "outcomeId": "speed", "column": "rivalA"},
      {"solution": "Rival B", "outcomeId": "speed", "column": "#5"}]})",
                                                         "m.json");
  ASSERT_TRUE(map.ok()) << map.status();
  ReadOptions options;
  options.survey_map = *map;
  options.survey_map_source = "m.json";
  SurveyInspection inspection;
  absl::StatusOr<Study> study =
      ReadSurveyCsv(csv, "t.csv", options, &inspection);
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_THAT(study->solutions(), ElementsAre("Rival A", "Rival B"));
  EXPECT_EQ(SolutionRating(*study, "r2", "rival b", "speed"), 5);
  // --write-map gives the columns back.
  const v1::SurveyMap written = SurveyLayoutToMap(inspection.layout);
  ASSERT_EQ(written.solution_columns_size(), 2);
  EXPECT_EQ(written.solution_columns(1).solution(), "Rival B");
  EXPECT_EQ(written.solution_columns(1).outcome_id(), "speed");
  EXPECT_EQ(written.solution_columns(1).column(), "rivalB");

  v1::SurveyMap bad = *map;
  bad.mutable_solution_columns(1)->set_outcome_id("cost");
  options.survey_map = bad;
  EXPECT_THAT(
      std::string(ReadSurveyCsv(csv, "t.csv", options).status().message()),
      HasSubstr("m.json: solution_columns[1].outcome_id: \"cost\" is "
                "not an id of the map's outcomes"));
  bad = *map;
  bad.mutable_solution_columns(1)->set_column("s1");
  options.survey_map = bad;
  EXPECT_THAT(
      std::string(ReadSurveyCsv(csv, "t.csv", options).status().message()),
      HasSubstr("solution_columns[1].column: column \"s1\" is already "
                "used"));
}

TEST(CompetitorColumnsTest, LongLayoutMapNamesTheSolutionColumn) {
  const std::string csv = "who,what,i,s,vendor\nr1,o1,5,1,\nr1,o1,,4,Acme\n";
  absl::StatusOr<v1::SurveyMap> map = ParseSurveyMapJson(R"({
    "respondentIdColumn": "who",
    "longLayout": {"outcomeColumn": "what", "importanceColumn": "i",
                   "satisfactionColumn": "s", "solutionColumn": "vendor"}})",
                                                         "m.json");
  ASSERT_TRUE(map.ok()) << map.status();
  ReadOptions options;
  options.survey_map = *map;
  SurveyInspection inspection;
  absl::StatusOr<Study> study =
      ReadSurveyCsv(csv, "t.csv", options, &inspection);
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_EQ(study->solution_satisfaction(0, 0, 0), 4);
  EXPECT_EQ(
      SurveyLayoutToMap(inspection.layout).long_layout().solution_column(),
      "vendor");
}

}  // namespace
}  // namespace jtbd
