// The sidecar's request handling without sockets.
#include "serve/score_endpoint.h"

#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"  // the version macros

namespace jtbd {
namespace serve {
namespace {

using ::testing::HasSubstr;

TEST(JsonStringTest, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(JsonString(""), "\"\"");
  EXPECT_EQ(JsonString("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(JsonString("l1\nl2\r\t"), "\"l1\\nl2\\r\\t\"");
  EXPECT_EQ(JsonString(absl::string_view("\x01\0", 2)), "\"\\u0001\\u0000\"");
  EXPECT_EQ(JsonString("caf\xc3\xa9"), "\"caf\xc3\xa9\"");  // UTF-8 kept
}

TEST(JsonStringTest, ReplacesIllFormedUtf8) {
  // A lone continuation byte and a truncated two-byte sequence.
  EXPECT_EQ(JsonString("a\x80z"), "\"a\\ufffdz\"");
  EXPECT_EQ(JsonString("a\xc3"), "\"a\\ufffd\"");
}

TEST(ErrorReplyTest, MapsStatusCodesToHttp) {
  const JsonReply invalid = ErrorReply(absl::InvalidArgumentError("bad \"x\""));
  EXPECT_EQ(invalid.status, 400);
  EXPECT_EQ(invalid.body,
            "{\"error\":{\"code\":\"INVALID_ARGUMENT\","
            "\"message\":\"bad \\\"x\\\"\"}}\n");
  EXPECT_EQ(ErrorReply(absl::NotFoundError("column")).status, 400);
  EXPECT_EQ(ErrorReply(absl::FailedPreconditionError("x")).status, 400);
  EXPECT_EQ(ErrorReply(absl::ResourceExhaustedError("x")).status, 413);
  EXPECT_EQ(ErrorReply(absl::InternalError("x")).status, 500);
}

TEST(ScoreTest, MediaTypeDecidesTheReader) {
  const std::string csv =
      "respondent,outcome,importance,satisfaction\n"
      "r1,o1,5,2\n";
  EXPECT_EQ(Score("text/csv", csv, {}).status, 200);
  EXPECT_EQ(Score("Text/CSV ; charset=UTF-8", csv, {}).status, 200);
  // CSV sent as JSON is not a ScoreRequest.
  const JsonReply as_json = Score("application/json", csv, {});
  EXPECT_EQ(as_json.status, 400);
  EXPECT_THAT(as_json.body, HasSubstr("jtbd.v1.ScoreRequest"));
  const JsonReply none = Score("", csv, {});
  EXPECT_EQ(none.status, 415);
  EXPECT_THAT(none.body, HasSubstr("application/json"));
}

TEST(ScoreTest, AnEmptyJsonRequestScoresAnEmptyStudy) {
  const JsonReply reply = Score("application/json", "{}", {});
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_THAT(reply.body, HasSubstr("\"respondentCount\": 0"));
}

TEST(HealthTest, NamesTheVersion) {
  EXPECT_EQ(Health().status, 200);
  EXPECT_EQ(Health().body, "{\"status\":\"ok\",\"version\":\"" +
                               std::to_string(JTBD_VERSION_MAJOR) + "." +
                               std::to_string(JTBD_VERSION_MINOR) + "." +
                               std::to_string(JTBD_VERSION_PATCH) + "\"}\n");
}

}  // namespace
}  // namespace serve
}  // namespace jtbd
