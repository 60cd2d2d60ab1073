// jtbd_limits, read options held to them (whatever the order of the
// setters), the limits the C ABI applies to its own inputs, and an
// allocation failure provoked for real.
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
  Limits limits = NewLimits();
  uint64_t value = 0;
  ASSERT_EQ(jtbd_limits_get(limits.get(), JTBD_LIMIT_COLUMNS, &value), nullptr);
  EXPECT_EQ(value, 20000u);
  ASSERT_EQ(jtbd_limits_get(limits.get(), JTBD_LIMIT_RECORD_BYTES, &value),
            nullptr);
  EXPECT_EQ(value, 16u << 20);
  ASSERT_EQ(
      jtbd_limits_get(limits.get(), JTBD_LIMIT_BOOTSTRAP_RESAMPLES, &value),
      nullptr);
  EXPECT_EQ(value, 100000u);
  ASSERT_EQ(jtbd_limits_set(limits.get(), JTBD_LIMIT_RESPONDENTS, UINT64_MAX),
            nullptr);
  ASSERT_EQ(jtbd_limits_get(limits.get(), JTBD_LIMIT_RESPONDENTS, &value),
            nullptr);
  EXPECT_EQ(value, UINT64_MAX);
}

TEST(CapiLimitsTest, UnknownLimitZeroAndCeilingsAreRefusedNamingThem) {
  Limits limits = NewLimits();
  const Outcome unknown = Result(jtbd_limits_set(limits.get(), 99, 5));
  EXPECT_EQ(unknown.code, JTBD_INVALID_ARGUMENT);
  EXPECT_EQ(unknown.message,
            "jtbd_limits_set: limit 99 is not a jtbd_limit (1-7)");
  uint64_t value = 7;
  const Outcome get = Result(jtbd_limits_get(limits.get(), 0, &value));
  EXPECT_EQ(get.code, JTBD_INVALID_ARGUMENT);
  EXPECT_THAT(get.message, HasSubstr("limit 0 is not a jtbd_limit"));
  EXPECT_EQ(value, 7u) << "out-parameter written on failure";
  const Outcome zero =
      Result(jtbd_limits_set(limits.get(), JTBD_LIMIT_OUTCOMES, 0));
  EXPECT_EQ(zero.code, JTBD_INVALID_ARGUMENT);
  EXPECT_THAT(zero.message, HasSubstr("max_outcomes is 0"));
  EXPECT_THAT(
      Result(jtbd_limits_set(limits.get(), JTBD_LIMIT_JSON_DEPTH, 101)),
      FailsWith(JTBD_INVALID_ARGUMENT, "max_json_depth is 101; at most 100"));
  ASSERT_EQ(jtbd_limits_get(limits.get(), JTBD_LIMIT_OUTCOMES, &value),
            nullptr);
  EXPECT_EQ(value, 2000u) << "a refused value leaves the limit unchanged";
  EXPECT_THAT(Result(jtbd_limits_set(nullptr, 1, 1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "limits is NULL"));
  EXPECT_THAT(Result(jtbd_limits_get(limits.get(), 1, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "value_out is NULL"));
  EXPECT_THAT(Result(jtbd_limits_create(nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_THAT(Result(jtbd_read_options_set_limits(nullptr, limits.get())),
              FailsWith(JTBD_INVALID_ARGUMENT, "options is NULL"));
  jtbd_limits_destroy(nullptr);
}

TEST(CapiLimitsTest, ReadRefusesAColumnPastTheLimit) {
  ReadOptions options = NewReadOptions();
  const std::string csv =
      "respondent_id,imp_a,sat_a,imp_b,sat_b\nr1,4,3,5,2\nr2,3,3,4,4\n";
  jtbd_study* raw = nullptr;
  Limits limits = NewLimits(JTBD_LIMIT_COLUMNS, 5);
  ASSERT_EQ(jtbd_read_options_set_limits(options.get(), limits.get()), nullptr);
  ASSERT_EQ(jtbd_study_read_csv(options.get(), csv.data(), csv.size(), "s.csv",
                                5, &raw),
            nullptr);
  Study study(raw);
  EXPECT_EQ(jtbd_study_respondent_count(study.get()), 2u);
  ASSERT_EQ(jtbd_limits_set(limits.get(), JTBD_LIMIT_RESPONDENTS, 1), nullptr);
  ASSERT_EQ(jtbd_read_options_set_limits(options.get(), limits.get()), nullptr);
  raw = nullptr;
  const Outcome refused = Result(jtbd_study_read_csv(
      options.get(), csv.data(), csv.size(), "s.csv", 5, &raw));
  EXPECT_EQ(refused.code, JTBD_RESOURCE_EXHAUSTED);
  EXPECT_THAT(refused.message,
              StartsWith("s.csv: line 3: respondent 2 exceeds the limit "
                         "max_respondents = 1; raise it with "
                         "jtbd_limits_set(JTBD_LIMIT_RESPONDENTS)"));
  EXPECT_EQ(raw, nullptr);
  // NULL restores the defaults.
  ASSERT_EQ(jtbd_read_options_set_limits(options.get(), nullptr), nullptr);
  ASSERT_EQ(jtbd_study_read_csv(options.get(), csv.data(), csv.size(), "s.csv",
                                5, &raw),
            nullptr);
  jtbd_study_destroy(raw);
}

// The maps on read options are held to the limits when the options are
// used, so the result does not depend on the order of the setters: a map
// set before a lower limit is refused when a file is read, naming the
// limit, and accepted again once the limit is raised.
TEST(CapiLimitsTest, MapsAreHeldToTheLimitsWhenUsedWhateverTheOrder) {
  const std::string labels = "{\"importance\": {\"Vital\": 5}}";  // depth 2
  const std::string map =
      "{\"outcomes\": [{\"id\": \"a\", \"importanceColumn\": \"i\", "
      "\"satisfactionColumn\": \"s\"}]}";  // depth 3
  const std::string csv = "i,s\nVital,2\n4,1\n";
  Limits shallow = NewLimits(JTBD_LIMIT_JSON_DEPTH, 1);
  for (const bool limits_first : {true, false}) {
    SCOPED_TRACE(limits_first ? "limits set first" : "maps set first");
    ReadOptions options = NewReadOptions();
    if (limits_first) {
      ASSERT_EQ(jtbd_read_options_set_limits(options.get(), shallow.get()),
                nullptr);
    }
    // Accepted when set: only their syntax is checked then.
    ASSERT_THAT(Result(jtbd_read_options_set_labels(
                    options.get(), labels.data(), labels.size(), "l.json", 6)),
                IsOk());
    ASSERT_THAT(Result(jtbd_read_options_set_survey_map(
                    options.get(), map.data(), map.size(), "m.json", 6)),
                IsOk());
    if (!limits_first) {
      ASSERT_EQ(jtbd_read_options_set_limits(options.get(), shallow.get()),
                nullptr);
    }
    jtbd_study* raw = nullptr;
    EXPECT_THAT(Result(jtbd_study_read_csv(options.get(), csv.data(),
                                           csv.size(), "d.csv", 5, &raw)),
                FailsWith(JTBD_RESOURCE_EXHAUSTED,
                          "l.json: line 1, column 16: the nesting of JSON "
                          "objects and arrays exceeds the limit "
                          "max_json_depth = 1"));
    EXPECT_EQ(raw, nullptr);
    jtbd_aggregate* aggregate = nullptr;
    EXPECT_THAT(
        Result(jtbd_aggregate_read_csv(options.get(), csv.data(), csv.size(),
                                       "d.csv", 5, &aggregate)),
        FailsWith(JTBD_RESOURCE_EXHAUSTED, "max_json_depth = 1"));
    EXPECT_EQ(aggregate, nullptr);
    // Deep enough for the labels, not for the survey map.
    Limits two = NewLimits(JTBD_LIMIT_JSON_DEPTH, 2);
    ASSERT_EQ(jtbd_read_options_set_limits(options.get(), two.get()), nullptr);
    EXPECT_THAT(Result(jtbd_study_read_csv(options.get(), csv.data(),
                                           csv.size(), "d.csv", 5, &raw)),
                FailsWith(JTBD_RESOURCE_EXHAUSTED,
                          "m.json: line 1, column 15: the nesting"));
    ASSERT_EQ(jtbd_read_options_set_limits(options.get(), nullptr), nullptr);
    ASSERT_THAT(Result(jtbd_study_read_csv(options.get(), csv.data(),
                                           csv.size(), "d.csv", 5, &raw)),
                IsOk());
    Study study(raw);
    EXPECT_EQ(jtbd_study_respondent_count(study.get()), 2u);
  }
  // A syntax error is still reported by the setter.
  ReadOptions options = NewReadOptions();
  const std::string broken = "{\"importance\": {\"Vital\": \"high\"}}";
  EXPECT_THAT(Result(jtbd_read_options_set_labels(options.get(), broken.data(),
                                                  broken.size(), "b.json", 6)),
              FailsWith(JTBD_INVALID_ARGUMENT, "b.json"));
}

// A label file is read when the options are used: its size is checked
// against the limits of that moment, before it is read.
TEST(CapiLimitsTest, LabelFileIsHeldToTheLimitsWhenUsed) {
  const std::string path =
      std::string(JTBD_TEST_DATA_DIR) + "/io/formats/labels.csv";
  ReadOptions options = NewReadOptions();
  ASSERT_THAT(Result(jtbd_read_options_set_labels_file(
                  options.get(), path.data(), path.size())),
              IsOk());
  Limits tiny = NewLimits(JTBD_LIMIT_REQUEST_BYTES, 10);
  ASSERT_EQ(jtbd_read_options_set_limits(options.get(), tiny.get()), nullptr);
  const std::string csv = "id,imp_a,sat_a\nr1,5,1\n";
  jtbd_study* raw = nullptr;
  EXPECT_THAT(Result(jtbd_study_read_csv(options.get(), csv.data(), csv.size(),
                                         "d.csv", 5, &raw)),
              FailsWith(JTBD_RESOURCE_EXHAUSTED,
                        "bytes exceeds the limit max_request_bytes = 10"));
  EXPECT_EQ(raw, nullptr);
  ASSERT_EQ(jtbd_read_options_set_limits(options.get(), nullptr), nullptr);
  ASSERT_THAT(Result(jtbd_study_read_csv(options.get(), csv.data(), csv.size(),
                                         "d.csv", 5, &raw)),
              IsOk());
  jtbd_study_destroy(raw);
  const std::string missing = "/nonexistent/labels.csv";
  EXPECT_THAT(Result(jtbd_read_options_set_labels_file(
                  options.get(), missing.data(), missing.size())),
              FailsWith(JTBD_NOT_FOUND, missing));
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
