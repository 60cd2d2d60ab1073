// Study designs through jtbd.hpp: ScoreOptions::design attaches the job-map
// coverage, read back as Report::coverage (numbers by hand in
// tests/design/design_test.cc); a bad design throws with line and column.
#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"
#include "jtbd/jtbd.hpp"

namespace {

using ::testing::HasSubstr;

const std::string kData = std::string(JTBD_SOURCE_DIR) + "/tests/data/design/";

std::string Text(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(CppDesignTest, CoverageOfTheDesign) {
  jtbd::ScoreOptions options;
  options.design = Text(kData + "design.csv");
  const jtbd::Report report =
      jtbd::ScoreSurveyFile(kData + "survey.csv", options);
  ASSERT_EQ(report.coverage().size(), 5u);
  const jtbd::StepCoverage& define = report.coverage()[0];
  EXPECT_EQ(define.step_id, "define");
  EXPECT_EQ(define.name, "Plan the invoice");
  EXPECT_EQ(define.universal_step, JTBD_UNIVERSAL_STEP_DEFINE);
  EXPECT_EQ(define.outcome_count, 2u);
  EXPECT_EQ(define.underserved_count, 2u);
  EXPECT_TRUE(define.all_underserved);
  EXPECT_TRUE(define.most_opportunity);
  EXPECT_DOUBLE_EQ(define.opportunity_excess, 17.5);
  EXPECT_EQ(define.max_opportunity, 20.0);
  EXPECT_EQ(define.top_outcome_id, "a");
  EXPECT_TRUE(report.coverage()[1].all_overserved);
  EXPECT_FALSE(report.coverage()[2].max_opportunity.has_value());
  EXPECT_TRUE(jtbd::ScoreSurveyFile(kData + "survey.csv").coverage().empty());
}

TEST(CppDesignTest, ABadDesignThrows) {
  jtbd::ScoreOptions options;
  options.design = Text(kData + "bad_step.csv");
  options.design_source = "bad_step.csv";
  try {
    jtbd::ScoreSurveyFile(kData + "survey.csv", options);
    FAIL() << "no error";
  } catch (const jtbd::Error& error) {
    EXPECT_THAT(error.what(),
                HasSubstr("bad_step.csv: line 4, column 4 (\"job_step\")"));
  }
}

TEST(CppDesignTest, StudiesAndAggregatesCarryTheirDesign) {
  jtbd::Study study = jtbd::Study::ReadCsvFile(kData + "survey.csv");
  EXPECT_FALSE(study.design().has_value());
  study.SetDesign(Text(kData + "design.csv"), "design.csv");
  const std::optional<jtbd::DesignContents> design = study.design();
  ASSERT_TRUE(design.has_value());
  EXPECT_EQ(design->job_statement, "Get the work of a job invoiced and paid");
  EXPECT_EQ(design->executor, "a field service firm");
  EXPECT_EQ(design->job_type, JTBD_JOB_TYPE_FUNCTIONAL);
  ASSERT_EQ(design->steps.size(), 5u);
  EXPECT_EQ(design->steps[0].name, "Plan the invoice");
  EXPECT_EQ(design->steps[3].outcome_count, 2u);  // e, f on execute
  ASSERT_EQ(design->outcomes.size(), 7u);
  EXPECT_EQ(design->outcomes[1].job_step_id, "define");  // DEFINE in the file
  EXPECT_THROW(study.SetDesign("id,statement\n,s\n", "bad.csv"),
               jtbd::Error);
  EXPECT_EQ(study.design()->outcomes.size(), 7u);  // unchanged

  const jtbd::Report report = study.Score();
  ASSERT_EQ(report.coverage().size(), 5u);
  EXPECT_DOUBLE_EQ(report.coverage()[0].opportunity_excess, 17.5);
  EXPECT_THAT(report.uncovered_step_ids(),
              ::testing::ElementsAre("gather-extras", "conclude"));
  EXPECT_THAT(report.unassigned_outcome_ids(), ::testing::ElementsAre("g"));
  EXPECT_THAT(report.unscored_outcome_ids(),
              ::testing::ElementsAre("f", "g"));
  ASSERT_TRUE(report.design().has_value());
  EXPECT_EQ(report.design()->job_id, "invoice");

  jtbd::Aggregate aggregate = jtbd::Aggregate::ReadCsvFile(kData + "survey.csv");
  aggregate.SetDesignFile(kData + "design.json");
  const jtbd::Report from_aggregate = aggregate.Score();
  ASSERT_EQ(from_aggregate.coverage().size(), 5u);
  EXPECT_EQ(from_aggregate.coverage()[0].top_outcome_id, "a");
  EXPECT_FALSE(jtbd::Study::ReadCsvFile(kData + "survey.csv")
                   .Score()
                   .design()
                   .has_value());
}

}  // namespace
