// jtbd_read_options_set_limit / _get_limit and the limits the C ABI applies
// to its own inputs, plus an allocation failure provoked for real.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

ReadOptions NewReadOptions() {
  jtbd_read_options* raw = nullptr;
  EXPECT_EQ(jtbd_read_options_create(&raw), nullptr);
  return ReadOptions(raw);
}

TEST(CapiLimitsTest, DefaultsSetAndGet) {
  ReadOptions options = NewReadOptions();
  uint64_t value = 0;
  ASSERT_EQ(
      jtbd_read_options_get_limit(options.get(), JTBD_LIMIT_COLUMNS, &value),
      nullptr);
  EXPECT_EQ(value, 20000u);
  ASSERT_EQ(jtbd_read_options_get_limit(options.get(), JTBD_LIMIT_RECORD_BYTES,
                                        &value),
            nullptr);
  EXPECT_EQ(value, 16u << 20);
  ASSERT_EQ(jtbd_read_options_set_limit(options.get(), JTBD_LIMIT_RESPONDENTS,
                                        UINT64_MAX),
            nullptr);
  ASSERT_EQ(jtbd_read_options_get_limit(options.get(), JTBD_LIMIT_RESPONDENTS,
                                        &value),
            nullptr);
  EXPECT_EQ(value, UINT64_MAX);
}

TEST(CapiLimitsTest, UnknownLimitAndZeroAreRefusedNamingThem) {
  ReadOptions options = NewReadOptions();
  const Outcome unknown =
      Result(jtbd_read_options_set_limit(options.get(), 99, 5));
  EXPECT_EQ(unknown.code, JTBD_INVALID_ARGUMENT);
  EXPECT_EQ(unknown.message,
            "jtbd_read_options_set_limit: limit 99 is not a jtbd_limit (1-7)");
  uint64_t value = 7;
  const Outcome get =
      Result(jtbd_read_options_get_limit(options.get(), 0, &value));
  EXPECT_EQ(get.code, JTBD_INVALID_ARGUMENT);
  EXPECT_THAT(get.message, HasSubstr("limit 0 is not a jtbd_limit"));
  EXPECT_EQ(value, 7u) << "out-parameter written on failure";
  const Outcome zero = Result(
      jtbd_read_options_set_limit(options.get(), JTBD_LIMIT_OUTCOMES, 0));
  EXPECT_EQ(zero.code, JTBD_INVALID_ARGUMENT);
  EXPECT_THAT(zero.message, HasSubstr("max_outcomes is 0"));
  ASSERT_EQ(
      jtbd_read_options_get_limit(options.get(), JTBD_LIMIT_OUTCOMES, &value),
      nullptr);
  EXPECT_EQ(value, 2000u) << "a refused value leaves the limit unchanged";
  EXPECT_EQ(Result(jtbd_read_options_set_limit(nullptr, 1, 1)).code,
            JTBD_INVALID_ARGUMENT);
  EXPECT_EQ(Result(jtbd_read_options_get_limit(options.get(), 1, nullptr)).code,
            JTBD_INVALID_ARGUMENT);
}

TEST(CapiLimitsTest, ReadRefusesAColumnPastTheLimit) {
  ReadOptions options = NewReadOptions();
  const std::string csv =
      "respondent_id,imp_a,sat_a,imp_b,sat_b\nr1,4,3,5,2\nr2,3,3,4,4\n";
  jtbd_study* raw = nullptr;
  ASSERT_EQ(jtbd_read_options_set_limit(options.get(), JTBD_LIMIT_COLUMNS, 5),
            nullptr);
  ASSERT_EQ(jtbd_study_read_csv(options.get(), csv.data(), csv.size(), "s.csv",
                                5, &raw),
            nullptr);
  Study study(raw);
  EXPECT_EQ(jtbd_study_respondent_count(study.get()), 2u);
  ASSERT_EQ(
      jtbd_read_options_set_limit(options.get(), JTBD_LIMIT_RESPONDENTS, 1),
      nullptr);
  raw = nullptr;
  const Outcome refused = Result(jtbd_study_read_csv(
      options.get(), csv.data(), csv.size(), "s.csv", 5, &raw));
  EXPECT_EQ(refused.code, JTBD_RESOURCE_EXHAUSTED);
  EXPECT_THAT(refused.message,
              StartsWith("s.csv: line 3: respondent 2 exceeds the limit "
                         "max_respondents = 1; raise it with"));
  EXPECT_EQ(raw, nullptr);
}

TEST(CapiLimitsTest, RequestSizeIsCheckedBeforeTheBytesAreRead) {
  // The size alone is refused: the function never reads the one byte there.
  const char byte = 0;
  const size_t too_big = (size_t{1} << 30) + 1;
  jtbd_buffer* report = nullptr;
  const Outcome refused = Result(jtbd_score_request(&byte, too_big, &report));
  EXPECT_EQ(refused.code, JTBD_RESOURCE_EXHAUSTED);
  EXPECT_THAT(refused.message,
              StartsWith("jtbd_score_request: request: 1073741825 bytes "
                         "exceeds the limit max_request_bytes = 1073741824"));
  EXPECT_EQ(report, nullptr);
  jtbd_study* study = nullptr;
  EXPECT_EQ(Result(jtbd_study_parse(&byte, too_big, &study)).code,
            JTBD_RESOURCE_EXHAUSTED);
}

TEST(CapiLimitsTest, DeeplyNestedJsonRequestIsRefusedQuickly) {
  const std::string json = "{\"unknown\": " + std::string(1000000, '[') +
                           std::string(1000000, ']') + "}";
  jtbd_buffer* report = nullptr;
  const Outcome refused =
      Result(jtbd_score_request_json(json.data(), json.size(), &report));
  EXPECT_EQ(refused.code, JTBD_RESOURCE_EXHAUSTED);
  EXPECT_THAT(refused.message,
              StartsWith("jtbd_score_request_json: request_json: line 1, "
                         "column 112: the nesting of JSON objects and arrays "
                         "exceeds the limit max_json_depth = 100"));
  EXPECT_EQ(report, nullptr);
}

// A study of more outcomes than max_outcomes is refused before each
// respondent gets a row of cells as wide as the outcomes.
TEST(CapiLimitsTest, RequestStudyOverTheOutcomeLimit) {
  auto request_with = [](int outcomes) {
    std::string json = "{\"study\": {\"outcomes\": [";
    for (int o = 0; o < outcomes; ++o) {
      json += (o == 0 ? "" : ",") + std::string("{\"id\": \"o") +
              std::to_string(o) + "\"}";
    }
    return json + "]}}";
  };
  jtbd_buffer* report = nullptr;
  const std::string at = request_with(2000);
  ASSERT_EQ(jtbd_score_request_json(at.data(), at.size(), &report), nullptr);
  jtbd_buffer_free(report);
  report = nullptr;
  const std::string past = request_with(2001);
  const Outcome refused =
      Result(jtbd_score_request_json(past.data(), past.size(), &report));
  EXPECT_EQ(refused.code, JTBD_RESOURCE_EXHAUSTED);
  EXPECT_THAT(refused.message,
              StartsWith("study: the study's 2001 outcomes exceeds the limit "
                         "max_outcomes = 2000"));
  EXPECT_EQ(report, nullptr);
}

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || \
    defined(JTBD_SANITIZE_THREAD)
#define JTBD_UNDER_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define JTBD_UNDER_SANITIZER 1
#endif
#endif

// The barrier turns std::bad_alloc into JTBD_RESOURCE_EXHAUSTED. A child
// process with its address space capped asks for billions of respondents;
// it exits with the error code it got (a crash would be a signal).
TEST(CapiLimitsTest, AllocationFailureIsResourceExhaustedNotACrash) {
#ifdef JTBD_UNDER_SANITIZER
  GTEST_SKIP() << "sanitizers manage the address space themselves";
#else
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    jtbd_study* study = nullptr;
    if (jtbd_study_create(&study) != nullptr) _exit(100);
    long pages = 0;
    FILE* statm = std::fopen("/proc/self/statm", "r");
    if (statm == nullptr || std::fscanf(statm, "%ld", &pages) != 1) _exit(101);
    std::fclose(statm);
    const rlim_t cap = static_cast<rlim_t>(pages) * sysconf(_SC_PAGESIZE) +
                       (rlim_t{256} << 20);
    const rlimit limit = {cap, cap};
    if (setrlimit(RLIMIT_AS, &limit) != 0) _exit(102);
    size_t first = 0;
    jtbd_error* error =
        jtbd_study_add_respondents(study, size_t{4000000000}, &first);
    const int code = jtbd_error_code(error);
    // The message is readable and the error can be freed.
    if (error != nullptr &&
        std::string(jtbd_error_message(error, nullptr)).empty()) {
      _exit(103);
    }
    jtbd_error_free(error);
    jtbd_study_destroy(study);
    _exit(code);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status))
      << "the child died of signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), JTBD_RESOURCE_EXHAUSTED);
#endif
}

}  // namespace
}  // namespace jtbd_test
