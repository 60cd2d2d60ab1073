// Roadmaps through the C ABI (jtbd_roadmap_options_*, jtbd_prioritize_*,
// jtbd_aggregate_prioritize, jtbd_roadmap_*): files, bytes and aggregates
// give the same report, the getters agree with it, and every refusal names
// what it refuses and leaves the out-parameter untouched.
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

using ::testing::HasSubstr;

struct RoadmapOptionsDestroy {
  void operator()(jtbd_roadmap_options* o) const {
    jtbd_roadmap_options_destroy(o);
  }
};
struct RoadmapDestroy {
  void operator()(jtbd_roadmap* r) const { jtbd_roadmap_destroy(r); }
};
using RoadmapOptions =
    std::unique_ptr<jtbd_roadmap_options, RoadmapOptionsDestroy>;
using Roadmap = std::unique_ptr<jtbd_roadmap, RoadmapDestroy>;

std::string Example(const char* name) {
  return std::string(JTBD_SOURCE_DIR) + "/examples/" + name;
}

std::string FileText(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

RoadmapOptions Options(double budget, const std::string& segment_by = "") {
  jtbd_roadmap_options* raw = nullptr;
  EXPECT_THAT(Result(jtbd_roadmap_options_create(&raw)), IsOk());
  RoadmapOptions options(raw);
  EXPECT_THAT(Result(jtbd_roadmap_options_set_budget(raw, budget)), IsOk());
  EXPECT_THAT(Result(jtbd_roadmap_options_set_resamples(raw, 20)), IsOk());
  EXPECT_THAT(Result(jtbd_roadmap_options_set_seed(raw, 7)), IsOk());
  EXPECT_THAT(Result(jtbd_roadmap_options_set_segment_by(raw, segment_by.data(),
                                                         segment_by.size())),
              IsOk());
  return options;
}

Roadmap FromFiles(const jtbd_roadmap_options* options) {
  const std::string survey = Example("survey.csv");
  const std::string initiatives = Example("initiatives.csv");
  jtbd_roadmap* raw = nullptr;
  EXPECT_THAT(Result(jtbd_prioritize_survey_file(
                  nullptr, options, survey.data(), survey.size(),
                  initiatives.data(), initiatives.size(), &raw)),
              IsOk());
  return Roadmap(raw);
}

std::string Render(const jtbd_roadmap* roadmap, int32_t format) {
  jtbd_buffer* raw = nullptr;
  EXPECT_THAT(Result(jtbd_roadmap_render(roadmap, format, &raw)), IsOk());
  Buffer buffer(raw);
  return BufferBytes(raw);
}

TEST(RoadmapTest, FilesBytesAndAggregatesAgree) {
  const RoadmapOptions options = Options(100);
  const Roadmap files = FromFiles(options.get());
  const std::string survey = FileText(Example("survey.csv"));
  const std::string initiatives = FileText(Example("initiatives.csv"));
  jtbd_roadmap* raw = nullptr;
  ASSERT_THAT(Result(jtbd_prioritize_survey(
                  nullptr, options.get(), survey.data(), survey.size(), "s", 1,
                  initiatives.data(), initiatives.size(), "i", 1, &raw)),
              IsOk());
  const Roadmap bytes(raw);
  jtbd_aggregate* aggregate_raw = nullptr;
  const std::string path = Example("survey.csv");
  ASSERT_THAT(Result(jtbd_aggregate_read_csv_file(nullptr, path.data(),
                                                  path.size(), &aggregate_raw)),
              IsOk());
  const Aggregate aggregate(aggregate_raw);
  ASSERT_THAT(Result(jtbd_aggregate_prioritize(
                  aggregate.get(), options.get(), initiatives.data(),
                  initiatives.size(), "i", 1, &raw)),
              IsOk());
  const Roadmap from_aggregate(raw);
  const std::string json = Render(files.get(), JTBD_FORMAT_JSON);
  EXPECT_THAT(json, HasSubstr("\"selected\""));
  EXPECT_EQ(Render(bytes.get(), JTBD_FORMAT_JSON), json);
  EXPECT_EQ(Render(from_aggregate.get(), JTBD_FORMAT_JSON), json);
  EXPECT_FALSE(Render(files.get(), JTBD_FORMAT_TABLE).empty());
  EXPECT_FALSE(Render(files.get(), JTBD_FORMAT_CSV).empty());
  EXPECT_FALSE(Render(files.get(), JTBD_FORMAT_PROTOBUF).empty());
}

TEST(RoadmapTest, GettersAgreeWithTheReport) {
  const RoadmapOptions options = Options(100);
  ASSERT_THAT(
      Result(jtbd_roadmap_options_add_frontier_budget(options.get(), 50)),
      IsOk());
  ASSERT_THAT(
      Result(jtbd_roadmap_options_add_frontier_budget(options.get(), 100)),
      IsOk());
  const Roadmap roadmap = FromFiles(options.get());
  jtbd_roadmap_info info = {};
  info.struct_size = sizeof(info);
  ASSERT_THAT(Result(jtbd_roadmap_get_info(roadmap.get(), &info)), IsOk());
  EXPECT_DOUBLE_EQ(info.budget, 100);
  EXPECT_LE(info.cost, info.budget);
  EXPECT_GT(info.value, 0);
  EXPECT_EQ(info.optimal, 1u);
  EXPECT_EQ(info.gap, 0);
  EXPECT_EQ(info.resamples, 20u);
  EXPECT_GE(info.total_cost, info.cost);
  EXPECT_EQ(info.segment_by_len, 0u);

  const size_t selected = jtbd_roadmap_selected_count(roadmap.get());
  ASSERT_GT(selected, 0u);
  double cost = 0;
  size_t marked = 0;
  for (size_t i = 0; i < jtbd_roadmap_initiative_count(roadmap.get()); ++i) {
    jtbd_initiative_result initiative = {};
    initiative.struct_size = sizeof(initiative);
    ASSERT_THAT(Result(jtbd_roadmap_initiative(roadmap.get(), i, &initiative)),
                IsOk());
    EXPECT_GT(initiative.name_len, 0u);
    EXPECT_TRUE(initiative.has & JTBD_INITIATIVE_HAS_CHOSEN_SHARE);
    if (initiative.selected) {
      ++marked;
      cost += initiative.cost;
      EXPECT_TRUE(initiative.has & JTBD_INITIATIVE_HAS_MARGINAL_VALUE);
      EXPECT_GE(initiative.marginal_value, 0);
      EXPECT_NEAR(initiative.value_without + initiative.marginal_value,
                  info.value, 1e-9);
    } else {
      EXPECT_FALSE(initiative.has & JTBD_INITIATIVE_HAS_MARGINAL_VALUE);
    }
  }
  EXPECT_EQ(marked, selected);
  EXPECT_NEAR(cost, info.cost, 1e-9);

  ASSERT_EQ(jtbd_roadmap_frontier_count(roadmap.get()), 2u);
  jtbd_frontier_point point = {};
  point.struct_size = sizeof(point);
  ASSERT_THAT(Result(jtbd_roadmap_frontier_point(roadmap.get(), 1, &point)),
              IsOk());
  EXPECT_DOUBLE_EQ(point.budget, 100);
  EXPECT_DOUBLE_EQ(point.value, info.value);
  EXPECT_EQ(point.selected_count, selected);
  const char* name = nullptr;
  size_t name_len = 0;
  ASSERT_THAT(Result(jtbd_roadmap_frontier_selected(roadmap.get(), 1, 0, &name,
                                                    &name_len)),
              IsOk());
  EXPECT_GT(name_len, 0u);
  EXPECT_THAT(Result(jtbd_roadmap_frontier_selected(roadmap.get(), 2, 0, &name,
                                                    &name_len)),
              FailsWith(JTBD_OUT_OF_RANGE, "point 2 is out of range"));
  EXPECT_THAT(
      Result(jtbd_roadmap_selected(roadmap.get(), selected, &name, &name_len)),
      FailsWith(JTBD_OUT_OF_RANGE, "index"));
  // Contributions: one per outcome, the opportunity closed weighted, and
  // only chosen initiatives named.
  const size_t contributions = jtbd_roadmap_contribution_count(roadmap.get());
  ASSERT_GT(contributions, 0u);
  double value = 0;
  size_t named = 0;
  for (size_t k = 0; k < contributions; ++k) {
    jtbd_outcome_contribution c = {};
    c.struct_size = sizeof(c);
    ASSERT_THAT(Result(jtbd_roadmap_contribution(roadmap.get(), k, &c)),
                IsOk());
    EXPECT_GT(c.outcome_id_len, 0u);
    EXPECT_EQ(c.segment_len, 0u);
    EXPECT_DOUBLE_EQ(c.weight, 1);
    EXPECT_NEAR(c.value, c.opportunity_before - c.opportunity_after, 1e-12);
    value += c.value;
    for (size_t i = 0; i < c.initiative_count; ++i) {
      ASSERT_THAT(Result(jtbd_roadmap_contribution_initiative(
                      roadmap.get(), k, i, &name, &name_len)),
                  IsOk());
      ++named;
    }
    EXPECT_THAT(Result(jtbd_roadmap_contribution_initiative(
                    roadmap.get(), k, c.initiative_count, &name, &name_len)),
                FailsWith(JTBD_OUT_OF_RANGE, "index"));
  }
  EXPECT_GT(named, 0u);
  EXPECT_NEAR(value, info.value, 1e-9);
  jtbd_outcome_contribution c = {};
  c.struct_size = sizeof(c);
  EXPECT_THAT(
      Result(jtbd_roadmap_contribution(roadmap.get(), contributions, &c)),
      FailsWith(JTBD_OUT_OF_RANGE, "index"));
  EXPECT_EQ(jtbd_roadmap_contribution_count(nullptr), 0u);
  jtbd_buffer* buffer = nullptr;
  EXPECT_THAT(Result(jtbd_roadmap_render(roadmap.get(), 0, &buffer)),
              FailsWith(JTBD_INVALID_ARGUMENT, "unknown format 0"));
  info.struct_size = 1;
  EXPECT_THAT(Result(jtbd_roadmap_get_info(roadmap.get(), &info)),
              FailsWith(JTBD_INVALID_ARGUMENT, "struct_size"));
}

TEST(RoadmapTest, Segments) {
  const RoadmapOptions options = Options(100, "segment");
  const Roadmap roadmap = FromFiles(options.get());
  jtbd_roadmap_info info = {};
  info.struct_size = sizeof(info);
  ASSERT_THAT(Result(jtbd_roadmap_get_info(roadmap.get(), &info)), IsOk());
  EXPECT_EQ(std::string(info.segment_by, info.segment_by_len), "segment");
}

TEST(RoadmapTest, OptionRefusals) {
  jtbd_roadmap_options* raw = nullptr;
  ASSERT_THAT(Result(jtbd_roadmap_options_create(&raw)), IsOk());
  const RoadmapOptions options(raw);
  EXPECT_THAT(Result(jtbd_roadmap_options_set_budget(raw, -1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "budget is -1"));
  EXPECT_THAT(Result(jtbd_roadmap_options_set_node_limit(raw, 0)),
              FailsWith(JTBD_INVALID_ARGUMENT, "nodes is 0"));
  EXPECT_THAT(Result(jtbd_roadmap_options_set_time_limit(raw, -2)),
              FailsWith(JTBD_INVALID_ARGUMENT, "seconds"));
  EXPECT_THAT(Result(jtbd_roadmap_options_set_resamples(raw, 100001)),
              FailsWith(JTBD_INVALID_ARGUMENT, "at most 100000"));
  EXPECT_THAT(Result(jtbd_roadmap_options_add_frontier_budget(raw, 1.0 / 0.0)),
              FailsWith(JTBD_INVALID_ARGUMENT, "budget"));
  // Still without a budget: every prioritize call refuses it.
  jtbd_roadmap* const sentinel = reinterpret_cast<jtbd_roadmap*>(0x1);
  jtbd_roadmap* out = sentinel;
  const std::string survey = Example("survey.csv");
  const std::string initiatives = Example("initiatives.csv");
  EXPECT_THAT(Result(jtbd_prioritize_survey_file(
                  nullptr, raw, survey.data(), survey.size(),
                  initiatives.data(), initiatives.size(), &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "no budget"));
  EXPECT_THAT(Result(jtbd_prioritize_survey_file(
                  nullptr, nullptr, survey.data(), survey.size(),
                  initiatives.data(), initiatives.size(), &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "roadmap_options is NULL"));
  EXPECT_EQ(out, sentinel);
}

TEST(RoadmapTest, InputRefusalsNameTheInput) {
  const RoadmapOptions options = Options(100);
  jtbd_roadmap* const sentinel = reinterpret_cast<jtbd_roadmap*>(0x1);
  jtbd_roadmap* out = sentinel;
  const std::string survey = FileText(Example("survey.csv"));
  const char bad[] = "initiative,cost,outcome,uplift\nnew_app,-5,o01,1\n";
  EXPECT_THAT(Result(jtbd_prioritize_survey(
                  nullptr, options.get(), survey.data(), survey.size(), "s", 1,
                  bad, sizeof(bad) - 1, "plan.csv", 8, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "plan.csv: line 2, column"));
  const char unknown[] = "initiative,cost,outcome,uplift\nnew_app,5,o99,1\n";
  EXPECT_THAT(Result(jtbd_prioritize_survey(
                  nullptr, options.get(), survey.data(), survey.size(), "s", 1,
                  unknown, sizeof(unknown) - 1, "plan.csv", 8, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "plan.csv: line 2"));
  const std::string path = Example("survey.csv");
  const std::string missing = "/nonexistent/initiatives.csv";
  EXPECT_THAT(Result(jtbd_prioritize_survey_file(
                  nullptr, options.get(), path.data(), path.size(),
                  missing.data(), missing.size(), &out)),
              FailsWith(JTBD_NOT_FOUND, missing));
  const RoadmapOptions by_region = Options(100, "region");
  EXPECT_THAT(Result(jtbd_prioritize_survey(
                  nullptr, by_region.get(), survey.data(), survey.size(), "s",
                  1, unknown, sizeof(unknown) - 1, "plan.csv", 8, &out)),
              FailsWith(JTBD_NOT_FOUND, "region"));
  jtbd_aggregate* aggregate_raw = nullptr;
  ASSERT_THAT(Result(jtbd_aggregate_read_csv_file(nullptr, path.data(),
                                                  path.size(), &aggregate_raw)),
              IsOk());
  const Aggregate aggregate(aggregate_raw);
  const RoadmapOptions segmented = Options(100, "segment");
  EXPECT_THAT(Result(jtbd_aggregate_prioritize(aggregate.get(), segmented.get(),
                                               unknown, sizeof(unknown) - 1,
                                               "p", 1, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "segment_by \"segment\""));
  EXPECT_EQ(out, sentinel);
  EXPECT_EQ(jtbd_roadmap_selected_count(nullptr), 0u);
  jtbd_roadmap_destroy(nullptr);
  jtbd_roadmap_options_destroy(nullptr);
}

}  // namespace
}  // namespace jtbd_test
