// The sidecar's request handling under hostile input: deeply nested JSON is
// refused before protobuf parses it (413, RESOURCE_EXHAUSTED), and CSV
// bodies meet the readers' default limits.
#include <string>

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

}  // namespace
}  // namespace serve
}  // namespace jtbd
