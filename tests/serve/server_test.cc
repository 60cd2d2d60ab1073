// The HTTP sidecar in-process, on a loopback port chosen by the kernel (port
// 0), through cpp-httplib's client. Scores are checked against counts taken
// by hand from examples/survey.csv (o10: importance top box 170 of 176,
// satisfaction 43 of 179) and from small literal surveys.
#include "serve/server.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "io/survey_reader.h"
#include "jtbd/jtbd.h"  // the version macros
#include "jtbd/v1/report.pb.h"
#include "render/report_render.h"
#include "serve/compare_endpoint.h"
#include "serve/prioritize_endpoint.h"
#include "serve/score_endpoint.h"
#include "serve/segment_endpoint.h"

namespace jtbd {
namespace serve {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kLoopback[] = "127.0.0.1";
constexpr double kTolerance = 1e-12;

std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file),
                     std::istreambuf_iterator<char>());
}

std::string SurveyPath() {
  return std::string(JTBD_SOURCE_DIR) + "/examples/survey.csv";
}

v1::Report ParseReport(const std::string& json) {
  v1::Report report;
  const auto status =
      google::protobuf::util::JsonStringToMessage(json, &report);
  EXPECT_TRUE(status.ok()) << status.message().ToString() << "\n" << json;
  return report;
}

// The error object's code, or "" when the body is not {"error":{...}}.
std::string ErrorCode(const std::string& body) {
  const std::string prefix = "{\"error\":{\"code\":\"";
  if (body.rfind(prefix, 0) != 0) return "";
  return body.substr(prefix.size(),
                     body.find('"', prefix.size()) - prefix.size());
}

class ServerTest : public ::testing::Test {
 protected:
  void StartServer(ServerOptions options = ServerOptions()) {
    options.port = 0;
    absl::StatusOr<std::unique_ptr<Server>> started = Server::Start(options);
    ASSERT_TRUE(started.ok()) << started.status();
    server_ = *std::move(started);
    ASSERT_GT(server_->port(), 0);
  }

  httplib::Client Client() const {
    httplib::Client client(kLoopback, server_->port());
    client.set_connection_timeout(5);
    client.set_read_timeout(30);
    return client;
  }

  std::unique_ptr<Server> server_;
};

// A 3-respondent, 1-outcome long survey: importance 5, 4, 2 (2 of 3 top
// box: 6.67), satisfaction 2, 1, 5 (1 of 3: 3.33); opportunity
// 6.67 + 3.33 = 10, underserved.
constexpr char kSmallCsv[] =
    "respondent,outcome,importance,satisfaction\n"
    "r1,o1,5,2\n"
    "r2,o1,4,1\n"
    "r3,o1,2,5\n";

TEST_F(ServerTest, HealthzAnswersStatusAndVersion) {
  StartServer();
  httplib::Client client = Client();
  const httplib::Result result = client.Get("/healthz");
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(result->body, "{\"status\":\"ok\",\"version\":\"" +
                              std::to_string(JTBD_VERSION_MAJOR) + "." +
                              std::to_string(JTBD_VERSION_MINOR) + "." +
                              std::to_string(JTBD_VERSION_PATCH) + "\"}\n");
}

TEST_F(ServerTest, ScoresTheExampleSurveyAsTheCliDoes) {
  StartServer();
  httplib::Client client = Client();
  const std::string survey = ReadFile(SurveyPath());
  ASSERT_FALSE(survey.empty());
  const httplib::Result result =
      client.Post("/v1/score?segment_by=segment", survey, "text/csv");
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  ASSERT_EQ(result->status, 200) << result->body;
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");

  const v1::Report report = ParseReport(result->body);
  ASSERT_EQ(report.outcomes_size(), 24);
  const v1::OutcomeScore& top = report.outcomes(0);
  EXPECT_EQ(top.outcome_id(), "o10");
  EXPECT_EQ(top.rank(), 1u);
  EXPECT_EQ(top.importance_count(), 176u);
  EXPECT_EQ(top.importance_top_box_count(), 170u);
  EXPECT_EQ(top.satisfaction_count(), 179u);
  EXPECT_EQ(top.satisfaction_top_box_count(), 43u);
  const double importance = 10.0 * 170 / 176;
  const double satisfaction = 10.0 * 43 / 179;
  EXPECT_NEAR(top.importance(), importance, kTolerance);
  EXPECT_NEAR(top.satisfaction(), satisfaction, kTolerance);
  EXPECT_NEAR(top.opportunity(), 2 * importance - satisfaction, kTolerance);
  EXPECT_EQ(top.band(), v1::BAND_EXTREME);
  ASSERT_EQ(report.segments_size(), 2);
  EXPECT_EQ(report.segments(0).name(), "field");
  EXPECT_EQ(report.segments(0).respondent_count(), 100u);
  EXPECT_EQ(report.segments(1).name(), "office");
  EXPECT_EQ(report.segments(1).respondent_count(), 80u);

  // Byte for byte what `jtbd score --format json --segment-by segment`
  // prints: the same reader, scoring and renderer.
  ReadOptions read_options;
  absl::StatusOr<Study> study = ReadSurveyCsvFile(SurveyPath(), read_options);
  ASSERT_TRUE(study.ok()) << study.status();
  v1::ScoringOptions scoring;
  scoring.set_segment_by("segment");
  absl::StatusOr<v1::Report> expected = study->Score(scoring);
  ASSERT_TRUE(expected.ok()) << expected.status();
  EXPECT_EQ(result->body, *RenderJson(*expected));
}

TEST_F(ServerTest, CsvQueryParametersSetTheScale) {
  StartServer();
  httplib::Client client = Client();
  // On 1-7 with top box 6: importance 7, 6, 5 -> 2 of 3; satisfaction 1, 2,
  // 7 -> 1 of 3.
  const std::string survey =
      "respondent,outcome,importance,satisfaction\n"
      "r1,o1,7,1\n"
      "r2,o1,6,2\n"
      "r3,o1,5,7\n";
  const httplib::Result result =
      client.Post("/v1/score?scale=1-7&top_box=6", survey, "text/csv");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const v1::Report report = ParseReport(result->body);
  ASSERT_EQ(report.outcomes_size(), 1);
  EXPECT_NEAR(report.outcomes(0).importance(), 20.0 / 3, kTolerance);
  EXPECT_NEAR(report.outcomes(0).satisfaction(), 10.0 / 3, kTolerance);

  // Without top_box the top box is MAX - 1 = 6 as well; with top_box=7 only
  // the 7s count: importance 1 of 3.
  const httplib::Result seven =
      client.Post("/v1/score?scale=1-7&top_box=7", survey, "text/csv");
  ASSERT_TRUE(seven);
  ASSERT_EQ(seven->status, 200) << seven->body;
  EXPECT_NEAR(ParseReport(seven->body).outcomes(0).importance(), 10.0 / 3,
              kTolerance);

  // 7 is off the default 1-5 scale: refused, naming where.
  const httplib::Result off_scale =
      client.Post("/v1/score", survey, "text/csv; charset=utf-8");
  ASSERT_TRUE(off_scale);
  EXPECT_EQ(off_scale->status, 400);
  EXPECT_EQ(ErrorCode(off_scale->body), "INVALID_ARGUMENT");
  EXPECT_THAT(off_scale->body, HasSubstr("line 2, column 3"));
}

TEST_F(ServerTest, ScoresAJsonScoreRequest) {
  StartServer();
  httplib::Client client = Client();
  const std::string request = R"({
    "study": {
      "outcomes": [{"id": "o1", "statement": "Minimize the time"}],
      "respondents": [
        {"id": "r1", "attributes": {"role": "a"},
         "answers": [{"outcomeId": "o1", "importance": 5, "satisfaction": 2}]},
        {"id": "r2", "attributes": {"role": "a"},
         "answers": [{"outcomeId": "o1", "importance": 4, "satisfaction": 1}]},
        {"id": "r3", "attributes": {"role": "b"},
         "answers": [{"outcomeId": "o1", "importance": 2, "satisfaction": 5}]}
      ]
    },
    "options": {"segmentBy": "role"},
    "someFutureField": true
  })";
  const httplib::Result result =
      client.Post("/v1/score", request, "application/json");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const v1::Report report = ParseReport(result->body);
  ASSERT_EQ(report.outcomes_size(), 1);
  EXPECT_EQ(report.outcomes(0).statement(), "Minimize the time");
  EXPECT_NEAR(report.outcomes(0).importance(), 20.0 / 3, kTolerance);
  EXPECT_NEAR(report.outcomes(0).satisfaction(), 10.0 / 3, kTolerance);
  EXPECT_NEAR(report.outcomes(0).opportunity(), 10.0, kTolerance);
  EXPECT_EQ(report.outcomes(0).band(), v1::BAND_UNDERSERVED);
  // Segment a: importance 2 of 2 (10), satisfaction 0 of 2 (0): 20.
  ASSERT_EQ(report.segments_size(), 2);
  EXPECT_EQ(report.segments(0).name(), "a");
  EXPECT_NEAR(report.segments(0).outcomes(0).opportunity(), 20.0, kTolerance);
}

TEST_F(ServerTest, BadJsonRequestsAre400) {
  StartServer();
  httplib::Client client = Client();
  const httplib::Result not_json =
      client.Post("/v1/score", "{\"study\": [", "application/json");
  ASSERT_TRUE(not_json);
  EXPECT_EQ(not_json->status, 400);
  EXPECT_EQ(ErrorCode(not_json->body), "INVALID_ARGUMENT");
  EXPECT_THAT(not_json->body, HasSubstr("jtbd.v1.ScoreRequest"));

  // Rating 9 on a 1-5 scale: the path from the request root.
  const httplib::Result off_scale = client.Post(
      "/v1/score",
      R"({"study": {"outcomes": [{"id": "o1"}], "respondents": [{"id": "r1",
          "answers": [{"outcomeId": "o1", "importance": 9}]}]}})",
      "application/json");
  ASSERT_TRUE(off_scale);
  EXPECT_EQ(off_scale->status, 400);
  EXPECT_THAT(off_scale->body,
              HasSubstr("study.respondents[0].answers[0].importance"));

  // Options travel in the body, not in the query.
  const httplib::Result with_query = client.Post(
      "/v1/score?segment_by=role", R"({"study": {}})", "application/json");
  ASSERT_TRUE(with_query);
  EXPECT_EQ(with_query->status, 400);
  EXPECT_THAT(with_query->body, HasSubstr("segment_by"));
}

TEST_F(ServerTest, BadCsvIs400NamingLineAndColumn) {
  StartServer();
  httplib::Client client = Client();
  const std::string survey =
      "respondent,outcome,importance,satisfaction\n"
      "r1,o1,5,2\n"
      "r2,o1,x,1\n";
  const httplib::Result result = client.Post("/v1/score", survey, "text/csv");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(ErrorCode(result->body), "INVALID_ARGUMENT");
  EXPECT_THAT(result->body,
              HasSubstr("body: line 3, column 3 (\\\"importance\\\")"));
}

TEST_F(ServerTest, BadQueryParametersAre400) {
  StartServer();
  httplib::Client client = Client();
  for (const char* query :
       {"?segmentBy=role", "?scale=5", "?scale=1-5&scale=1-7", "?top_box=high",
        "?scale=1-5&top_box=6", "?segment_by="}) {
    SCOPED_TRACE(query);
    const httplib::Result result =
        client.Post(absl::StrCat("/v1/score", query), kSmallCsv, "text/csv");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400);
    EXPECT_EQ(ErrorCode(result->body), "INVALID_ARGUMENT") << result->body;
  }
  // A segment column no respondent has: 400, naming the columns there are.
  const std::string with_role =
      "respondent,role,outcome,importance,satisfaction\n"
      "r1,a,o1,5,2\n";
  const httplib::Result missing =
      client.Post("/v1/score?segment_by=region", with_role, "text/csv");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 400);
  EXPECT_EQ(ErrorCode(missing->body), "NOT_FOUND");
  EXPECT_THAT(missing->body, HasSubstr("role"));
}

TEST_F(ServerTest, OtherMediaTypesAre415) {
  StartServer();
  httplib::Client client = Client();
  const httplib::Result result =
      client.Post("/v1/score", kSmallCsv, "application/x-www-form-urlencoded");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 415);
  EXPECT_THAT(result->body, HasSubstr("text/csv"));

  // curl's default for --data: refused as such before the body is read,
  // even when it is larger than httplib's own limit for form posts (8 KiB).
  const std::string survey = ReadFile(SurveyPath());
  ASSERT_GT(survey.size(), 8192u);
  const httplib::Result form =
      Client().Post("/v1/score", survey, "application/x-www-form-urlencoded");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 415);
  EXPECT_EQ(ErrorCode(form->body), "INVALID_ARGUMENT");
  const httplib::Result none = Client().Post("/v1/score", survey, "");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 415);
}

TEST_F(ServerTest, BodyOverTheLimitIs413) {
  ServerOptions options;
  options.limits.max_request_bytes = 1024;
  StartServer(options);
  httplib::Client client = Client();
  std::string survey = "respondent,outcome,importance,satisfaction\n";
  while (survey.size() <= 4096) survey += "r1,o1,5,2\n";
  const httplib::Result result = client.Post("/v1/score", survey, "text/csv");
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  EXPECT_EQ(result->status, 413);
  EXPECT_EQ(ErrorCode(result->body), "RESOURCE_EXHAUSTED");
  EXPECT_THAT(result->body,
              HasSubstr("the request body exceeds the limit max_request_bytes "
                        "= 1024"));
  EXPECT_THAT(result->body, HasSubstr("--max-request-bytes"));

  // Under the limit the same server scores.
  const httplib::Result small =
      Client().Post("/v1/score", kSmallCsv, "text/csv");
  ASSERT_TRUE(small);
  EXPECT_EQ(small->status, 200);
}

TEST_F(ServerTest, DefaultLimitsAreTheLibrarysWith64MiBBodies) {
  const ResourceLimits limits = ServerOptions().limits;
  EXPECT_EQ(limits.max_request_bytes, uint64_t{64} << 20);
  ResourceLimits library;
  library.max_request_bytes = limits.max_request_bytes;
  EXPECT_EQ(limits.max_columns, library.max_columns);
  EXPECT_EQ(limits.max_respondents, library.max_respondents);
  EXPECT_EQ(limits.max_bootstrap_resamples, 100000u);
}

TEST_F(ServerTest, RequestLimitsOfTheOptionsAre413) {
  ServerOptions options;
  options.limits.max_columns = 3;
  options.limits.max_bootstrap_resamples = 2000;  // the default's worth
  StartServer(options);
  // A long survey of 4 columns: over max_columns at the header's 4th field.
  const httplib::Result wide = Client().Post(
      "/v1/score", "respondent,outcome,importance,satisfaction\nr1,o1,5,2\n",
      "text/csv");
  ASSERT_TRUE(wide);
  EXPECT_EQ(wide->status, 413);
  EXPECT_EQ(ErrorCode(wide->body), "RESOURCE_EXHAUSTED");
  EXPECT_THAT(wide->body, HasSubstr("max_columns = 3"));
  // A JSON request asking for more resamples than the limit.
  const std::string study =
      R"("study": {"outcomes": [{"id": "o"}], "respondents": [
            {"id": "r", "answers": [{"outcomeId": "o", "importance": 5,
                                     "satisfaction": 1}]}]})";
  const httplib::Result resamples = Client().Post(
      "/v1/score",
      "{" + study + R"(, "options": {"bootstrapResamples": 2001}})",
      "application/json");
  ASSERT_TRUE(resamples);
  EXPECT_EQ(resamples->status, 413);
  EXPECT_THAT(resamples->body, HasSubstr("2001 resamples exceeds the limit "
                                         "max_bootstrap_resamples = 2000"));
  const httplib::Result within = Client().Post(
      "/v1/score", "{" + study + R"(, "options": {"bootstrapResamples": 10}})",
      "application/json");
  ASSERT_TRUE(within);
  EXPECT_EQ(within->status, 200) << within->body;
}

TEST_F(ServerTest, TokenIsRequiredOnV1ButNotOnHealthz) {
  ServerOptions options;
  options.token = "s3cret-Token_1";
  StartServer(options);

  const httplib::Result missing =
      Client().Post("/v1/score", kSmallCsv, "text/csv");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 401);
  EXPECT_EQ(ErrorCode(missing->body), "UNAUTHENTICATED");
  EXPECT_THAT(missing->get_header_value("WWW-Authenticate"),
              StartsWith("Bearer"));

  for (const char* wrong : {"Bearer s3cret-Token_2", "Bearer s3cret-Token",
                            "Bearer s3cret-Token_12", "Basic s3cret-Token_1",
                            "s3cret-Token_1", "Bearer "}) {
    SCOPED_TRACE(wrong);
    httplib::Client client = Client();
    client.set_default_headers({{"Authorization", wrong}});
    const httplib::Result result =
        client.Post("/v1/score", kSmallCsv, "text/csv");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 401);
  }

  httplib::Client authorized = Client();
  authorized.set_bearer_token_auth("s3cret-Token_1");
  const httplib::Result ok =
      authorized.Post("/v1/score", kSmallCsv, "text/csv");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  EXPECT_NEAR(ParseReport(ok->body).outcomes(0).opportunity(), 10.0,
              kTolerance);

  // The scheme is case-insensitive (RFC 7235).
  httplib::Client lower = Client();
  lower.set_default_headers({{"Authorization", "bearer s3cret-Token_1"}});
  const httplib::Result lower_ok =
      lower.Post("/v1/score", kSmallCsv, "text/csv");
  ASSERT_TRUE(lower_ok);
  EXPECT_EQ(lower_ok->status, 200);

  const httplib::Result health = Client().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST_F(ServerTest, UnknownPathsAre404AndWrongMethods405) {
  StartServer();
  httplib::Client client = Client();
  const httplib::Result unknown =
      client.Post("/v1/scores", kSmallCsv, "text/csv");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(ErrorCode(unknown->body), "NOT_FOUND");
  const httplib::Result root = client.Get("/");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->status, 404);

  const httplib::Result get_score = client.Get("/v1/score");
  ASSERT_TRUE(get_score);
  EXPECT_EQ(get_score->status, 405);
  EXPECT_EQ(get_score->get_header_value("Allow"), "POST");
  EXPECT_EQ(ErrorCode(get_score->body), "UNIMPLEMENTED");
  const httplib::Result delete_score = client.Delete("/v1/score");
  ASSERT_TRUE(delete_score);
  EXPECT_EQ(delete_score->status, 405);
  const httplib::Result post_health = client.Post("/healthz", "", "text/csv");
  ASSERT_TRUE(post_health);
  EXPECT_EQ(post_health->status, 405);
  EXPECT_EQ(post_health->get_header_value("Allow"), "GET");
}

TEST_F(ServerTest, EightConcurrentClientsGetTheirOwnAnswers) {
  StartServer();
  const std::string survey = ReadFile(SurveyPath());
  // Each client sends a different request; every answer must be the one for
  // that request, however the workers interleave.
  constexpr int kClients = 8;
  constexpr int kRequestsPerClient = 4;
  std::vector<std::string> expected(kClients);
  for (int i = 0; i < kClients; ++i) {
    ReadOptions read_options;
    absl::StatusOr<Study> study = ReadSurveyCsvFile(SurveyPath(), read_options);
    ASSERT_TRUE(study.ok());
    v1::ScoringOptions scoring;
    if (i % 2 == 1) scoring.set_segment_by(i % 4 == 1 ? "segment" : "role");
    expected[i] = *RenderJson(*study->Score(scoring));
  }
  std::atomic<int> correct{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      httplib::Client client = Client();
      const std::string path =
          i % 2 == 0 ? "/v1/score"
                     : absl::StrCat("/v1/score?segment_by=",
                                    i % 4 == 1 ? "segment" : "role");
      for (int request = 0; request < kRequestsPerClient; ++request) {
        const httplib::Result result = client.Post(path, survey, "text/csv");
        if (result && result->status == 200 && result->body == expected[i]) {
          ++correct;
        }
      }
    });
  }
  for (std::thread& client : clients) client.join();
  EXPECT_EQ(correct.load(), kClients * kRequestsPerClient);
}

TEST_F(ServerTest, SegmentsACsvBodyAsTheEndpointDoes) {
  StartServer();
  const std::string survey = ReadFile(SurveyPath());
  const httplib::Result result = Client().Post(
      "/v1/segment?k=3&seed=7&starts=5&bootstrap=0", survey, "text/csv");
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  ASSERT_EQ(result->status, 200) << result->body;
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(
      result->body,
      Segment("text/csv", survey,
              {{"k", "3"}, {"seed", "7"}, {"starts", "5"}, {"bootstrap", "0"}})
          .body);
  EXPECT_THAT(result->body, HasSubstr("\"k\": 3"));

  const httplib::Result form =
      Client().Post("/v1/segment", survey, "application/x-www-form-urlencoded");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 415);
  const httplib::Result json =
      Client().Post("/v1/segment", "{}", "application/json");
  ASSERT_TRUE(json);
  EXPECT_EQ(json->status, 415);
  const httplib::Result get = Client().Get("/v1/segment");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 405);
  EXPECT_EQ(get->get_header_value("Allow"), "POST");
  const httplib::Result bad =
      Client().Post("/v1/segment?k=1", survey, "text/csv");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(ErrorCode(bad->body), "INVALID_ARGUMENT");
}

// The routes of the JSON bodies of several files: what the endpoint
// functions answer, 415 for another media type, 405 for GET.
TEST_F(ServerTest, ComparesAndPrioritizesAsTheEndpointsDo) {
  StartServer();
  const std::string survey = ReadFile(SurveyPath());
  const std::string compare_body =
      absl::StrCat("{\"first\": ", JsonString(survey),
                   ", \"second\": ", JsonString(survey), "}");
  const httplib::Result compared =
      Client().Post("/v1/compare?adjust=bh", compare_body, "application/json");
  ASSERT_TRUE(compared) << httplib::to_string(compared.error());
  ASSERT_EQ(compared->status, 200) << compared->body;
  EXPECT_EQ(compared->body,
            Compare("application/json", compare_body, {{"adjust", "bh"}}).body);
  const std::string initiatives =
      "initiative,cost,outcome,uplift\nfaster,5,o01,2\nclearer,3,o02,1\n";
  const std::string prioritize_body =
      absl::StrCat("{\"survey\": ", JsonString(survey),
                   ", \"initiatives\": ", JsonString(initiatives), "}");
  const httplib::Result prioritized =
      Client().Post("/v1/prioritize?budget=6&resamples=0", prioritize_body,
                    "application/json");
  ASSERT_TRUE(prioritized);
  ASSERT_EQ(prioritized->status, 200) << prioritized->body;
  EXPECT_EQ(prioritized->body, Prioritize("application/json", prioritize_body,
                                          {{"budget", "6"}, {"resamples", "0"}})
                                   .body);
  for (const char* path : {"/v1/compare", "/v1/prioritize"}) {
    const httplib::Result csv = Client().Post(path, survey, "text/csv");
    ASSERT_TRUE(csv);
    EXPECT_EQ(csv->status, 415) << path;
    const httplib::Result get = Client().Get(path);
    ASSERT_TRUE(get);
    EXPECT_EQ(get->status, 405) << path;
  }
}

TEST_F(ServerTest, SegmentNeedsTheTokenAndKeepsTheBodyLimit) {
  ServerOptions options;
  options.token = "t0ken";
  options.limits.max_request_bytes = 1024;
  StartServer(options);
  const std::string survey = ReadFile(SurveyPath());
  const httplib::Result missing =
      Client().Post("/v1/segment", survey, "text/csv");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 401);
  httplib::Client authorized = Client();
  authorized.set_bearer_token_auth("t0ken");
  const httplib::Result large =
      authorized.Post("/v1/segment", survey, "text/csv");
  ASSERT_TRUE(large);
  EXPECT_EQ(large->status, 413);
  EXPECT_EQ(ErrorCode(large->body), "RESOURCE_EXHAUSTED");
}

TEST_F(ServerTest, ChunkedBodiesAreReadWhole) {
  StartServer();
  const std::string survey = ReadFile(SurveyPath());
  // No Content-Length: the body arrives in chunks of 1000 bytes.
  const httplib::Result chunked = Client().Post(
      "/v1/score?segment_by=segment",
      [&survey](size_t offset, httplib::DataSink& sink) {
        if (offset < survey.size()) {
          sink.write(survey.data() + offset,
                     std::min<size_t>(1000, survey.size() - offset));
        } else {
          sink.done();
        }
        return true;
      },
      "text/csv");
  ASSERT_TRUE(chunked) << httplib::to_string(chunked.error());
  ASSERT_EQ(chunked->status, 200) << chunked->body;
  const httplib::Result whole =
      Client().Post("/v1/score?segment_by=segment", survey, "text/csv");
  ASSERT_TRUE(whole);
  EXPECT_EQ(chunked->body, whole->body);
}

TEST_F(ServerTest, StopsAndFreesThePort) {
  StartServer();
  const int port = server_->port();
  EXPECT_TRUE(server_->serving());
  server_->Stop();
  EXPECT_FALSE(server_->serving());
  server_->Stop();  // idempotent
  httplib::Client client(kLoopback, port);
  client.set_connection_timeout(2);
  EXPECT_FALSE(client.Get("/healthz"));
}

TEST(ServerStartTest, RefusesAPortInUse) {
  ServerOptions options;
  options.port = 0;
  absl::StatusOr<std::unique_ptr<Server>> first = Server::Start(options);
  ASSERT_TRUE(first.ok()) << first.status();
  options.port = (*first)->port();
  absl::StatusOr<std::unique_ptr<Server>> second = Server::Start(options);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(second.status().message()),
              HasSubstr(absl::StrCat("port ", options.port)));
}

TEST(ServerStartTest, BindsLoopbackByDefault) {
  EXPECT_EQ(ServerOptions().bind_address, "127.0.0.1");
  ServerOptions options;
  options.port = 70000;
  absl::StatusOr<std::unique_ptr<Server>> server = Server::Start(options);
  ASSERT_FALSE(server.ok());
  EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace serve
}  // namespace jtbd
