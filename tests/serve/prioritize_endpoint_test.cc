// POST /v1/prioritize without sockets: the body's survey and initiatives
// and the query parameters mean what `jtbd prioritize`'s arguments and
// flags mean (the reply is the roadmap built from them directly, rendered
// as the command renders it), and every refusal is a JSON error.
#include "serve/prioritize_endpoint.h"

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "core/aggregate.h"
#include "core/resource_limits.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/survey_reader.h"
#include "pipeline/input_source.h"
#include "pipeline/wave_read.h"
#include "render/roadmap_render.h"
#include "roadmap/initiatives_reader.h"
#include "roadmap/roadmap.h"
#include "roadmap/survey_scores.h"
#include "serve/score_endpoint.h"

namespace jtbd {
namespace serve {
namespace {

using ::testing::HasSubstr;

std::string SourceFile(const std::string& path) {
  std::ifstream file(std::string(JTBD_SOURCE_DIR) + "/" + path,
                     std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file),
                     std::istreambuf_iterator<char>());
}

std::string Body(const std::string& survey, const std::string& initiatives) {
  return absl::StrCat("{\"survey\": ", JsonString(survey),
                      ", \"initiatives\": ", JsonString(initiatives), "}");
}

std::string ExampleBody() {
  return Body(SourceFile("examples/survey.csv"),
              SourceFile("examples/initiatives.csv"));
}

// What the roadmap layer gives for the examples, as the command renders it.
std::string Expected(const v1::RoadmapOptions& options) {
  absl::StatusOr<Aggregate> aggregate =
      ReadWave(InputSource::Bytes(SourceFile("examples/survey.csv"), "survey"),
               ReadOptions());
  EXPECT_TRUE(aggregate.ok()) << aggregate.status();
  std::vector<std::vector<roadmap::CollapsedTable>> tables;
  const roadmap::SurveyScores scores =
      roadmap::ScoresOfAggregate(*aggregate, &tables);
  absl::StatusOr<std::vector<v1::Initiative>> initiatives =
      roadmap::ReadInitiativesCsv(SourceFile("examples/initiatives.csv"),
                                  "initiatives", scores);
  EXPECT_TRUE(initiatives.ok()) << initiatives.status();
  absl::StatusOr<v1::RoadmapReport> report =
      roadmap::BuildRoadmap(scores, tables, *initiatives, options);
  EXPECT_TRUE(report.ok()) << report.status();
  absl::StatusOr<std::string> json = RenderRoadmapJson(*report);
  return json.ok() ? *json : "";
}

TEST(PrioritizeTest, ParametersMeanTheFlags) {
  v1::RoadmapOptions options;
  options.set_budget(90);
  options.set_resamples(15);
  options.set_seed(3);
  options.set_node_limit(100000);
  options.set_time_limit_seconds(0);
  options.add_frontier_budgets(40);
  options.add_frontier_budgets(90);
  const JsonReply reply = Prioritize("application/json", ExampleBody(),
                                     {{"budget", "90"},
                                      {"resamples", "15"},
                                      {"seed", "3"},
                                      {"node_limit", "100000"},
                                      {"time_limit", "0"},
                                      {"frontier", "40,90"}});
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.body, Expected(options));
}

TEST(PrioritizeTest, SegmentByAndBase64) {
  const std::string body =
      absl::StrCat("{\"surveyBase64\": \"",
                   absl::Base64Escape(SourceFile("examples/survey.csv")),
                   "\", \"initiatives\": ",
                   JsonString(SourceFile("examples/initiatives.csv")), "}");
  const JsonReply reply = Prioritize(
      "application/json", body,
      {{"budget", "90"}, {"resamples", "0"}, {"segment_by", "segment"}});
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_THAT(reply.body, HasSubstr("\"segmentBy\": \"segment\""));
}

TEST(PrioritizeTest, Refusals) {
  const std::string body = ExampleBody();
  EXPECT_EQ(Prioritize("text/csv", body, {{"budget", "9"}}).status, 415);
  JsonReply reply = Prioritize("application/json", body, {});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("budget is required"));
  reply = Prioritize("application/json", body, {{"budget", "-1"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("budget"));
  reply = Prioritize("application/json", body,
                     {{"budget", "9"}, {"frontier", "1,x"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("frontier"));
  reply = Prioritize("application/json", body,
                     {{"budget", "9"}, {"resamples", "100001"}});
  EXPECT_EQ(reply.status, 400);
  reply = Prioritize("application/json", body, {{"budget", "9"}, {"k", "2"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("unknown query parameter"));
  reply = Prioritize("application/json",
                     Body(SourceFile("examples/survey.csv"),
                          "initiative,cost,outcome,uplift\nx,5,o99,1\n"),
                     {{"budget", "9"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("initiatives: line 2"));
  reply =
      Prioritize("application/json", "{\"survey\": \"x\"}", {{"budget", "9"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("initiatives"));
  ResourceLimits few_resamples;
  few_resamples.max_bootstrap_resamples = 100;
  reply = Prioritize("application/json", body, {{"budget", "9"}},
                     few_resamples);  // the default, 200
  EXPECT_EQ(reply.status, 413);
  EXPECT_THAT(reply.body, HasSubstr("200 resamples"));
  ResourceLimits limits;
  limits.max_request_bytes = 8;
  EXPECT_EQ(
      Prioritize("application/json", body, {{"budget", "9"}}, limits).status,
      413);
}

}  // namespace
}  // namespace serve
}  // namespace jtbd
