/*
 * top_outcomes.c - a consumer of the installed libjtbd, in C99.
 *
 *   top_outcomes SURVEY.csv
 *
 * Prints "jtbd <version>", then for all respondents and for each value of
 * the survey's "segment" column the top-ranked outcome:
 *   <name> (<respondents>): <rank> <id> <imp top>/<imp n> <sat top>/<sat n>
 *   <opportunity, 6 decimals> <band>
 * Every consumer test (CMake, pkg-config, C++, Python, PHP) prints these
 * lines; tests/install/expected_top.txt holds them, counted by hand.
 */
#include <jtbd/jtbd.h>
#include <stdio.h>
#include <string.h>

static int fail(jtbd_error* error) {
  fprintf(stderr, "top_outcomes: %s: %s\n",
          jtbd_code_name(jtbd_error_code(error)),
          jtbd_error_message(error, NULL));
  jtbd_error_free(error);
  return 1;
}

static void print_top(const char* name, size_t name_len, uint64_t respondents,
                      const jtbd_outcome_score* s) {
  printf("%.*s (%u): %u %.*s %u/%u %u/%u %.6f %s\n", (int)name_len, name,
         (unsigned)respondents, (unsigned)s->rank, (int)s->outcome_id_len,
         s->outcome_id, (unsigned)s->importance_top_box_count,
         (unsigned)s->importance_count, (unsigned)s->satisfaction_top_box_count,
         (unsigned)s->satisfaction_count, s->opportunity,
         jtbd_band_name(s->band));
}

int main(int argc, char** argv) {
  jtbd_study* study = NULL;
  jtbd_score_options* options = NULL;
  jtbd_report* report = NULL;
  jtbd_outcome_score score;
  jtbd_error* error;
  size_t segment;

  if (argc != 2) {
    fprintf(stderr, "usage: top_outcomes SURVEY.csv\n");
    return 2;
  }
  if (jtbd_version_number() / 10000 != JTBD_VERSION_MAJOR) {
    fprintf(stderr, "top_outcomes: libjtbd %s is another major version\n",
            jtbd_version_string());
    return 1;
  }
  printf("jtbd %s\n", jtbd_version_string());

  error = jtbd_study_read_csv_file(NULL, argv[1], strlen(argv[1]), &study);
  if (error == NULL) error = jtbd_score_options_create(&options);
  if (error == NULL) {
    error = jtbd_score_options_set_segment_by(options, "segment", 7);
  }
  if (error == NULL) error = jtbd_study_score(study, options, &report);
  if (error != NULL) return fail(error);

  memset(&score, 0, sizeof score);
  score.struct_size = sizeof score;
  error = jtbd_report_outcome(report, 0, &score);
  if (error != NULL) return fail(error);
  print_top("all", 3, jtbd_report_respondent_count(report), &score);
  for (segment = 0; segment < jtbd_report_segment_count(report); ++segment) {
    const char* name;
    size_t name_len;
    uint64_t respondents;
    error = jtbd_report_segment_name(report, segment, &name, &name_len);
    if (error == NULL) {
      error =
          jtbd_report_segment_respondent_count(report, segment, &respondents);
    }
    if (error == NULL) {
      error = jtbd_report_segment_outcome(report, segment, 0, &score);
    }
    if (error != NULL) return fail(error);
    print_top(name, name_len, respondents, &score);
  }
  jtbd_report_destroy(report);
  jtbd_score_options_destroy(options);
  jtbd_study_destroy(study);
  return fflush(stdout) == 0 ? 0 : 1;
}
