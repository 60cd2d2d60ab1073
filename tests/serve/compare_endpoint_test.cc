// POST /v1/compare without sockets: the body's two waves and the query
// parameters mean what `jtbd compare`'s arguments and flags mean (the reply
// is byte for byte the command's JSON, its golden output), and every
// refusal is a JSON error with its status.
#include "serve/compare_endpoint.h"

#include <fstream>
#include <iterator>
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "core/resource_limits.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
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

// The stdout of a golden case of the command.
std::string GoldenStdout(const std::string& name) {
  const std::string text = SourceFile("tests/data/golden/" + name + ".out");
  const std::string start = "--- stdout\n";
  const size_t begin = text.find(start) + start.size();
  return text.substr(begin, text.find("--- stderr", begin) - begin);
}

std::string Body(const std::string& first, const std::string& second) {
  return absl::StrCat("{\"first\": ", JsonString(first),
                      ", \"second\": ", JsonString(second), "}");
}

std::string ExampleBody() {
  return Body(SourceFile("examples/survey.csv"),
              SourceFile("examples/survey_wave2.csv"));
}

TEST(CompareTest, RepliesAsTheCommand) {
  const JsonReply reply = Compare("application/json; charset=utf-8",
                                  ExampleBody(), {{"segment_by", "segment"}});
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.content_type, "application/json");
  EXPECT_EQ(reply.body, GoldenStdout("compare_segments_json"));
}

TEST(CompareTest, AdjustAndConfidenceMeanTheFlags) {
  const JsonReply reply = Compare("application/json", ExampleBody(),
                                  {{"adjust", "bh"}, {"confidence", "0.9"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_THAT(reply.body, HasSubstr("\"confidenceLevel\": 0.9,"));
  EXPECT_THAT(reply.body, HasSubstr("P_VALUE_ADJUSTMENT_BH"));
}

TEST(CompareTest, Base64WaveEqualsText) {
  const std::string first = SourceFile("examples/survey.csv");
  const std::string second = SourceFile("examples/survey_wave2.csv");
  const std::string body =
      absl::StrCat("{\"firstBase64\": \"", absl::Base64Escape(first),
                   "\", \"second\": ", JsonString(second), "}");
  const JsonReply reply = Compare("application/json", body, {});
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.body, Compare("application/json", ExampleBody(), {}).body);
}

TEST(CompareTest, Refusals) {
  const std::string body = ExampleBody();
  EXPECT_EQ(Compare("text/csv", body, {}).status, 415);
  JsonReply reply = Compare("application/json", "[1, 2]", {});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("not a JSON object"));
  reply = Compare("application/json", "{\"first\": \"x\"}", {});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("second"));
  reply = Compare("application/json",
                  "{\"first\": \"x\", \"firstBase64\": \"eA==\", "
                  "\"second\": \"y\"}",
                  {});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("not both"));
  reply =
      Compare("application/json",
              "{\"first\": \"x\", \"second\": \"y\", \"third\": \"z\"}", {});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("unknown field"));
  reply = Compare("application/json",
                  "{\"firstBase64\": \"!!\", \"second\": \"y\"}", {});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("not valid base64"));
  reply = Compare("application/json", "{\"first\": 3, \"second\": \"y\"}", {});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("must be a string"));
  reply = Compare("application/json", body, {{"adjust", "none"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("holm or bh"));
  reply = Compare("application/json", body, {{"k", "3"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("unknown query parameter"));
  // A bad wave is named, with its line and column.
  const std::string bad = Body(SourceFile("examples/survey.csv"),
                               "respondent_id,imp_o01,sat_o01\nr1,9,2\n");
  reply = Compare("application/json", bad, {});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("second"));
  reply = Compare("application/json",
                  Body("respondent_id,imp_o1,sat_o1\nr1,5,2\n",
                       "respondent_id,imp_o9,sat_o9\nr1,5,2\n"),
                  {});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("FAILED_PRECONDITION"));
}

TEST(CompareTest, BodyOverTheLimitIs413) {
  ResourceLimits limits;
  limits.max_request_bytes = 16;
  const JsonReply reply =
      Compare("application/json", ExampleBody(), {}, limits);
  EXPECT_EQ(reply.status, 413);
}

}  // namespace
}  // namespace serve
}  // namespace jtbd
