// POST /v1/forces and /v1/forces/predict without sockets: the body (CSV or
// SwitchInterviews JSON) and the query parameters mean what `jtbd forces`'
// file and flags mean (the reply is byte for byte the command's JSON, its
// golden output), a model sent in the request scores deals exactly as
// `jtbd forces --apply` does, and every refusal is a JSON error with its
// status and position.
#include "serve/forces_endpoint.h"

#include <fstream>
#include <iterator>
#include <string>

#include "absl/strings/str_cat.h"
#include "core/resource_limits.h"
#include "forces/interview_reader.h"
#include "forces/propensity_model.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "jtbd/v1/forces.pb.h"
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

std::string GoldenStdout(const std::string& name) {
  const std::string text = SourceFile("tests/data/golden/" + name + ".out");
  const std::string start = "--- stdout\n";
  const size_t begin = text.find(start) + start.size();
  return text.substr(begin, text.find("--- stderr", begin) - begin);
}

std::string ToJson(const google::protobuf::Message& message) {
  std::string json;
  EXPECT_TRUE(google::protobuf::util::MessageToJsonString(message, &json).ok());
  return json;
}

// The request `jtbd forces --apply` answers from the files of its golden
// case, as a CRM would send it.
std::string PredictRequest() {
  const absl::StatusOr<forces::PropensityModel> model =
      forces::LoadPropensityModelFile(std::string(JTBD_SOURCE_DIR) +
                                      "/tests/data/forces/example_model.jtbd");
  EXPECT_TRUE(model.ok()) << model.status();
  forces::InterviewReadOptions open;
  open.require_outcome = false;
  const absl::StatusOr<v1::SwitchInterviews> deals = forces::ReadInterviewsCsv(
      SourceFile("tests/data/forces/open_deals.csv"), "deals", open);
  EXPECT_TRUE(deals.ok()) << deals.status();
  v1::ForcePredictionRequest request;
  *request.mutable_model() = model->proto();
  *request.mutable_interviews() = deals->interviews();
  return ToJson(request);
}

TEST(ForcesEndpointTest, CsvRepliesAsTheCommand) {
  const JsonReply reply = Forces("text/csv; charset=utf-8",
                                 SourceFile("examples/interviews.csv"), {});
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.content_type, "application/json");
  EXPECT_EQ(reply.body, GoldenStdout("forces_json"));
}

TEST(ForcesEndpointTest, JsonInterviewsReplyAsTheirCsv) {
  const absl::StatusOr<v1::SwitchInterviews> interviews =
      forces::ReadInterviewsCsv(SourceFile("examples/interviews.csv"), "x");
  ASSERT_TRUE(interviews.ok()) << interviews.status();
  const JsonReply reply = Forces("application/json", ToJson(*interviews), {});
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.body, GoldenStdout("forces_json"));
}

TEST(ForcesEndpointTest, QueryParametersMeanTheFlags) {
  const JsonReply reply =
      Forces("text/csv", SourceFile("tests/data/forces/interviews_fr.csv"),
             {{"folds", "3"}});
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.body, GoldenStdout("forces_french_bom_semicolon_json"));
  const JsonReply seeded =
      Forces("text/csv", SourceFile("examples/interviews.csv"),
             {{"seed", "7"}, {"confidence", "0.9"}, {"l2", "2"}});
  ASSERT_EQ(seeded.status, 200) << seeded.body;
  EXPECT_THAT(seeded.body, HasSubstr("\"seed\": \"7\""));
  EXPECT_THAT(seeded.body, HasSubstr("\"confidenceLevel\": 0.9"));
  EXPECT_THAT(seeded.body, HasSubstr("\"l2Penalty\": 2"));
}

TEST(ForcesEndpointTest, RefusalsAreJsonErrors) {
  const std::string csv = SourceFile("examples/interviews.csv");
  JsonReply reply = Forces("text/csv", csv, {{"folds", "1"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("query parameter folds=\\\"1\\\""));
  reply = Forces("text/csv", csv, {{"sgment_by", "x"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("unknown query parameter"));
  reply = Forces("text/csv", csv, {{"segment_by", "nope"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("nope"));
  reply = Forces("text/csv",
                 "interview,force,intensity,switched\nA,push,9,yes\n", {});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("body: line 2, column 3"));
  reply = Forces("application/json", "{\"interviews\": [{\"id\": \"a\"}]}", {});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("interviews[0]"));
  reply = Forces("text/plain", csv, {});
  EXPECT_EQ(reply.status, 415);
  ResourceLimits small;
  small.max_request_bytes = 100;
  reply = Forces("text/csv", csv, {}, small);
  EXPECT_EQ(reply.status, 413);
}

TEST(ForcesEndpointTest, PredictRepliesAsApply) {
  const JsonReply reply =
      ForcesPredict("application/json", PredictRequest(), {});
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.body, GoldenStdout("forces_apply_json"));
}

TEST(ForcesEndpointTest, PredictTakesTheModelOfAForcesReply) {
  // The model.fitted of /v1/forces' reply, sent back with one deal: the
  // round trip a CRM makes.
  const absl::StatusOr<v1::SwitchInterviews> interviews =
      forces::ReadInterviewsCsv(SourceFile("examples/interviews.csv"), "x");
  ASSERT_TRUE(interviews.ok());
  const JsonReply analysis =
      Forces("application/json", ToJson(*interviews), {});
  ASSERT_EQ(analysis.status, 200);
  v1::ForcesReport report;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(analysis.body, &report).ok());
  const std::string body = absl::StrCat(
      "{\"model\": ", ToJson(report.model().fitted()),
      ", \"interviews\": [{\"id\": \"deal-42\", \"observations\": ["
      "{\"force\": \"FORCE_PUSH\", \"intensity\": 4},"
      "{\"force\": \"FORCE_HABIT\", \"intensity\": 2}]}]}");
  const JsonReply reply = ForcesPredict("application/json", body, {});
  ASSERT_EQ(reply.status, 200) << reply.body;
  v1::ForcePredictions predictions;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(reply.body, &predictions)
          .ok());
  ASSERT_EQ(predictions.predictions_size(), 1);
  const v1::ForcesModel& model = report.model().fitted();
  const double log_odds = model.intercept().estimate() +
                          4 * model.push().estimate() +
                          2 * model.habit().estimate();
  EXPECT_NEAR(predictions.predictions(0).log_odds(), log_odds, 1e-12);
  EXPECT_EQ(predictions.predictions(0).interview_id(), "deal-42");
}

TEST(ForcesEndpointTest, PredictRefusals) {
  JsonReply reply =
      ForcesPredict("application/json", "{\"interviews\": []}", {});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("no \\\"model\\\""));
  reply = ForcesPredict("application/json", "{\"modle\": {}}", {});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("ForcePredictionRequest"));
  reply = ForcesPredict("application/json",
                        "{\"model\": {\"formatVersion\": 9}, \"interviews\": "
                        "[{\"id\": \"a\"}]}",
                        {});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("body: model:"));
  std::string request = PredictRequest();
  const size_t intensity = request.find("\"intensity\":");
  ASSERT_NE(intensity, std::string::npos);
  request.replace(intensity, 13, "\"intensity\":7");
  reply = ForcesPredict("application/json", request, {});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("interviews[0]"));
  reply = ForcesPredict("application/json", PredictRequest(), {{"folds", "3"}});
  EXPECT_EQ(reply.status, 400);
  reply = ForcesPredict("text/csv", "x", {});
  EXPECT_EQ(reply.status, 415);
}

}  // namespace
}  // namespace serve
}  // namespace jtbd
