// POST /v1/score with application/x-protobuf: a serialized ScoreRequest in,
// a serialized Report out, held to the limits as JSON requests are; errors
// stay JSON. Without sockets (serve::Score), then once over HTTP. Scores are
// checked against counts taken by hand.
#include "serve/score_protobuf.h"

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "core/resource_limits.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"
#include "render/report_render.h"
#include "serve/score_endpoint.h"
#include "serve/server.h"

namespace jtbd {
namespace serve {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kProtobuf[] = "application/x-protobuf";
constexpr double kTolerance = 1e-12;

// One outcome, three respondents: importance 5, 4, 2 (2 of 3 top box:
// 6.67), satisfaction 2, 1, 5 (1 of 3: 3.33); opportunity 6.67 + 3.33 = 10,
// underserved. Role a (r1, r2): importance 10, satisfaction 0, opportunity
// 20.
v1::ScoreRequest SmallRequest() {
  v1::ScoreRequest request;
  v1::DesiredOutcome* outcome = request.mutable_study()->add_outcomes();
  outcome->set_id("o1");
  outcome->set_statement("Minimize the time");
  const struct {
    const char* id;
    const char* role;
    int importance;
    int satisfaction;
  } kRows[] = {{"r1", "a", 5, 2}, {"r2", "a", 4, 1}, {"r3", "b", 2, 5}};
  for (const auto& row : kRows) {
    v1::Respondent* respondent = request.mutable_study()->add_respondents();
    respondent->set_id(row.id);
    (*respondent->mutable_attributes())["role"] = row.role;
    v1::Answer* answer = respondent->add_answers();
    answer->set_outcome_id("o1");
    answer->set_importance(row.importance);
    answer->set_satisfaction(row.satisfaction);
  }
  request.mutable_options()->set_segment_by("role");
  return request;
}

void ExpectSmallReport(const v1::Report& report) {
  EXPECT_EQ(report.respondent_count(), 3u);
  ASSERT_EQ(report.outcomes_size(), 1);
  const v1::OutcomeScore& outcome = report.outcomes(0);
  EXPECT_EQ(outcome.statement(), "Minimize the time");
  EXPECT_EQ(outcome.importance_top_box_count(), 2u);
  EXPECT_EQ(outcome.satisfaction_top_box_count(), 1u);
  EXPECT_NEAR(outcome.importance(), 20.0 / 3, kTolerance);
  EXPECT_NEAR(outcome.satisfaction(), 10.0 / 3, kTolerance);
  EXPECT_NEAR(outcome.opportunity(), 10.0, kTolerance);
  EXPECT_EQ(outcome.band(), v1::BAND_UNDERSERVED);
  ASSERT_EQ(report.segments_size(), 2);
  EXPECT_EQ(report.segments(0).name(), "a");
  EXPECT_NEAR(report.segments(0).outcomes(0).opportunity(), 20.0, kTolerance);
}

v1::Report ParseBinaryReport(const JsonReply& reply) {
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.content_type, kProtobuf);
  v1::Report report;
  EXPECT_TRUE(report.ParseFromString(reply.body));
  return report;
}

TEST(ScoreProtobufTest, ABinaryRequestGetsABinaryReport) {
  const std::string request = SmallRequest().SerializeAsString();
  ExpectSmallReport(ParseBinaryReport(Score(kProtobuf, request, {})));
  // Media type parameters are ignored, as for the other types.
  EXPECT_TRUE(IsScoreMediaType("Application/X-Protobuf; proto=jtbd.v1"));
  ExpectSmallReport(ParseBinaryReport(
      Score("Application/X-Protobuf; proto=jtbd.v1", request, {})));
}

TEST(ScoreProtobufTest, TheSameReportAsTheJsonRequest) {
  std::string json;
  ASSERT_TRUE(
      google::protobuf::util::MessageToJsonString(SmallRequest(), &json).ok());
  const JsonReply as_json = Score("application/json", json, {});
  ASSERT_EQ(as_json.status, 200) << as_json.body;
  const v1::Report report = ParseBinaryReport(
      Score(kProtobuf, SmallRequest().SerializeAsString(), {}));
  absl::StatusOr<std::string> rendered = RenderJson(report);
  ASSERT_TRUE(rendered.ok()) << rendered.status();
  EXPECT_EQ(*rendered, as_json.body);
}

TEST(ScoreProtobufTest, AnEmptyBodyIsAnEmptyRequest) {
  const v1::Report report = ParseBinaryReport(Score(kProtobuf, "", {}));
  EXPECT_EQ(report.respondent_count(), 0u);
  EXPECT_EQ(report.outcomes_size(), 0);
}

TEST(ScoreProtobufTest, ErrorsStayJson) {
  // Field 1 (study) announced with a length past the end.
  const JsonReply garbage = Score(kProtobuf, std::string("\x0a\x7f", 2), {});
  EXPECT_EQ(garbage.status, 400);
  EXPECT_EQ(garbage.content_type, "application/json");
  EXPECT_THAT(garbage.body, StartsWith("{\"error\":{\"code\":"
                                       "\"INVALID_ARGUMENT\""));
  EXPECT_THAT(garbage.body, HasSubstr("the body: the 2 bytes are not a "
                                      "serialized jtbd.v1.ScoreRequest"));

  v1::ScoreRequest off_scale = SmallRequest();
  off_scale.mutable_study()
      ->mutable_respondents(0)
      ->mutable_answers(0)
      ->set_importance(9);
  const JsonReply study = Score(kProtobuf, off_scale.SerializeAsString(), {});
  EXPECT_EQ(study.status, 400);
  EXPECT_EQ(study.content_type, "application/json");
  EXPECT_THAT(study.body,
              HasSubstr("study.respondents[0].answers[0].importance"));

  QueryParams params;
  params.emplace("segment_by", "role");
  const JsonReply query =
      Score(kProtobuf, SmallRequest().SerializeAsString(), params);
  EXPECT_EQ(query.status, 400);
  EXPECT_THAT(query.body,
              HasSubstr("query parameter segment_by: an "
                        "application/x-protobuf request carries its options "
                        "in the body"));
}

TEST(ScoreProtobufTest, HeldToTheLimitsAsJsonRequestsAre) {
  const std::string request = SmallRequest().SerializeAsString();
  ResourceLimits limits;
  limits.max_respondents = 2;
  const JsonReply respondents = Score(kProtobuf, request, {}, limits);
  EXPECT_EQ(respondents.status, 413);
  EXPECT_EQ(respondents.content_type, "application/json");
  EXPECT_THAT(respondents.body, HasSubstr("RESOURCE_EXHAUSTED"));
  EXPECT_THAT(respondents.body, HasSubstr("max_respondents = 2"));

  limits = ResourceLimits();
  limits.max_bootstrap_resamples = 1999;
  const JsonReply resamples = Score(kProtobuf, request, {}, limits);
  EXPECT_EQ(resamples.status, 413);
  EXPECT_THAT(resamples.body, HasSubstr("2000 resamples exceeds the limit "
                                        "max_bootstrap_resamples = 1999"));

  limits = ResourceLimits();
  limits.max_request_bytes = request.size() - 1;
  const JsonReply size = Score(kProtobuf, request, {}, limits);
  EXPECT_EQ(size.status, 413);
  EXPECT_THAT(size.body, HasSubstr("max_request_bytes"));
  limits.max_request_bytes = request.size();
  EXPECT_EQ(Score(kProtobuf, request, {}, limits).status, 200);
}

TEST(ScoreProtobufServerTest, OverHttpWithTheContentTypes) {
  ServerOptions options;
  options.port = 0;
  absl::StatusOr<std::unique_ptr<Server>> server = Server::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  httplib::Client client("127.0.0.1", (*server)->port());
  client.set_connection_timeout(5);
  client.set_read_timeout(30);

  const httplib::Result scored =
      client.Post("/v1/score", SmallRequest().SerializeAsString(), kProtobuf);
  ASSERT_TRUE(scored);
  ASSERT_EQ(scored->status, 200) << scored->body;
  EXPECT_EQ(scored->get_header_value("Content-Type"), kProtobuf);
  v1::Report report;
  ASSERT_TRUE(report.ParseFromString(scored->body));
  ExpectSmallReport(report);

  const httplib::Result refused =
      client.Post("/v1/score", std::string("\x0a\x7f", 2), kProtobuf);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_EQ(refused->get_header_value("Content-Type"), "application/json");
  EXPECT_THAT(refused->body, HasSubstr("jtbd.v1.ScoreRequest"));
}

}  // namespace
}  // namespace serve
}  // namespace jtbd
