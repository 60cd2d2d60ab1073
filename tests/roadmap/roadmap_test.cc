#include "roadmap/roadmap.h"

#include <cstdint>
#include <string>
#include <vector>

#include "core/aggregate.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "roadmap/survey_scores.h"
#include "roadmap_test_util.h"

namespace jtbd {
namespace roadmap {
namespace {

using ::testing::ElementsAre;
using testing::MakeInitiative;

// Ten respondents on a 1-5 scale, top box 4-5. o1: everyone rates
// importance 5, two rate satisfaction 5 (I = 10, S = 2, Opp = 18); o2: six
// rate importance 5, six rate satisfaction 5 (I = 6, S = 6, Opp = 6).
Aggregate TenRespondents() {
  absl::StatusOr<Aggregate> aggregate = Aggregate::Create(
      Scale(), {Outcome{"o1", "", ""}, Outcome{"o2", "", ""}});
  EXPECT_TRUE(aggregate.ok());
  std::vector<uint8_t> importance, satisfaction;
  for (int r = 0; r < 10; ++r) {
    importance.push_back(5);
    satisfaction.push_back(r < 2 ? 5 : 1);
    importance.push_back(r < 6 ? 5 : 1);
    satisfaction.push_back(r < 6 ? 5 : 1);
  }
  EXPECT_TRUE(aggregate->AddRespondents(10, importance, satisfaction).ok());
  aggregate->AddRespondentCount(10);
  return *std::move(aggregate);
}

TEST(SurveyScoresTest, TopBoxScoresOfAnAggregate) {
  std::vector<std::vector<CollapsedTable>> tables;
  const SurveyScores scores = ScoresOfAggregate(TenRespondents(), &tables);
  ASSERT_EQ(scores.groups.size(), 1u);
  EXPECT_THAT(scores.outcome_ids, ElementsAre("o1", "o2"));
  EXPECT_DOUBLE_EQ(scores.groups[0].importance[0], 10);
  EXPECT_DOUBLE_EQ(scores.groups[0].satisfaction[0], 2);
  EXPECT_DOUBLE_EQ(scores.groups[0].importance[1], 6);
  EXPECT_DOUBLE_EQ(scores.groups[0].satisfaction[1], 6);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0][0].resample_size, 10u);
}

TEST(BuildRoadmapTest, ReportsTheOptimumAndWhy) {
  std::vector<std::vector<CollapsedTable>> tables;
  const SurveyScores scores = ScoresOfAggregate(TenRespondents(), &tables);
  // o1 to 7 closes 5 for 4; to 10 closes 8 for 6 (needs "data").
  const std::vector<v1::Initiative> initiatives = {
      MakeInitiative("quick", 4, {{"o1", 7}}),
      MakeInitiative("data", 1, {}),
      MakeInitiative("deep", 5, {{"o1", 10}}, {"data"}),
      MakeInitiative("polish", 2, {{"o2", 9}}),
  };
  v1::RoadmapOptions options;
  options.set_budget(6);
  options.set_resamples(50);
  absl::StatusOr<v1::RoadmapReport> report =
      BuildRoadmap(scores, tables, initiatives, options);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_THAT(report->selected_initiatives(), ElementsAre("data", "deep"));
  EXPECT_DOUBLE_EQ(report->value(), 8);
  EXPECT_DOUBLE_EQ(report->cost(), 6);
  EXPECT_TRUE(report->optimal());
  EXPECT_EQ(report->gap(), 0);
  EXPECT_DOUBLE_EQ(report->total_cost(), 12);
  ASSERT_EQ(report->contributions_size(), 1);
  const v1::OutcomeContribution& o1 = report->contributions(0);
  EXPECT_EQ(o1.outcome_id(), "o1");
  EXPECT_DOUBLE_EQ(o1.opportunity_before(), 18);
  EXPECT_DOUBLE_EQ(o1.opportunity_after(), 10);
  EXPECT_DOUBLE_EQ(o1.value(), 8);
  EXPECT_THAT(o1.initiatives(), ElementsAre("deep"));
  // Without data (so without deep) the best is quick + polish? o2 has no
  // gap (I = S = 6), so polish is worth 0: quick alone, 5.
  ASSERT_EQ(report->marginal_values_size(), 2);
  EXPECT_EQ(report->marginal_values(0).initiative(), "data");
  EXPECT_DOUBLE_EQ(report->marginal_values(0).value_without(), 5);
  EXPECT_DOUBLE_EQ(report->marginal_values(0).marginal_value(), 3);
  EXPECT_DOUBLE_EQ(report->marginal_values(1).marginal_value(), 3);
  ASSERT_EQ(report->frontier_points_size(), 20);
  double last = 0;
  for (const v1::FrontierPoint& point : report->frontier_points()) {
    EXPECT_GE(point.value(), last);
    EXPECT_LE(point.cost(), point.budget() + 1e-9);
    last = point.value();
  }
  EXPECT_DOUBLE_EQ(report->frontier_points(19).value(), 8);
  EXPECT_EQ(report->resamples(), 50u);
  ASSERT_EQ(report->initiatives_size(), 4);
  for (const v1::InitiativeResult& row : report->initiatives()) {
    ASSERT_TRUE(row.has_chosen_share());
    EXPECT_GE(row.chosen_share(), 0);
    EXPECT_LE(row.chosen_share(), 1);
  }
  EXPECT_GT(report->portfolio_optimal_share(), 0);
}

TEST(BuildRoadmapTest, SegmentsWeighTheirShare) {
  SurveyScores scores;
  scores.outcome_ids = {"o"};
  scores.segment_by = "region";
  scores.groups.push_back(ScoreGroup{"north", 0.75, {10}, {0}});
  scores.groups.push_back(ScoreGroup{"south", 0.25, {10}, {0}});
  v1::Initiative north = MakeInitiative("north_fix", 1, {});
  v1::InitiativeEffect* effect = north.add_effects();
  effect->set_outcome_id("o");
  effect->set_segment("north");
  effect->set_uplift(4);
  v1::RoadmapOptions options;
  options.set_budget(1);
  absl::StatusOr<v1::RoadmapReport> report =
      BuildRoadmap(scores, {}, {north}, options);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_DOUBLE_EQ(report->value(), 0.75 * 4);
  ASSERT_EQ(report->contributions_size(), 1);
  EXPECT_EQ(report->contributions(0).segment(), "north");
  ASSERT_EQ(report->initiatives_size(), 1);
  EXPECT_FALSE(report->initiatives(0).has_chosen_share());
}

TEST(BuildRoadmapTest, RefusesBadOptions) {
  const SurveyScores scores = testing::Scores({"o"}, {5}, {5});
  v1::RoadmapOptions options;
  options.set_budget(-1);
  EXPECT_FALSE(BuildRoadmap(scores, {}, {}, options).ok());
  options.set_budget(1);
  options.set_resamples(kMaxResamples + 1);
  EXPECT_FALSE(BuildRoadmap(scores, {}, {}, options).ok());
}

// Value per cost takes "a" (6 for 4, ratio 1.5) and then nothing fits 7;
// the optimum is b + c (10 for 7). Stopped after the root, the report keeps
// the first portfolio found and the root's bound, above the optimum.
TEST(BuildRoadmapTest, NodeLimitReportsTheGap) {
  const SurveyScores scores =
      testing::Scores({"a", "b", "c"}, {10, 10, 10}, {0, 0, 0});
  const std::vector<v1::Initiative> initiatives = {
      MakeInitiative("a", 4, {{"a", 6}}),
      MakeInitiative("b", 3.5, {{"b", 5}}),
      MakeInitiative("c", 3.5, {{"c", 5}}),
  };
  v1::RoadmapOptions options;
  options.set_budget(7);
  options.set_resamples(0);
  options.set_node_limit(1);
  absl::StatusOr<v1::RoadmapReport> report =
      BuildRoadmap(scores, {}, initiatives, options);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_FALSE(report->optimal());
  EXPECT_LT(report->value(), 10);
  EXPECT_GE(report->bound(), 10);
  EXPECT_DOUBLE_EQ(report->gap(),
                   (report->bound() - report->value()) / report->bound());
  options.clear_node_limit();
  report = BuildRoadmap(scores, {}, initiatives, options);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(report->optimal());
  EXPECT_THAT(report->selected_initiatives(), ElementsAre("b", "c"));
  EXPECT_DOUBLE_EQ(report->value(), 10);
}

}  // namespace
}  // namespace roadmap
}  // namespace jtbd
