// Roadmaps through jtbd.hpp: Prioritize (files, or an aggregate and the
// initiatives in memory) gives `jtbd prioritize`'s report read into plain
// values; refusals throw jtbd::Error.
#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"
#include "jtbd/jtbd.hpp"

namespace {

using ::testing::HasSubstr;

const std::string kSurvey =
    std::string(JTBD_SOURCE_DIR) + "/examples/survey.csv";
const std::string kInitiatives =
    std::string(JTBD_SOURCE_DIR) + "/examples/initiatives.csv";

std::string FileText(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(CppRoadmapTest, FilesAndAggregateAgree) {
  jtbd::RoadmapOptions options;
  options.budget = 100;
  options.resamples = 20;
  options.frontier_budgets = {50, 100};
  const jtbd::Roadmap roadmap =
      jtbd::Prioritize(kSurvey, kInitiatives, options);
  const jtbd::Roadmap from_aggregate =
      jtbd::Prioritize(jtbd::Aggregate::ReadCsvFile(kSurvey),
                       FileText(kInitiatives), "initiatives", options);
  EXPECT_EQ(roadmap.Render(jtbd::Format::kJson),
            from_aggregate.Render(jtbd::Format::kJson));
  EXPECT_TRUE(roadmap.optimal());
  EXPECT_LE(roadmap.cost(), 100);
  ASSERT_FALSE(roadmap.selected().empty());
  size_t selected = 0;
  for (const jtbd::RoadmapInitiative& initiative : roadmap.initiatives()) {
    EXPECT_TRUE(initiative.chosen_share.has_value());
    EXPECT_EQ(initiative.marginal_value.has_value(), initiative.selected);
    selected += initiative.selected ? 1 : 0;
  }
  EXPECT_EQ(selected, roadmap.selected().size());
  ASSERT_EQ(roadmap.frontier().size(), 2u);
  EXPECT_EQ(roadmap.frontier()[1].selected.size(), roadmap.selected().size());
  EXPECT_DOUBLE_EQ(roadmap.frontier()[1].value, roadmap.value());
  // The outcomes' contributions add up to the portfolio's value, and only
  // chosen initiatives raise satisfaction.
  ASSERT_FALSE(roadmap.contributions().empty());
  double value = 0;
  for (const jtbd::OutcomeContribution& c : roadmap.contributions()) {
    value += c.value;
    EXPECT_FALSE(c.outcome_id.empty());
    EXPECT_GE(c.satisfaction_after, c.satisfaction_before);
    for (const std::string& name : c.initiatives) {
      EXPECT_THAT(roadmap.selected(), ::testing::Contains(name));
    }
  }
  EXPECT_NEAR(value, roadmap.value(), 1e-9);
}

TEST(CppRoadmapTest, RefusalsThrow) {
  jtbd::RoadmapOptions options;
  options.budget = -1;
  try {
    jtbd::Prioritize(kSurvey, kInitiatives, options);
    FAIL() << "a negative budget was accepted";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_INVALID_ARGUMENT);
    EXPECT_THAT(error.message(), HasSubstr("budget"));
  }
  options.budget = 10;
  EXPECT_THROW(jtbd::Prioritize(kSurvey, "/nonexistent.csv", options),
               jtbd::Error);
  EXPECT_THROW(jtbd::Roadmap().Render(jtbd::Format::kJson), jtbd::Error);
}

}  // namespace
