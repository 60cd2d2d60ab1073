// Competing solutions in the table and CSV renderings: the block and the
// columns appear only when the report has solutions, with "-" / blank for
// figures that do not exist.
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/v1/report.pb.h"
#include "render/report_render.h"

namespace jtbd {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// One outcome "o1" (I 8, S 3), solutions Acme (S 6 over 5 raters, best)
// and Beta (never rated).
v1::Report ReportWithSolutions() {
  v1::Report report;
  report.set_respondent_count(10);
  report.add_solutions("Acme");
  report.add_solutions("Beta");
  v1::OutcomeScore* o1 = report.add_outcomes();
  o1->set_outcome_id("o1");
  o1->set_importance(8);
  o1->set_satisfaction(3);
  o1->set_opportunity(13);
  o1->set_rank(1);
  o1->set_band(v1::BAND_HIGH);
  v1::SolutionScore* acme = o1->add_solutions();
  acme->set_solution("Acme");
  acme->set_satisfaction(6);
  acme->set_count(5);
  v1::SolutionScore* beta = o1->add_solutions();
  beta->set_solution("Beta");
  o1->set_best_solution("Acme");
  o1->set_best_solution_gap(3);
  o1->set_satisfaction_target(7.2);
  o1->mutable_satisfaction_target_interval()->set_low(1.48);
  o1->mutable_satisfaction_target_interval()->set_high(10);
  o1->mutable_best_solution_gap_test()->set_p_value(0.2796);
  o1->mutable_best_solution_gap_test()->set_holm_adjusted_p_value(0.5592);
  return report;
}

TEST(CompetitorRenderTest, TableHasACompetitorBlock) {
  const std::string table = RenderTable(ReportWithSolutions());
  EXPECT_THAT(table, HasSubstr("Competing solutions:"));
  std::vector<std::string> words;
  for (absl::string_view line : absl::StrSplit(table, '\n')) {
    std::vector<std::string> parts =
        absl::StrSplit(line, ' ', absl::SkipEmpty());
    if (!parts.empty() && parts[0] == "o1" && parts.size() > 3 &&
        parts[2] == "(5)") {
      words = parts;
    }
  }
  // The adjusted p, and the heuristic target with its interval.
  EXPECT_THAT(words,
              testing::ElementsAre("o1", "6.0", "(5)", "-", "Acme", "+3.0",
                                   "0.5592", "7.2", "[1.5,", "10.0]"));
  EXPECT_THAT(table, HasSubstr("adj p"));
  EXPECT_THAT(table, HasSubstr("heuristic target [CI]"));
  v1::Report plain = ReportWithSolutions();
  plain.clear_solutions();
  EXPECT_THAT(RenderTable(plain), Not(HasSubstr("Competing solutions")));
}

TEST(CompetitorRenderTest, CsvAddsColumnsOnlyWithSolutions) {
  const std::string csv = RenderCsv(ReportWithSolutions());
  const std::vector<std::string> lines = absl::StrSplit(csv, "\r\n");
  ASSERT_GE(lines.size(), 2u);
  EXPECT_THAT(lines[0],
              HasSubstr(",p_opportunity_at_least_10,best_solution,"
                        "best_solution_gap,best_solution_gap_p,"
                        "satisfaction_target,satisfaction:Acme,count:Acme,"
                        "satisfaction:Beta,count:Beta"));
  EXPECT_THAT(lines[1], testing::EndsWith(",Acme,3,0.2796,7.2,6,5,,0"));
  v1::Report plain = ReportWithSolutions();
  plain.clear_solutions();
  EXPECT_THAT(RenderCsv(plain), Not(HasSubstr("best_solution")));
}

}  // namespace
}  // namespace jtbd
