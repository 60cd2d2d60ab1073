/*
 * score.c - ranks the desired outcomes of a survey with libjtbd's C API.
 *
 *   score_c SURVEY.csv [SEGMENT_ATTRIBUTE]
 *
 * Prints every outcome ranked by opportunity over all respondents, then the
 * five largest opportunities of each segment when an attribute is named.
 * Build: cc -std=c99 score.c -ljtbd
 */
#include <stdio.h>
#include <string.h>

#include "jtbd/jtbd.h"

/* Prints a failed call's error, frees it, and returns the exit status 1. */
static int fail(const char* what, jtbd_error* error) {
  fprintf(stderr, "score_c: %s failed: %s: %s\n", what,
          jtbd_code_name(jtbd_error_code(error)),
          jtbd_error_message(error, NULL));
  jtbd_error_free(error);
  return 1;
}

static void print_score(const jtbd_outcome_score* score) {
  /* Scores are unrounded; one decimal is for display, as Ulwick does. */
  printf(
      "  %2u. %-6.*s opportunity %4.1f  importance %4.1f  "
      "satisfaction %4.1f  %-20s (n=%llu/%llu)\n",
      (unsigned)score->rank, (int)score->outcome_id_len, score->outcome_id,
      score->opportunity, score->importance, score->satisfaction,
      jtbd_band_name(score->band), (unsigned long long)score->importance_count,
      (unsigned long long)score->satisfaction_count);
}

/* Prints up to `limit` outcomes of a segment, or of the whole report when
 * segment is (size_t)-1. */
static jtbd_error* print_ranking(const jtbd_report* report, size_t segment,
                                 size_t limit) {
  size_t count = jtbd_report_outcome_count(report);
  size_t i;
  if (count > limit) count = limit;
  for (i = 0; i < count; ++i) {
    jtbd_outcome_score score;
    jtbd_error* error;
    memset(&score, 0, sizeof(score));
    score.struct_size = sizeof(score); /* the fields this program knows */
    error = segment == (size_t)-1
                ? jtbd_report_outcome(report, i, &score)
                : jtbd_report_segment_outcome(report, segment, i, &score);
    if (error != NULL) return error;
    print_score(&score);
  }
  return NULL;
}

int main(int argc, char** argv) {
  jtbd_score_options* options = NULL;
  jtbd_report* report = NULL;
  jtbd_error* error;
  size_t segment;
  int status = 1;

  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: %s SURVEY.csv [SEGMENT_ATTRIBUTE]\n", argv[0]);
    return 2;
  }
  /* A program built against a 1.x header runs with any 1.y library, y >= x. */
  if (jtbd_version_number() / 10000 != JTBD_VERSION_MAJOR ||
      jtbd_version_number() < JTBD_VERSION_NUMBER) {
    fprintf(stderr, "score_c: libjtbd %s is too old for this program\n",
            jtbd_version_string());
    return 1;
  }

  error = jtbd_score_options_create(&options);
  if (error == NULL && argc == 3) {
    error =
        jtbd_score_options_set_segment_by(options, argv[2], strlen(argv[2]));
  }
  /* Read and score in one step, keeping no respondent in memory. NULL read
   * options: the layout detected, the default 1-5 scale, top box 4 and 5. */
  if (error == NULL) {
    error = jtbd_score_survey_file(NULL, options, argv[1], strlen(argv[1]),
                                   &report);
  }
  if (error != NULL) {
    status = fail("scoring the survey", error);
    goto done;
  }

  printf("%s: %llu respondents, %lu outcomes\n", argv[1],
         (unsigned long long)jtbd_report_respondent_count(report),
         (unsigned long)jtbd_report_outcome_count(report));
  error = print_ranking(report, (size_t)-1, (size_t)-1);
  for (segment = 0;
       error == NULL && segment < jtbd_report_segment_count(report);
       ++segment) {
    const char* name = NULL;
    size_t name_len = 0;
    uint64_t respondents = 0;
    error = jtbd_report_segment_name(report, segment, &name, &name_len);
    if (error == NULL) {
      error =
          jtbd_report_segment_respondent_count(report, segment, &respondents);
    }
    if (error != NULL) break;
    printf("\nsegment %.*s (%llu respondents), largest opportunities:\n",
           (int)name_len, name, (unsigned long long)respondents);
    error = print_ranking(report, segment, 5);
  }
  if (error != NULL) {
    status = fail("reading the report", error);
    goto done;
  }
  status = 0;

done:
  /* Every destroy accepts NULL, so one exit path serves all. */
  jtbd_report_destroy(report);
  jtbd_score_options_destroy(options);
  return status;
}
