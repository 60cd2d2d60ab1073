// jtbd.hpp: ScoreRequest[Json] with Limits reach the library.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.hpp"

namespace {

using ::testing::HasSubstr;

std::string Request(const std::string& options) {
  return R"({"study": {"outcomes": [{"id": "o"}], "respondents": [
    {"id": "r", "answers": [{"outcomeId": "o", "importance": 5,
                             "satisfaction": 1}]}]},
    "options": )" +
         options + "}";
}

TEST(CppRequestLimitsTest, BootstrapLimitOfARequest) {
  jtbd::Limits limits;
  limits.Set(jtbd::Limit::kBootstrapResamples, 10);
  EXPECT_THAT(
      jtbd::ScoreRequestJson(Request(R"({"bootstrapResamples": 10})"), limits),
      HasSubstr("\"bootstrapResamples\": 10"));
  try {
    jtbd::ScoreRequestJson(Request(R"({"bootstrapResamples": 11})"), limits);
    FAIL() << "11 resamples accepted under a limit of 10";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_RESOURCE_EXHAUSTED);
    EXPECT_THAT(error.message(), HasSubstr("11 resamples exceeds the limit "
                                           "max_bootstrap_resamples = 10"));
  }
  // New limits hold the default (100,000): the request's default 2000 is
  // within.
  EXPECT_THAT(jtbd::ScoreRequestJson(Request("{}"), jtbd::Limits()),
              HasSubstr("\"bootstrapResamples\": 2000"));
}

TEST(CppRequestLimitsTest, BinaryRequestOverMaxRequestBytesThrows) {
  // Field 1 (study), length 0: a request of two bytes.
  const std::string request("\x0a\x00", 2);
  jtbd::Limits limits;
  limits.Set(jtbd::Limit::kRequestBytes, 1);
  try {
    jtbd::ScoreRequest(request, limits);
    FAIL() << "2 bytes accepted under a limit of 1";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_RESOURCE_EXHAUSTED);
    EXPECT_THAT(error.message(),
                HasSubstr("2 bytes exceeds the limit max_request_bytes = 1"));
  }
  // At the limit the size passes; whatever else the empty study meets, it
  // is not a limit.
  limits.Set(jtbd::Limit::kRequestBytes, 2);
  try {
    jtbd::ScoreRequest(request, limits);
  } catch (const jtbd::Error& error) {
    EXPECT_NE(error.code(), JTBD_RESOURCE_EXHAUSTED) << error.message();
  }
}

}  // namespace
