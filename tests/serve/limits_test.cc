// The sidecar's request handling under hostile input: deeply nested JSON is
// refused before protobuf parses it (413, RESOURCE_EXHAUSTED), and CSV
// bodies meet the readers' default limits.
#include <string>

#include "core/resource_limits.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "serve/score_endpoint.h"

namespace jtbd {
namespace serve {
namespace {

using ::testing::HasSubstr;

TEST(ServeLimitsTest, MillionDeepJsonIsRefusedQuickly) {
  const std::string body = "{\"unknown\": " + std::string(1000000, '[') +
                           std::string(1000000, ']') + "}";
  const JsonReply reply = Score("application/json", body, {});
  EXPECT_EQ(reply.status, 413);
  EXPECT_THAT(reply.body, HasSubstr("RESOURCE_EXHAUSTED"));
  EXPECT_THAT(reply.body, HasSubstr("the body: line 1, column 112"));
  EXPECT_THAT(reply.body, HasSubstr("max_json_depth = 100"));
}

TEST(ServeLimitsTest, JsonAtTheDepthLimitIsParsed) {
  // 100 levels: the object and 99 arrays in an unknown field (ignored).
  const std::string body =
      "{\"unknown\": " + std::string(99, '[') + std::string(99, ']') + "}";
  EXPECT_EQ(Score("application/json", body, {}).status, 200);
}

TEST(ServeLimitsTest, CsvBodyWiderThanTheColumnLimit) {
  const std::string body = std::string(100000, ',') + "\n";
  const JsonReply reply = Score("text/csv", body, {});
  EXPECT_EQ(reply.status, 413);
  EXPECT_THAT(reply.body, HasSubstr("max_columns = 20000"));
}

TEST(ServeLimitsTest, BodyOverMaxRequestBytesOfAnyCaller) {
  ResourceLimits limits;
  limits.max_request_bytes = 10;
  const JsonReply reply = Score("text/csv", std::string(11, 'x'), {}, limits);
  EXPECT_EQ(reply.status, 413);
  EXPECT_THAT(reply.body, HasSubstr("the body: 11 bytes exceeds the limit "
                                    "max_request_bytes = 10"));
}

TEST(ServeLimitsTest, CsvBodyIsReadWithTheLimits) {
  const std::string body =
      "respondent,outcome,importance,satisfaction\n"
      "r1,o1,5,2\nr2,o1,4,4\nr3,o1,1,5\n";
  ResourceLimits limits;
  limits.max_respondents = 3;
  EXPECT_EQ(Score("text/csv", body, {}, limits).status, 200);
  limits.max_respondents = 2;
  const JsonReply reply = Score("text/csv", body, {}, limits);
  EXPECT_EQ(reply.status, 413);
  EXPECT_THAT(reply.body, HasSubstr("body: line 4, column 1"));
  EXPECT_THAT(reply.body, HasSubstr("respondent 3 exceeds the limit "
                                    "max_respondents = 2"));
}

TEST(ServeLimitsTest, CsvBodyScoresTheDefaultResamplesWithinTheLimit) {
  const std::string body =
      "respondent,outcome,importance,satisfaction\nr1,o1,5,2\n";
  ResourceLimits limits;
  limits.max_bootstrap_resamples = 1999;
  const JsonReply reply = Score("text/csv", body, {}, limits);
  EXPECT_EQ(reply.status, 413);
  EXPECT_THAT(reply.body, HasSubstr("2000 resamples exceeds the limit "
                                    "max_bootstrap_resamples = 1999"));
  limits.max_bootstrap_resamples = 2000;
  EXPECT_EQ(Score("text/csv", body, {}, limits).status, 200);
}

TEST(ServeLimitsTest, JsonRequestHeldToTheLimitsAsTheCApiHoldsIt) {
  const std::string body =
      R"({"study": {"outcomes": [{"id": "a"}, {"id": "b"}]}})";
  ResourceLimits limits;
  limits.max_outcomes = 1;
  const JsonReply outcomes = Score("application/json", body, {}, limits);
  EXPECT_EQ(outcomes.status, 413);
  EXPECT_THAT(outcomes.body, HasSubstr("study: the study's 2 outcomes exceeds "
                                       "the limit max_outcomes = 1"));
  limits = ResourceLimits();
  limits.max_json_depth = 2;
  const JsonReply depth = Score("application/json", body, {}, limits);
  EXPECT_EQ(depth.status, 413);
  EXPECT_THAT(depth.body,
              HasSubstr("the body: line 1, column 24: the nesting"));
  EXPECT_EQ(Score("application/json", "{\"x\": 1", {}).status, 400);
  EXPECT_THAT(Score("application/json", "{\"x\": 1", {}).body,
              HasSubstr("the body: not a jtbd.v1.ScoreRequest in protobuf "
                        "JSON"));
}

}  // namespace
}  // namespace serve
}  // namespace jtbd
