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

}  // namespace
