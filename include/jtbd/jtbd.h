/*
 * jtbd.h - the C ABI of libjtbd, a Jobs-to-be-Done customer-research library.
 *
 * Conventions
 *  1. Every object is an opaque pointer (jtbd_study, jtbd_report, ...). It is
 *     made by jtbd_<object>_create (or a function returning one through an
 *     out-parameter) and released by jtbd_<object>_destroy, which accepts NULL.
 *  2. Every call that can fail returns a jtbd_error*: NULL means success. A
 *     non-NULL error carries a code and a message; read them with
 *     jtbd_error_code and jtbd_error_message, then release it with
 *     jtbd_error_free (which accepts NULL). Errors are never stored in objects,
 *     so one thread cannot overwrite another's.
 *  3. Error codes equal absl::StatusCode (jtbd_code below). The set is open:
 *     treat any value other than JTBD_OK as a failure.
 *  4. Text travels as pointer + length (UTF-8, need not be NUL-terminated);
 *     the pointer may be NULL when the length is 0. Text that is not valid
 *     UTF-8 is refused (JTBD_INVALID_ARGUMENT); file paths are exempt. Text
 *     handed out by the library is also NUL-terminated and lives as long as
 *     the object it was read from.
 *  5. Bytes the library allocates for the caller come in a jtbd_buffer,
 *     released with jtbd_buffer_free.
 *  6. Out-parameters are written only on success. On failure nothing the
 *     caller owns has changed: a rejected batch leaves the study as it was.
 *  7. Ratings are integers on the study's scale; 0 means "no answer".
 *  8. Growable structs start with struct_size: set it to sizeof(the struct)
 *     and the library fills only the fields your header knows (the first
 *     struct_size bytes), leaving struct_size as you set it. A struct_size
 *     too small to hold the first text field is refused.
 *  9. No C++ exception ever crosses this boundary; an unexpected one becomes
 *     JTBD_INTERNAL, an allocation failure JTBD_RESOURCE_EXHAUSTED.
 * 10. Threads: functions taking a const pointer may run concurrently on the
 *     same object; a non-const pointer needs exclusive access. Distinct
 *     objects are independent.
 * 11. Versioning: within major version 1, functions, enum values and struct
 *     fields are only ever added, never changed or removed. Compare
 *     JTBD_VERSION_NUMBER with jtbd_version_number() to detect a header and
 *     library mismatch.
 */
#ifndef JTBD_JTBD_H_
#define JTBD_JTBD_H_

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#if defined(JTBD_BUILDING_LIBRARY)
#define JTBD_EXPORT __declspec(dllexport)
#else
#define JTBD_EXPORT __declspec(dllimport)
#endif
#else
#define JTBD_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- version */

#define JTBD_VERSION_MAJOR 1
#define JTBD_VERSION_MINOR 0
#define JTBD_VERSION_PATCH 0
/* major * 10000 + minor * 100 + patch */
#define JTBD_VERSION_NUMBER \
  (JTBD_VERSION_MAJOR * 10000 + JTBD_VERSION_MINOR * 100 + JTBD_VERSION_PATCH)

/* The JTBD_VERSION_NUMBER the library was built with. */
JTBD_EXPORT uint32_t jtbd_version_number(void);
/* "1.0.0": static storage, NUL-terminated. */
JTBD_EXPORT const char* jtbd_version_string(void);

/* ----------------------------------------------------------------- errors */

/* Equal to absl::StatusCode. Open set: other non-zero values are failures. */
typedef enum jtbd_code {
  JTBD_OK = 0,
  JTBD_CANCELLED = 1,
  JTBD_UNKNOWN = 2,
  JTBD_INVALID_ARGUMENT = 3,
  JTBD_DEADLINE_EXCEEDED = 4,
  JTBD_NOT_FOUND = 5,
  JTBD_ALREADY_EXISTS = 6,
  JTBD_PERMISSION_DENIED = 7,
  JTBD_RESOURCE_EXHAUSTED = 8,
  JTBD_FAILED_PRECONDITION = 9,
  JTBD_ABORTED = 10,
  JTBD_OUT_OF_RANGE = 11,
  JTBD_UNIMPLEMENTED = 12,
  JTBD_INTERNAL = 13,
  JTBD_UNAVAILABLE = 14,
  JTBD_DATA_LOSS = 15,
  JTBD_UNAUTHENTICATED = 16
} jtbd_code;

typedef struct jtbd_error jtbd_error;

/* The code of an error; JTBD_OK for NULL. */
JTBD_EXPORT int32_t jtbd_error_code(const jtbd_error* error);
/* The message, NUL-terminated, valid until jtbd_error_free. *length (if not
 * NULL) receives its length in bytes. "" for NULL. */
JTBD_EXPORT const char* jtbd_error_message(const jtbd_error* error,
                                           size_t* length);
/* Accepts NULL. */
JTBD_EXPORT void jtbd_error_free(jtbd_error* error);
/* "INVALID_ARGUMENT" for 3, ...: static storage; "UNKNOWN_CODE" otherwise. */
JTBD_EXPORT const char* jtbd_code_name(int32_t code);

/* ---------------------------------------------------------------- buffers */

typedef struct jtbd_buffer jtbd_buffer;

/* Bytes owned by the buffer, valid until jtbd_buffer_free. Text output (JSON,
 * CSV, table) is followed by a NUL byte not counted in the size. */
JTBD_EXPORT const uint8_t* jtbd_buffer_data(const jtbd_buffer* buffer);
JTBD_EXPORT size_t jtbd_buffer_size(const jtbd_buffer* buffer);
/* Accepts NULL. */
JTBD_EXPORT void jtbd_buffer_free(jtbd_buffer* buffer);

/* ------------------------------------------------------------------ bands */

/* Where an outcome falls, from its unrounded scores (equal to jtbd.v1.Band):
 * extreme when opportunity > 15; high when 12 <= opportunity <= 15;
 * underserved when 10 <= opportunity < 12; otherwise overserved when
 * satisfaction > importance, table stakes when both are >= 7.5, else
 * appropriately served. */
typedef enum jtbd_band {
  JTBD_BAND_UNSPECIFIED = 0,
  JTBD_BAND_EXTREME = 1,
  JTBD_BAND_HIGH = 2,
  JTBD_BAND_UNDERSERVED = 3,
  JTBD_BAND_APPROPRIATELY_SERVED = 4,
  JTBD_BAND_OVERSERVED = 5,
  JTBD_BAND_TABLE_STAKES = 6,
  JTBD_BAND_INSUFFICIENT_DATA = 7
} jtbd_band;

/* "extreme", "high", "underserved", "appropriately_served", "overserved",
 * "table_stakes", "insufficient_data"; "unspecified" otherwise. Static. */
JTBD_EXPORT const char* jtbd_band_name(int32_t band);

/* ---------------------------------------------------------- read options */

/* How survey files are read. NULL wherever a jtbd_read_options* is taken
 * means the defaults: a 1-5 scale counting 4 and 5 as top box. */
typedef struct jtbd_read_options jtbd_read_options;

JTBD_EXPORT jtbd_error* jtbd_read_options_create(jtbd_read_options** out);
JTBD_EXPORT void jtbd_read_options_destroy(jtbd_read_options* options);
/* The rating scale answers must lie on: 1 <= min < max, at most 11 points,
 * min <= top_box_min <= max. */
JTBD_EXPORT jtbd_error* jtbd_read_options_set_scale(jtbd_read_options* options,
                                                    int32_t min, int32_t max,
                                                    int32_t top_box_min);

/* --------------------------------------------------------- score options */

/* How a study is scored. NULL means the defaults (no segments). */
typedef struct jtbd_score_options jtbd_score_options;

JTBD_EXPORT jtbd_error* jtbd_score_options_create(jtbd_score_options** out);
JTBD_EXPORT void jtbd_score_options_destroy(jtbd_score_options* options);
/* Also score each distinct non-empty value of this respondent attribute as a
 * segment. Length 0 clears it. Scoring fails with JTBD_NOT_FOUND when no
 * respondent has the attribute. */
JTBD_EXPORT jtbd_error* jtbd_score_options_set_segment_by(
    jtbd_score_options* options, const char* attribute, size_t attribute_len);

/* ------------------------------------------------------------------ study */

/* Outcomes, respondents (with attributes) and their answers, on one scale. */
typedef struct jtbd_study jtbd_study;
typedef struct jtbd_report jtbd_report;
typedef struct jtbd_aggregate jtbd_aggregate;

/* An empty study on the default 1-5 scale (top box 4 and 5). */
JTBD_EXPORT jtbd_error* jtbd_study_create(jtbd_study** out);
JTBD_EXPORT void jtbd_study_destroy(jtbd_study* study);
/* Changes the scale; JTBD_FAILED_PRECONDITION once answers were added. */
JTBD_EXPORT jtbd_error* jtbd_study_set_scale(jtbd_study* study, int32_t min,
                                             int32_t max, int32_t top_box_min);
/* Declares an outcome; ids are non-empty and unique (JTBD_ALREADY_EXISTS).
 * *index_out (if not NULL) receives its index: 0, 1, 2, ... */
JTBD_EXPORT jtbd_error* jtbd_study_add_outcome(jtbd_study* study,
                                               const char* id, size_t id_len,
                                               const char* statement,
                                               size_t statement_len,
                                               size_t* index_out);
/* Declares one respondent. A non-empty id must be unique; an empty one makes
 * the respondent anonymous. *index_out (if not NULL) receives its index. */
JTBD_EXPORT jtbd_error* jtbd_study_add_respondent(jtbd_study* study,
                                                  const char* id, size_t id_len,
                                                  size_t* index_out);
/* Declares `count` anonymous respondents at once; *first_index_out (if not
 * NULL) receives the index of the first. */
JTBD_EXPORT jtbd_error* jtbd_study_add_respondents(jtbd_study* study,
                                                   size_t count,
                                                   size_t* first_index_out);
/* Sets a respondent attribute (role, company size, segment, ...). */
JTBD_EXPORT jtbd_error* jtbd_study_set_attribute(
    jtbd_study* study, size_t respondent, const char* name, size_t name_len,
    const char* value, size_t value_len);
/* Appends `count` answers given as parallel arrays: answer i is respondent
 * respondents[i]'s rating of outcome outcomes[i], importance[i] and
 * satisfaction[i] on the study's scale, 0 meaning no answer. Each respondent
 * rates each outcome at most once across all batches. A batch with any
 * invalid element is rejected whole, the study unchanged, and the error names
 * the first offending array index and value. count 0 is a no-op (the arrays
 * may then be NULL). */
JTBD_EXPORT jtbd_error* jtbd_study_add_answers(jtbd_study* study, size_t count,
                                               const uint32_t* respondents,
                                               const uint32_t* outcomes,
                                               const uint8_t* importance,
                                               const uint8_t* satisfaction);
/* Counts; 0 for NULL. */
JTBD_EXPORT size_t jtbd_study_outcome_count(const jtbd_study* study);
JTBD_EXPORT size_t jtbd_study_respondent_count(const jtbd_study* study);
/* Scores the study; options may be NULL. */
JTBD_EXPORT jtbd_error* jtbd_study_score(const jtbd_study* study,
                                         const jtbd_score_options* options,
                                         jtbd_report** out);
/* The study's mergeable aggregate (joint answer tables per outcome). */
JTBD_EXPORT jtbd_error* jtbd_study_aggregate(const jtbd_study* study,
                                             jtbd_aggregate** out);
/* Serialized jtbd.v1.Study, and back. */
JTBD_EXPORT jtbd_error* jtbd_study_serialize(const jtbd_study* study,
                                             jtbd_buffer** out);
JTBD_EXPORT jtbd_error* jtbd_study_parse(const void* data, size_t size,
                                         jtbd_study** out);

/* Reads a survey CSV (long or wide layout, detected from the header). Errors
 * name the file, the line where the offending record starts and the column.
 * options may be NULL. */
JTBD_EXPORT jtbd_error* jtbd_study_read_csv_file(
    const jtbd_read_options* options, const char* path, size_t path_len,
    jtbd_study** out);
/* The same from memory; source_name (may be empty) names it in errors. */
JTBD_EXPORT jtbd_error* jtbd_study_read_csv(const jtbd_read_options* options,
                                            const char* data, size_t size,
                                            const char* source_name,
                                            size_t source_name_len,
                                            jtbd_study** out);

/* Describes the study's outcomes from a CSV kept apart from the survey (wide
 * surveys carry only outcome ids). Header, compared ignoring case and the
 * spaces around names: the outcome id from the first of id, outcome_id,
 * outcome; at least one of statement and job_step; other columns ignored.
 * Each row names an outcome of the study, at most once; a blank statement or
 * job step leaves that field as it was, as do outcomes without a row. All or
 * nothing: a refused file (JTBD_INVALID_ARGUMENT naming the file, line and
 * column; JTBD_NOT_FOUND for a missing file) leaves the study unchanged. */
JTBD_EXPORT jtbd_error* jtbd_study_describe_outcomes_csv_file(jtbd_study* study,
                                                              const char* path,
                                                              size_t path_len);
/* The same from memory; source_name (may be empty) names it in errors. */
JTBD_EXPORT jtbd_error* jtbd_study_describe_outcomes_csv(
    jtbd_study* study, const char* data, size_t size, const char* source_name,
    size_t source_name_len);

/* ----------------------------------------------------------------- report */

/* One outcome's scores. Text points into the report. */
typedef struct jtbd_outcome_score {
  size_t struct_size; /* set to sizeof(jtbd_outcome_score) */
  const char* outcome_id;
  size_t outcome_id_len;
  const char* statement;
  size_t statement_len;
  double importance;   /* 10 x top-box share of importance ratings, 0-10 */
  double satisfaction; /* 10 x top-box share of satisfaction ratings */
  double opportunity;  /* importance + max(importance - satisfaction, 0) */
  int32_t band;        /* jtbd_band */
  uint32_t rank;       /* 1 = largest opportunity; 0 without data */
  uint32_t importance_count; /* respondents who rated importance */
  uint32_t importance_top_box_count;
  uint32_t satisfaction_count; /* respondents who rated satisfaction */
  uint32_t satisfaction_top_box_count;
  uint32_t both_count; /* respondents who rated both */
  uint32_t both_top_box_count;
} jtbd_outcome_score;

JTBD_EXPORT void jtbd_report_destroy(jtbd_report* report);
/* Respondents scored; 0 for NULL. */
JTBD_EXPORT size_t jtbd_report_respondent_count(const jtbd_report* report);
/* Outcomes over all respondents, ranked by opportunity (highest first). */
JTBD_EXPORT size_t jtbd_report_outcome_count(const jtbd_report* report);
JTBD_EXPORT jtbd_error* jtbd_report_outcome(const jtbd_report* report,
                                            size_t index,
                                            jtbd_outcome_score* out);
/* Segments (with a segment_by option), sorted by name. */
JTBD_EXPORT size_t jtbd_report_segment_count(const jtbd_report* report);
JTBD_EXPORT jtbd_error* jtbd_report_segment_name(const jtbd_report* report,
                                                 size_t segment,
                                                 const char** name,
                                                 size_t* name_len);
JTBD_EXPORT jtbd_error* jtbd_report_segment_respondent_count(
    const jtbd_report* report, size_t segment, size_t* count);
/* A segment's outcomes, ranked like the whole report's; same count. */
JTBD_EXPORT jtbd_error* jtbd_report_segment_outcome(const jtbd_report* report,
                                                    size_t segment,
                                                    size_t index,
                                                    jtbd_outcome_score* out);

typedef enum jtbd_format {
  JTBD_FORMAT_UNSPECIFIED = 0,
  JTBD_FORMAT_TABLE = 1,   /* aligned text for people, scores to 1 decimal */
  JTBD_FORMAT_JSON = 2,    /* protobuf JSON of jtbd.v1.Report, unrounded */
  JTBD_FORMAT_CSV = 3,     /* one row per (segment, outcome), unrounded */
  JTBD_FORMAT_PROTOBUF = 4 /* serialized jtbd.v1.Report */
} jtbd_format;

/* Renders the report in one of the jtbd_format formats. */
JTBD_EXPORT jtbd_error* jtbd_report_render(const jtbd_report* report,
                                           int32_t format, jtbd_buffer** out);

/* -------------------------------------------------------------- aggregate */

/* Per outcome, the joint importance x satisfaction count table (with a
 * "no answer" row and column): all scoring needs, in memory that does not
 * grow with respondents. Aggregates of disjoint respondents with the same
 * scale and outcomes merge into exactly the aggregate of all of them. */

/* An empty aggregate on the default scale, with no outcomes. */
JTBD_EXPORT jtbd_error* jtbd_aggregate_create(jtbd_aggregate** out);
JTBD_EXPORT void jtbd_aggregate_destroy(jtbd_aggregate* aggregate);
/* Changes the scale; JTBD_FAILED_PRECONDITION once respondents were added. */
JTBD_EXPORT jtbd_error* jtbd_aggregate_set_scale(jtbd_aggregate* aggregate,
                                                 int32_t min, int32_t max,
                                                 int32_t top_box_min);
/* Declares an outcome (unique non-empty id) before any respondent is added. */
JTBD_EXPORT jtbd_error* jtbd_aggregate_add_outcome(jtbd_aggregate* aggregate,
                                                   const char* id,
                                                   size_t id_len,
                                                   const char* statement,
                                                   size_t statement_len);
JTBD_EXPORT size_t jtbd_aggregate_outcome_count(const jtbd_aggregate* a);
JTBD_EXPORT uint64_t jtbd_aggregate_respondent_count(const jtbd_aggregate* a);
/* Adds `count` respondents given as two row-major count x outcome_count
 * matrices of ratings (0 = no answer). Rejected whole on any invalid value;
 * the error names the flat array index and the value. */
JTBD_EXPORT jtbd_error* jtbd_aggregate_add_respondents(
    jtbd_aggregate* aggregate, size_t count, const uint8_t* importance,
    const uint8_t* satisfaction);
/* into += from. Both must have the same scale and outcome ids in the same
 * order (JTBD_FAILED_PRECONDITION otherwise, into unchanged). */
JTBD_EXPORT jtbd_error* jtbd_aggregate_merge(jtbd_aggregate* into,
                                             const jtbd_aggregate* from);
/* The count of respondents in one cell: ratings 0 (no answer) or on scale. */
JTBD_EXPORT jtbd_error* jtbd_aggregate_cell(const jtbd_aggregate* aggregate,
                                            size_t outcome, int32_t importance,
                                            int32_t satisfaction,
                                            uint64_t* count);
/* Serialized jtbd.v1.Aggregate (exact round trip), and back. */
JTBD_EXPORT jtbd_error* jtbd_aggregate_serialize(const jtbd_aggregate* a,
                                                 jtbd_buffer** out);
JTBD_EXPORT jtbd_error* jtbd_aggregate_parse(const void* data, size_t size,
                                             jtbd_aggregate** out);
JTBD_EXPORT jtbd_error* jtbd_aggregate_score(const jtbd_aggregate* aggregate,
                                             jtbd_report** out);

/* ------------------------------------------------- bytes in, bytes out */

/* A serialized jtbd.v1.ScoreRequest in, a serialized jtbd.v1.Report out. */
JTBD_EXPORT jtbd_error* jtbd_score_request(const void* request,
                                           size_t request_size,
                                           jtbd_buffer** report_out);
/* The same in protobuf JSON (unknown fields ignored; output lowerCamelCase
 * with default values printed). */
JTBD_EXPORT jtbd_error* jtbd_score_request_json(const char* request_json,
                                                size_t request_size,
                                                jtbd_buffer** report_json_out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* JTBD_JTBD_H_ */
