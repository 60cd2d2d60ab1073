/*
 * c_api_test.c - the C ABI as a C program sees it. Compiled as C99 with
 * -pedantic -Werror, so a C++-only construct in jtbd.h fails the build.
 *
 *   jtbd_c_api_test examples/survey.csv
 *
 * Prints "N passed, M failed" and exits non-zero when anything failed.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jtbd/jtbd.h"

static int passed = 0;
static int failed = 0;

#define CHECK(condition)                                               \
  do {                                                                 \
    if (condition) {                                                   \
      ++passed;                                                        \
    } else {                                                           \
      ++failed;                                                        \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
              #condition);                                             \
    }                                                                  \
  } while (0)

/* Asserts the call succeeded; on failure prints the error and frees it. */
#define CHECK_OK(call)                                                         \
  do {                                                                         \
    jtbd_error* check_ok_error_ = (call);                                      \
    if (check_ok_error_ == NULL) {                                             \
      ++passed;                                                                \
    } else {                                                                   \
      ++failed;                                                                \
      fprintf(stderr, "%s:%d: %s failed: %s: %s\n", __FILE__, __LINE__, #call, \
              jtbd_code_name(jtbd_error_code(check_ok_error_)),                \
              jtbd_error_message(check_ok_error_, NULL));                      \
      jtbd_error_free(check_ok_error_);                                        \
    }                                                                          \
  } while (0)

#define CHECK_NEAR(actual, expected) CHECK(fabs((actual) - (expected)) < 1e-9)

/* Checks an error's code and that its message contains `needle`; frees it. */
static void expect_error(jtbd_error* error, int32_t code, const char* needle,
                         int line) {
  const char* message = jtbd_error_message(error, NULL);
  if (error != NULL && jtbd_error_code(error) == code &&
      strstr(message, needle) != NULL) {
    ++passed;
  } else {
    ++failed;
    fprintf(stderr, "%s:%d: expected %s containing \"%s\", got %s: \"%s\"\n",
            __FILE__, line, jtbd_code_name(code), needle,
            jtbd_code_name(jtbd_error_code(error)), message);
  }
  jtbd_error_free(error);
}
#define EXPECT_ERROR(call, code, needle) \
  expect_error((call), (code), (needle), __LINE__)

static jtbd_outcome_score empty_score(void) {
  jtbd_outcome_score score;
  memset(&score, 0, sizeof(score));
  score.struct_size = sizeof(score);
  return score;
}

/* Adds the Bosch circular-saw outcome ("minimize the likelihood that the cut
 * goes off track"): 270 respondents, 200 rate importance 4-5 and 75 rate
 * satisfaction 4-5. */
static void add_bosch(jtbd_study* study) {
  static uint32_t respondents[270], outcomes[270];
  static uint8_t importance[270], satisfaction[270];
  const char id[] = "off_track";
  const char statement[] =
      "Minimize the likelihood that the cut goes off track";
  size_t index = 99, first = 99;
  uint32_t i;
  CHECK_OK(jtbd_study_add_outcome(study, id, strlen(id), statement,
                                  strlen(statement), &index));
  CHECK(index == 0);
  CHECK_OK(jtbd_study_add_respondents(study, 270, &first));
  CHECK(first == 0);
  for (i = 0; i < 270; ++i) {
    respondents[i] = i;
    outcomes[i] = 0;
    importance[i] = (uint8_t)(i < 200 ? 5 : 2);  /* 200 top box */
    satisfaction[i] = (uint8_t)(i < 75 ? 4 : 1); /* 75 top box */
  }
  CHECK_OK(jtbd_study_add_answers(study, 270, respondents, outcomes, importance,
                                  satisfaction));
}

static void check_bosch_score(const jtbd_outcome_score* score, uint32_t rank) {
  CHECK(score->outcome_id_len == 9);
  CHECK(memcmp(score->outcome_id, "off_track", 9) == 0);
  CHECK(score->outcome_id[9] == '\0'); /* text out is NUL-terminated */
  CHECK(strcmp(score->statement,
               "Minimize the likelihood that the cut goes off track") == 0);
  CHECK_NEAR(score->importance, 2000.0 / 270.0);  /* 7.407... */
  CHECK_NEAR(score->satisfaction, 750.0 / 270.0); /* 2.777... */
  CHECK_NEAR(score->opportunity, 3250.0 / 270.0); /* 12.037... */
  CHECK(score->band == JTBD_BAND_HIGH);
  CHECK(score->rank == rank);
  CHECK(score->importance_count == 270);
  CHECK(score->importance_top_box_count == 200);
  CHECK(score->satisfaction_count == 270);
  CHECK(score->satisfaction_top_box_count == 75);
  CHECK(score->both_count == 270);
  CHECK(score->both_top_box_count == 75);
}

static void test_version(void) {
  char expected[32];
  CHECK(jtbd_version_number() == JTBD_VERSION_NUMBER);
  CHECK(JTBD_VERSION_NUMBER == 10000 * JTBD_VERSION_MAJOR +
                                   100 * JTBD_VERSION_MINOR +
                                   JTBD_VERSION_PATCH);
  sprintf(expected, "%d.%d.%d", JTBD_VERSION_MAJOR, JTBD_VERSION_MINOR,
          JTBD_VERSION_PATCH);
  CHECK(strcmp(jtbd_version_string(), expected) == 0);
}

static void test_bosch(void) {
  jtbd_study* study = NULL;
  jtbd_report* report = NULL;
  jtbd_outcome_score score = empty_score();
  CHECK_OK(jtbd_study_create(&study));
  add_bosch(study);
  CHECK(jtbd_study_outcome_count(study) == 1);
  CHECK(jtbd_study_respondent_count(study) == 270);
  CHECK_OK(jtbd_study_score(study, NULL, &report));
  CHECK(jtbd_report_respondent_count(report) == 270);
  CHECK(jtbd_report_outcome_count(report) == 1);
  CHECK(jtbd_report_segment_count(report) == 0);
  CHECK_OK(jtbd_report_outcome(report, 0, &score));
  CHECK(score.struct_size == sizeof(score));
  check_bosch_score(&score, 1);
  CHECK(strcmp(jtbd_band_name(score.band), "high") == 0);
  jtbd_report_destroy(report);
  jtbd_study_destroy(study);
}

/* The statistics of the Bosch outcome at 90 % without bootstrap, recomputed
 * here: Wilson intervals and the delta method (75 of 270 top box on both). */
static void test_statistics(void) {
  const double z = 1.6448536269514722; /* Phi^-1(0.95) */
  const double n = 270.0, p_i = 200.0 / 270.0, p_s = 75.0 / 270.0;
  const double p_both = 75.0 / 270.0;
  double centre, half_squared, low, high, var_i, var_s, cov, se;
  jtbd_study* study = NULL;
  jtbd_score_options* options = NULL;
  jtbd_report* report = NULL;
  jtbd_outcome_score score = empty_score();
  jtbd_report_info info;

  CHECK_OK(jtbd_study_create(&study));
  add_bosch(study);
  CHECK_OK(jtbd_score_options_create(&options));
  CHECK_OK(jtbd_score_options_set_confidence_level(options, 0.9));
  CHECK_OK(jtbd_score_options_set_bootstrap_resamples(options, 0));
  CHECK_OK(jtbd_score_options_set_seed(options, 1234u));
  CHECK_OK(jtbd_score_options_set_method(options, JTBD_SCORE_METHOD_ULWICK));
  EXPECT_ERROR(jtbd_score_options_set_method(options, 5), JTBD_INVALID_ARGUMENT,
               "jtbd_score_method");
  CHECK_OK(jtbd_study_score(study, options, &report));
  CHECK_OK(jtbd_report_outcome(report, 0, &score));
  check_bosch_score(&score, 1);

  CHECK((score.has & JTBD_SCORE_HAS_IMPORTANCE_INTERVAL) != 0);
  CHECK((score.has & JTBD_SCORE_HAS_OPPORTUNITY_DELTA_INTERVAL) != 0);
  CHECK((score.has & JTBD_SCORE_HAS_OPPORTUNITY_AT_LEAST_10_PROBABILITY) == 0);
  /* Squares are compared, so that this test needs no libm. */
  centre = (p_i + z * z / (2 * n)) / (1 + z * z / n);
  half_squared = z * z * (p_i * (1 - p_i) / n + z * z / (4 * n * n)) /
                 ((1 + z * z / n) * (1 + z * z / n));
  low = score.importance_interval.low / 10;
  high = score.importance_interval.high / 10;
  CHECK_NEAR((low + high) / 2, centre);
  CHECK_NEAR((high - low) * (high - low) / 4, half_squared);
  var_i = 100 * p_i * (1 - p_i) / n;
  var_s = 100 * p_s * (1 - p_s) / n;
  cov = 100 * (p_both - p_i * p_s) / n;
  se = score.opportunity_standard_error;
  CHECK_NEAR(se * se, 4 * var_i + var_s - 4 * cov);
  CHECK_NEAR(score.opportunity_delta_interval.low, score.opportunity - z * se);
  CHECK_NEAR(score.opportunity_delta_interval.high, score.opportunity + z * se);
  /* The reported interval holds the estimate; without the bootstrap there
   * is no bootstrap interval. */
  CHECK(score.opportunity_interval.low <= score.opportunity &&
        score.opportunity <= score.opportunity_interval.high);
  CHECK((score.has & JTBD_SCORE_HAS_OPPORTUNITY_BOOTSTRAP_INTERVAL) == 0);

  memset(&info, 0, sizeof(info));
  info.struct_size = sizeof(info);
  CHECK_OK(jtbd_report_get_info(report, &info));
  CHECK(info.score_method == JTBD_SCORE_METHOD_ULWICK);
  CHECK(strcmp(info.method, "ulwick_top_box") == 0);
  CHECK(info.confidence_level == 0.9);
  CHECK(info.bootstrap_resamples == 0);
  CHECK(info.opportunity_interval_method ==
        JTBD_OPPORTUNITY_INTERVAL_METHOD_MOMENT_SELECTION);
  CHECK(info.seed == 1234u);
  CHECK(info.weighted == 0);
  CHECK(info.effective_respondent_count == 270.0);
  jtbd_report_destroy(report);

  /* Doubling one respondent's weight makes the report weighted. */
  CHECK_OK(jtbd_study_set_weight(study, 0, 2.0));
  EXPECT_ERROR(jtbd_study_set_weight(study, 0, 0.0), JTBD_INVALID_ARGUMENT,
               "greater than 0");
  CHECK_OK(jtbd_study_score(study, options, &report));
  CHECK_OK(jtbd_report_get_info(report, &info));
  CHECK(info.weighted == 1);
  /* Kish: (269 + 2)^2 / (269 + 4) */
  CHECK_NEAR(info.effective_respondent_count, 271.0 * 271.0 / 273.0);
  CHECK_OK(jtbd_report_outcome(report, 0, &score));
  CHECK((score.has & JTBD_SCORE_HAS_IMPORTANCE_EFFECTIVE_COUNT) != 0);
  CHECK_NEAR(score.importance, 10.0 * 201.0 / 271.0);
  jtbd_report_destroy(report);
  jtbd_score_options_destroy(options);
  jtbd_study_destroy(study);
}

static void test_misuse(void) {
  jtbd_study* study = NULL;
  jtbd_report* report = NULL;
  jtbd_report* before = NULL;
  jtbd_outcome_score score = empty_score();
  jtbd_outcome_score untouched;
  size_t index = 77;
  const uint32_t respondents[3] = {0, 1, 2};
  const uint32_t outcomes[3] = {0, 0, 0};
  const uint8_t importance[3] = {4, 5, 6}; /* 6 is off the 1-5 scale */
  const uint8_t satisfaction[3] = {1, 2, 3};

  /* NULL handles: an error naming the argument, never a crash. */
  EXPECT_ERROR(jtbd_study_create(NULL), JTBD_INVALID_ARGUMENT, "out");
  EXPECT_ERROR(jtbd_study_add_outcome(NULL, "a", 1, "", 0, NULL),
               JTBD_INVALID_ARGUMENT, "study");
  EXPECT_ERROR(jtbd_study_add_answers(NULL, 0, NULL, NULL, NULL, NULL),
               JTBD_INVALID_ARGUMENT, "study");
  EXPECT_ERROR(jtbd_study_score(NULL, NULL, &report), JTBD_INVALID_ARGUMENT,
               "study");
  CHECK(report == NULL); /* out-parameters untouched on failure */
  EXPECT_ERROR(jtbd_report_outcome(NULL, 0, &score), JTBD_INVALID_ARGUMENT,
               "report");
  EXPECT_ERROR(jtbd_aggregate_merge(NULL, NULL), JTBD_INVALID_ARGUMENT, "into");
  CHECK(jtbd_study_outcome_count(NULL) == 0);
  CHECK(jtbd_report_outcome_count(NULL) == 0);
  CHECK(jtbd_error_code(NULL) == JTBD_OK);
  CHECK(strcmp(jtbd_error_message(NULL, NULL), "") == 0);
  jtbd_study_destroy(NULL);
  jtbd_report_destroy(NULL);
  jtbd_error_free(NULL);
  jtbd_buffer_free(NULL);

  CHECK_OK(jtbd_study_create(&study));
  add_bosch(study);
  CHECK_OK(jtbd_study_score(study, NULL, &before));
  EXPECT_ERROR(jtbd_study_score(study, NULL, NULL), JTBD_INVALID_ARGUMENT,
               "out");

  /* Duplicate outcome id. */
  EXPECT_ERROR(jtbd_study_add_outcome(study, "off_track", 9, "", 0, &index),
               JTBD_ALREADY_EXISTS, "off_track");
  CHECK(index == 77);
  CHECK(jtbd_study_outcome_count(study) == 1);

  /* A second outcome for the rejected batch to target, so that the batch's
   * first two elements are valid and only element 2 is not. */
  CHECK_OK(jtbd_study_add_outcome(study, "second", 6, NULL, 0, &index));
  CHECK(index == 1);
  {
    const uint32_t second[3] = {1, 1, 1};
    EXPECT_ERROR(jtbd_study_add_answers(study, 3, respondents, second,
                                        importance, satisfaction),
                 JTBD_INVALID_ARGUMENT, "importance[2] = 6");
    /* Rejected whole: the valid first two answers were not kept either, so
     * the same pairs can be added now. */
    CHECK_OK(jtbd_study_add_answers(study, 2, respondents, second, importance,
                                    satisfaction));
  }
  /* Re-rating a pair is refused and names the array index. */
  EXPECT_ERROR(jtbd_study_add_answers(study, 1, respondents, outcomes,
                                      importance, satisfaction),
               JTBD_INVALID_ARGUMENT, "respondents[0] = 0");
  EXPECT_ERROR(jtbd_study_add_answers(study, 3, NULL, outcomes, importance,
                                      satisfaction),
               JTBD_INVALID_ARGUMENT, "respondents");
  CHECK(jtbd_study_respondent_count(study) == 270);

  /* The score of the first outcome is what it was before the misuse. */
  CHECK_OK(jtbd_study_score(study, NULL, &report));
  {
    size_t i;
    int found = 0;
    for (i = 0; i < jtbd_report_outcome_count(report); ++i) {
      CHECK_OK(jtbd_report_outcome(report, i, &score));
      if (strcmp(score.outcome_id, "off_track") == 0) {
        found = 1;
        /* "second" (I = 10, S = 0, Opp = 20) now ranks first. */
        check_bosch_score(&score, 2);
      }
    }
    CHECK(found);
  }

  /* struct_size below the 1.0 size: refused, struct untouched. */
  memset(&untouched, 0xAB, sizeof(untouched));
  untouched.struct_size = JTBD_OUTCOME_SCORE_STRUCT_SIZE - 1;
  score = untouched;
  EXPECT_ERROR(jtbd_report_outcome(report, 0, &score), JTBD_INVALID_ARGUMENT,
               "at least JTBD_OUTCOME_SCORE_STRUCT_SIZE");
  CHECK(memcmp(&score, &untouched, sizeof(score)) == 0);

  /* Index out of range. */
  score = empty_score();
  EXPECT_ERROR(jtbd_report_outcome(report, 2, &score), JTBD_OUT_OF_RANGE,
               "index 2");
  EXPECT_ERROR(jtbd_report_render(report, 99, NULL), JTBD_INVALID_ARGUMENT,
               "out");
  {
    jtbd_buffer* buffer = NULL;
    EXPECT_ERROR(jtbd_report_render(report, 99, &buffer), JTBD_INVALID_ARGUMENT,
                 "format 99");
    CHECK(buffer == NULL);
  }

  /* The scale is fixed once answers exist. */
  EXPECT_ERROR(jtbd_study_set_scale(study, 1, 7, 6), JTBD_FAILED_PRECONDITION,
               "");

  jtbd_report_destroy(report);
  jtbd_report_destroy(before);
  jtbd_study_destroy(study);
}

static void test_survey_file(const char* path) {
  jtbd_study* study = NULL;
  jtbd_score_options* options = NULL;
  jtbd_report* report = NULL;
  jtbd_buffer* json = NULL;
  size_t s;
  uint64_t respondents_in_segments = 0;
  const char segment_by[] = "segment";

  CHECK_OK(jtbd_study_read_csv_file(NULL, path, strlen(path), &study));
  if (study == NULL) return;
  CHECK(jtbd_study_outcome_count(study) >= 20);
  CHECK(jtbd_study_respondent_count(study) >= 150);

  CHECK_OK(jtbd_score_options_create(&options));
  CHECK_OK(jtbd_score_options_set_segment_by(options, segment_by,
                                             strlen(segment_by)));
  CHECK_OK(jtbd_study_score(study, options, &report));
  if (report == NULL) {
    jtbd_score_options_destroy(options);
    jtbd_study_destroy(study);
    return;
  }
  CHECK(jtbd_report_respondent_count(report) ==
        jtbd_study_respondent_count(study));
  CHECK(jtbd_report_outcome_count(report) == jtbd_study_outcome_count(study));
  CHECK(jtbd_report_segment_count(report) == 2);
  for (s = 0; s < jtbd_report_segment_count(report); ++s) {
    const char* name = NULL;
    size_t name_len = 0, i;
    uint64_t count = 0;
    double previous = 1e9;
    CHECK_OK(jtbd_report_segment_name(report, s, &name, &name_len));
    CHECK(name_len > 0 && name[name_len] == '\0');
    CHECK_OK(jtbd_report_segment_respondent_count(report, s, &count));
    CHECK(count > 0);
    respondents_in_segments += count;
    for (i = 0; i < jtbd_report_outcome_count(report); ++i) {
      jtbd_outcome_score score = empty_score();
      CHECK_OK(jtbd_report_segment_outcome(report, s, i, &score));
      CHECK(score.opportunity <= previous); /* ranked, highest first */
      CHECK(score.importance_count <= count);
      previous = score.opportunity;
    }
  }
  CHECK(respondents_in_segments == jtbd_report_respondent_count(report));

  CHECK_OK(jtbd_report_render(report, JTBD_FORMAT_JSON, &json));
  if (json != NULL) {
    const char* text = (const char*)jtbd_buffer_data(json);
    CHECK(jtbd_buffer_size(json) > 0);
    CHECK(text[jtbd_buffer_size(json)] == '\0');
    CHECK(strlen(text) == jtbd_buffer_size(json));
    CHECK(strstr(text, "\"outcomes\"") != NULL);
    CHECK(strstr(text, "\"segments\"") != NULL);
    CHECK(strstr(text, "\"outcomeId\"") != NULL);
    CHECK(strstr(text, "\"opportunity\"") != NULL);
  }
  jtbd_buffer_free(json);

  /* A missing file names the file. */
  {
    jtbd_study* missing = NULL;
    const char nowhere[] = "/nonexistent/survey.csv";
    EXPECT_ERROR(
        jtbd_study_read_csv_file(NULL, nowhere, strlen(nowhere), &missing),
        JTBD_NOT_FOUND, nowhere);
    CHECK(missing == NULL);
  }

  jtbd_report_destroy(report);
  jtbd_score_options_destroy(options);
  jtbd_study_destroy(study);
}

/* Writes the key and length of a protobuf length-delimited field (field
 * number < 16); the caller appends the `size` bytes. */
static size_t put_field_header(uint8_t* out, int field, size_t size) {
  size_t n = 0;
  out[n++] = (uint8_t)(field << 3 | 2);
  while (size >= 0x80) {
    out[n++] = (uint8_t)(size | 0x80);
    size >>= 7;
  }
  out[n++] = (uint8_t)size;
  return n;
}

static void test_bytes_in_bytes_out(void) {
  jtbd_study* study = NULL;
  jtbd_buffer* serialized = NULL;
  jtbd_buffer* report = NULL;
  jtbd_buffer* json = NULL;
  uint8_t* request;
  size_t size, n;

  CHECK_OK(jtbd_study_create(&study));
  add_bosch(study);
  CHECK_OK(jtbd_study_serialize(study, &serialized));
  if (serialized == NULL) return;
  size = jtbd_buffer_size(serialized);

  /* jtbd.v1.ScoreRequest { study = 1; } built by hand around the study. */
  request = (uint8_t*)malloc(size + 8);
  n = put_field_header(request, 1, size);
  memcpy(request + n, jtbd_buffer_data(serialized), size);
  n += size;
  CHECK_OK(jtbd_score_request(request, n, &report));
  if (report != NULL) {
    /* The report's first outcome's importance (field 1 / field 3, a
     * double): find the fixed64 tag 0x19 and read the little-endian bytes. */
    const uint8_t* bytes = jtbd_buffer_data(report);
    size_t i, found = 0;
    for (i = 0; i + 9 <= jtbd_buffer_size(report); ++i) {
      if (bytes[i] == 0x19) {
        uint64_t bits = 0;
        double value;
        int k;
        for (k = 7; k >= 0; --k) bits = bits << 8 | bytes[i + 1 + k];
        memcpy(&value, &bits, sizeof(value));
        if (fabs(value - 2000.0 / 270.0) < 1e-12) found = 1;
      }
    }
    CHECK(found);
  }
  jtbd_buffer_free(report);
  free(request);

  /* Garbage in: an error, not a crash. */
  report = NULL;
  EXPECT_ERROR(jtbd_score_request("\xff\xff\xff", 3, &report),
               JTBD_INVALID_ARGUMENT, "ScoreRequest");
  CHECK(report == NULL);

  {
    const char request_json[] =
        "{\"study\": {\"outcomes\": [{\"id\": \"o1\"}],"
        " \"respondents\": ["
        "  {\"id\": \"a\", \"answers\": [{\"outcomeId\": \"o1\","
        "    \"importance\": 5, \"satisfaction\": 1}]},"
        "  {\"id\": \"b\", \"answers\": [{\"outcomeId\": \"o1\","
        "    \"importance\": 4, \"satisfaction\": 2}]},"
        "  {\"id\": \"c\", \"answers\": [{\"outcomeId\": \"o1\","
        "    \"importance\": 2, \"satisfaction\": 5}]},"
        "  {\"id\": \"d\", \"answers\": [{\"outcomeId\": \"o1\","
        "    \"importance\": 5}]}]},"
        " \"futureField\": true}";
    /* I = 10 * 3/4 = 7.5, S = 10 * 1/3 = 3.333..., Opp = 11.666...:
     * underserved. */
    CHECK_OK(
        jtbd_score_request_json(request_json, strlen(request_json), &json));
    if (json != NULL) {
      const char* text = (const char*)jtbd_buffer_data(json);
      const char* found = strstr(text, "\"opportunity\":");
      CHECK(found != NULL);
      if (found != NULL) {
        CHECK_NEAR(strtod(found + strlen("\"opportunity\":"), NULL),
                   7.5 + (7.5 - 10.0 / 3.0));
      }
      CHECK(strstr(text, "BAND_UNDERSERVED") != NULL);
    }
    jtbd_buffer_free(json);
  }

  jtbd_buffer_free(serialized);
  jtbd_study_destroy(study);
}

/* Every growable struct publishes its 1.0 size (convention 8); in 1.0 that
 * is the whole struct, its last field being the struct's end but for the
 * trailing padding that rounds the size up to the struct's alignment. */
#define CHECK_WHOLE_STRUCT(type, size) \
  CHECK((size) <= sizeof(type) && sizeof(type) - (size) < 8)
static void test_struct_sizes(void) {
  CHECK_WHOLE_STRUCT(jtbd_outcome_score, JTBD_OUTCOME_SCORE_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_visual_options, JTBD_VISUAL_OPTIONS_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_report_sections, JTBD_REPORT_SECTIONS_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_segment_comparison,
                     JTBD_SEGMENT_COMPARISON_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_solution_score, JTBD_SOLUTION_SCORE_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_best_solution, JTBD_BEST_SOLUTION_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_report_info, JTBD_REPORT_INFO_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_screening_info, JTBD_SCREENING_INFO_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_screened_respondent,
                     JTBD_SCREENED_RESPONDENT_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_segmentation_info,
                     JTBD_SEGMENTATION_INFO_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_segment_candidate,
                     JTBD_SEGMENT_CANDIDATE_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_segment_profile, JTBD_SEGMENT_PROFILE_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_attribute_overrepresentation,
                     JTBD_ATTRIBUTE_OVERREPRESENTATION_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_segment_assignment,
                     JTBD_SEGMENT_ASSIGNMENT_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_set_aside_attribute,
                     JTBD_SET_ASIDE_ATTRIBUTE_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_warning, JTBD_WARNING_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_outcome_change, JTBD_OUTCOME_CHANGE_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_wave_comparison_info,
                     JTBD_WAVE_COMPARISON_INFO_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_roadmap_info, JTBD_ROADMAP_INFO_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_initiative_result,
                     JTBD_INITIATIVE_RESULT_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_frontier_point, JTBD_FRONTIER_POINT_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_outcome_contribution,
                     JTBD_OUTCOME_CONTRIBUTION_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_interview_info, JTBD_INTERVIEW_INFO_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_forces_report_info,
                     JTBD_FORCES_REPORT_INFO_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_force_summary, JTBD_FORCE_SUMMARY_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_propensity_model_info,
                     JTBD_PROPENSITY_MODEL_INFO_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_force_prediction, JTBD_FORCE_PREDICTION_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_force_suggestion, JTBD_FORCE_SUGGESTION_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_linted_statement, JTBD_LINTED_STATEMENT_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_lint_finding, JTBD_LINT_FINDING_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_step_coverage, JTBD_STEP_COVERAGE_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_design_job, JTBD_DESIGN_JOB_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_design_step, JTBD_DESIGN_STEP_STRUCT_SIZE);
  CHECK_WHOLE_STRUCT(jtbd_design_outcome, JTBD_DESIGN_OUTCOME_STRUCT_SIZE);
}

/* One statement as a person types it, then a set with a duplicate. */
static void test_lint(void) {
  jtbd_linter* linter = NULL;
  jtbd_linter* other = NULL;
  jtbd_lint_result* result = NULL;
  jtbd_linted_statement statement;
  jtbd_lint_finding finding;
  const char text[] = "Reduce the time it takes to verify an invoice";
  const char* texts[2];
  size_t lens[2];

  CHECK_OK(jtbd_linter_create(JTBD_STATEMENT_LANGUAGE_UNSPECIFIED, &linter));
  EXPECT_ERROR(jtbd_linter_create(7, &other), JTBD_INVALID_ARGUMENT,
               "unknown language 7");
  CHECK(other == NULL);
  CHECK_OK(jtbd_linter_lint(linter, text, strlen(text), &result));
  CHECK(jtbd_lint_result_statement_count(result) == 1);
  memset(&statement, 0, sizeof statement);
  statement.struct_size = sizeof statement;
  CHECK_OK(jtbd_lint_result_statement(result, 0, &statement));
  CHECK(statement.kind == JTBD_STATEMENT_KIND_OUTCOME);
  CHECK(statement.language == JTBD_STATEMENT_LANGUAGE_ENGLISH);
  CHECK(statement.metric.begin == 7 && statement.metric.end == 27);
  CHECK(statement.finding_count == 1 && statement.has_warnings == 1);
  memset(&finding, 0, sizeof finding);
  finding.struct_size = sizeof finding;
  CHECK_OK(jtbd_lint_result_finding(result, 0, 0, &finding));
  CHECK(strcmp(finding.rule, "JTBD-L001") == 0);
  CHECK(finding.severity == JTBD_LINT_SEVERITY_WARNING);
  CHECK(strcmp(finding.suggestion,
               "Minimize the time it takes to verify an invoice") == 0);
  CHECK(finding.related_statement == -1);
  EXPECT_ERROR(jtbd_lint_result_finding(result, 0, 1, &finding),
               JTBD_OUT_OF_RANGE, "index 1");
  jtbd_lint_result_destroy(result);
  result = NULL;

  texts[0] = "Minimize the time it takes to locate a file";
  texts[1] = "minimize the time it takes to locate a file.";
  lens[0] = strlen(texts[0]);
  lens[1] = strlen(texts[1]);
  CHECK_OK(jtbd_linter_lint_all(linter, texts, lens, NULL, NULL, 2, &result));
  CHECK_OK(jtbd_lint_result_statement(result, 1, &statement));
  CHECK(statement.finding_count == 1);
  CHECK_OK(jtbd_lint_result_finding(result, 1, 0, &finding));
  CHECK(strcmp(finding.rule_name, "duplicate") == 0);
  CHECK(finding.related_statement == 0);
  jtbd_lint_result_destroy(result);
  result = NULL;
  lens[1] = 2;
  texts[1] = "\xC3x";
  EXPECT_ERROR(
      jtbd_linter_lint_all(linter, texts, lens, NULL, NULL, 2, &result),
      JTBD_INVALID_ARGUMENT, "texts[1]");
  CHECK(result == NULL);
  jtbd_linter_destroy(linter);
}

/* Limits are an object of their own, copied into read options; a file over
 * one is refused when it is read, naming the limit. */
static void test_limits(void) {
  jtbd_limits* limits = NULL;
  jtbd_read_options* options = NULL;
  jtbd_study* study = NULL;
  uint64_t value = 0;
  const char csv[] = "id,imp_a,sat_a\nr1,5,1\nr2,4,2\n";

  CHECK_OK(jtbd_limits_create(&limits));
  CHECK_OK(jtbd_limits_get(limits, JTBD_LIMIT_RESPONDENTS, &value));
  CHECK(value == 10000000u);
  CHECK_OK(jtbd_limits_set(limits, JTBD_LIMIT_RESPONDENTS, 1));
  EXPECT_ERROR(jtbd_limits_set(limits, JTBD_LIMIT_RESPONDENTS, 0),
               JTBD_INVALID_ARGUMENT, "max_respondents is 0");
  CHECK_OK(jtbd_read_options_create(&options));
  CHECK_OK(jtbd_read_options_set_limits(options, limits));
  /* Copied: a later change to `limits` does not reach the options. */
  CHECK_OK(jtbd_limits_set(limits, JTBD_LIMIT_RESPONDENTS, 5));
  EXPECT_ERROR(
      jtbd_study_read_csv(options, csv, strlen(csv), "l.csv", 5, &study),
      JTBD_RESOURCE_EXHAUSTED, "max_respondents = 1");
  CHECK(study == NULL);
  CHECK_OK(jtbd_read_options_set_limits(options, limits));
  CHECK_OK(jtbd_study_read_csv(options, csv, strlen(csv), "l.csv", 5, &study));
  CHECK(jtbd_study_respondent_count(study) == 2);
  jtbd_study_destroy(study);
  jtbd_read_options_destroy(options);
  jtbd_limits_destroy(limits);
}

/* A study design given to score options: its coverage read back step by
 * step (hand-computed: tests/design/design_test.cc explains the numbers),
 * and a bad design refused with its line and column, the options kept. */
static void test_design(void) {
  static const char survey[] =
      "respondent_id,imp_a,sat_a,imp_b,sat_b,imp_c,sat_c\n"
      "r1,5,1,5,5,1,5\n"
      "r2,5,1,5,1,1,5\n"
      "r3,5,1,5,1,1,5\n"
      "r4,5,1,4,1,1,5\n";
  static const char design[] =
      "kind,id,statement,job_step\n"
      "step,define,,\n"
      "step,review,Review,\n"
      "step,conclude,,\n"
      ",a,Minimize the time it takes to decide,define\n"
      ",b,Minimize the likelihood of a wrong term,define\n"
      ",c,Minimize the time it takes to find hours,review\n";
  static const char bad[] =
      "kind,id,statement,job_step\n,a,s,nosuch\n"
      "step,define,,\n";
  jtbd_score_options* options = NULL;
  jtbd_report* report = NULL;
  jtbd_step_coverage step;
  jtbd_error* error;

  CHECK_OK(jtbd_score_options_create(&options));
  if (options == NULL) return;
  CHECK_OK(jtbd_score_options_set_design(options, design, strlen(design),
                                         "d.csv", 5));
  error =
      jtbd_score_options_set_design(options, bad, strlen(bad), "bad.csv", 7);
  CHECK(error != NULL && jtbd_error_code(error) == JTBD_INVALID_ARGUMENT);
  CHECK(error != NULL &&
        strstr(jtbd_error_message(error, NULL),
               "bad.csv: line 2, column 4 (\"job_step\")") != NULL);
  jtbd_error_free(error);
  CHECK_OK(jtbd_score_survey(NULL, options, survey, strlen(survey), "s.csv", 5,
                             &report));
  jtbd_score_options_destroy(options);
  if (report == NULL) return;
  CHECK(jtbd_report_coverage_step_count(report) == 3);
  memset(&step, 0, sizeof(step));
  step.struct_size = sizeof(step);
  CHECK_OK(jtbd_report_coverage_step(report, 0, &step));
  /* define: a (Opp 20) and b (Opp 17.5), both extreme */
  CHECK(step.step_id_len == 6 && strcmp(step.step_id, "define") == 0);
  CHECK(step.universal_step == JTBD_UNIVERSAL_STEP_DEFINE);
  CHECK(step.outcome_count == 2 && step.scored_outcome_count == 2);
  CHECK(step.underserved_count == 2 && step.overserved_count == 0);
  CHECK(step.all_underserved == 1 && step.all_overserved == 0);
  CHECK(step.most_opportunity == 1 && step.has_max_opportunity == 1);
  CHECK(fabs(step.opportunity_excess - 17.5) < 1e-12);
  CHECK(fabs(step.max_opportunity - 20.0) < 1e-12);
  CHECK(strcmp(step.top_outcome_id, "a") == 0);
  CHECK_OK(jtbd_report_coverage_step(report, 1, &step));
  /* review: c (I 0, S 10, Opp 0), overserved */
  CHECK(strcmp(step.name, "Review") == 0);
  CHECK(step.universal_step == JTBD_UNIVERSAL_STEP_CUSTOM);
  CHECK(step.outcome_count == 1 && step.overserved_count == 1);
  CHECK(step.all_overserved == 1 && step.most_opportunity == 0);
  CHECK(step.opportunity_excess == 0.0 && step.max_opportunity == 0.0);
  CHECK_OK(jtbd_report_coverage_step(report, 2, &step));
  CHECK(step.outcome_count == 0 && step.has_max_opportunity == 0);
  error = jtbd_report_coverage_step(report, 3, &step);
  CHECK(error != NULL && jtbd_error_code(error) == JTBD_OUT_OF_RANGE);
  jtbd_error_free(error);
  jtbd_report_destroy(report);
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s examples/survey.csv\n", argv[0]);
    return 2;
  }
  test_version();
  test_struct_sizes();
  test_limits();
  test_lint();
  test_bosch();
  test_statistics();
  test_misuse();
  test_survey_file(argv[1]);
  test_bytes_in_bytes_out();
  test_design();
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
