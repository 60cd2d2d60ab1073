// jtbd_score_request[_json]_with_limits: a request held to a jtbd_limits
// (size, JSON depth, study size, bootstrap resamples), and
// jtbd_aggregate_parse refusing a respondent count no report can hold.
#include <cstdint>
#include <string>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

using ::testing::HasSubstr;

// Two respondents, one outcome: cheap to score with many resamples.
std::string JsonRequest(const std::string& options_json) {
  return R"({"study": {"outcomes": [{"id": "speed"}],
    "respondents": [
      {"id": "r1", "answers": [{"outcomeId": "speed", "importance": 5,
                               "satisfaction": 2}]},
      {"id": "r2", "answers": [{"outcomeId": "speed", "importance": 4,
                               "satisfaction": 4}]}]},
    "options": )" +
         options_json + "}";
}

Outcome ScoreJsonWith(const jtbd_limits* limits, const std::string& request,
                      std::string* report) {
  jtbd_buffer* raw = nullptr;
  const Outcome outcome = Result(jtbd_score_request_json_with_limits(
      limits, request.data(), request.size(), &raw));
  Buffer buffer(raw);
  if (raw != nullptr) *report = BufferBytes(raw);
  if (outcome.code != JTBD_OK) {
    EXPECT_EQ(raw, nullptr) << "written on error";
  }
  return outcome;
}

Outcome ScoreBinaryWith(const jtbd_limits* limits, const std::string& request,
                        std::string* report) {
  jtbd_buffer* raw = nullptr;
  const Outcome outcome = Result(jtbd_score_request_with_limits(
      limits, request.data(), request.size(), &raw));
  Buffer buffer(raw);
  if (raw != nullptr) *report = BufferBytes(raw);
  if (outcome.code != JTBD_OK) {
    EXPECT_EQ(raw, nullptr) << "written on error";
  }
  return outcome;
}

TEST(RequestLimitsTest, NullLimitsScoreAsTheFunctionsWithout) {
  const std::string binary = SampleScoreRequest("segment");
  jtbd_buffer* raw = nullptr;
  ASSERT_THAT(Result(jtbd_score_request(binary.data(), binary.size(), &raw)),
              IsOk());
  Buffer plain(raw);
  std::string with;
  ASSERT_THAT(ScoreBinaryWith(nullptr, binary, &with), IsOk());
  EXPECT_EQ(with, BufferBytes(plain.get()));

  const std::string json = JsonRequest("{}");
  ASSERT_THAT(Result(jtbd_score_request_json(json.data(), json.size(), &raw)),
              IsOk());
  Buffer plain_json(raw);
  std::string with_json;
  ASSERT_THAT(ScoreJsonWith(nullptr, json, &with_json), IsOk());
  EXPECT_EQ(with_json, BufferBytes(plain_json.get()));
  EXPECT_THAT(with_json, HasSubstr("\"bootstrapResamples\": 2000"));
}

TEST(RequestLimitsTest, BootstrapResamplesOverTheDefaultLimitAreRefused) {
  std::string report;
  // 100,000 is the default limit: at it scores, one over is refused by both
  // the functions with and without limits (NULL = the defaults).
  EXPECT_THAT(
      ScoreJsonWith(nullptr, JsonRequest(R"({"bootstrapResamples": 100001})"),
                    &report),
      FailsWith(JTBD_RESOURCE_EXHAUSTED,
                "options.bootstrap_resamples: 100001 resamples exceeds the "
                "limit max_bootstrap_resamples = 100000; raise it with "
                "jtbd_limits_set(JTBD_LIMIT_BOOTSTRAP_RESAMPLES) "
                "or --max-bootstrap-resamples"));
  const std::string over = JsonRequest(R"({"bootstrapResamples": 100001})");
  jtbd_buffer* raw = nullptr;
  EXPECT_THAT(Result(jtbd_score_request_json(over.data(), over.size(), &raw)),
              FailsWith(JTBD_RESOURCE_EXHAUSTED, "max_bootstrap_resamples"));
  EXPECT_EQ(raw, nullptr);

  const Limits raised = NewLimits(JTBD_LIMIT_BOOTSTRAP_RESAMPLES, 100001);
  ASSERT_THAT(ScoreJsonWith(raised.get(), over, &report), IsOk());
  EXPECT_THAT(report, HasSubstr("\"bootstrapResamples\": 100001"));
}

TEST(RequestLimitsTest, LoweredBootstrapLimitCountsTheDefaultToo) {
  const Limits options = NewLimits(JTBD_LIMIT_BOOTSTRAP_RESAMPLES, 500);
  std::string report;
  EXPECT_THAT(
      ScoreJsonWith(options.get(),
                    JsonRequest(R"({"bootstrapResamples": 500})"), &report),
      IsOk());
  EXPECT_THAT(report, HasSubstr("\"bootstrapResamples\": 500"));
  EXPECT_THAT(
      ScoreJsonWith(options.get(),
                    JsonRequest(R"({"bootstrapResamples": 501})"), &report),
      FailsWith(JTBD_RESOURCE_EXHAUSTED,
                "501 resamples exceeds the limit "
                "max_bootstrap_resamples = 500"));
  // Unset: the library's 2000, which the request then asks for.
  EXPECT_THAT(ScoreJsonWith(options.get(), JsonRequest("{}"), &report),
              FailsWith(JTBD_RESOURCE_EXHAUSTED,
                        "2000 resamples exceeds the limit "
                        "max_bootstrap_resamples = 500"));
  // 0 resamples (delta method only) is always within.
  EXPECT_THAT(
      ScoreJsonWith(options.get(), JsonRequest(R"({"bootstrapResamples": 0})"),
                    &report),
      IsOk());
}

TEST(RequestLimitsTest, BootstrapLimitAboveTheFixedCapIsRefused) {
  Limits limits = NewLimits();
  EXPECT_THAT(Result(jtbd_limits_set(limits.get(),
                                     JTBD_LIMIT_BOOTSTRAP_RESAMPLES, 1000001)),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "max_bootstrap_resamples is 1000001; at most 1000000"));
  uint64_t value = 0;
  ASSERT_THAT(Result(jtbd_limits_get(limits.get(),
                                     JTBD_LIMIT_BOOTSTRAP_RESAMPLES, &value)),
              IsOk());
  EXPECT_EQ(value, 100000u);
}

TEST(RequestLimitsTest, StudyOverTheLimitsIsRefused) {
  // The sample has 6 respondents and 2 outcomes.
  const std::string binary = SampleScoreRequest("");
  std::string report;
  const Limits five = NewLimits(JTBD_LIMIT_RESPONDENTS, 5);
  EXPECT_THAT(ScoreBinaryWith(five.get(), binary, &report),
              FailsWith(JTBD_RESOURCE_EXHAUSTED,
                        "study: the study's 6 respondents exceeds the limit "
                        "max_respondents = 5"));
  const Limits six = NewLimits(JTBD_LIMIT_RESPONDENTS, 6);
  EXPECT_THAT(ScoreBinaryWith(six.get(), binary, &report), IsOk());

  const Limits one_outcome = NewLimits(JTBD_LIMIT_OUTCOMES, 1);
  EXPECT_THAT(ScoreBinaryWith(one_outcome.get(), binary, &report),
              FailsWith(JTBD_RESOURCE_EXHAUSTED,
                        "the study's 2 outcomes exceeds the limit "
                        "max_outcomes = 1"));
}

TEST(RequestLimitsTest, RequestBytesAtAndOverTheLimit) {
  const std::string binary = SampleScoreRequest("");
  std::string report;
  const Limits at = NewLimits(JTBD_LIMIT_REQUEST_BYTES, binary.size());
  EXPECT_THAT(ScoreBinaryWith(at.get(), binary, &report), IsOk());
  const Limits under = NewLimits(JTBD_LIMIT_REQUEST_BYTES, binary.size() - 1);
  EXPECT_THAT(ScoreBinaryWith(under.get(), binary, &report),
              FailsWith(JTBD_RESOURCE_EXHAUSTED,
                        "jtbd_score_request_with_limits: request: " +
                            std::to_string(binary.size()) +
                            " bytes exceeds the limit max_request_bytes = " +
                            std::to_string(binary.size() - 1)));

  const std::string json = JsonRequest("{}");
  const Limits json_under =
      NewLimits(JTBD_LIMIT_REQUEST_BYTES, json.size() - 1);
  EXPECT_THAT(ScoreJsonWith(json_under.get(), json, &report),
              FailsWith(JTBD_RESOURCE_EXHAUSTED,
                        "jtbd_score_request_json_with_limits: request_json: " +
                            std::to_string(json.size()) + " bytes exceeds"));
}

TEST(RequestLimitsTest, JsonDepthOfTheLimits) {
  // Depth 6: request, study, respondents, a respondent, its answers, one.
  const std::string json = JsonRequest("{}");
  std::string report;
  const Limits six = NewLimits(JTBD_LIMIT_JSON_DEPTH, 6);
  EXPECT_THAT(ScoreJsonWith(six.get(), json, &report), IsOk());
  const Limits five = NewLimits(JTBD_LIMIT_JSON_DEPTH, 5);
  EXPECT_THAT(ScoreJsonWith(five.get(), json, &report),
              FailsWith(JTBD_RESOURCE_EXHAUSTED,
                        "jtbd_score_request_json_with_limits: request_json: "
                        "line 3, column 32: the nesting of JSON objects and "
                        "arrays exceeds the limit max_json_depth = 5"));
}

TEST(RequestLimitsTest, NullRequestWithASizeIsRefusedNamingIt) {
  jtbd_buffer* raw = nullptr;
  EXPECT_THAT(
      Result(jtbd_score_request_with_limits(nullptr, nullptr, 3, &raw)),
      FailsWith(JTBD_INVALID_ARGUMENT,
                "jtbd_score_request_with_limits: request is NULL but its "
                "size is 3"));
  const std::string json = JsonRequest("{}");
  EXPECT_THAT(Result(jtbd_score_request_json_with_limits(nullptr, json.data(),
                                                         json.size(), nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "jtbd_score_request_json_with_limits: "
                        "report_json_out is NULL"));
}

// A valid serialized aggregate (default scale, one outcome, one respondent)
// with its respondent_count (field 4) overridden: protobuf keeps the last
// value of a repeated scalar field.
std::string AggregateWithRespondentCount(uint64_t count) {
  jtbd_aggregate* raw = nullptr;
  EXPECT_THAT(Result(jtbd_aggregate_create(&raw)), IsOk());
  Aggregate aggregate(raw);
  EXPECT_THAT(Result(jtbd_aggregate_add_outcome(raw, "o", 1, "", 0)), IsOk());
  const uint8_t importance = 5;
  const uint8_t satisfaction = 2;
  EXPECT_THAT(Result(jtbd_aggregate_add_respondents(raw, 1, &importance,
                                                    &satisfaction)),
              IsOk());
  jtbd_buffer* bytes = nullptr;
  EXPECT_THAT(Result(jtbd_aggregate_serialize(raw, &bytes)), IsOk());
  Buffer buffer(bytes);
  return BufferBytes(bytes) + WireWriter().Varint(4, count).bytes();
}

TEST(AggregateParseLimitsTest, RespondentCountNoReportHoldsIsRefused) {
  const std::string fits = AggregateWithRespondentCount(UINT32_MAX);
  jtbd_aggregate* raw = nullptr;
  ASSERT_THAT(Result(jtbd_aggregate_parse(fits.data(), fits.size(), &raw)),
              IsOk());
  Aggregate parsed(raw);
  EXPECT_EQ(jtbd_aggregate_respondent_count(raw), UINT32_MAX);
  jtbd_report* report = nullptr;
  EXPECT_THAT(Result(jtbd_aggregate_score(raw, nullptr, &report)), IsOk())
      << "what parses, scores";
  Report owned(report);

  const std::string over =
      AggregateWithRespondentCount(uint64_t{UINT32_MAX} + 1);
  raw = nullptr;
  EXPECT_THAT(Result(jtbd_aggregate_parse(over.data(), over.size(), &raw)),
              FailsWith(JTBD_OUT_OF_RANGE,
                        "aggregate respondent_count 4294967296 exceeds the "
                        "report's 32-bit counts"));
  EXPECT_EQ(raw, nullptr);
}

}  // namespace
}  // namespace jtbd_test
