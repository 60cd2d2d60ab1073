#include "core/resource_limits.h"

#include <string>

#include "absl/status/status.h"
#include "core/scoring.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "segments/segmentation.h"

namespace jtbd {
namespace {

using ::testing::HasSubstr;

// The fixed caps named in ResourceLimits are the ones the plans enforce.
static_assert(ResourceLimits::kMaxBootstrapResamples ==
                  ScoringPlan::kMaxBootstrapResamples,
              "bootstrap cap");
static_assert(ResourceLimits::kMaxSegmentCount == SegmentationPlan::kMaxK,
              "k cap");
static_assert(ResourceLimits::kMaxKMeansStarts == SegmentationPlan::kMaxStarts,
              "starts cap");
static_assert(ResourceLimits::kDefaultMaxBootstrapResamples <=
                  ResourceLimits::kMaxBootstrapResamples,
              "the request default is within the fixed cap");

TEST(ResourceLimitsTest, DefaultsAreValidAndDocumented) {
  const ResourceLimits limits;
  EXPECT_TRUE(ValidateResourceLimits(limits).ok());
  EXPECT_EQ(limits.max_record_bytes, 16u * 1024 * 1024);
  EXPECT_EQ(limits.max_columns, 20000u);
  EXPECT_EQ(limits.max_outcomes, 2000u);
  EXPECT_EQ(limits.max_respondents, 10000000u);
  EXPECT_EQ(limits.max_request_bytes, 1024u * 1024 * 1024);
  EXPECT_EQ(limits.max_json_depth, 100u);
  EXPECT_EQ(limits.max_bootstrap_resamples, 100000u);
  EXPECT_STREQ(LimitName(7), "max_bootstrap_resamples");
}

TEST(ResourceLimitsTest, ZeroIsRefusedNamingTheLimit) {
  for (int32_t kind = 1; kind <= 7; ++kind) {
    ResourceLimits limits;
    ASSERT_TRUE(SetLimit(&limits, kind, 1).ok()) << kind;
    const absl::Status status = SetLimit(&limits, kind, 0);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(status.message(), HasSubstr(LimitName(kind)));
    EXPECT_EQ(*GetLimit(limits, kind), 1u) << "unchanged after a refusal";
  }
  ResourceLimits limits;
  limits.max_outcomes = 0;
  const absl::Status status = ValidateResourceLimits(limits);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("max_outcomes is 0"));
}

TEST(ResourceLimitsTest, SetAndGetByKind) {
  ResourceLimits limits;
  ASSERT_TRUE(SetLimit(&limits, 1, 10).ok());
  ASSERT_TRUE(SetLimit(&limits, 2, 20).ok());
  ASSERT_TRUE(SetLimit(&limits, 3, 30).ok());
  ASSERT_TRUE(SetLimit(&limits, 4, 40).ok());
  ASSERT_TRUE(SetLimit(&limits, 5, UINT64_MAX).ok());
  ASSERT_TRUE(SetLimit(&limits, 6, 7).ok());
  EXPECT_EQ(limits.max_record_bytes, 10u);
  EXPECT_EQ(limits.max_columns, 20u);
  EXPECT_EQ(limits.max_outcomes, 30u);
  EXPECT_EQ(limits.max_respondents, 40u);
  EXPECT_EQ(limits.max_request_bytes, UINT64_MAX);
  EXPECT_EQ(limits.max_json_depth, 7u);
  EXPECT_EQ(*GetLimit(limits, 4), 40u);
  ASSERT_TRUE(SetLimit(&limits, 7, 500).ok());
  EXPECT_EQ(limits.max_bootstrap_resamples, 500u);
  EXPECT_EQ(*GetLimit(limits, 7), 500u);
}

TEST(ResourceLimitsTest, BootstrapLimitUpToTheFixedCap) {
  ResourceLimits limits;
  EXPECT_TRUE(SetLimit(&limits, 7, 1000000).ok());
  EXPECT_EQ(limits.max_bootstrap_resamples, 1000000u);
  const absl::Status status = SetLimit(&limits, 7, 1000001);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(),
              HasSubstr("max_bootstrap_resamples is 1000001; at most 1000000"));
  EXPECT_EQ(limits.max_bootstrap_resamples, 1000000u) << "unchanged";
  limits.max_bootstrap_resamples = 1000001;
  EXPECT_EQ(ValidateResourceLimits(limits).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ResourceLimitsTest, BootstrapExceededMessageNamesTheFlag) {
  const absl::Status status =
      LimitExceededError(LimitKind::kBootstrapResamples, 100000,
                         "options.bootstrap_resamples", "200000 resamples");
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(status.message(),
            "options.bootstrap_resamples: 200000 resamples exceeds the limit "
            "max_bootstrap_resamples = 100000; raise it with "
            "jtbd_limits_set(JTBD_LIMIT_BOOTSTRAP_RESAMPLES) or "
            "--max-bootstrap-resamples");
}

TEST(ResourceLimitsTest, JsonDepthCanOnlyBeLowered) {
  ResourceLimits limits;
  EXPECT_TRUE(SetLimit(&limits, 6, 100).ok());
  const absl::Status status = SetLimit(&limits, 6, 101);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("at most 100"));
  EXPECT_EQ(limits.max_json_depth, 100u);
}

TEST(ResourceLimitsTest, UnknownKindIsRefusedNamingIt) {
  ResourceLimits limits;
  for (int32_t kind : {0, 8, -1}) {
    EXPECT_EQ(LimitName(kind), nullptr);
    const absl::Status status = SetLimit(&limits, kind, 5);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(status.message(), HasSubstr(absl::StrCat(
                                      "limit ", kind, " is not a jtbd_limit")));
    EXPECT_EQ(GetLimit(limits, kind).status().code(),
              absl::StatusCode::kInvalidArgument);
  }
}

TEST(ResourceLimitsTest, ExceededMessageSaysHowToRaise) {
  const absl::Status status =
      LimitExceededError(LimitKind::kColumns, 20, "f.csv: line 1", "field 21");
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(status.message(),
            "f.csv: line 1: field 21 exceeds the limit max_columns = 20; raise "
            "it with jtbd_limits_set(JTBD_LIMIT_COLUMNS) or --max-columns");
}

TEST(ResourceLimitsTest, RequestBytesAtAndOverTheLimit) {
  EXPECT_TRUE(CheckRequestBytes(100, 100, "req").ok());
  const absl::Status status = CheckRequestBytes(101, 100, "req");
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(status.message(),
              HasSubstr("req: 101 bytes exceeds the limit max_request_bytes = "
                        "100"));
}

TEST(ResourceLimitsTest, StudySizeAtAndOverTheLimits) {
  ResourceLimits limits;
  limits.max_outcomes = 3;
  limits.max_respondents = 5;
  EXPECT_TRUE(CheckStudySize(3, 5, limits, "study").ok());
  const absl::Status outcomes = CheckStudySize(4, 5, limits, "study");
  EXPECT_EQ(outcomes.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(outcomes.message(),
              HasSubstr("study: the study's 4 outcomes exceeds the limit "
                        "max_outcomes = 3"));
  const absl::Status respondents = CheckStudySize(3, 6, limits, "study");
  EXPECT_EQ(respondents.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(respondents.message(),
              HasSubstr("the study's 6 respondents exceeds the limit "
                        "max_respondents = 5"));
}

TEST(JsonDepthTest, AtTheLimitPassesOnePastIsRefusedWithPosition) {
  const std::string at = std::string(3, '[') + std::string(3, ']');
  EXPECT_TRUE(CheckJsonDepth(at, 3, "x").ok());
  const std::string past = "{\"a\":\n [{\"b\": [[]]}]}";
  // Depths: { 1; line 2: [ 2 (column 2), { 3, [ 4 (column 9), [ 5 (10).
  EXPECT_TRUE(CheckJsonDepth(past, 5, "x").ok());
  const absl::Status status = CheckJsonDepth(past, 4, "m.json");
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(status.message(),
              HasSubstr("m.json: line 2, column 10: the nesting of JSON "
                        "objects and arrays exceeds the limit max_json_depth "
                        "= 4"));
}

TEST(JsonDepthTest, BracketsInsideStringsDoNotCount) {
  EXPECT_TRUE(CheckJsonDepth(R"({"a": "[[[[[[\"[[[[{{{{"})", 1, "x").ok());
  EXPECT_TRUE(CheckJsonDepth(R"(["\\", ["x"]])", 2, "x").ok());
  EXPECT_FALSE(CheckJsonDepth(R"(["\\", [["x"]]])", 2, "x").ok());
}

TEST(JsonDepthTest, MillionDeepArraysAndObjectsAreRefusedInOnePass) {
  const std::string arrays =
      std::string(1000000, '[') + std::string(1000000, ']');
  EXPECT_EQ(CheckJsonDepth(arrays, 100, "x").code(),
            absl::StatusCode::kResourceExhausted);
  std::string objects;
  for (int i = 0; i < 1000000; ++i) objects += "{\"a\":";
  EXPECT_EQ(CheckJsonDepth(objects, 100, "x").code(),
            absl::StatusCode::kResourceExhausted);
  // Wide but shallow: a million siblings pass.
  std::string wide = "[";
  for (int i = 0; i < 1000000; ++i) wide += "[],";
  wide += "[]]";
  EXPECT_TRUE(CheckJsonDepth(wide, 2, "x").ok());
}

}  // namespace
}  // namespace jtbd
