/*
 * jtbd.h - the C ABI of libjtbd, a Jobs-to-be-Done customer-research library.
 *
 * Conventions
 *  1. Every object is an opaque pointer (jtbd_study, jtbd_report, ...),
 *     declared as `typedef struct jtbd_x jtbd_x;` with no body. It is made
 *     by a function named for it (convention 12) and released by
 *     jtbd_<object>_destroy, which accepts NULL.
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
 *  8. Growable structs start with struct_size: set it to sizeof(the struct).
 *     JTBD_<NAME>_STRUCT_SIZE (JTBD_STRUCT_SIZE(type, last field)) is the
 *     smallest struct_size the library accepts (less is
 *     JTBD_INVALID_ARGUMENT); it fills the first min(struct_size, its own
 *     sizeof) bytes and leaves struct_size as you set it. After 1.0 a struct
 *     grows only at its end: its 1.0 constant stays the minimum and the
 *     larger size gets a constant of its own (JTBD_<NAME>_STRUCT_SIZE_1_1),
 *     so an older library fills the fields it knows and leaves the newer
 *     ones as you set them (zero the struct first).
 *  9. No C++ exception ever crosses this boundary; an unexpected one becomes
 *     JTBD_INTERNAL, an allocation failure JTBD_RESOURCE_EXHAUSTED.
 * 10. Threads: functions taking a const pointer to an object (convention 1)
 *     may run concurrently on the same object; a non-const pointer to an
 *     object needs exclusive access. Distinct objects are independent. A
 *     struct the caller passes to be filled (jtbd_outcome_score, ...) is the
 *     caller's own memory: filling it does not change the object read.
 * 11. Counts and indices: counts of respondents are uint64_t everywhere
 *     (returns, out-parameters, struct fields); counts of what an object
 *     holds (outcomes, segments, solutions, ids, candidates), indices and
 *     the lengths of the caller's arrays are size_t; k and segment numbers
 *     (1..k) are uint32_t. A count that needs no index is the return value,
 *     0 for NULL: `size_t jtbd_<object>_<items>_count(const jtbd_<object>*)`
 *     (uint64_t for respondents). A count that takes an index comes through
 *     an out-parameter of a call returning jtbd_error*. An index or segment
 *     number outside its range is JTBD_OUT_OF_RANGE, naming the argument
 *     and the range.
 * 12. Names and arguments: jtbd_<object>_<verb>[_<what>], grouped by object.
 *     Arguments: the object acted on, then options (NULL: the defaults),
 *     then inputs, out-parameters last. A function that returns a new
 *     object the caller must destroy says so with a verb of making: create,
 *     parse, load_file, read_csv[_file], read_file, score[_...], segment,
 *     compare_..., prioritize[_...], analyze, lint[_all], or
 *     create_<object> for an object derived from another
 *     (jtbd_study_create_aggregate). serialize, render and score_request
 *     return a jtbd_buffer (convention 5). Nothing else returns anything to
 *     release: jtbd_<object>_get_<what> fills a struct describing the whole
 *     object, jtbd_<object>_<item> one item of it by index.
 * 13. Declarations are regular, so tools can read them (the PHP FFI header,
 *     the Python binding): one function per declaration,
 *     `[JTBD_DEPRECATED("use ...")] JTBD_EXPORT <type> jtbd_<name>(...);`,
 *     structs and enums in plain C, constants as #define.
 * 14. Versioning: within major version 1, functions, enum values and struct
 *     fields are only ever added, never changed or removed; a published
 *     signature is never edited. A replaced function is marked
 *     JTBD_DEPRECATED("use <new>") and kept until 2.0 (define
 *     JTBD_DISABLE_DEPRECATE_WARNINGS to silence the warnings). Functions
 *     added after 1.0 go into a new version node of src/capi/jtbd.map
 *     (JTBD_1.1 { global: ...; } JTBD_1.0;) and raise JTBD_VERSION_MINOR.
 *     Compare JTBD_VERSION_NUMBER with jtbd_version_number() to detect a
 *     header and library mismatch.
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

/* Marks a function retired within major version 1 (convention 14), as
 * zstd's ZSTD_DEPRECATED: a compiler warning naming the replacement. Placed
 * before JTBD_EXPORT. */
#if defined(JTBD_DISABLE_DEPRECATE_WARNINGS)
#define JTBD_DEPRECATED(message)
#elif defined(__GNUC__) || defined(__clang__)
#define JTBD_DEPRECATED(message) __attribute__((deprecated(message)))
#elif defined(_MSC_VER)
#define JTBD_DEPRECATED(message) __declspec(deprecated(message))
#else
#define JTBD_DEPRECATED(message)
#endif

/* The bytes of `type` through `last_field`: what a caller compiled with
 * that field as the struct's last knows (convention 8; PJRT's
 * PJRT_STRUCT_SIZE). */
#define JTBD_STRUCT_SIZE(type, last_field) \
  (offsetof(type, last_field) + sizeof(((type*)0)->last_field))

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- version */

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - touch no existing object, so any thread at any time: jtbd_version_number,
 *   jtbd_version_string.
 */

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

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - touch no existing object, so any thread at any time: jtbd_code_name.
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_error_code, jtbd_error_message.
 * - change an object, so nothing else may use that object meanwhile:
 *   jtbd_error_free.
 */

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

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - touch no existing object, so any thread at any time: jtbd_csv_restyle.
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_buffer_data, jtbd_buffer_size.
 * - change an object, so nothing else may use that object meanwhile:
 *   jtbd_buffer_free.
 */

typedef struct jtbd_buffer jtbd_buffer;

/* Bytes owned by the buffer, valid until jtbd_buffer_free. Text output (JSON,
 * CSV, table) is followed by a NUL byte not counted in the size. */
JTBD_EXPORT const uint8_t* jtbd_buffer_data(const jtbd_buffer* buffer);
JTBD_EXPORT size_t jtbd_buffer_size(const jtbd_buffer* buffer);
/* Accepts NULL. */
JTBD_EXPORT void jtbd_buffer_free(jtbd_buffer* buffer);

/* Every CSV the library renders (JTBD_FORMAT_CSV) is RFC 4180 with ','
 * between fields and '.' in numbers, and its text cells are safe to open in
 * a spreadsheet: a cell beginning with =, +, -, @, a tab or CR (a statement,
 * a segment name, a CRM value) gets a leading apostrophe, so it never runs
 * as a formula; plain numbers are left as they are. This restyles such CSV
 * (`size` bytes at `csv`) for the spreadsheet that opens it: `separator`
 * ',', ';' or '\t'; `decimal_comma` 1 to write 1,5 for 1.5 in fields the
 * renderer wrote as bare numbers (needs a separator other than ','); and
 * `byte_order_mark` 1 to start with the UTF-8 BOM Excel needs to read
 * UTF-8. JTBD_INVALID_ARGUMENT for another separator, a decimal comma with
 * ',', or text that is not CSV (the message gives the byte). */
JTBD_EXPORT jtbd_error* jtbd_csv_restyle(const char* csv, size_t size,
                                         int32_t separator,
                                         uint32_t decimal_comma,
                                         uint32_t byte_order_mark,
                                         jtbd_buffer** out);

/* ------------------------------------------------------------------ bands */

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - touch no existing object, so any thread at any time: jtbd_band_name.
 */

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

/* ----------------------------------------------------------------- limits */

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - touch no existing object, so any thread at any time: jtbd_limits_create.
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_limits_get.
 * - change an object, so nothing else may use that object meanwhile:
 *   jtbd_limits_destroy, jtbd_limits_set.
 */

/* Bounds on what one input may make the library allocate (docs/LIMITS.md).
 * A jtbd_limits is given to read options (jtbd_read_options_set_limits) or
 * to a request (jtbd_score_request_with_limits); NULL wherever a
 * const jtbd_limits* is taken means the defaults, and serialized objects
 * and saved files given to other functions always take the defaults. An
 * input over a limit is refused with JTBD_RESOURCE_EXHAUSTED naming the
 * limit, its value, and the file, line and column; the defaults are far
 * above real surveys. */
typedef enum jtbd_limit {
  JTBD_LIMIT_RECORD_BYTES = 1,  /* bytes of one CSV record (16 MiB) */
  JTBD_LIMIT_COLUMNS = 2,       /* fields of one CSV record (20,000) */
  JTBD_LIMIT_OUTCOMES = 3,      /* outcomes of one study (2,000) */
  JTBD_LIMIT_RESPONDENTS = 4,   /* respondents of one study (10,000,000) */
  JTBD_LIMIT_REQUEST_BYTES = 5, /* bytes of a request, survey or label map
                                   (1 GiB) */
  JTBD_LIMIT_JSON_DEPTH = 6,    /* nesting of JSON maps and requests (100,
                                   can only be lowered) */
  /* bootstrap resamples a request may ask for, the default 2,000 included
     (100,000; at most 1,000,000, the cap of jtbd_score_options) */
  JTBD_LIMIT_BOOTSTRAP_RESAMPLES = 7
} jtbd_limit;

typedef struct jtbd_limits jtbd_limits;

/* Every limit at its default. */
JTBD_EXPORT jtbd_error* jtbd_limits_create(jtbd_limits** out);
JTBD_EXPORT void jtbd_limits_destroy(jtbd_limits* limits);
/* Sets one limit. A value that is not a jtbd_limit is refused
 * (JTBD_INVALID_ARGUMENT naming it), as is a value of 0 (there is no
 * "unlimited": set a large value) and one above the limit's ceiling; the
 * limits are then unchanged. */
JTBD_EXPORT jtbd_error* jtbd_limits_set(jtbd_limits* limits, int32_t limit,
                                        uint64_t value);
/* Reads one limit into *value_out. */
JTBD_EXPORT jtbd_error* jtbd_limits_get(const jtbd_limits* limits,
                                        int32_t limit, uint64_t* value_out);

/* ---------------------------------------------------------- read options */

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - touch no existing object, so any thread at any time:
 *   jtbd_read_options_create.
 * - change an object, so nothing else may use that object meanwhile:
 *   jtbd_read_options_destroy, jtbd_read_options_set_scale,
 *   jtbd_read_options_set_input_format,
 *   jtbd_read_options_add_importance_question,
 *   jtbd_read_options_add_satisfaction_question,
 *   jtbd_read_options_clear_questions, jtbd_read_options_set_labels,
 *   jtbd_read_options_set_labels_file, jtbd_read_options_set_survey_map,
 *   jtbd_read_options_set_survey_map_file,
 *   jtbd_read_options_set_weight_column,
 *   jtbd_read_options_set_duration_column,
 *   jtbd_read_options_set_outcome_descriptions,
 *   jtbd_read_options_set_outcome_descriptions_file,
 *   jtbd_read_options_set_limits.
 */

/* How survey files are read. NULL wherever a const jtbd_read_options* is
 * taken means the defaults: a 1-5 scale counting 4 and 5 as top box, the
 * layout detected, the default limits. The setters may be called in any
 * order: what depends on several settings (a map against the limits) is
 * checked when the options are used to read a file. */
typedef struct jtbd_read_options jtbd_read_options;

JTBD_EXPORT jtbd_error* jtbd_read_options_create(jtbd_read_options** out);
JTBD_EXPORT void jtbd_read_options_destroy(jtbd_read_options* options);
/* The rating scale answers must lie on: 1 <= min < max, at most 11 points,
 * min <= top_box_min <= max. */
JTBD_EXPORT jtbd_error* jtbd_read_options_set_scale(jtbd_read_options* options,
                                                    int32_t min, int32_t max,
                                                    int32_t top_box_min);

/* The layouts survey files come in (equal to the CLI's --input-format). */
typedef enum jtbd_input_format {
  JTBD_INPUT_FORMAT_AUTO = 0,      /* detected from the header (the default) */
  JTBD_INPUT_FORMAT_LONG = 1,      /* respondent, outcome, importance, ... */
  JTBD_INPUT_FORMAT_WIDE = 2,      /* imp_<outcome>, sat_<outcome> */
  JTBD_INPUT_FORMAT_QUALTRICS = 3, /* three header rows, or legacy two */
  JTBD_INPUT_FORMAT_SURVEYMONKEY = 4,
  JTBD_INPUT_FORMAT_GOOGLE_FORMS = 5,
  JTBD_INPUT_FORMAT_TYPEFORM = 6
} jtbd_input_format;

/* Forces a layout instead of detecting it (a jtbd_input_format value;
 * others are refused). */
JTBD_EXPORT jtbd_error* jtbd_read_options_set_input_format(
    jtbd_read_options* options, int32_t format);
/* Names a question of an export that holds importance (or satisfaction)
 * ratings, when its text does not say: a Qualtrics question id ("Q2") or
 * ImportId ("QID2"), else the question text. Each call adds one; the rows
 * of several pair in the order added. Reading fails with
 * JTBD_INVALID_ARGUMENT when the file has no such question. */
JTBD_EXPORT jtbd_error* jtbd_read_options_add_importance_question(
    jtbd_read_options* options, const char* question, size_t question_len);
JTBD_EXPORT jtbd_error* jtbd_read_options_add_satisfaction_question(
    jtbd_read_options* options, const char* question, size_t question_len);
/* Forgets the questions added above. */
JTBD_EXPORT jtbd_error* jtbd_read_options_clear_questions(
    jtbd_read_options* options);
/* Answer labels and the ratings they stand for, beyond the built-in English
 * and French ones (which they override): CSV with columns label, rating and
 * optionally kind (importance, satisfaction, blank for both), or JSON
 * {"label": rating} / {"importance": {...}, "satisfaction": {...}}; rating
 * 0 (or null) means no answer. Replaces labels set before; size 0 clears
 * them. The map is copied and its syntax checked now: a refused map
 * (JTBD_INVALID_ARGUMENT naming source_name and the line) leaves the
 * options unchanged. It is held to the limits (its size, JSON depth, CSV
 * records) when the options are used, whenever those were set. */
JTBD_EXPORT jtbd_error* jtbd_read_options_set_labels(jtbd_read_options* options,
                                                     const char* data,
                                                     size_t size,
                                                     const char* source_name,
                                                     size_t source_name_len);
/* The same from a file, read (and held to the limits) each time the options
 * are used; JTBD_NOT_FOUND now when it is missing. */
JTBD_EXPORT jtbd_error* jtbd_read_options_set_labels_file(
    jtbd_read_options* options, const char* path, size_t path_len);
/* A survey map: jtbd.v1.SurveyMap as proto3 JSON (as `jtbd inspect
 * --write-map` writes it), naming the respondent id, importance and
 * satisfaction columns of each outcome, attributes, weight and solution
 * columns. It replaces detection: the input format and questions above are
 * then unused. Size 0 clears it. Unknown fields are refused. Copied and
 * checked now, held to the limits when used, as jtbd_read_options_set_labels
 * is. */
JTBD_EXPORT jtbd_error* jtbd_read_options_set_survey_map(
    jtbd_read_options* options, const char* json, size_t size,
    const char* source_name, size_t source_name_len);
/* The same from a file, read each time the options are used
 * (JTBD_NOT_FOUND now when it is missing). */
JTBD_EXPORT jtbd_error* jtbd_read_options_set_survey_map_file(
    jtbd_read_options* options, const char* path, size_t path_len);
/* Reads respondent weights (finite, greater than 0) from the column with
 * this header; length 0 clears it. A survey map names its own
 * (weight_column) instead. */
JTBD_EXPORT jtbd_error* jtbd_read_options_set_weight_column(
    jtbd_read_options* options, const char* column, size_t column_len);
/* Reads survey durations in seconds (non-negative numbers; blank: unknown)
 * from the column with this header, for screening; length 0 goes back to
 * detection (Qualtrics "Duration (in seconds)"; long and wide layouts: a
 * column named duration or duration_seconds). A survey map names its own
 * (duration_column) instead. */
JTBD_EXPORT jtbd_error* jtbd_read_options_set_duration_column(
    jtbd_read_options* options, const char* column, size_t column_len);
/* Statements and job steps of the outcomes, from a CSV kept apart from the
 * survey (wide surveys carry only outcome ids), in the form
 * jtbd_study_describe_outcomes_csv reads. Every read with these options
 * then describes the outcomes it read: jtbd_study_read_csv[_file],
 * jtbd_aggregate_read_csv[_file], jtbd_score_survey[_file] and
 * jtbd_segment_survey[_file]; the read fails, returning nothing, when the
 * descriptions are refused (naming source_name, the line and column). Size
 * 0 clears them. Copied now, read under the limits when used. */
JTBD_EXPORT jtbd_error* jtbd_read_options_set_outcome_descriptions(
    jtbd_read_options* options, const char* data, size_t size,
    const char* source_name, size_t source_name_len);
/* The same from a file, read each time the options are used
 * (JTBD_NOT_FOUND now when it is missing). */
JTBD_EXPORT jtbd_error* jtbd_read_options_set_outcome_descriptions_file(
    jtbd_read_options* options, const char* path, size_t path_len);
/* The limits a read with these options is held to: the survey file, and the
 * label and survey maps above (copied; NULL restores the defaults). */
JTBD_EXPORT jtbd_error* jtbd_read_options_set_limits(jtbd_read_options* options,
                                                     const jtbd_limits* limits);

/* --------------------------------------------------------- score options */

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - touch no existing object, so any thread at any time:
 *   jtbd_score_options_create.
 * - change an object, so nothing else may use that object meanwhile:
 *   jtbd_score_options_destroy, jtbd_score_options_set_segment_by,
 *   jtbd_score_options_set_confidence_level,
 *   jtbd_score_options_set_bootstrap_resamples, jtbd_score_options_set_seed,
 *   jtbd_score_options_set_method, jtbd_score_options_set_p_value_adjustment,
 *   jtbd_score_options_set_screening,
 *   jtbd_score_options_set_screening_min_ratings,
 *   jtbd_score_options_set_screening_speed_fraction,
 *   jtbd_score_options_set_screening_min_seconds,
 *   jtbd_score_options_set_screening_max_blank_share.
 */

/* How a study is scored. NULL means the defaults (no segments). */
typedef struct jtbd_score_options jtbd_score_options;

JTBD_EXPORT jtbd_error* jtbd_score_options_create(jtbd_score_options** out);
JTBD_EXPORT void jtbd_score_options_destroy(jtbd_score_options* options);
/* Also score each distinct non-empty value of this respondent attribute as a
 * segment. Length 0 clears it. Scoring fails with JTBD_NOT_FOUND when no
 * respondent has the attribute. */
JTBD_EXPORT jtbd_error* jtbd_score_options_set_segment_by(
    jtbd_score_options* options, const char* attribute, size_t attribute_len);

/* How importance, satisfaction and opportunity are computed (equal to
 * jtbd.v1.ScoreMethod; docs/SCORING.md). Ulwick's is the default; the others
 * are explicit choices, and every report says which was used. */
typedef enum jtbd_score_method {
  JTBD_SCORE_METHOD_UNSPECIFIED = 0, /* Ulwick's */
  /* I, S = 10 x top-box share; opportunity = I + max(I - S, 0), 0-20 */
  JTBD_SCORE_METHOD_ULWICK = 1,
  /* mean ratings rescaled to 0-10, then Ulwick's formula; no bands */
  JTBD_SCORE_METHOD_MEAN = 2,
  /* Olsen: opportunity = (I / 10) x (1 - S / 10), 0-1; no bands */
  JTBD_SCORE_METHOD_OLSEN = 3,
  /* Ulwick's formulas counting only the scale's highest rating */
  JTBD_SCORE_METHOD_TOP_BOX_ONLY = 4
} jtbd_score_method;

/* Confidence level of every interval, strictly between 0 and 1 (default
 * 0.95); segment comparisons test at alpha = 1 - level. Anything else is
 * refused (JTBD_INVALID_ARGUMENT) and the options are unchanged. */
JTBD_EXPORT jtbd_error* jtbd_score_options_set_confidence_level(
    jtbd_score_options* options, double level);
/* Bootstrap resamples per outcome for the opportunity interval and the
 * probability that opportunity >= 10 (default 2000; 0 turns the bootstrap
 * off, the interval is then the delta method's; at most 1000000). */
JTBD_EXPORT jtbd_error* jtbd_score_options_set_bootstrap_resamples(
    jtbd_score_options* options, uint32_t resamples);
/* Seed of the bootstrap (default 20240101): the same seed and data give the
 * same intervals. */
JTBD_EXPORT jtbd_error* jtbd_score_options_set_seed(jtbd_score_options* options,
                                                    uint64_t seed);
/* A jtbd_score_method value; others are refused. */
JTBD_EXPORT jtbd_error* jtbd_score_options_set_method(
    jtbd_score_options* options, int32_t method);

/* How the segment-vs-rest tests are adjusted for testing many outcomes in
 * many segments (equal to jtbd.v1.PValueAdjustment): one family per measure
 * across segments x outcomes (docs/SCORING.md). */
typedef enum jtbd_p_value_adjustment {
  JTBD_P_VALUE_ADJUSTMENT_UNSPECIFIED = 0, /* Holm's */
  /* Holm's step-down: the chance of any false finding stays below alpha */
  JTBD_P_VALUE_ADJUSTMENT_HOLM = 1,
  /* Benjamini-Hochberg's step-up: the expected share of false findings
   * among those reported stays below alpha (exploratory studies) */
  JTBD_P_VALUE_ADJUSTMENT_BH = 2
} jtbd_p_value_adjustment;

/* A jtbd_p_value_adjustment value (default Holm's); others are refused. */
JTBD_EXPORT jtbd_error* jtbd_score_options_set_p_value_adjustment(
    jtbd_score_options* options, int32_t adjustment);

/* Screening of inattentive respondents (docs/SCORING.md, "Screening"), off
 * by default. enabled = 1 flags straight-liners, speeders and respondents
 * with too many blanks (listed by jtbd_report_screened_respondent); with
 * exclude = 1 as well they are left out of every score, segment and
 * bootstrap. exclude without enabled is refused. Scoring an aggregate with
 * screening enabled is refused (it has no respondents to screen). */
JTBD_EXPORT jtbd_error* jtbd_score_options_set_screening(
    jtbd_score_options* options, uint32_t enabled, uint32_t exclude);
/* Straight-lining: a battery needs at least this many equal ratings
 * (default 5; at least 2). */
JTBD_EXPORT jtbd_error* jtbd_score_options_set_screening_min_ratings(
    jtbd_score_options* options, uint32_t ratings);
/* Speeding: a duration below this fraction of the median (default 1/3;
 * strictly between 0 and 1). Replaces a minimum in seconds. */
JTBD_EXPORT jtbd_error* jtbd_score_options_set_screening_speed_fraction(
    jtbd_score_options* options, double fraction);
/* Speeding: a duration below this many seconds (finite, >= 0), instead of
 * a fraction of the median. */
JTBD_EXPORT jtbd_error* jtbd_score_options_set_screening_min_seconds(
    jtbd_score_options* options, double seconds);
/* Blanks: more than this share of the outcomes without both ratings
 * (default 0.5; from 0 to 1). */
JTBD_EXPORT jtbd_error* jtbd_score_options_set_screening_max_blank_share(
    jtbd_score_options* options, double share);

/* ------------------------------------------------------------------ study */

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - touch no existing object, so any thread at any time: jtbd_study_create,
 *   jtbd_study_parse, jtbd_study_load_file.
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_study_solution_count,
 *   jtbd_study_outcome_count, jtbd_study_respondent_count, jtbd_study_score,
 *   jtbd_study_create_aggregate, jtbd_study_serialize, jtbd_study_save_file,
 *   jtbd_study_read_csv_file, jtbd_study_read_csv.
 * - change an object, so nothing else may use that object meanwhile:
 *   jtbd_study_destroy, jtbd_study_set_scale, jtbd_study_add_outcome,
 *   jtbd_study_add_respondent, jtbd_study_add_respondents,
 *   jtbd_study_set_duration, jtbd_study_set_attribute, jtbd_study_set_weight,
 *   jtbd_study_add_answers, jtbd_study_add_solution,
 *   jtbd_study_add_solution_answers, jtbd_study_describe_outcomes_csv_file,
 *   jtbd_study_describe_outcomes_csv.
 */

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
/* How long a respondent took to answer, in seconds (finite, >= 0; else
 * JTBD_INVALID_ARGUMENT), for screening's speeding rule. */
JTBD_EXPORT jtbd_error* jtbd_study_set_duration(jtbd_study* study,
                                                size_t respondent,
                                                double seconds);
/* Sets a respondent attribute (role, company size, segment, ...). */
JTBD_EXPORT jtbd_error* jtbd_study_set_attribute(
    jtbd_study* study, size_t respondent, const char* name, size_t name_len,
    const char* value, size_t value_len);
/* A respondent's survey weight (default 1): finite and greater than 0, else
 * JTBD_INVALID_ARGUMENT. A study in which any weight differs from 1 is
 * scored weighted: weighted top-box shares, with Kish effective counts in
 * the intervals and tests (see jtbd_report_info). */
JTBD_EXPORT jtbd_error* jtbd_study_set_weight(jtbd_study* study,
                                              size_t respondent, double weight);
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
/* Competing solutions (docs/SCORING.md, "Competing solutions"). Declares a
 * solution by name, or finds it: names compare ignoring ASCII case and keep
 * their first spelling. *index_out (if not NULL) receives its index. An
 * empty name is JTBD_INVALID_ARGUMENT. */
JTBD_EXPORT jtbd_error* jtbd_study_add_solution(jtbd_study* study,
                                                const char* name,
                                                size_t name_len,
                                                size_t* index_out);
/* Appends `count` satisfaction ratings of competing solutions as parallel
 * arrays: rating i is respondent respondents[i]'s satisfaction with solution
 * solutions[i] on outcome outcomes[i], 0 meaning no answer. Each respondent
 * rates a (solution, outcome) at most once across all batches. All or
 * nothing, like jtbd_study_add_answers; the error names the first offending
 * array index. count 0 is a no-op (the arrays may then be NULL). */
JTBD_EXPORT jtbd_error* jtbd_study_add_solution_answers(
    jtbd_study* study, size_t count, const uint32_t* respondents,
    const uint32_t* solutions, const uint32_t* outcomes,
    const uint8_t* satisfaction);
/* Solutions, outcomes and respondents declared; 0 for NULL. */
JTBD_EXPORT size_t jtbd_study_solution_count(const jtbd_study* study);
JTBD_EXPORT size_t jtbd_study_outcome_count(const jtbd_study* study);
JTBD_EXPORT uint64_t jtbd_study_respondent_count(const jtbd_study* study);
/* Scores the study; options may be NULL. */
JTBD_EXPORT jtbd_error* jtbd_study_score(const jtbd_study* study,
                                         const jtbd_score_options* options,
                                         jtbd_report** out);
/* A new aggregate of the study (its joint answer tables per outcome),
 * mergeable with others; the caller destroys it. */
JTBD_EXPORT jtbd_error* jtbd_study_create_aggregate(const jtbd_study* study,
                                                    jtbd_aggregate** out);
/* Serialized jtbd.v1.Study, and back. */
JTBD_EXPORT jtbd_error* jtbd_study_serialize(const jtbd_study* study,
                                             jtbd_buffer** out);
JTBD_EXPORT jtbd_error* jtbd_study_parse(const void* data, size_t size,
                                         jtbd_study** out);

/* Saved files. A study or an aggregate saved to `path` (path_len bytes, no
 * NUL) carries a signature, its kind, a file format version and CRC-32C
 * checksums (docs/ARCHITECTURE.md, "Saved files"). Saving is atomic: the
 * bytes go to a temporary file in the same directory, are flushed to disk
 * and renamed over `path`, so a reader or a crash sees the old file or the
 * new one, never a mix; on failure `path` is left as it was. Loading
 * refuses, naming the file, what is not a jtbd file or holds another kind
 * (JTBD_INVALID_ARGUMENT), a file written by a newer jtbd
 * (JTBD_FAILED_PRECONDITION) and a truncated or corrupted one
 * (JTBD_DATA_LOSS); nothing is half-loaded. Files of format 1 load in every
 * later 1.x version. Thread safety: saving reads the handle (concurrent
 * reads are fine, not concurrent changes); loading shares nothing. */
JTBD_EXPORT jtbd_error* jtbd_study_save_file(const jtbd_study* study,
                                             const char* path, size_t path_len);
JTBD_EXPORT jtbd_error* jtbd_study_load_file(const char* path, size_t path_len,
                                             jtbd_study** out);

/* Reads a survey file: the long or wide layout, or an export of Qualtrics,
 * SurveyMonkey, Google Forms or Typeform, detected from the header (see
 * jtbd_read_options for forcing one or naming columns). UTF-8 or UTF-16,
 * separated by ',' ';' or TAB; answers as numbers or labels. Errors name the
 * file, the line where the offending record starts, the column and the
 * value; nothing half-read is returned. options may be NULL. */
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

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_report_respondent_count,
 *   jtbd_report_outcome_count, jtbd_report_outcome,
 *   jtbd_report_segment_count, jtbd_report_segment_name,
 *   jtbd_report_segment_respondent_count, jtbd_report_segment_outcome,
 *   jtbd_report_segment_comparison,
 *   jtbd_report_segment_rest_respondent_count,
 *   jtbd_report_segment_effective_respondent_count,
 *   jtbd_report_segment_more_underserved_count,
 *   jtbd_report_segment_more_underserved_id, jtbd_report_solution_count,
 *   jtbd_report_solution_name, jtbd_report_outcome_solution,
 *   jtbd_report_segment_outcome_solution, jtbd_report_outcome_best_solution,
 *   jtbd_report_segment_outcome_best_solution, jtbd_report_get_info,
 *   jtbd_report_warning_count, jtbd_report_warning,
 *   jtbd_report_get_screening, jtbd_report_screened_count,
 *   jtbd_report_screened_respondent, jtbd_report_render,
 *   jtbd_report_render_landscape, jtbd_report_render_html.
 * - change an object, so nothing else may use that object meanwhile:
 *   jtbd_report_destroy.
 */

/* A two-sided confidence interval at the report's confidence level. */
typedef struct jtbd_interval {
  double low;
  double high;
} jtbd_interval;

/* How jtbd_outcome_score.opportunity_interval is computed (equal to
 * jtbd.v1.OpportunityIntervalMethod; docs/SCORING.md, "Opportunity
 * interval"). */
typedef enum jtbd_opportunity_interval_method {
  JTBD_OPPORTUNITY_INTERVAL_METHOD_UNSPECIFIED = 0,
  /* Ulwick's opportunity max(I, 2I - S): simultaneous Wilson (and MOVER)
   * limits of both near I = S, else of the one that is the opportunity */
  JTBD_OPPORTUNITY_INTERVAL_METHOD_MOMENT_SELECTION = 1,
  /* Olsen's opportunity with the bootstrap */
  JTBD_OPPORTUNITY_INTERVAL_METHOD_BOOTSTRAP_PERCENTILE = 2,
  /* Olsen's opportunity without the bootstrap */
  JTBD_OPPORTUNITY_INTERVAL_METHOD_DELTA = 3
} jtbd_opportunity_interval_method;

/* Bits of jtbd_outcome_score.has: which of its optional figures exist (the
 * others are 0). An outcome nobody rated has none; one rated on one axis
 * only has that axis's interval. */
typedef enum jtbd_score_has {
  JTBD_SCORE_HAS_IMPORTANCE_INTERVAL = 1,
  JTBD_SCORE_HAS_SATISFACTION_INTERVAL = 2,
  JTBD_SCORE_HAS_OPPORTUNITY_INTERVAL = 4,
  JTBD_SCORE_HAS_OPPORTUNITY_DELTA_INTERVAL = 8,
  JTBD_SCORE_HAS_OPPORTUNITY_STANDARD_ERROR = 16,
  /* needs the bootstrap; never for JTBD_SCORE_METHOD_OLSEN */
  JTBD_SCORE_HAS_OPPORTUNITY_AT_LEAST_10_PROBABILITY = 32,
  /* weighted reports only */
  JTBD_SCORE_HAS_IMPORTANCE_EFFECTIVE_COUNT = 64,
  JTBD_SCORE_HAS_SATISFACTION_EFFECTIVE_COUNT = 128,
  /* needs the bootstrap */
  JTBD_SCORE_HAS_OPPORTUNITY_BOOTSTRAP_INTERVAL = 256
} jtbd_score_has;

/* One outcome's scores. Text points into the report. */
typedef struct jtbd_outcome_score {
  size_t struct_size; /* sizeof(jtbd_outcome_score) (convention 8) */
  const char* outcome_id;
  size_t outcome_id_len;
  const char* statement;
  size_t statement_len;
  double importance;   /* 10 x top-box share of importance ratings, 0-10 */
  double satisfaction; /* 10 x top-box share of satisfaction ratings */
  double opportunity;  /* importance + max(importance - satisfaction, 0) */
  int32_t band;        /* jtbd_band */
  uint32_t rank;       /* 1 = largest opportunity; 0 without data */
  uint32_t has;        /* jtbd_score_has bits: which figures below exist */
  uint64_t importance_count; /* respondents who rated importance */
  uint64_t importance_top_box_count;
  uint64_t satisfaction_count; /* respondents who rated satisfaction */
  uint64_t satisfaction_top_box_count;
  uint64_t both_count; /* respondents who rated both */
  uint64_t both_top_box_count;
  /* Statistics (docs/SCORING.md, Intervals) */
  /* Wilson interval of the top-box share x 10 (normal interval for
   * JTBD_SCORE_METHOD_MEAN) */
  jtbd_interval importance_interval;
  jtbd_interval satisfaction_interval;
  /* computed as jtbd_report_info.opportunity_interval_method says: for
   * every method but Olsen's, the moment-selection interval, valid where
   * importance is close to satisfaction and near shares of 0 or 1 */
  jtbd_interval opportunity_interval;
  /* opportunity -+ z x opportunity_standard_error, not clamped; it
   * under-covers near importance = satisfaction: not the one to report */
  jtbd_interval opportunity_delta_interval;
  double opportunity_standard_error; /* delta method, with the covariance */
  /* share of bootstrap resamples whose opportunity is >= 10 */
  double opportunity_at_least_10_probability;
  /* Kish effective numbers of answers, (sum w)^2 / sum w^2 */
  double importance_effective_count;
  double satisfaction_effective_count;
  /* the bootstrap percentile interval (it dips below its level near
   * shares of 0 or 1) */
  jtbd_interval opportunity_bootstrap_interval;
} jtbd_outcome_score;

#define JTBD_OUTCOME_SCORE_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_outcome_score, opportunity_bootstrap_interval)

JTBD_EXPORT void jtbd_report_destroy(jtbd_report* report);
/* Respondents scored; 0 for NULL. */
JTBD_EXPORT uint64_t jtbd_report_respondent_count(const jtbd_report* report);
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
    const jtbd_report* report, size_t segment, uint64_t* count);
/* A segment's outcomes, ranked like the whole report's; same count. */
JTBD_EXPORT jtbd_error* jtbd_report_segment_outcome(const jtbd_report* report,
                                                    size_t segment,
                                                    size_t index,
                                                    jtbd_outcome_score* out);

/* A z-test of a segment against the rest of the respondents. */
typedef struct jtbd_significance_test {
  double z;       /* segment minus rest, over its standard error */
  double p_value; /* two-sided, erfc(|z| / sqrt 2) */
  /* Holm-adjusted: segment comparisons per measure across segments x
   * outcomes, over-represented attribute values across the values of their
   * attribute in the segment, competitor gaps across the outcomes */
  double holm_adjusted_p_value;
} jtbd_significance_test;

/* Bits of jtbd_segment_comparison.has: which optional figures exist (a side
 * without answers has no difference and no test). */
typedef enum jtbd_comparison_has {
  JTBD_COMPARISON_HAS_IMPORTANCE_DIFFERENCE = 1,
  JTBD_COMPARISON_HAS_SATISFACTION_DIFFERENCE = 2,
  JTBD_COMPARISON_HAS_OPPORTUNITY_DIFFERENCE = 4,
  JTBD_COMPARISON_HAS_IMPORTANCE_TEST = 8,
  JTBD_COMPARISON_HAS_SATISFACTION_TEST = 16,
  JTBD_COMPARISON_HAS_OPPORTUNITY_TEST = 32
} jtbd_comparison_has;

/* One outcome of a segment compared with the rest of the respondents
 * (everyone outside the segment, unsegmented respondents included). Text
 * points into the report. */
typedef struct jtbd_segment_comparison {
  size_t struct_size; /* sizeof(jtbd_segment_comparison) (convention 8) */
  const char* outcome_id;
  size_t outcome_id_len;
  uint32_t has; /* jtbd_comparison_has bits */
  /* 1 when opportunity_difference > 0 and opportunity_adjusted_p_value is
   * below 1 - confidence level */
  uint32_t more_underserved;
  double rest_importance; /* the rest's scores */
  double rest_satisfaction;
  double rest_opportunity;
  double importance_difference; /* segment minus rest */
  double satisfaction_difference;
  double opportunity_difference;
  /* two-proportion z-tests of the top-box shares (differences of means for
   * JTBD_SCORE_METHOD_MEAN) */
  jtbd_significance_test importance_test;
  jtbd_significance_test satisfaction_test;
  /* every method but JTBD_SCORE_METHOD_OLSEN: the opportunity difference's
   * interval inverted (z the critical value at which it reaches 0, signed
   * as the difference; docs/SCORING.md, "Opportunity differences");
   * Olsen's: a z-test with the delta-method variances of segment and rest */
  jtbd_significance_test opportunity_test;
  /* The p-values adjusted as the report says (jtbd_report_info's
   * p_value_adjustment): the tests' Holm-adjusted ones, or
   * Benjamini-Hochberg's; what more_underserved is decided on */
  double importance_adjusted_p_value;
  double satisfaction_adjusted_p_value;
  double opportunity_adjusted_p_value;
  /* Intervals of the three differences at the report's confidence level,
   * present with their difference (its has bit): Newcombe's hybrid score
   * interval of the top-box shares x10 (a normal interval of the means for
   * JTBD_SCORE_METHOD_MEAN); for opportunity MOVER on the segment's and
   * the rest's moment-selection intervals (the delta method's normal
   * interval for JTBD_SCORE_METHOD_OLSEN) */
  jtbd_interval importance_difference_interval;
  jtbd_interval satisfaction_difference_interval;
  jtbd_interval opportunity_difference_interval;
} jtbd_segment_comparison;

#define JTBD_SEGMENT_COMPARISON_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_segment_comparison, opportunity_difference_interval)

/* Outcome `index` of a segment compared with the rest: the same outcome,
 * and index range, as jtbd_report_segment_outcome. */
JTBD_EXPORT jtbd_error* jtbd_report_segment_comparison(
    const jtbd_report* report, size_t segment, size_t index,
    jtbd_segment_comparison* out);
/* Respondents outside the segment (the "rest" it is compared with). */
JTBD_EXPORT jtbd_error* jtbd_report_segment_rest_respondent_count(
    const jtbd_report* report, size_t segment, uint64_t* count);
/* Kish effective number of respondents in the segment; its respondent count
 * when the report is not weighted. */
JTBD_EXPORT jtbd_error* jtbd_report_segment_effective_respondent_count(
    const jtbd_report* report, size_t segment, double* count);
/* The outcomes significantly more underserved in the segment than in the
 * rest (more_underserved above), in the segment's ranked order: how many,
 * and the id of each. */
JTBD_EXPORT jtbd_error* jtbd_report_segment_more_underserved_count(
    const jtbd_report* report, size_t segment, size_t* count);
JTBD_EXPORT jtbd_error* jtbd_report_segment_more_underserved_id(
    const jtbd_report* report, size_t segment, size_t index, const char** id,
    size_t* id_len);

/* Competing solutions (docs/SCORING.md, "Competing solutions"): the
 * solutions of the study in declaration order (0 for NULL or none), and the
 * name of each (text points into the report). */
JTBD_EXPORT size_t jtbd_report_solution_count(const jtbd_report* report);
JTBD_EXPORT jtbd_error* jtbd_report_solution_name(const jtbd_report* report,
                                                  size_t index,
                                                  const char** name,
                                                  size_t* name_len);

/* Bits of jtbd_solution_score.has: which optional figures exist. */
typedef enum jtbd_solution_has {
  /* someone rated the solution on the outcome: satisfaction and its
   * interval */
  JTBD_SOLUTION_HAS_SATISFACTION = 1,
  JTBD_SOLUTION_HAS_EFFECTIVE_COUNT = 2, /* weighted reports only */
  JTBD_SOLUTION_HAS_OPPORTUNITY = 4,     /* needs importance answers */
  JTBD_SOLUTION_HAS_SATISFACTION_GAP = 8,
  JTBD_SOLUTION_HAS_SATISFACTION_GAP_TEST = 16
} jtbd_solution_has;

/* One competing solution on one outcome. Text points into the report. */
typedef struct jtbd_solution_score {
  size_t struct_size; /* sizeof(jtbd_solution_score) (convention 8) */
  const char* solution;
  size_t solution_len;
  uint32_t has;           /* jtbd_solution_has bits */
  uint64_t count;         /* respondents who rated it on this outcome */
  uint64_t top_box_count; /* of those, top-box ratings */
  uint64_t both_count;    /* who also rated our satisfaction */
  /* 10 x top-box share among its raters (the method's score, weighted like
   * ours), with its Wilson interval (normal for JTBD_SCORE_METHOD_MEAN) */
  double satisfaction;
  jtbd_interval satisfaction_interval;
  double effective_count; /* Kish, weighted reports */
  /* extension, not ODI practice: importance + max(importance - this
   * satisfaction, 0) (Olsen's formula for JTBD_SCORE_METHOD_OLSEN) */
  double opportunity;
  double satisfaction_gap; /* this satisfaction minus ours */
  /* z-test of the gap with Var(S_c) + Var(S) - 2 Cov(S_c, S); not adjusted
   * (holm_adjusted_p_value = p_value) */
  jtbd_significance_test satisfaction_gap_test;
} jtbd_solution_score;

#define JTBD_SOLUTION_SCORE_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_solution_score, satisfaction_gap_test)

/* Solution `index` (0 to jtbd_report_solution_count - 1) on outcome
 * `outcome` of the report (as jtbd_report_outcome), or of a segment (as
 * jtbd_report_segment_outcome). */
JTBD_EXPORT jtbd_error* jtbd_report_outcome_solution(const jtbd_report* report,
                                                     size_t outcome,
                                                     size_t index,
                                                     jtbd_solution_score* out);
JTBD_EXPORT jtbd_error* jtbd_report_segment_outcome_solution(
    const jtbd_report* report, size_t segment, size_t outcome, size_t index,
    jtbd_solution_score* out);

/* Bits of jtbd_best_solution.has. */
typedef enum jtbd_best_solution_has {
  /* some solution was rated on the outcome: best_solution and
   * satisfaction_target */
  JTBD_BEST_SOLUTION_HAS_SOLUTION = 1,
  JTBD_BEST_SOLUTION_HAS_GAP = 2, /* needs our satisfaction answers */
  JTBD_BEST_SOLUTION_HAS_GAP_TEST = 4
} jtbd_best_solution_has;

/* The best competing solution on one outcome. Text points into the
 * report. */
typedef struct jtbd_best_solution {
  size_t struct_size; /* sizeof(jtbd_best_solution) (convention 8) */
  /* the highest satisfaction; the first declared among equals */
  const char* best_solution;
  size_t best_solution_len;
  uint32_t has;             /* jtbd_best_solution_has bits */
  double best_solution_gap; /* its satisfaction minus ours */
  /* "20 % better": min(10, 1.2 x its satisfaction) */
  double satisfaction_target;
  /* the gap's z-test; Holm-adjusted across the outcomes with one */
  jtbd_significance_test best_solution_gap_test;
} jtbd_best_solution;

#define JTBD_BEST_SOLUTION_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_best_solution, best_solution_gap_test)

/* The best solution on outcome `outcome` of the report or of a segment. */
JTBD_EXPORT jtbd_error* jtbd_report_outcome_best_solution(
    const jtbd_report* report, size_t outcome, jtbd_best_solution* out);
JTBD_EXPORT jtbd_error* jtbd_report_segment_outcome_best_solution(
    const jtbd_report* report, size_t segment, size_t outcome,
    jtbd_best_solution* out);

/* How a report was scored. Text points into the report. */
typedef struct jtbd_report_info {
  size_t struct_size; /* sizeof(jtbd_report_info) (convention 8) */
  /* "ulwick_top_box", "mean_rescaled", "olsen" or "top_box_only" */
  const char* method;
  size_t method_len;
  const char* segment_by; /* "" without segments */
  size_t segment_by_len;
  int32_t score_method;         /* jtbd_score_method, never UNSPECIFIED */
  uint32_t bootstrap_resamples; /* 0: no bootstrap */
  double confidence_level;
  uint64_t seed;
  /* Kish effective number of respondents, (sum w)^2 / sum w^2; the
   * respondent count when not weighted */
  double effective_respondent_count;
  uint32_t weighted; /* 1 when respondent weights were applied */
  /* The scale and the top-box rule actually used (top_box_min is the
   * scale's max for JTBD_SCORE_METHOD_TOP_BOX_ONLY) */
  int32_t scale_min;
  int32_t scale_max;
  int32_t scale_top_box_min;
  uint64_t respondent_count;
  uint64_t unsegmented_respondent_count; /* no segment_by value */
  /* jtbd_p_value_adjustment of the segment tests, never UNSPECIFIED */
  int32_t p_value_adjustment;
  /* jtbd_opportunity_interval_method of opportunity_interval, never
   * UNSPECIFIED */
  int32_t opportunity_interval_method;
} jtbd_report_info;

#define JTBD_REPORT_INFO_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_report_info, opportunity_interval_method)

JTBD_EXPORT jtbd_error* jtbd_report_get_info(const jtbd_report* report,
                                             jtbd_report_info* out);

/* What a warning is about (equal to jtbd.v1.WarningCode; docs/SCORING.md,
 * "Warnings"). */
typedef enum jtbd_warning_code {
  JTBD_WARNING_CODE_UNSPECIFIED = 0,
  /* fewer than 30 (effective) answers or respondents */
  JTBD_WARNING_CODE_SMALL_SAMPLE = 1,
  /* the opportunity interval contains 10, 12 or 15 */
  JTBD_WARNING_CODE_BAND_UNCERTAIN = 2,
  /* the segmentation's mean silhouette is below 0.25 */
  JTBD_WARNING_CODE_NO_SUBSTANTIAL_STRUCTURE = 3,
  /* screening flagged more than 10% of the respondents */
  JTBD_WARNING_CODE_SCREENING_FLAGGED_MANY = 4
} jtbd_warning_code;

/* Bits of jtbd_warning.has. */
typedef enum jtbd_warning_has { JTBD_WARNING_HAS_VALUE = 1 } jtbd_warning_has;

/* A caution about a figure of a report or segmentation. Text points into
 * the object it was read from. */
typedef struct jtbd_warning {
  size_t struct_size; /* sizeof(jtbd_warning) (convention 8) */
  int32_t code;       /* jtbd_warning_code */
  uint32_t has;       /* jtbd_warning_has bits */
  const char* message; /* one plain English sentence */
  size_t message_len;
  const char* outcome_id; /* "" when about a segment or the whole report */
  size_t outcome_id_len;
  const char* segment; /* "" for the whole sample */
  size_t segment_len;
  /* the effective count, the share flagged or the silhouette */
  double value;
} jtbd_warning;

#define JTBD_WARNING_STRUCT_SIZE JTBD_STRUCT_SIZE(jtbd_warning, value)

/* The report's warnings: whole sample, then segments, then screening; 0 for
 * NULL. */
JTBD_EXPORT size_t jtbd_report_warning_count(const jtbd_report* report);
JTBD_EXPORT jtbd_error* jtbd_report_warning(const jtbd_report* report,
                                            size_t index, jtbd_warning* out);

/* Bits of jtbd_screening_info.has: which optional figures exist. */
typedef enum jtbd_screening_has {
  JTBD_SCREENING_HAS_SPEED_MEDIAN_FRACTION = 1,
  JTBD_SCREENING_HAS_SPEED_MIN_SECONDS = 2,
  /* both need at least one respondent with a duration */
  JTBD_SCREENING_HAS_MEDIAN_DURATION = 4,
  JTBD_SCREENING_HAS_SPEED_THRESHOLD = 8
} jtbd_screening_has;

/* What screening found (all zero when the report was not screened). */
typedef struct jtbd_screening_info {
  size_t struct_size; /* sizeof(jtbd_screening_info) (convention 8) */
  uint32_t screened;  /* 1 when screening was enabled */
  uint32_t excluded;  /* 1 when flagged respondents were left out */
  uint32_t has;       /* jtbd_screening_has bits */
  uint32_t straight_line_min_ratings;
  uint64_t screened_respondent_count;
  uint64_t flagged_respondent_count;
  uint64_t straight_lining_count;
  uint64_t speeding_count;
  uint64_t blanks_count;
  uint64_t duration_count; /* respondents with a known duration */
  double speed_median_fraction;
  double speed_min_seconds;
  double max_blank_share;
  double median_duration_seconds;
  double speed_threshold_seconds; /* durations below it are speeding */
} jtbd_screening_info;

#define JTBD_SCREENING_INFO_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_screening_info, speed_threshold_seconds)

JTBD_EXPORT jtbd_error* jtbd_report_get_screening(const jtbd_report* report,
                                                  jtbd_screening_info* out);

/* Bits of jtbd_screened_respondent.reasons. */
typedef enum jtbd_screening_reason {
  JTBD_SCREENING_REASON_STRAIGHT_LINING = 1,
  JTBD_SCREENING_REASON_SPEEDING = 2,
  JTBD_SCREENING_REASON_BLANKS = 4
} jtbd_screening_reason;

/* One flagged respondent. Text points into the report. */
typedef struct jtbd_screened_respondent {
  size_t struct_size; /* sizeof(jtbd_screened_respondent) (convention 8) */
  const char* respondent_id; /* "" for an anonymous respondent */
  size_t respondent_id_len;
  size_t index;          /* position in the study */
  uint32_t reasons;      /* jtbd_screening_reason bits */
  uint32_t has_duration; /* 1 when duration_seconds is known */
  double duration_seconds;
  double blank_share; /* outcomes without both ratings / outcomes */
} jtbd_screened_respondent;

#define JTBD_SCREENED_RESPONDENT_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_screened_respondent, blank_share)

/* Flagged respondents, in study order (0 when not screened or NULL). */
JTBD_EXPORT uint64_t jtbd_report_screened_count(const jtbd_report* report);
JTBD_EXPORT jtbd_error* jtbd_report_screened_respondent(
    const jtbd_report* report, size_t index, jtbd_screened_respondent* out);

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

/* Which scores the landscape draws (jtbd_visual_options.series). */
typedef enum jtbd_landscape_series {
  /* each segment when the report has segments, else all respondents */
  JTBD_LANDSCAPE_SERIES_AUTO = 0,
  JTBD_LANDSCAPE_SERIES_WHOLE_SAMPLE = 1, /* all respondents */
  JTBD_LANDSCAPE_SERIES_SEGMENT = 2       /* only the segment named */
} jtbd_landscape_series;

/* How jtbd_report_render_landscape and jtbd_report_render_html draw a
 * report (docs/REPORTS.md). The caller's struct, read, never written: zero
 * it, set struct_size (convention 8) and the fields wanted; NULL options
 * are the defaults (the landscape without whiskers, the HTML report with
 * them, English). */
typedef struct jtbd_visual_options {
  size_t struct_size; /* sizeof(jtbd_visual_options) (convention 8) */
  int32_t series;     /* jtbd_landscape_series (landscape only) */
  /* With JTBD_LANDSCAPE_SERIES_SEGMENT: the segment's name (UTF-8). */
  const char* segment;
  size_t segment_len;
  /* Non-zero: whiskers for the importance and satisfaction intervals. */
  int32_t intervals;
  /* "en" (also when empty) or "fr": the fixed texts, and numbers in the
   * language's notation. */
  const char* lang;
  size_t lang_len;
  /* HTML only. Non-zero: a fragment to place inside a page (a notebook
   * cell): the summary, landscape and ranked table in one <div>, styles
   * scoped to it, no document around them. */
  int32_t fragment;
} jtbd_visual_options;
#define JTBD_VISUAL_OPTIONS_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_visual_options, fragment)

/* The opportunity landscape of the report as a standalone SVG document
 * (UTF-8): importance across, satisfaction up, both 0-10, the diagonal and
 * the opportunity 10, 12 and 15 lines, one mark per outcome (and segment).
 * JTBD_NOT_FOUND for a segment the report does not have. */
JTBD_EXPORT jtbd_error* jtbd_report_render_landscape(
    const jtbd_report* report, const jtbd_visual_options* options,
    jtbd_buffer** out);

/* The report as one self-contained HTML document (UTF-8; inline CSS and
 * SVG, no script, nothing fetched): summary, landscape, ranked table,
 * segments, competing solutions, screening, warnings. options->series is
 * ignored: the whole sample is drawn, and each segment when there are any. */
JTBD_EXPORT jtbd_error* jtbd_report_render_html(
    const jtbd_report* report, const jtbd_visual_options* options,
    jtbd_buffer** out);

/* -------------------------------------------------------------- aggregate */

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - touch no existing object, so any thread at any time:
 *   jtbd_aggregate_create, jtbd_aggregate_parse, jtbd_aggregate_load_file,
 *   jtbd_aggregate_decode.
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_aggregate_outcome_count,
 *   jtbd_aggregate_respondent_count, jtbd_aggregate_cell,
 *   jtbd_aggregate_serialize, jtbd_aggregate_save_file,
 *   jtbd_aggregate_encode, jtbd_aggregate_read_csv_file,
 *   jtbd_aggregate_read_csv, jtbd_aggregate_score.
 * - change an object, so nothing else may use that object meanwhile:
 *   jtbd_aggregate_destroy, jtbd_aggregate_set_scale,
 *   jtbd_aggregate_add_outcome, jtbd_aggregate_add_respondents,
 *   jtbd_aggregate_add_weighted_respondents, jtbd_aggregate_merge.
 */

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
/* Outcomes declared and respondents counted; 0 for NULL. */
JTBD_EXPORT size_t
jtbd_aggregate_outcome_count(const jtbd_aggregate* aggregate);
JTBD_EXPORT uint64_t
jtbd_aggregate_respondent_count(const jtbd_aggregate* aggregate);
/* Adds `count` respondents given as two row-major count x outcome_count
 * matrices of ratings (0 = no answer). Rejected whole on any invalid value;
 * the error names the flat array index and the value. */
JTBD_EXPORT jtbd_error* jtbd_aggregate_add_respondents(
    jtbd_aggregate* aggregate, size_t count, const uint8_t* importance,
    const uint8_t* satisfaction);
/* The same with one survey weight per respondent (finite, > 0): the
 * aggregate then keeps weight sums and scores weighted, respondents added
 * without weights counting with weight 1. */
JTBD_EXPORT jtbd_error* jtbd_aggregate_add_weighted_respondents(
    jtbd_aggregate* aggregate, size_t count, const uint8_t* importance,
    const uint8_t* satisfaction, const double* weights);
/* into += from. Both must have the same scale and outcome ids in the same
 * order (JTBD_FAILED_PRECONDITION otherwise, into unchanged). */
JTBD_EXPORT jtbd_error* jtbd_aggregate_merge(jtbd_aggregate* into,
                                             const jtbd_aggregate* from);
/* The count of respondents in one cell of outcome `outcome` (its index):
 * ratings 0 (no answer) or on the scale. */
JTBD_EXPORT jtbd_error* jtbd_aggregate_cell(const jtbd_aggregate* aggregate,
                                            size_t outcome, int32_t importance,
                                            int32_t satisfaction,
                                            uint64_t* count);
/* Serialized jtbd.v1.Aggregate (exact round trip), and back. */
JTBD_EXPORT jtbd_error* jtbd_aggregate_serialize(
    const jtbd_aggregate* aggregate, jtbd_buffer** out);
JTBD_EXPORT jtbd_error* jtbd_aggregate_parse(const void* data, size_t size,
                                             jtbd_aggregate** out);
/* The aggregate as a saved file, and back (see jtbd_study_save_file). */
JTBD_EXPORT jtbd_error* jtbd_aggregate_save_file(
    const jtbd_aggregate* aggregate, const char* path, size_t path_len);
JTBD_EXPORT jtbd_error* jtbd_aggregate_load_file(const char* path,
                                                 size_t path_len,
                                                 jtbd_aggregate** out);
/* The bytes jtbd_aggregate_save_file writes (signature, kind, format
 * version, CRC-32C checksums, then the serialized jtbd.v1.Aggregate), in
 * memory: what to send between processes (jtbd.dask, Spark, Beam), where
 * jtbd_aggregate_serialize's bare message would carry no checksum. */
JTBD_EXPORT jtbd_error* jtbd_aggregate_encode(const jtbd_aggregate* aggregate,
                                              jtbd_buffer** out);
/* An aggregate from bytes jtbd_aggregate_encode wrote, with every check of
 * jtbd_aggregate_load_file; refusals name source_name (may be empty:
 * "<memory>"): bytes that are not a jtbd aggregate (JTBD_INVALID_ARGUMENT),
 * from a newer jtbd (JTBD_FAILED_PRECONDITION), truncated or corrupted in
 * transit (JTBD_DATA_LOSS). Nothing is written to out on failure. */
JTBD_EXPORT jtbd_error* jtbd_aggregate_decode(const void* data, size_t size,
                                              const char* source_name,
                                              size_t source_name_len,
                                              jtbd_aggregate** out);
/* Reads a survey file as jtbd_study_read_csv_file does (same options, same
 * refusals) straight into its aggregate, keeping no respondents: memory
 * stays independent of the number of rows (apart from 16 bytes per
 * respondent id, to refuse repeats) except for the long layout, which is
 * read through a study. Equal to the aggregate of the study read. */
JTBD_EXPORT jtbd_error* jtbd_aggregate_read_csv_file(
    const jtbd_read_options* options, const char* path, size_t path_len,
    jtbd_aggregate** out);
/* The same from memory; source_name (may be empty) names it in errors. */
JTBD_EXPORT jtbd_error* jtbd_aggregate_read_csv(
    const jtbd_read_options* options, const char* data, size_t size,
    const char* source_name, size_t source_name_len, jtbd_aggregate** out);
/* Scores the aggregate; options may be NULL. An aggregate has no
 * respondent attributes or respondents: options with a segment_by or with
 * screening enabled are refused (JTBD_INVALID_ARGUMENT). */
JTBD_EXPORT jtbd_error* jtbd_aggregate_score(const jtbd_aggregate* aggregate,
                                             const jtbd_score_options* options,
                                             jtbd_report** out);

/* ------------------------------------------------- bytes in, bytes out */

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - touch no existing object, so any thread at any time: jtbd_score_request,
 *   jtbd_score_request_json.
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_score_request_with_limits,
 *   jtbd_score_request_json_with_limits.
 */

/* A serialized jtbd.v1.ScoreRequest in, a serialized jtbd.v1.Report out. */
JTBD_EXPORT jtbd_error* jtbd_score_request(const void* request,
                                           size_t request_size,
                                           jtbd_buffer** report_out);
/* The same in protobuf JSON (unknown fields ignored; output lowerCamelCase
 * with default values printed). */
JTBD_EXPORT jtbd_error* jtbd_score_request_json(const char* request_json,
                                                size_t request_size,
                                                jtbd_buffer** report_json_out);
/* The two above, with the request held to `limits` (NULL: the defaults,
 * exactly as the two above): max_request_bytes (its size), max_json_depth
 * (JSON), max_outcomes and max_respondents (its study) and
 * max_bootstrap_resamples (what its options ask for, the default 2,000
 * included). Over a limit: JTBD_RESOURCE_EXHAUSTED naming it. */
JTBD_EXPORT jtbd_error* jtbd_score_request_with_limits(
    const jtbd_limits* limits, const void* request, size_t request_size,
    jtbd_buffer** report_out);
JTBD_EXPORT jtbd_error* jtbd_score_request_json_with_limits(
    const jtbd_limits* limits, const char* request_json, size_t request_size,
    jtbd_buffer** report_json_out);

/* ----------------------------------------------------------- segmentation */

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - touch no existing object, so any thread at any time:
 *   jtbd_segment_options_create.
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_study_segment, jtbd_segmentation_get_info,
 *   jtbd_segmentation_candidate, jtbd_segmentation_outcome_id,
 *   jtbd_segmentation_dropped_outcome_id,
 *   jtbd_segmentation_respondent_cluster,
 *   jtbd_segmentation_respondent_clusters, jtbd_segmentation_segment_profile,
 *   jtbd_segmentation_create_segment_report,
 *   jtbd_segmentation_segment_attribute,
 *   jtbd_segmentation_set_aside_attribute_count,
 *   jtbd_segmentation_set_aside_attribute, jtbd_segmentation_warning_count,
 *   jtbd_segmentation_warning, jtbd_segmentation_render,
 *   jtbd_segmentation_create_model.
 * - change an object, so nothing else may use that object meanwhile:
 *   jtbd_segment_options_destroy, jtbd_segment_options_set_feature,
 *   jtbd_segment_options_set_principal_components,
 *   jtbd_segment_options_set_k, jtbd_segment_options_set_k_range,
 *   jtbd_segment_options_set_starts, jtbd_segment_options_set_seed,
 *   jtbd_segment_options_set_threads,
 *   jtbd_segment_options_set_min_attribute_count,
 *   jtbd_segment_options_set_silhouette_sample_size,
 *   jtbd_segment_options_set_score_options, jtbd_segmentation_destroy.
 */

/* Outcome-based segmentation (docs/SEGMENTS.md): respondents clustered by
 * their pattern of unmet outcomes with k-means (k-means++ starts, k chosen
 * by mean silhouette unless given), a profile per segment, and a saved
 * model that tags new respondents one at a time, as answers arrive.
 * Segments are numbered 1..k by size, largest first; 0 means "not
 * clustered" (no usable answer). */

/* The per-respondent, per-outcome value clustered on (equal to
 * jtbd.v1.SegmentFeature). */
typedef enum jtbd_segment_feature {
  JTBD_SEGMENT_FEATURE_UNSPECIFIED = 0, /* top-box opportunity */
  /* a = 10 [importance top box], b = 10 [satisfaction top box],
   * a + max(a - b, 0): 0, 10 or 20 (the ODI way, the default) */
  JTBD_SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY = 1,
  /* importance + max(importance - satisfaction, 0) on the raw ratings */
  JTBD_SEGMENT_FEATURE_RATING_OPPORTUNITY = 2
} jtbd_segment_feature;

/* How a study is segmented. NULL wherever a jtbd_segment_options* is taken
 * means the defaults: top-box opportunity, no principal components, k
 * chosen between 2 and 8, 25 starts, seed 42, one thread per core. A
 * refused value (JTBD_INVALID_ARGUMENT naming it) leaves the options
 * unchanged. Threads: convention 10 (a const pointer may be shared). */
typedef struct jtbd_segment_options jtbd_segment_options;
typedef struct jtbd_segmentation jtbd_segmentation;
typedef struct jtbd_segment_model jtbd_segment_model;

JTBD_EXPORT jtbd_error* jtbd_segment_options_create(jtbd_segment_options** out);
JTBD_EXPORT void jtbd_segment_options_destroy(jtbd_segment_options* options);
/* A jtbd_segment_feature value; others are refused. */
JTBD_EXPORT jtbd_error* jtbd_segment_options_set_feature(
    jtbd_segment_options* options, int32_t feature);
/* 1: project the standardised features on their principal components with
 * eigenvalue above 1 (Kaiser, at least 2) before clustering; 0: not (the
 * default). Other values are refused. */
JTBD_EXPORT jtbd_error* jtbd_segment_options_set_principal_components(
    jtbd_segment_options* options, uint32_t enabled);
/* The number of segments, 2 to 100; 0 (the default) chooses it by mean
 * silhouette over the k range. */
JTBD_EXPORT jtbd_error* jtbd_segment_options_set_k(
    jtbd_segment_options* options, uint32_t k);
/* The range k is chosen from when not given: 2 <= min_k <= max_k <= 100
 * (default 2 to 8). */
JTBD_EXPORT jtbd_error* jtbd_segment_options_set_k_range(
    jtbd_segment_options* options, uint32_t min_k, uint32_t max_k);
/* k-means++ starts per k, the lowest inertia winning (0: the default 25;
 * at most 10000). */
JTBD_EXPORT jtbd_error* jtbd_segment_options_set_starts(
    jtbd_segment_options* options, uint32_t starts);
/* Seed of the starts and of the silhouette sample (default 42): the same
 * seed and study give the same segments with any number of threads. */
JTBD_EXPORT jtbd_error* jtbd_segment_options_set_seed(
    jtbd_segment_options* options, uint64_t seed);
/* Worker threads (0: one per core, the default; at most 256). */
JTBD_EXPORT jtbd_error* jtbd_segment_options_set_threads(
    jtbd_segment_options* options, uint32_t threads);
/* The fewest respondents of a segment an attribute value must have to be
 * listed as over-represented (default 5; 0 and 1 list any count), so that
 * a value held by one or two respondents is never a finding. */
JTBD_EXPORT jtbd_error* jtbd_segment_options_set_min_attribute_count(
    jtbd_segment_options* options, uint32_t count);
/* Respondents whose silhouette is computed exactly to estimate each k's
 * mean: 0 means all of them; otherwise at least 2 (default: all up to 5000
 * respondents, else a seeded sample of 5000). */
JTBD_EXPORT jtbd_error* jtbd_segment_options_set_silhouette_sample_size(
    jtbd_segment_options* options, uint32_t size);
/* How each segment's outcomes are scored and compared with the rest
 * (copied; NULL restores the defaults). Options with a segment_by are
 * refused: the segments come from the clustering. */
JTBD_EXPORT jtbd_error* jtbd_segment_options_set_score_options(
    jtbd_segment_options* options, const jtbd_score_options* score_options);

/* Segments a study (options may be NULL). JTBD_FAILED_PRECONDITION when
 * the study cannot form the k asked (too few respondents, no outcome whose
 * feature varies). A jtbd_segmentation is immutable: every function taking
 * one may run concurrently on it. */
JTBD_EXPORT jtbd_error* jtbd_study_segment(const jtbd_study* study,
                                           const jtbd_segment_options* options,
                                           jtbd_segmentation** out);
JTBD_EXPORT void jtbd_segmentation_destroy(jtbd_segmentation* segmentation);

/* The figures of a segmentation as a whole. */
typedef struct jtbd_segmentation_info {
  size_t struct_size; /* sizeof(jtbd_segmentation_info) (convention 8) */
  uint32_t k;         /* the number of segments */
  uint32_t k_chosen;  /* 1 when k was chosen by silhouette, 0 when given */
  int32_t feature;    /* jtbd_segment_feature, never UNSPECIFIED */
  uint32_t starts;    /* k-means starts per k */
  uint64_t seed;
  size_t component_count; /* principal components kept; 0 without */
  size_t outcome_count;   /* outcomes clustered on */
  /* outcomes whose feature did not vary */
  size_t dropped_outcome_count;
  size_t candidate_count;    /* k values fitted */
  uint64_t respondent_count; /* respondents clustered */
  /* respondents of the study not clustered (no answer to any outcome
   * clustered on): segment 0 */
  uint64_t unclustered_respondent_count;
  uint64_t silhouette_respondent_count; /* respondents evaluated */
  uint64_t imputed_feature_count;       /* features imputed with the mean */
  /* the fewest respondents of a segment an attribute value listed as
   * over-represented has (jtbd_segment_options_set_min_attribute_count) */
  uint32_t min_attribute_count;
  /* jtbd_p_value_adjustment of the segments' outcome comparisons, across
   * segments x outcomes; never UNSPECIFIED */
  int32_t p_value_adjustment;
} jtbd_segmentation_info;

#define JTBD_SEGMENTATION_INFO_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_segmentation_info, p_value_adjustment)

JTBD_EXPORT jtbd_error* jtbd_segmentation_get_info(
    const jtbd_segmentation* segmentation, jtbd_segmentation_info* out);

/* The fit of one candidate k (so users see how clear the choice was). */
typedef struct jtbd_segment_candidate {
  size_t struct_size; /* sizeof(jtbd_segment_candidate) (convention 8) */
  uint32_t k;
  uint32_t iterations; /* Lloyd iterations of the best start */
  double silhouette;   /* mean silhouette, -1 to 1: higher is clearer */
  double inertia;      /* sum of squared distances to the centroids */
} jtbd_segment_candidate;

#define JTBD_SEGMENT_CANDIDATE_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_segment_candidate, inertia)

/* Candidate `index` (0 .. candidate_count - 1, in increasing k). */
JTBD_EXPORT jtbd_error* jtbd_segmentation_candidate(
    const jtbd_segmentation* segmentation, size_t index,
    jtbd_segment_candidate* out);
/* Outcome `index` clustered on (0 .. outcome_count - 1, study order), and
 * dropped outcome `index` (0 .. dropped_outcome_count - 1). Text points
 * into the segmentation. */
JTBD_EXPORT jtbd_error* jtbd_segmentation_outcome_id(
    const jtbd_segmentation* segmentation, size_t index, const char** id,
    size_t* id_len);
JTBD_EXPORT jtbd_error* jtbd_segmentation_dropped_outcome_id(
    const jtbd_segmentation* segmentation, size_t index, const char** id,
    size_t* id_len);
/* The segment (1..k, 0 when not clustered) of the study's respondent
 * `respondent` (its index in the study). */
JTBD_EXPORT jtbd_error* jtbd_segmentation_respondent_cluster(
    const jtbd_segmentation* segmentation, size_t respondent,
    uint32_t* cluster);
/* Every respondent's segment, in study order: count must equal the
 * study's respondent count (respondent_count + unclustered_respondent_count
 * of the info). */
JTBD_EXPORT jtbd_error* jtbd_segmentation_respondent_clusters(
    const jtbd_segmentation* segmentation, uint32_t* clusters, size_t count);

/* One segment described. */
typedef struct jtbd_segment_profile {
  size_t struct_size; /* sizeof(jtbd_segment_profile) (convention 8) */
  uint32_t cluster;   /* 1..k */
  uint64_t respondent_count;
  double share;      /* of the clustered respondents */
  double silhouette; /* mean silhouette of its evaluated respondents */
  /* attribute values significantly over-represented in it */
  size_t overrepresented_attribute_count;
} jtbd_segment_profile;

#define JTBD_SEGMENT_PROFILE_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_segment_profile, overrepresented_attribute_count)

/* Segment `cluster` (1..k). */
JTBD_EXPORT jtbd_error* jtbd_segmentation_segment_profile(
    const jtbd_segmentation* segmentation, uint32_t cluster,
    jtbd_segment_profile* out);
/* Segment `cluster`'s scores as a report of its own, read with the
 * jtbd_report functions: its outcomes ranked by opportunity with intervals,
 * and one segment (named "segment <cluster>") holding the comparison of
 * each outcome with the rest of the clustered respondents and the outcomes
 * significantly more underserved in it. The caller destroys it. */
JTBD_EXPORT jtbd_error* jtbd_segmentation_create_segment_report(
    const jtbd_segmentation* segmentation, uint32_t cluster, jtbd_report** out);

/* A respondent attribute value more common in a segment than in the rest
 * of the clustered respondents (pooled two-proportion z-test, Holm-adjusted
 * across the attribute's values). Text points into the segmentation. */
typedef struct jtbd_attribute_overrepresentation {
  /* sizeof(jtbd_attribute_overrepresentation) (convention 8) */
  size_t struct_size;
  const char* attribute; /* "role" */
  size_t attribute_len;
  const char* value; /* "carpenter" */
  size_t value_len;
  uint64_t segment_count; /* segment respondents with this value */
  uint64_t segment_total; /* segment respondents with the attribute */
  uint64_t rest_count;
  uint64_t rest_total;
  double segment_share; /* segment_count / segment_total */
  double rest_share;    /* rest_count / rest_total */
  uint32_t has_lift;    /* 0 when rest_share is 0 (lift then 0) */
  double lift;          /* segment_share / rest_share */
  /* Fisher's exact test, one-sided (more in the segment than in the rest):
   * p_value is the mid-p, which decides (below 1 - confidence level after
   * Holm's adjustment across the attribute's values in the segment); z is
   * the pooled two-proportion z, descriptive only */
  jtbd_significance_test test;
  double fisher_p_value; /* Fisher's own, conservative, one-sided p */
} jtbd_attribute_overrepresentation;

#define JTBD_ATTRIBUTE_OVERREPRESENTATION_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_attribute_overrepresentation, fisher_p_value)

/* Over-represented value `index` of segment `cluster` (largest lift
 * first; index < overrepresented_attribute_count of its profile). */
JTBD_EXPORT jtbd_error* jtbd_segmentation_segment_attribute(
    const jtbd_segmentation* segmentation, uint32_t cluster, size_t index,
    jtbd_attribute_overrepresentation* out);

/* Why an attribute column was not used to describe segments (equal to
 * jtbd.v1.AttributeSetAsideReason). */
typedef enum jtbd_set_aside_reason {
  JTBD_SET_ASIDE_REASON_UNSPECIFIED = 0,
  /* most values unique (ids, emails, free text): more than 10 distinct
   * values, and more than half as many as respondents with a value */
  JTBD_SET_ASIDE_REASON_HIGH_CARDINALITY = 1
} jtbd_set_aside_reason;

/* An attribute column set aside. Text points into the segmentation. */
typedef struct jtbd_set_aside_attribute {
  size_t struct_size;    /* sizeof(jtbd_set_aside_attribute) (convention 8) */
  const char* attribute; /* "email" */
  size_t attribute_len;
  int32_t reason; /* jtbd_set_aside_reason */
  /* distinct non-empty values among the clustered respondents */
  uint64_t distinct_value_count;
  uint64_t respondent_count; /* clustered respondents with a value */
} jtbd_set_aside_attribute;

#define JTBD_SET_ASIDE_ATTRIBUTE_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_set_aside_attribute, respondent_count)

/* Attribute columns set aside (not tested for over-represented values), in
 * column order; 0 for NULL. */
JTBD_EXPORT size_t jtbd_segmentation_set_aside_attribute_count(
    const jtbd_segmentation* segmentation);
JTBD_EXPORT jtbd_error* jtbd_segmentation_set_aside_attribute(
    const jtbd_segmentation* segmentation, size_t index,
    jtbd_set_aside_attribute* out);

/* The segmentation's warnings (a weak structure, then each segment's);
 * 0 for NULL. */
JTBD_EXPORT size_t jtbd_segmentation_warning_count(
    const jtbd_segmentation* segmentation);
JTBD_EXPORT jtbd_error* jtbd_segmentation_warning(
    const jtbd_segmentation* segmentation, size_t index, jtbd_warning* out);

/* Renders the segmentation: JTBD_FORMAT_TABLE (for people), JTBD_FORMAT_JSON
 * (protobuf JSON of jtbd.v1.SegmentationReport, with `respondents` and
 * `segments`), JTBD_FORMAT_CSV (respondent_id,cluster per respondent) or
 * JTBD_FORMAT_PROTOBUF (serialized jtbd.v1.SegmentationReport). */
JTBD_EXPORT jtbd_error* jtbd_segmentation_render(
    const jtbd_segmentation* segmentation, int32_t format, jtbd_buffer** out);
/* A new model that tags new respondents as this segmentation would (a copy
 * the caller destroys). */
JTBD_EXPORT jtbd_error* jtbd_segmentation_create_model(
    const jtbd_segmentation* segmentation, jtbd_segment_model** out);

/* ---------------------------------------------------------- segment model */

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - touch no existing object, so any thread at any time:
 *   jtbd_segment_model_parse, jtbd_segment_model_load_file.
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_segment_model_serialize,
 *   jtbd_segment_model_save_file, jtbd_segment_model_k,
 *   jtbd_segment_model_outcome_count, jtbd_segment_model_outcome_id,
 *   jtbd_segment_model_assign, jtbd_segment_model_assign_study.
 * - change an object, so nothing else may use that object meanwhile:
 *   jtbd_segment_model_destroy.
 */

/* A fitted segmentation saved to tag new respondents: per model outcome the
 * feature, the outcome's mean for a missing rating, standardised, projected
 * on the principal components when fitted with them, then the nearest
 * centroid. Immutable: every function taking one may run concurrently. */

/* A serialized jtbd.v1.SegmentModel (format_version 1). Bytes that do not
 * parse, another format version or an inconsistent model (sizes, non-finite
 * numbers, k against the centroids) are refused with JTBD_INVALID_ARGUMENT
 * naming the field. */
JTBD_EXPORT jtbd_error* jtbd_segment_model_parse(const void* data, size_t size,
                                                 jtbd_segment_model** out);
JTBD_EXPORT jtbd_error* jtbd_segment_model_serialize(
    const jtbd_segment_model* model, jtbd_buffer** out);
/* The model as a saved file, and back: the same format and guarantees as
 * jtbd_study_save_file (a checksummed header of kind "segment model", then
 * the serialized jtbd.v1.SegmentModel; written atomically; errors name the
 * path). Loading refuses a missing file (JTBD_NOT_FOUND), what is not a
 * jtbd file or holds another kind (JTBD_INVALID_ARGUMENT), a newer file
 * format (JTBD_FAILED_PRECONDITION), a truncated or corrupted file
 * (JTBD_DATA_LOSS), and a model of another format_version or inconsistent
 * (JTBD_INVALID_ARGUMENT). */
JTBD_EXPORT jtbd_error* jtbd_segment_model_save_file(
    const jtbd_segment_model* model, const char* path, size_t path_len);
JTBD_EXPORT jtbd_error* jtbd_segment_model_load_file(const char* path,
                                                     size_t path_len,
                                                     jtbd_segment_model** out);
JTBD_EXPORT void jtbd_segment_model_destroy(jtbd_segment_model* model);
/* The number of segments and of outcomes clustered on; 0 for NULL. */
JTBD_EXPORT uint32_t jtbd_segment_model_k(const jtbd_segment_model* model);
JTBD_EXPORT size_t
jtbd_segment_model_outcome_count(const jtbd_segment_model* model);
/* Model outcome `index`. Text points into the model. */
JTBD_EXPORT jtbd_error* jtbd_segment_model_outcome_id(
    const jtbd_segment_model* model, size_t index, const char** id,
    size_t* id_len);

/* A respondent's segment under a model. */
typedef struct jtbd_segment_assignment {
  size_t struct_size;    /* sizeof(jtbd_segment_assignment) (convention 8) */
  uint32_t cluster;      /* 1..k */
  size_t observed_count; /* model outcomes with both ratings given */
  double distance;       /* Euclidean, to the segment's centroid */
} jtbd_segment_assignment;

#define JTBD_SEGMENT_ASSIGNMENT_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_segment_assignment, distance)

/* Tags one respondent from answers given by outcome id, in any order, as
 * parallel arrays: answer i rates outcome_ids[i] (outcome_id_lens[i]
 * bytes) importance[i] and satisfaction[i] on the model's scale, 0 meaning
 * no answer. Ids the model does not cluster on are ignored; a missing
 * model outcome counts as unanswered. JTBD_INVALID_ARGUMENT naming the
 * array index for a NULL or repeated id or a rating off the scale;
 * JTBD_FAILED_PRECONDITION when no model outcome has both ratings. */
JTBD_EXPORT jtbd_error* jtbd_segment_model_assign(
    const jtbd_segment_model* model, size_t count,
    const char* const* outcome_ids, const size_t* outcome_id_lens,
    const uint8_t* importance, const uint8_t* satisfaction,
    jtbd_segment_assignment* out);
/* Tags every respondent of a study (outcomes matched by id) into
 * clusters[0 .. count - 1]: 1..k, or 0 for a respondent without any usable
 * answer. count must equal the study's respondent count;
 * JTBD_FAILED_PRECONDITION when the study's scale differs from the
 * model's. */
JTBD_EXPORT jtbd_error* jtbd_segment_model_assign_study(
    const jtbd_segment_model* model, const jtbd_study* study,
    uint32_t* clusters, size_t count);

/* ---------------------------------------------------- surveys in one step */

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_score_survey, jtbd_score_survey_file,
 *   jtbd_segment_survey, jtbd_segment_survey_file.
 */

/* Reads a survey and scores it in one step, by the cheapest path the
 * options allow (the same path the jtbd command and the sidecar take):
 * without screening the answers go straight into one table per outcome
 * (and per segment with segment_by), so memory grows with the outcomes and
 * segments, not with the respondents; with screening the respondents are
 * kept, since screening revisits them. The report equals
 * jtbd_study_read_csv then jtbd_study_score with the same options. Refusals,
 * the first one met: the survey's (as jtbd_study_read_csv's), the outcome
 * descriptions' (jtbd_read_options_set_outcome_descriptions), JTBD_NOT_FOUND
 * when segment_by names no respondent attribute column with values (the
 * message lists the columns there are), the score options'. Both option
 * objects may be NULL (the defaults); source_name (may be empty) names the
 * survey in errors. */
JTBD_EXPORT jtbd_error* jtbd_score_survey(
    const jtbd_read_options* read_options,
    const jtbd_score_options* score_options, const char* data, size_t size,
    const char* source_name, size_t source_name_len, jtbd_report** out);
/* The same from a file (mapped, not copied). */
JTBD_EXPORT jtbd_error* jtbd_score_survey_file(
    const jtbd_read_options* read_options,
    const jtbd_score_options* score_options, const char* path, size_t path_len,
    jtbd_report** out);
/* Reads a survey and segments it in one step: jtbd_study_read_csv then
 * jtbd_study_segment, the segment options checked before the survey is
 * read. A survey that cannot be segmented into the k asked is
 * JTBD_FAILED_PRECONDITION, its message prefixed with source_name. Both
 * option objects may be NULL. */
JTBD_EXPORT jtbd_error* jtbd_segment_survey(
    const jtbd_read_options* read_options,
    const jtbd_segment_options* segment_options, const char* data, size_t size,
    const char* source_name, size_t source_name_len, jtbd_segmentation** out);
/* The same from a file. */
JTBD_EXPORT jtbd_error* jtbd_segment_survey_file(
    const jtbd_read_options* read_options,
    const jtbd_segment_options* segment_options, const char* path,
    size_t path_len, jtbd_segmentation** out);

/* ------------------------------------------------------------------ waves */

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_compare_aggregates, jtbd_compare_surveys,
 *   jtbd_compare_survey_files, jtbd_wave_comparison_get_info,
 *   jtbd_wave_comparison_change_count, jtbd_wave_comparison_change,
 *   jtbd_wave_comparison_one_wave_outcome_count,
 *   jtbd_wave_comparison_one_wave_outcome,
 *   jtbd_wave_comparison_segment_count, jtbd_wave_comparison_segment_name,
 *   jtbd_wave_comparison_segment_respondent_counts,
 *   jtbd_wave_comparison_segment_change_count,
 *   jtbd_wave_comparison_segment_change,
 *   jtbd_wave_comparison_one_wave_segment_count,
 *   jtbd_wave_comparison_one_wave_segment, jtbd_wave_comparison_render.
 * - change an object, so nothing else may use that object meanwhile:
 *   jtbd_wave_comparison_destroy.
 */

/* Two waves of a survey compared outcome by outcome: what changed since
 * the last wave (`jtbd compare`; docs/SCORING.md, "Comparing waves").
 * Outcomes are matched by id, segments by value; the waves are taken as
 * independent samples. Of the score options only the confidence level, the
 * p-value adjustment, the method and segment_by are used (the bootstrap is
 * not; screening is refused). */
typedef struct jtbd_wave_comparison jtbd_wave_comparison;

/* Which of the two waves (equal to jtbd.v1.Wave). */
typedef enum jtbd_wave {
  JTBD_WAVE_UNSPECIFIED = 0,
  JTBD_WAVE_FIRST = 1, /* the first given, "before" */
  JTBD_WAVE_SECOND = 2 /* the second given, "after" */
} jtbd_wave;

/* How the interval of a change was computed (equal to
 * jtbd.v1.DifferenceIntervalMethod). */
typedef enum jtbd_difference_interval_method {
  JTBD_DIFFERENCE_INTERVAL_METHOD_UNSPECIFIED = 0,
  /* Newcombe's hybrid score interval of two top-box shares, x10 */
  JTBD_DIFFERENCE_INTERVAL_METHOD_NEWCOMBE_HYBRID_SCORE = 1,
  /* difference -+ z sqrt(Var1 + Var2), delta-method variances */
  JTBD_DIFFERENCE_INTERVAL_METHOD_DELTA_METHOD = 2,
  /* MOVER on the two waves' moment-selection opportunity intervals, valid
   * at the kink I = S; its test is the interval inverted */
  JTBD_DIFFERENCE_INTERVAL_METHOD_MOVER_MOMENT_SELECTION = 3
} jtbd_difference_interval_method;

/* Bits of jtbd_outcome_change.has: which changes exist (a wave without
 * answers on an axis has no change there). */
typedef enum jtbd_change_has {
  JTBD_CHANGE_HAS_IMPORTANCE = 1,
  JTBD_CHANGE_HAS_SATISFACTION = 2,
  JTBD_CHANGE_HAS_OPPORTUNITY = 4
} jtbd_change_has;

/* One wave's scores of an outcome. */
typedef struct jtbd_wave_scores {
  double importance;           /* 0-10 */
  double satisfaction;         /* 0-10 */
  double opportunity;          /* under the comparison's method */
  uint64_t importance_count;   /* respondents who rated importance */
  uint64_t satisfaction_count; /* respondents who rated satisfaction */
} jtbd_wave_scores;

/* The change of one score, second wave minus first. */
typedef struct jtbd_score_change {
  double difference;
  jtbd_interval interval;  /* at the comparison's confidence level */
  int32_t interval_method; /* jtbd_difference_interval_method */
  uint32_t significant;    /* 1 when adjusted_p_value < 1 - level */
  double z;                /* the test of no change */
  double p_value;          /* two-sided */
  /* adjusted across the family (jtbd_wave_comparison_info) */
  double adjusted_p_value;
} jtbd_score_change;

/* One outcome present in both waves. Text points into the comparison. */
typedef struct jtbd_outcome_change {
  size_t struct_size; /* sizeof(jtbd_outcome_change) (convention 8) */
  const char* outcome_id;
  size_t outcome_id_len;
  const char* statement; /* "" when neither wave knows it */
  size_t statement_len;
  uint32_t has;         /* jtbd_change_has bits: which changes below exist */
  uint32_t significant; /* 1 when some change of the outcome is */
  jtbd_wave_scores first;
  jtbd_wave_scores second;
  jtbd_score_change importance;
  jtbd_score_change satisfaction;
  jtbd_score_change opportunity;
  int32_t band_before; /* jtbd_band; JTBD_BAND_UNSPECIFIED without bands */
  int32_t band_after;
  uint32_t crossed_band; /* 1 when both bands exist and differ */
} jtbd_outcome_change;

#define JTBD_OUTCOME_CHANGE_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_outcome_change, crossed_band)

/* How two waves were compared. Text points into the comparison. */
typedef struct jtbd_wave_comparison_info {
  size_t struct_size; /* sizeof(jtbd_wave_comparison_info) (convention 8) */
  double confidence_level;
  int32_t p_value_adjustment; /* jtbd_p_value_adjustment, never UNSPECIFIED */
  int32_t score_method;       /* jtbd_score_method, never UNSPECIFIED */
  uint64_t first_respondent_count;
  uint64_t second_respondent_count;
  const char* segment_by; /* "" without segments */
  size_t segment_by_len;
  /* tests adjusted together: the whole sample's, and all the segments' */
  uint32_t family_size;
  uint32_t segment_family_size;
  /* the scale and top-box rule both waves share */
  int32_t scale_min;
  int32_t scale_max;
  int32_t scale_top_box_min;
  uint32_t weighted; /* 1 when either wave carries respondent weights */
} jtbd_wave_comparison_info;

#define JTBD_WAVE_COMPARISON_INFO_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_wave_comparison_info, weighted)

/* Compares aggregate `first` (before) with `second` (after), e.g. last
 * quarter's saved aggregate with this quarter's. score_options may be NULL
 * (the defaults); a segment_by in them is refused (an aggregate keeps no
 * respondent attributes; use jtbd_compare_surveys), and so is screening.
 * JTBD_FAILED_PRECONDITION when the waves are on different scales or
 * top-box rules, or share no outcome id; JTBD_OUT_OF_RANGE when a count
 * exceeds 32 bits. */
JTBD_EXPORT jtbd_error* jtbd_compare_aggregates(
    const jtbd_score_options* score_options, const jtbd_aggregate* first,
    const jtbd_aggregate* second, jtbd_wave_comparison** out);
/* Reads two waves and compares them in one step, as `jtbd compare` does:
 * each is a survey in any format the read options take or an aggregate
 * saved by jtbd_aggregate_save_file (recognised by its signature). With
 * segment_by each value of that column is compared with itself across the
 * waves too (surveys only: a saved aggregate is JTBD_FAILED_PRECONDITION).
 * Refusals name the wave's source; those of jtbd_compare_aggregates too. */
JTBD_EXPORT jtbd_error* jtbd_compare_surveys(
    const jtbd_read_options* read_options,
    const jtbd_score_options* score_options, const char* first_data,
    size_t first_size, const char* first_name, size_t first_name_len,
    const char* second_data, size_t second_size, const char* second_name,
    size_t second_name_len, jtbd_wave_comparison** out);
/* The same from two files. */
JTBD_EXPORT jtbd_error* jtbd_compare_survey_files(
    const jtbd_read_options* read_options,
    const jtbd_score_options* score_options, const char* first_path,
    size_t first_path_len, const char* second_path, size_t second_path_len,
    jtbd_wave_comparison** out);
JTBD_EXPORT void jtbd_wave_comparison_destroy(jtbd_wave_comparison* comparison);
JTBD_EXPORT jtbd_error* jtbd_wave_comparison_get_info(
    const jtbd_wave_comparison* comparison, jtbd_wave_comparison_info* out);
/* The whole sample's outcomes present in both waves, in the first wave's
 * order. */
JTBD_EXPORT size_t
jtbd_wave_comparison_change_count(const jtbd_wave_comparison* comparison);
JTBD_EXPORT jtbd_error* jtbd_wave_comparison_change(
    const jtbd_wave_comparison* comparison, size_t index,
    jtbd_outcome_change* out);
/* Outcomes only one wave has (listed, never compared): the id and the
 * jtbd_wave that has it. */
JTBD_EXPORT size_t jtbd_wave_comparison_one_wave_outcome_count(
    const jtbd_wave_comparison* comparison);
JTBD_EXPORT jtbd_error* jtbd_wave_comparison_one_wave_outcome(
    const jtbd_wave_comparison* comparison, size_t index, const char** id,
    size_t* id_len, int32_t* wave);
/* Segments present in both waves, sorted by value (0 without segment_by). */
JTBD_EXPORT size_t
jtbd_wave_comparison_segment_count(const jtbd_wave_comparison* comparison);
JTBD_EXPORT jtbd_error* jtbd_wave_comparison_segment_name(
    const jtbd_wave_comparison* comparison, size_t segment, const char** name,
    size_t* name_len);
/* The segment's respondents in each wave. */
JTBD_EXPORT jtbd_error* jtbd_wave_comparison_segment_respondent_counts(
    const jtbd_wave_comparison* comparison, size_t segment, uint64_t* first,
    uint64_t* second);
/* The segment's outcomes present in both waves, in the first wave's
 * order. */
JTBD_EXPORT jtbd_error* jtbd_wave_comparison_segment_change_count(
    const jtbd_wave_comparison* comparison, size_t segment, size_t* count);
JTBD_EXPORT jtbd_error* jtbd_wave_comparison_segment_change(
    const jtbd_wave_comparison* comparison, size_t segment, size_t index,
    jtbd_outcome_change* out);
/* Segments only one wave has: the value and the jtbd_wave that has it. */
JTBD_EXPORT size_t jtbd_wave_comparison_one_wave_segment_count(
    const jtbd_wave_comparison* comparison);
JTBD_EXPORT jtbd_error* jtbd_wave_comparison_one_wave_segment(
    const jtbd_wave_comparison* comparison, size_t index, const char** name,
    size_t* name_len, int32_t* wave);
/* JTBD_FORMAT_TABLE (for people), JTBD_FORMAT_JSON (protobuf JSON of
 * jtbd.v1.WaveComparison), JTBD_FORMAT_CSV (a row per segment and outcome)
 * or JTBD_FORMAT_PROTOBUF (serialized jtbd.v1.WaveComparison), as
 * `jtbd compare --format` writes them. */
JTBD_EXPORT jtbd_error* jtbd_wave_comparison_render(
    const jtbd_wave_comparison* comparison, int32_t format, jtbd_buffer** out);

/* ----------------------------------------------------------------- stream */

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - touch no existing object, so any thread at any time: jtbd_stream_parse,
 *   jtbd_stream_load_file.
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_stream_create, jtbd_stream_outcome_count,
 *   jtbd_stream_outcome_id, jtbd_stream_latest_ms, jtbd_stream_buckets_held,
 *   jtbd_stream_current, jtbd_stream_score, jtbd_stream_alerts,
 *   jtbd_stream_serialize, jtbd_stream_save_file.
 * - change an object, so nothing else may use that object meanwhile:
 *   jtbd_stream_destroy, jtbd_stream_append.
 */

/* Scores that stay current as answers arrive one respondent at a time
 * (docs/STREAMING.md). Timestamps are Unix milliseconds (>= 0). A stream
 * forgets in one of two ways, chosen at creation: a sliding window of
 * bucket_count buckets of bucket_width_ms each (memory: at most
 * bucket_count count tables per outcome, whatever the number of answers;
 * answers out of order are put in the bucket of their timestamp while it
 * is in the window, older ones are JTBD_OUT_OF_RANGE), or exponential decay
 * with half_life_ms (constant memory; weights decayed to the latest
 * timestamp; intervals and tests on Kish effective counts; answers more
 * than 32 half-lives older than the latest are JTBD_OUT_OF_RANGE). */
typedef struct jtbd_stream jtbd_stream;

/* A stream over the scale and outcomes (ids and statements, in order) of
 * `shape`, whose answers are not used. Give either bucket_width_ms > 0 and
 * bucket_count (1 to 100,000) with half_life_ms 0, or half_life_ms > 0
 * with the other two 0; anything else is JTBD_INVALID_ARGUMENT, and so is
 * a shape without outcomes. */
JTBD_EXPORT jtbd_error* jtbd_stream_create(const jtbd_aggregate* shape,
                                           int64_t bucket_width_ms,
                                           uint32_t bucket_count,
                                           int64_t half_life_ms,
                                           jtbd_stream** out);
JTBD_EXPORT void jtbd_stream_destroy(jtbd_stream* stream);
/* Appends one respondent answered at timestamp_ms: importance[o] and
 * satisfaction[o] for each of the stream's outcome_count outcomes, in its
 * order (0 = no answer); `count` must equal that outcome count (an answer
 * for an outcome the stream does not have is JTBD_INVALID_ARGUMENT).
 * weight: NULL (weight 1), or a finite weight > 0 and at most 1e12. All or
 * nothing: a refused append leaves the stream unchanged. */
JTBD_EXPORT jtbd_error* jtbd_stream_append(jtbd_stream* stream,
                                           int64_t timestamp_ms,
                                           const uint8_t* importance,
                                           const uint8_t* satisfaction,
                                           size_t count, const double* weight);
/* 0 for NULL. */
JTBD_EXPORT size_t jtbd_stream_outcome_count(const jtbd_stream* stream);
/* The id of outcome `index` (JTBD_OUT_OF_RANGE past the last); the text
 * points into the stream and lives as long as it. */
JTBD_EXPORT jtbd_error* jtbd_stream_outcome_id(const jtbd_stream* stream,
                                               size_t index, const char** id,
                                               size_t* id_len);
/* The latest timestamp appended, -1 before any answer (or for NULL). */
JTBD_EXPORT int64_t jtbd_stream_latest_ms(const jtbd_stream* stream);
/* Buckets held (at most bucket_count; 0 under decay or for NULL). */
JTBD_EXPORT size_t jtbd_stream_buckets_held(const jtbd_stream* stream);
/* The answers the stream holds now, as a new aggregate: the window's
 * buckets merged, or the decayed weights as of the latest timestamp
 * (weighted). Keep it to compare a later window with this one. */
JTBD_EXPORT jtbd_error* jtbd_stream_current(const jtbd_stream* stream,
                                            jtbd_aggregate** out);
/* jtbd_stream_current scored as jtbd_aggregate_score scores it
 * (score_options may be NULL; segment_by is refused). */
JTBD_EXPORT jtbd_error* jtbd_stream_score(
    const jtbd_stream* stream, const jtbd_score_options* score_options,
    jtbd_report** out);
/* Alerts: jtbd_compare_aggregates(score_options, reference, current) with
 * the stream's current answers as the second wave, the same tests and
 * adjustment (Holm by default) as a wave comparison. The alerts are the
 * changes whose opportunity change is significant: (has &
 * JTBD_CHANGE_HAS_OPPORTUNITY) and opportunity.significant.
 * jtbd_wave_comparison_render's JTBD_FORMAT_JSON gives the whole
 * comparison. The reference: a saved aggregate, or an earlier
 * jtbd_stream_current. */
JTBD_EXPORT jtbd_error* jtbd_stream_alerts(
    const jtbd_stream* stream, const jtbd_score_options* score_options,
    const jtbd_aggregate* reference, jtbd_wave_comparison** out);
/* Serialized jtbd.v1.StreamState (exact round trip), and back; a state no
 * stream could have written is JTBD_INVALID_ARGUMENT. */
JTBD_EXPORT jtbd_error* jtbd_stream_serialize(const jtbd_stream* stream,
                                              jtbd_buffer** out);
JTBD_EXPORT jtbd_error* jtbd_stream_parse(const void* data, size_t size,
                                          jtbd_stream** out);
/* The stream as a saved file (kind "stream state"), and back (see
 * jtbd_study_save_file): another kind of file, a corrupt or truncated one
 * is refused. */
JTBD_EXPORT jtbd_error* jtbd_stream_save_file(const jtbd_stream* stream,
                                              const char* path,
                                              size_t path_len);
JTBD_EXPORT jtbd_error* jtbd_stream_load_file(const char* path,
                                              size_t path_len,
                                              jtbd_stream** out);

/* ---------------------------------------------------------------- roadmap */

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - touch no existing object, so any thread at any time:
 *   jtbd_roadmap_options_create.
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_prioritize_survey,
 *   jtbd_prioritize_survey_file, jtbd_aggregate_prioritize,
 *   jtbd_roadmap_get_info, jtbd_roadmap_selected_count,
 *   jtbd_roadmap_selected, jtbd_roadmap_initiative_count,
 *   jtbd_roadmap_initiative, jtbd_roadmap_frontier_count,
 *   jtbd_roadmap_frontier_point, jtbd_roadmap_frontier_selected,
 *   jtbd_roadmap_contribution_count, jtbd_roadmap_contribution,
 *   jtbd_roadmap_contribution_initiative, jtbd_roadmap_render.
 * - change an object, so nothing else may use that object meanwhile:
 *   jtbd_roadmap_options_destroy, jtbd_roadmap_options_set_budget,
 *   jtbd_roadmap_options_set_node_limit, jtbd_roadmap_options_set_time_limit,
 *   jtbd_roadmap_options_set_resamples, jtbd_roadmap_options_set_seed,
 *   jtbd_roadmap_options_add_frontier_budget,
 *   jtbd_roadmap_options_set_segment_by, jtbd_roadmap_destroy.
 */

/* "Prioritize these initiatives" (`jtbd prioritize`; docs/ROADMAP.md): the
 * portfolio of candidate initiatives (an initiatives CSV) that closes the
 * most opportunity of a survey within a budget, found by branch and bound
 * (exact, or the best found with its proven gap past the limits), with
 * each chosen initiative's marginal value, the efficient frontier and the
 * robustness of the choice under bootstrap redraws of the scores. */
typedef struct jtbd_roadmap_options jtbd_roadmap_options;
typedef struct jtbd_roadmap jtbd_roadmap;

/* Options start with no budget (every prioritize call refuses them until
 * one is set) and the library's defaults for the rest. A refused value
 * (JTBD_INVALID_ARGUMENT naming it) leaves the options unchanged. */
JTBD_EXPORT jtbd_error* jtbd_roadmap_options_create(jtbd_roadmap_options** out);
JTBD_EXPORT void jtbd_roadmap_options_destroy(jtbd_roadmap_options* options);
/* The most the chosen initiatives may cost together: finite, >= 0. */
JTBD_EXPORT jtbd_error* jtbd_roadmap_options_set_budget(
    jtbd_roadmap_options* options, double budget);
/* Branch-and-bound nodes per solve at most (default 10,000,000; >= 1). */
JTBD_EXPORT jtbd_error* jtbd_roadmap_options_set_node_limit(
    jtbd_roadmap_options* options, uint64_t nodes);
/* Seconds per solve at most: finite, >= 0; 0 means no limit (the
 * default). */
JTBD_EXPORT jtbd_error* jtbd_roadmap_options_set_time_limit(
    jtbd_roadmap_options* options, double seconds);
/* Bootstrap redraws of the scores for the robustness figures (default
 * 200; 0: none; at most 100000). */
JTBD_EXPORT jtbd_error* jtbd_roadmap_options_set_resamples(
    jtbd_roadmap_options* options, uint32_t resamples);
/* Seed of the redraws (default 42). */
JTBD_EXPORT jtbd_error* jtbd_roadmap_options_set_seed(
    jtbd_roadmap_options* options, uint64_t seed);
/* Adds a budget to the efficient frontier (finite, >= 0); none added: 20
 * evenly spaced up to the total cost of all initiatives. */
JTBD_EXPORT jtbd_error* jtbd_roadmap_options_add_frontier_budget(
    jtbd_roadmap_options* options, double budget);
/* Values the scores per segment of this respondent column, each weighted
 * by its share of the segmented respondents (surveys only). Length 0
 * clears it. */
JTBD_EXPORT jtbd_error* jtbd_roadmap_options_set_segment_by(
    jtbd_roadmap_options* options, const char* column, size_t column_len);

/* Reads a survey (any format the read options take, or an aggregate saved
 * by jtbd_aggregate_save_file) and an initiatives CSV, and prioritizes, as
 * `jtbd prioritize` does. Refusals, the first one met: no budget set; the
 * survey's (naming survey_name); segment_by on a saved aggregate, or
 * naming no column with values (JTBD_NOT_FOUND); the initiatives' (naming
 * initiatives_name, line and column); the options'. read_options may be
 * NULL. */
JTBD_EXPORT jtbd_error* jtbd_prioritize_survey(
    const jtbd_read_options* read_options,
    const jtbd_roadmap_options* roadmap_options, const char* survey_data,
    size_t survey_size, const char* survey_name, size_t survey_name_len,
    const char* initiatives_data, size_t initiatives_size,
    const char* initiatives_name, size_t initiatives_name_len,
    jtbd_roadmap** out);
/* The same from two files. */
JTBD_EXPORT jtbd_error* jtbd_prioritize_survey_file(
    const jtbd_read_options* read_options,
    const jtbd_roadmap_options* roadmap_options, const char* survey_path,
    size_t survey_path_len, const char* initiatives_path,
    size_t initiatives_path_len, jtbd_roadmap** out);
/* The same on an aggregate's whole sample (a segment_by in the options is
 * refused: an aggregate keeps no respondent attributes). */
JTBD_EXPORT jtbd_error* jtbd_aggregate_prioritize(
    const jtbd_aggregate* aggregate,
    const jtbd_roadmap_options* roadmap_options, const char* initiatives_data,
    size_t initiatives_size, const char* initiatives_name,
    size_t initiatives_name_len, jtbd_roadmap** out);

/* The portfolio. Text points into the roadmap. */
typedef struct jtbd_roadmap_info {
  size_t struct_size; /* sizeof(jtbd_roadmap_info) (convention 8) */
  double value;       /* opportunity closed by the chosen initiatives */
  double cost;        /* what they cost together */
  double budget;
  double total_cost; /* what all the initiatives cost together */
  /* 1 when the search finished (no portfolio within the budget is worth
   * more); 0 past the node or time limit */
  uint32_t optimal;
  uint32_t resamples; /* bootstrap redraws made */
  double bound;       /* proven upper bound on the best value */
  double gap;         /* (bound - value) / bound; 0 when optimal */
  uint64_t nodes_explored;
  /* share of the redraws in which the portfolio is still optimal */
  double portfolio_optimal_share;
  const char* segment_by; /* "" without segments */
  size_t segment_by_len;
} jtbd_roadmap_info;

#define JTBD_ROADMAP_INFO_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_roadmap_info, segment_by_len)

/* Bits of jtbd_initiative_result.has. */
typedef enum jtbd_initiative_has {
  JTBD_INITIATIVE_HAS_CHOSEN_SHARE = 1,  /* needs redraws */
  JTBD_INITIATIVE_HAS_MARGINAL_VALUE = 2 /* chosen initiatives only */
} jtbd_initiative_has;

/* One candidate initiative. Text points into the roadmap. */
typedef struct jtbd_initiative_result {
  size_t struct_size; /* sizeof(jtbd_initiative_result) (convention 8) */
  const char* name;
  size_t name_len;
  double cost;
  uint32_t selected; /* 1 when in the portfolio */
  uint32_t has;      /* jtbd_initiative_has bits */
  /* robustness: share of the redraws whose best portfolio has it */
  double chosen_share;
  /* chosen ones: the portfolio's value minus value_without, the best
   * value within the budget without it (re-solved, the money spent
   * elsewhere when that is better) */
  double marginal_value;
  double value_without;
  uint32_t marginal_optimal; /* 1 when that re-solve finished */
} jtbd_initiative_result;

#define JTBD_INITIATIVE_RESULT_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_initiative_result, marginal_optimal)

/* One budget of the efficient frontier. */
typedef struct jtbd_frontier_point {
  size_t struct_size; /* sizeof(jtbd_frontier_point) (convention 8) */
  double budget;
  double value; /* the best value within it */
  double cost;
  uint32_t optimal;
  size_t selected_count; /* initiatives chosen at this budget */
} jtbd_frontier_point;

#define JTBD_FRONTIER_POINT_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_frontier_point, selected_count)

JTBD_EXPORT void jtbd_roadmap_destroy(jtbd_roadmap* roadmap);
JTBD_EXPORT jtbd_error* jtbd_roadmap_get_info(const jtbd_roadmap* roadmap,
                                              jtbd_roadmap_info* out);
/* The chosen initiatives, in the order the report lists them. */
JTBD_EXPORT size_t jtbd_roadmap_selected_count(const jtbd_roadmap* roadmap);
JTBD_EXPORT jtbd_error* jtbd_roadmap_selected(const jtbd_roadmap* roadmap,
                                              size_t index, const char** name,
                                              size_t* name_len);
/* Every candidate initiative, in the order the CSV first names them. */
JTBD_EXPORT size_t jtbd_roadmap_initiative_count(const jtbd_roadmap* roadmap);
JTBD_EXPORT jtbd_error* jtbd_roadmap_initiative(const jtbd_roadmap* roadmap,
                                                size_t index,
                                                jtbd_initiative_result* out);
/* The efficient frontier, by budget, and the initiatives of each point. */
JTBD_EXPORT size_t jtbd_roadmap_frontier_count(const jtbd_roadmap* roadmap);
JTBD_EXPORT jtbd_error* jtbd_roadmap_frontier_point(const jtbd_roadmap* roadmap,
                                                    size_t index,
                                                    jtbd_frontier_point* out);
JTBD_EXPORT jtbd_error* jtbd_roadmap_frontier_selected(
    const jtbd_roadmap* roadmap, size_t point, size_t index, const char** name,
    size_t* name_len);
/* One outcome's (and segment's) share of the portfolio's value: where the
 * opportunity the roadmap closes comes from. Text points into the
 * roadmap. */
typedef struct jtbd_outcome_contribution {
  size_t struct_size; /* sizeof(jtbd_outcome_contribution) (convention 8) */
  const char* outcome_id;
  size_t outcome_id_len;
  const char* segment; /* "" without segments */
  size_t segment_len;
  double weight;     /* the segment's share of respondents (1 without) */
  double importance; /* 0 to 10, unchanged by the portfolio */
  double satisfaction_before;
  double satisfaction_after; /* after the chosen initiatives */
  double opportunity_before;
  double opportunity_after;
  double value; /* weight x (opportunity_before - opportunity_after) */
  /* chosen initiatives that reach satisfaction_after (when it rose), read
   * with jtbd_roadmap_contribution_initiative */
  size_t initiative_count;
} jtbd_outcome_contribution;

#define JTBD_OUTCOME_CONTRIBUTION_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_outcome_contribution, initiative_count)

/* Every outcome (per segment) in the report's order; their values add up to
 * the portfolio's value. */
JTBD_EXPORT size_t jtbd_roadmap_contribution_count(const jtbd_roadmap* roadmap);
JTBD_EXPORT jtbd_error* jtbd_roadmap_contribution(
    const jtbd_roadmap* roadmap, size_t index, jtbd_outcome_contribution* out);
JTBD_EXPORT jtbd_error* jtbd_roadmap_contribution_initiative(
    const jtbd_roadmap* roadmap, size_t contribution, size_t index,
    const char** name, size_t* name_len);
/* JTBD_FORMAT_TABLE, JTBD_FORMAT_JSON (protobuf JSON of
 * jtbd.v1.RoadmapReport), JTBD_FORMAT_CSV or JTBD_FORMAT_PROTOBUF, as
 * `jtbd prioritize --format` writes them. */
JTBD_EXPORT jtbd_error* jtbd_roadmap_render(const jtbd_roadmap* roadmap,
                                            int32_t format, jtbd_buffer** out);

/* ----------------------------------------------------------------- forces */

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - touch no existing object, so any thread at any time:
 *   jtbd_interviews_parse, jtbd_interviews_parse_json,
 *   jtbd_forces_options_create, jtbd_propensity_model_parse,
 *   jtbd_propensity_model_load_file.
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_interviews_read_csv,
 *   jtbd_interviews_read_file, jtbd_interviews_serialize,
 *   jtbd_interviews_count, jtbd_interviews_get, jtbd_interviews_attribute,
 *   jtbd_forces_analyze, jtbd_forces_report_get_info,
 *   jtbd_forces_report_force, jtbd_forces_report_segment_count,
 *   jtbd_forces_report_segment, jtbd_forces_report_segment_force,
 *   jtbd_forces_report_render, jtbd_forces_report_create_model,
 *   jtbd_propensity_model_serialize, jtbd_propensity_model_save_file,
 *   jtbd_propensity_model_get_info, jtbd_propensity_model_segment_weight,
 *   jtbd_propensity_model_predict, jtbd_propensity_model_predict_interview.
 * - change an object, so nothing else may use that object meanwhile:
 *   jtbd_interviews_destroy, jtbd_forces_options_destroy,
 *   jtbd_forces_options_set_segment_by,
 *   jtbd_forces_options_set_model_segment_by, jtbd_forces_options_set_folds,
 *   jtbd_forces_options_set_seed, jtbd_forces_options_set_l2_penalty,
 *   jtbd_forces_options_set_confidence_level, jtbd_forces_report_destroy,
 *   jtbd_propensity_model_destroy.
 */

/* Switching forces (`jtbd forces`; docs/FORCES.md): why customers switch or
 * stay. Switch interviews (or CRM records of deals and accounts) coded with
 * the four forces, push and pull toward a switch, anxiety and habit against
 * it, analyzed into prevalence and mean intensity per force, the balance
 * push + pull - anxiety - habit and how often it predicts what happened,
 * and a propensity model (L2-penalised logistic regression of the outcome
 * on the four intensities) that a CRM applies to one live deal at a time.
 * jtbd_interviews, jtbd_forces_report and jtbd_propensity_model are
 * immutable once made: every function taking one const may run
 * concurrently. */
typedef struct jtbd_interviews jtbd_interviews;
typedef struct jtbd_forces_options jtbd_forces_options;
typedef struct jtbd_forces_report jtbd_forces_report;
typedef struct jtbd_propensity_model jtbd_propensity_model;

/* The four forces (equal to jtbd.v1.Force). */
typedef enum jtbd_force {
  JTBD_FORCE_UNSPECIFIED = 0,
  JTBD_FORCE_PUSH = 1,    /* push of the situation (toward change) */
  JTBD_FORCE_PULL = 2,    /* pull of the new solution (toward change) */
  JTBD_FORCE_ANXIETY = 3, /* anxiety of the new (against change) */
  JTBD_FORCE_HABIT = 4    /* habit of the present (against change) */
} jtbd_force;

/* What happened (equal to jtbd.v1.SwitchOutcome). */
typedef enum jtbd_switch_outcome {
  JTBD_SWITCH_OUTCOME_UNSPECIFIED = 0, /* open: not known yet */
  JTBD_SWITCH_OUTCOME_SWITCHED = 1,    /* a deal won; a customer churned */
  JTBD_SWITCH_OUTCOME_STAYED = 2       /* a deal lost; a customer retained */
} jtbd_switch_outcome;

/* Bits of the `flags` of the interview readers. */
typedef enum jtbd_interviews_flag {
  /* Interviews still open (live deals, accounts at risk), to be scored with
   * a model: the switched column may be absent, the outcome unspecified.
   * Such interviews cannot be analyzed. */
  JTBD_INTERVIEWS_OPEN = 1
} jtbd_interviews_flag;

/* Reads switch interviews from CSV (docs/FORCES.md, "Input"): one row per
 * force observation with interview, force, intensity (1-5), switched and
 * optional quote, source, moment, stage, date, solution_left,
 * solution_hired and attribute columns; UTF-8 or UTF-16, separated by ','
 * ';' or TAB, English or French labels. Of the read options only the
 * limits apply; any other setting is refused (JTBD_INVALID_ARGUMENT), as
 * flags other than jtbd_interviews_flag bits are. Refusals name the
 * source, line and column ("<source_name>: line L, column C (\"name\"):
 * ..."); nothing half-read is returned. read_options may be NULL. */
JTBD_EXPORT jtbd_error* jtbd_interviews_read_csv(
    const jtbd_read_options* read_options, uint32_t flags, const char* data,
    size_t size, const char* source_name, size_t source_name_len,
    jtbd_interviews** out);
/* A file by its name, as `jtbd forces` reads it: .json the protobuf JSON
 * mapping of jtbd.v1.SwitchInterviews, .pb or .binpb binary, anything else
 * CSV. A path "-" is a file of that name: a library never reads standard
 * input. */
JTBD_EXPORT jtbd_error* jtbd_interviews_read_file(
    const jtbd_read_options* read_options, uint32_t flags, const char* path,
    size_t path_len, jtbd_interviews** out);
/* A serialized jtbd.v1.SwitchInterviews, held to the rules of the CSV;
 * errors name "interviews[i]" and the interview's id. */
JTBD_EXPORT jtbd_error* jtbd_interviews_parse(uint32_t flags, const void* data,
                                              size_t size,
                                              jtbd_interviews** out);
/* The same from its protobuf JSON mapping. */
JTBD_EXPORT jtbd_error* jtbd_interviews_parse_json(uint32_t flags,
                                                   const char* data,
                                                   size_t size,
                                                   jtbd_interviews** out);
/* Serialized jtbd.v1.SwitchInterviews. */
JTBD_EXPORT jtbd_error* jtbd_interviews_serialize(
    const jtbd_interviews* interviews, jtbd_buffer** out);
JTBD_EXPORT void jtbd_interviews_destroy(jtbd_interviews* interviews);
/* Interviews held, in the order of their first row; 0 for NULL. */
JTBD_EXPORT size_t jtbd_interviews_count(const jtbd_interviews* interviews);

/* One interview as the analysis and the model see it. Text points into the
 * interviews. */
typedef struct jtbd_interview_info {
  size_t struct_size; /* sizeof(jtbd_interview_info) (convention 8) */
  const char* id;
  size_t id_len;
  int32_t outcome; /* jtbd_switch_outcome */
  /* each force's intensity: its strongest observation, 0 when never
   * mentioned */
  uint32_t push;
  uint32_t pull;
  uint32_t anxiety;
  uint32_t habit;
  int32_t balance; /* push + pull - anxiety - habit */
  size_t observation_count;
  size_t timeline_event_count;
  const char* solution_left; /* "" when not recorded */
  size_t solution_left_len;
  const char* solution_hired;
  size_t solution_hired_len;
} jtbd_interview_info;

#define JTBD_INTERVIEW_INFO_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_interview_info, solution_hired_len)

JTBD_EXPORT jtbd_error* jtbd_interviews_get(const jtbd_interviews* interviews,
                                            size_t index,
                                            jtbd_interview_info* out);
/* The interview's value of attribute `name` (the exact column name, else
 * the first equal to it without case); "" when it has none. Text points
 * into the interviews. */
JTBD_EXPORT jtbd_error* jtbd_interviews_attribute(
    const jtbd_interviews* interviews, size_t index, const char* name,
    size_t name_len, const char** value, size_t* value_len);

/* Options start at `jtbd forces`' defaults: segments from a column named
 * segment (if any), 5 folds, seed 42, L2 penalty 1, intervals at 0.95, no
 * segment weights in the model. A refused value (JTBD_INVALID_ARGUMENT
 * naming it) leaves the options unchanged. */
JTBD_EXPORT jtbd_error* jtbd_forces_options_create(jtbd_forces_options** out);
JTBD_EXPORT void jtbd_forces_options_destroy(jtbd_forces_options* options);
/* The attribute whose values are the segments; length 0: the default. */
JTBD_EXPORT jtbd_error* jtbd_forces_options_set_segment_by(
    jtbd_forces_options* options, const char* column, size_t column_len);
/* Gives the model one weight per value of this attribute but the first in
 * sorted order; length 0: none. */
JTBD_EXPORT jtbd_error* jtbd_forces_options_set_model_segment_by(
    jtbd_forces_options* options, const char* column, size_t column_len);
/* Cross-validation folds, 2-100. */
JTBD_EXPORT jtbd_error* jtbd_forces_options_set_folds(
    jtbd_forces_options* options, uint32_t folds);
/* Seed of the fold assignment (the same seed, the same folds everywhere). */
JTBD_EXPORT jtbd_error* jtbd_forces_options_set_seed(
    jtbd_forces_options* options, uint64_t seed);
/* lambda of the L2 penalty on the force weights (not the intercept):
 * finite, 0 to 1e12; scikit-learn's C = 1 / lambda. */
JTBD_EXPORT jtbd_error* jtbd_forces_options_set_l2_penalty(
    jtbd_forces_options* options, double lambda);
/* Level of every interval, strictly between 0 and 1. */
JTBD_EXPORT jtbd_error* jtbd_forces_options_set_confidence_level(
    jtbd_forces_options* options, double level);

/* Analyzes the interviews as `jtbd forces` does. options may be NULL (the
 * defaults). JTBD_FAILED_PRECONDITION when an interview is open (read with
 * JTBD_INTERVIEWS_OPEN, naming it); JTBD_INVALID_ARGUMENT for a segment_by
 * no interview has a value of. When the model cannot be fitted (every
 * interview switched, or stayed) the report has none and says why
 * (jtbd_forces_report_info.model_note); the rest of it stands. */
JTBD_EXPORT jtbd_error* jtbd_forces_analyze(const jtbd_interviews* interviews,
                                            const jtbd_forces_options* options,
                                            jtbd_forces_report** out);
JTBD_EXPORT void jtbd_forces_report_destroy(jtbd_forces_report* report);

/* One coefficient of the propensity model. */
typedef struct jtbd_model_coefficient {
  double estimate;       /* log-odds per intensity point (or segment) */
  double standard_error; /* from the penalised Hessian */
  jtbd_interval interval; /* Wald, at the model's confidence level */
} jtbd_model_coefficient;

/* The analysis as a whole. Text points into the report. */
typedef struct jtbd_forces_report_info {
  size_t struct_size; /* sizeof(jtbd_forces_report_info) (convention 8) */
  uint64_t interview_count;
  uint64_t observation_count;
  uint64_t switched_count;
  uint64_t stayed_count;
  double confidence_level;
  const char* segment_by; /* "" without segments */
  size_t segment_by_len;
  /* the balance: means over all interviews, the switchers, the stayers */
  double mean_balance;
  double switcher_mean_balance;
  double stayer_mean_balance;
  /* "balance > 0" against what happened */
  uint64_t positive_switched_count;
  uint64_t positive_stayed_count;
  uint64_t non_positive_switched_count;
  uint64_t non_positive_stayed_count;
  double agreement; /* share where "balance > 0" matches the outcome */
  jtbd_interval agreement_interval; /* Wilson */
  uint32_t has_model; /* 1 when the propensity model was fitted */
  const char* model_note; /* why not, when has_model is 0 */
  size_t model_note_len;
  /* the model's validation (0 without a model) */
  double auc;          /* cross-validated, out-of-fold predictions pooled */
  double training_auc; /* on the data it was fitted on */
  double brier_score;  /* of the out-of-fold predictions */
  uint32_t folds;      /* folds used */
  uint32_t iterations; /* Newton iterations of the final fit */
  uint64_t seed;
  /* its coefficients (zero without a model) */
  jtbd_model_coefficient intercept;
  jtbd_model_coefficient push;
  jtbd_model_coefficient pull;
  jtbd_model_coefficient anxiety;
  jtbd_model_coefficient habit;
} jtbd_forces_report_info;

#define JTBD_FORCES_REPORT_INFO_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_forces_report_info, habit)

/* One force over a group of interviews. Text points into the report. */
typedef struct jtbd_force_summary {
  size_t struct_size; /* sizeof(jtbd_force_summary) (convention 8) */
  int32_t force;      /* jtbd_force */
  const char* name;   /* push, pull, anxiety or habit */
  size_t name_len;
  uint64_t interview_count;
  uint64_t mention_count; /* interviews that mention the force */
  double prevalence;      /* mention_count / interview_count */
  jtbd_interval prevalence_interval; /* Wilson */
  /* among the interviews that mention it; 0 when none does */
  double mean_intensity;
  /* 1 when the Student t interval exists (two mentions or more) */
  uint32_t has_mean_intensity_interval;
  jtbd_interval mean_intensity_interval; /* cut to the 1-5 scale */
} jtbd_force_summary;

#define JTBD_FORCE_SUMMARY_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_force_summary, mean_intensity_interval)

JTBD_EXPORT jtbd_error* jtbd_forces_report_get_info(
    const jtbd_forces_report* report, jtbd_forces_report_info* out);
/* The four forces over all interviews: index 0-3 for push, pull, anxiety,
 * habit. */
JTBD_EXPORT jtbd_error* jtbd_forces_report_force(
    const jtbd_forces_report* report, size_t index, jtbd_force_summary* out);
/* Segments (values of segment_by), sorted by value; 0 without segments. */
JTBD_EXPORT size_t
jtbd_forces_report_segment_count(const jtbd_forces_report* report);
/* The segment's value and its interviews (and of them the switchers). */
JTBD_EXPORT jtbd_error* jtbd_forces_report_segment(
    const jtbd_forces_report* report, size_t segment, const char** value,
    size_t* value_len, uint64_t* interview_count, uint64_t* switched_count);
/* A force (index 0-3) within the segment. */
JTBD_EXPORT jtbd_error* jtbd_forces_report_segment_force(
    const jtbd_forces_report* report, size_t segment, size_t index,
    jtbd_force_summary* out);
/* JTBD_FORMAT_TABLE, JTBD_FORMAT_JSON (protobuf JSON of
 * jtbd.v1.ForcesReport), JTBD_FORMAT_CSV (a row per force and group) or
 * JTBD_FORMAT_PROTOBUF (serialized jtbd.v1.ForcesReport), as
 * `jtbd forces --format` writes them. */
JTBD_EXPORT jtbd_error* jtbd_forces_report_render(
    const jtbd_forces_report* report, int32_t format, jtbd_buffer** out);
/* The fitted propensity model of the report, to save or apply;
 * JTBD_FAILED_PRECONDITION with the report's model_note when there is
 * none. */
JTBD_EXPORT jtbd_error* jtbd_forces_report_create_model(
    const jtbd_forces_report* report, jtbd_propensity_model** out);

/* A serialized jtbd.v1.ForcesModel (format_version 1), and back. Bytes that
 * do not parse, another format version, missing coefficients, values that
 * are not finite or beyond +-1e6, inverted intervals and inconsistent
 * segment weights are refused (JTBD_INVALID_ARGUMENT naming the field). */
JTBD_EXPORT jtbd_error* jtbd_propensity_model_parse(const void* data,
                                                    size_t size,
                                                    jtbd_propensity_model** out);
JTBD_EXPORT jtbd_error* jtbd_propensity_model_serialize(
    const jtbd_propensity_model* model, jtbd_buffer** out);
/* The model as a saved file (kind "forces model"), and back: the format and
 * guarantees of jtbd_study_save_file (atomic; a missing file
 * JTBD_NOT_FOUND, another kind JTBD_INVALID_ARGUMENT, a newer format
 * JTBD_FAILED_PRECONDITION, corruption JTBD_DATA_LOSS). */
JTBD_EXPORT jtbd_error* jtbd_propensity_model_save_file(
    const jtbd_propensity_model* model, const char* path, size_t path_len);
JTBD_EXPORT jtbd_error* jtbd_propensity_model_load_file(
    const char* path, size_t path_len, jtbd_propensity_model** out);
JTBD_EXPORT void jtbd_propensity_model_destroy(jtbd_propensity_model* model);

/* What the model is. Text points into the model. */
typedef struct jtbd_propensity_model_info {
  size_t struct_size; /* sizeof(jtbd_propensity_model_info) (convention 8) */
  jtbd_model_coefficient intercept;
  jtbd_model_coefficient push;
  jtbd_model_coefficient pull;
  jtbd_model_coefficient anxiety;
  jtbd_model_coefficient habit;
  double l2_penalty;
  uint64_t interview_count; /* fitted on */
  double confidence_level;  /* of the intervals */
  const char* segment_by;   /* "" when the model has no segment weights */
  size_t segment_by_len;
  const char* reference_segment; /* the segment without a weight */
  size_t reference_segment_len;
  size_t segment_weight_count;
} jtbd_propensity_model_info;

#define JTBD_PROPENSITY_MODEL_INFO_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_propensity_model_info, segment_weight_count)

/* The model applied to one deal or interview. */
typedef struct jtbd_force_prediction {
  size_t struct_size; /* sizeof(jtbd_force_prediction) (convention 8) */
  double probability; /* P(switch) */
  double log_odds;    /* the intercept plus every contribution */
  /* each force's contribution to the log-odds: weight x intensity */
  double push;
  double pull;
  double anxiety;
  double habit;
  /* the segment's weight (0 for the reference, an unknown segment, or a
   * model without segments) */
  double segment;
} jtbd_force_prediction;

#define JTBD_FORCE_PREDICTION_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_force_prediction, segment)

JTBD_EXPORT jtbd_error* jtbd_propensity_model_get_info(
    const jtbd_propensity_model* model, jtbd_propensity_model_info* out);
/* Segment weight `index`: the segment's value and its coefficient. */
JTBD_EXPORT jtbd_error* jtbd_propensity_model_segment_weight(
    const jtbd_propensity_model* model, size_t index, const char** segment,
    size_t* segment_len, jtbd_model_coefficient* coefficient);
/* The call a CRM makes when a rep logs a conversation: the model applied to
 * one live deal or account, given its four intensities (0 = not mentioned,
 * to 5) and its segment value (length 0 for none; used only when the model
 * has segment weights). An intensity above 5 is JTBD_INVALID_ARGUMENT
 * naming it. */
JTBD_EXPORT jtbd_error* jtbd_propensity_model_predict(
    const jtbd_propensity_model* model, uint32_t push, uint32_t pull,
    uint32_t anxiety, uint32_t habit, const char* segment, size_t segment_len,
    jtbd_force_prediction* out);
/* The model applied to interview `index` (its strongest observation of each
 * force and its segment_by attribute), as `jtbd forces --apply` does. */
JTBD_EXPORT jtbd_error* jtbd_propensity_model_predict_interview(
    const jtbd_propensity_model* model, const jtbd_interviews* interviews,
    size_t index, jtbd_force_prediction* out);
/* ----------------------------------------------------------------- tagger */

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - touch no existing object, so any thread at any time: jtbd_tag_note.
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_tagged_note_language,
 *   jtbd_tagged_note_suggestion_count, jtbd_tagged_note_suggestion,
 *   jtbd_tagged_note_serialize.
 * - change an object, so nothing else may use that object meanwhile:
 *   jtbd_tagged_note_destroy.
 */

/* The force tags suggested for one CRM note by the rule-based tagger,
 * English and French (docs/FORCES.md, "Force tags from notes"). Every tag
 * is a suggestion for a person to confirm. */
typedef struct jtbd_tagged_note jtbd_tagged_note;

/* A note's language (equal to jtbd.v1.NoteLanguage). */
typedef enum jtbd_note_language {
  JTBD_NOTE_LANGUAGE_UNSPECIFIED = 0, /* as an option: detect per note */
  JTBD_NOTE_LANGUAGE_ENGLISH = 1,
  JTBD_NOTE_LANGUAGE_FRENCH = 2
} jtbd_note_language;

/* Where a force tag stands (equal to jtbd.v1.TagStatus); the tagger only
 * ever gives JTBD_TAG_STATUS_SUGGESTED. */
typedef enum jtbd_tag_status {
  JTBD_TAG_STATUS_UNSPECIFIED = 0,
  JTBD_TAG_STATUS_SUGGESTED = 1,
  JTBD_TAG_STATUS_CONFIRMED = 2,
  JTBD_TAG_STATUS_REJECTED = 3
} jtbd_tag_status;

/* One suggested tag. Text points into the tagged note. */
typedef struct jtbd_force_suggestion {
  size_t struct_size; /* sizeof(jtbd_force_suggestion) (convention 8) */
  /* equal to jtbd.v1.Force: 1 push, 2 pull, 3 anxiety, 4 habit */
  int32_t force;
  int32_t status; /* jtbd_tag_status: JTBD_TAG_STATUS_SUGGESTED */
  const char* phrase; /* the note's bytes [start, end), as written */
  size_t phrase_len;
  size_t start; /* byte offsets into the note's UTF-8 */
  size_t end;
  double confidence;    /* in [0, 1], two decimals */
  uint32_t user_phrase; /* 1 when a phrase of the caller's list matched */
} jtbd_force_suggestion;

#define JTBD_FORCE_SUGGESTION_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_force_suggestion, user_phrase)

/* Tags one note (text, UTF-8, at most 16 MiB) and makes a
 * jtbd_tagged_note for it. language: a jtbd_note_language
 * (JTBD_NOTE_LANGUAGE_UNSPECIFIED detects it). phrases: the caller's own
 * phrase list in the `jtbd tag-notes --phrases` format (one `force,phrase`
 * per line; NULL with length 0 for none), refused with
 * "<phrases>:line:column: ..." (JTBD_INVALID_ARGUMENT). Invalid UTF-8 in
 * the note is JTBD_INVALID_ARGUMENT naming the byte offset. */
JTBD_EXPORT jtbd_error* jtbd_tag_note(int32_t language, const char* phrases,
                                      size_t phrases_len, const char* text,
                                      size_t text_len, jtbd_tagged_note** out);
JTBD_EXPORT void jtbd_tagged_note_destroy(jtbd_tagged_note* note);
/* The language the note was read in (given, or detected); 0 for NULL. */
JTBD_EXPORT int32_t jtbd_tagged_note_language(const jtbd_tagged_note* note);
/* The suggestions, in the order of their start. */
JTBD_EXPORT size_t
jtbd_tagged_note_suggestion_count(const jtbd_tagged_note* note);
JTBD_EXPORT jtbd_error* jtbd_tagged_note_suggestion(
    const jtbd_tagged_note* note, size_t index, jtbd_force_suggestion* out);
/* The tagged note as a jtbd.v1.TaggedNote message (protobuf binary,
 * note_index 0). */
JTBD_EXPORT jtbd_error* jtbd_tagged_note_serialize(
    const jtbd_tagged_note* note, jtbd_buffer** out);
/* ------------------------------------------------------------------- lint */

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - touch no existing object, so any thread at any time: jtbd_linter_create.
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_linter_lint, jtbd_linter_lint_all,
 *   jtbd_lint_result_statement_count, jtbd_lint_result_statement,
 *   jtbd_lint_result_finding, jtbd_lint_result_render.
 * - change an object, so nothing else may use that object meanwhile:
 *   jtbd_linter_destroy, jtbd_linter_add_solution_word,
 *   jtbd_lint_result_destroy.
 */

/* Job statements, desired-outcome statements and job stories, English or
 * French, split into their parts and checked against the ODI grammar
 * (`jtbd lint`; docs/STATEMENTS.md lists the rules JTBD-L001...). A linter
 * holds the options; set it up once and lint with it from any number of
 * threads, e.g. on every keystroke: jtbd_linter_lint costs one result
 * object and the statement's words, microseconds for a sentence. */
typedef struct jtbd_linter jtbd_linter;
/* The statements linted by one call, each with its parts and findings. */
typedef struct jtbd_lint_result jtbd_lint_result;

/* The language of statements (equal to jtbd.v1.StatementLanguage). */
typedef enum jtbd_statement_language {
  JTBD_STATEMENT_LANGUAGE_UNSPECIFIED = 0, /* guess per statement */
  JTBD_STATEMENT_LANGUAGE_ENGLISH = 1,
  JTBD_STATEMENT_LANGUAGE_FRENCH = 2
} jtbd_statement_language;

/* The grammar a statement was parsed with (equal to jtbd.v1.StatementKind). */
typedef enum jtbd_statement_kind {
  JTBD_STATEMENT_KIND_UNSPECIFIED = 0, /* empty text */
  JTBD_STATEMENT_KIND_JOB = 1,         /* verb + object + clarifier */
  JTBD_STATEMENT_KIND_OUTCOME = 2,     /* direction + metric + object ... */
  JTBD_STATEMENT_KIND_JOB_STORY = 3    /* When ..., I want to ..., so I can */
} jtbd_statement_kind;

/* How much a finding matters (equal to jtbd.v1.LintSeverity). */
typedef enum jtbd_lint_severity {
  JTBD_LINT_SEVERITY_UNSPECIFIED = 0,
  JTBD_LINT_SEVERITY_INFO = 1,
  JTBD_LINT_SEVERITY_WARNING = 2,
  JTBD_LINT_SEVERITY_ERROR = 3
} jtbd_lint_severity;

/* A part of a statement: bytes [begin, end) of the statement's text (its
 * NFC form, jtbd_linted_statement.text); begin == end when absent. */
typedef struct jtbd_text_span {
  uint32_t begin;
  uint32_t end;
} jtbd_text_span;

/* One statement as parsed. Text points into the result. */
typedef struct jtbd_linted_statement {
  size_t struct_size; /* sizeof(jtbd_linted_statement) (convention 8) */
  const char* text;   /* the statement in NFC: what spans count bytes of */
  size_t text_len;
  const char* id; /* the id given to jtbd_linter_lint_all, else "" */
  size_t id_len;
  int32_t kind;     /* jtbd_statement_kind */
  int32_t language; /* jtbd_statement_language, never UNSPECIFIED */
  jtbd_text_span verb;      /* job: the verb */
  jtbd_text_span direction; /* outcome: Minimize / Increase / ... */
  jtbd_text_span metric;    /* outcome: "the time it takes to" ... */
  jtbd_text_span object;    /* job: object; outcome: object of control */
  jtbd_text_span clarifier; /* job or outcome: contextual clarifier */
  jtbd_text_span situation; /* job story: after "When" */
  jtbd_text_span persona;   /* job story: "As a ..." in its place */
  jtbd_text_span motivation;       /* job story: after "I want to" */
  jtbd_text_span expected_outcome; /* job story: after "so I can" */
  size_t finding_count;
  uint32_t has_warnings; /* 1 when a finding is at warning level or above */
} jtbd_linted_statement;

#define JTBD_LINTED_STATEMENT_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_linted_statement, has_warnings)

/* One finding. Text points into the result (rule ids are static). */
typedef struct jtbd_lint_finding {
  size_t struct_size; /* sizeof(jtbd_lint_finding) (convention 8) */
  const char* rule;   /* stable id: "JTBD-L001" */
  size_t rule_len;
  const char* rule_name; /* "non-canonical-direction" */
  size_t rule_name_len;
  int32_t severity; /* jtbd_lint_severity */
  const char* message;
  size_t message_len;
  const char* suggestion; /* the statement rewritten; "" when none */
  size_t suggestion_len;
  jtbd_text_span span; /* what the finding is about */
  /* duplicates: the index of the earlier statement; -1 otherwise */
  int64_t related_statement;
} jtbd_lint_finding;

#define JTBD_LINT_FINDING_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_lint_finding, related_statement)

/* A linter for `language` (a jtbd_statement_language; UNSPECIFIED guesses
 * each statement's). JTBD_INVALID_ARGUMENT for another value. */
JTBD_EXPORT jtbd_error* jtbd_linter_create(int32_t language,
                                           jtbd_linter** out);
JTBD_EXPORT void jtbd_linter_destroy(jtbd_linter* linter);
/* Adds a solution, brand or technology word or phrase to flag (JTBD-L005)
 * besides the built-in list; matched as whole words, case and accents
 * ignored. UTF-8; blank is JTBD_INVALID_ARGUMENT. */
JTBD_EXPORT jtbd_error* jtbd_linter_add_solution_word(jtbd_linter* linter,
                                                      const char* word,
                                                      size_t word_len);
/* Lints one statement alone (no duplicate rules): a result of one
 * statement. Text that is not UTF-8 is JTBD_INVALID_ARGUMENT. */
JTBD_EXPORT jtbd_error* jtbd_linter_lint(const jtbd_linter* linter,
                                         const char* text, size_t text_len,
                                         jtbd_lint_result** out);
/* Lints a set, duplicates and near-duplicates included: texts[i] of
 * text_lens[i] bytes for i < count; ids NULL (none) or an id per statement
 * (ids[i] of id_lens[i] bytes; NULL id_lens with ids is refused). A text
 * that is not UTF-8 is JTBD_INVALID_ARGUMENT naming its index. */
JTBD_EXPORT jtbd_error* jtbd_linter_lint_all(const jtbd_linter* linter,
                                             const char* const* texts,
                                             const size_t* text_lens,
                                             const char* const* ids,
                                             const size_t* id_lens,
                                             size_t count,
                                             jtbd_lint_result** out);
JTBD_EXPORT void jtbd_lint_result_destroy(jtbd_lint_result* result);
/* The statements, in input order. */
JTBD_EXPORT size_t
jtbd_lint_result_statement_count(const jtbd_lint_result* result);
JTBD_EXPORT jtbd_error* jtbd_lint_result_statement(
    const jtbd_lint_result* result, size_t index, jtbd_linted_statement* out);
/* Finding `index` (< jtbd_linted_statement.finding_count) of statement
 * `statement`, in rule order. */
JTBD_EXPORT jtbd_error* jtbd_lint_result_finding(
    const jtbd_lint_result* result, size_t statement, size_t index,
    jtbd_lint_finding* out);
/* JTBD_FORMAT_TABLE, JTBD_FORMAT_JSON (protobuf JSON of jtbd.v1.LintReport)
 * or JTBD_FORMAT_PROTOBUF (serialized jtbd.v1.LintReport), as `jtbd lint
 * --format` writes them; JTBD_FORMAT_CSV is JTBD_INVALID_ARGUMENT. */
JTBD_EXPORT jtbd_error* jtbd_lint_result_render(const jtbd_lint_result* result,
                                                int32_t format,
                                                jtbd_buffer** out);

/* -------------------------------------------------------- report sections */

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - touch no existing object, so any thread at any time:
 *   jtbd_render_sections_html.
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_report_render_html_sections.
 */

/* The HTML report with the other analyses' results as sections of their
 * own (docs/REPORTS.md): the switching forces (a jtbd_forces_report), the
 * changes since a previous wave (a jtbd_wave_comparison) and the chosen
 * roadmap (a jtbd_roadmap), each drawn as it was computed, and named in the
 * summary; as `jtbd report --interviews --previous --initiatives`. The
 * caller's struct, read, never written: zero it, set struct_size
 * (convention 8) and the results wanted; a NULL result has no section. The
 * handles are only read and stay the caller's. */
typedef struct jtbd_report_sections {
  size_t struct_size; /* sizeof(jtbd_report_sections) (convention 8) */
  const jtbd_forces_report* forces;
  const jtbd_wave_comparison* waves;
  const jtbd_roadmap* roadmap;
} jtbd_report_sections;
#define JTBD_REPORT_SECTIONS_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_report_sections, roadmap)

/* jtbd_report_render_html with `sections` (NULL: none) after the report's
 * own sections; options->fragment is refused (JTBD_INVALID_ARGUMENT): the
 * sections belong to the whole document. */
JTBD_EXPORT jtbd_error* jtbd_report_render_html_sections(
    const jtbd_report* report, const jtbd_visual_options* options,
    const jtbd_report_sections* sections, jtbd_buffer** out);

/* The given sections alone as one self-contained HTML document (what the
 * sidecar answers to Accept: text/html on /v1/forces, /v1/compare and
 * /v1/prioritize); options->lang alone is read (NULL: English).
 * JTBD_INVALID_ARGUMENT when `sections` is NULL or has none. */
JTBD_EXPORT jtbd_error* jtbd_render_sections_html(
    const jtbd_visual_options* options, const jtbd_report_sections* sections,
    jtbd_buffer** out);

/* ---------------------------------------------------------- study designs */
/* A study design (docs/SCORING.md, Job-map coverage): the job, its job map
 * and its desired outcomes, as `jtbd score --design` reads it: the outcomes
 * CSV with optional kind (outcome, job, step), executor and type columns,
 * or a jtbd.v1.StudyDesign in protobuf JSON or binary. Given to score
 * options, it is attached to the report of jtbd_score_survey[_file] with
 * the job-map coverage joined with its scores. */

/* The steps of the universal job map; mirrors jtbd.v1.UniversalStep. */
typedef enum jtbd_universal_step {
  JTBD_UNIVERSAL_STEP_CUSTOM = 0, /* not a universal step */
  JTBD_UNIVERSAL_STEP_DEFINE = 1,
  JTBD_UNIVERSAL_STEP_LOCATE = 2,
  JTBD_UNIVERSAL_STEP_PREPARE = 3,
  JTBD_UNIVERSAL_STEP_CONFIRM = 4,
  JTBD_UNIVERSAL_STEP_EXECUTE = 5,
  JTBD_UNIVERSAL_STEP_MONITOR = 6,
  JTBD_UNIVERSAL_STEP_MODIFY = 7,
  JTBD_UNIVERSAL_STEP_CONCLUDE = 8
} jtbd_universal_step;

/* One step of a report's job-map coverage, in job-map order. Text points
 * into the report. */
typedef struct jtbd_step_coverage {
  size_t struct_size; /* sizeof(jtbd_step_coverage) (convention 8) */
  const char* step_id;
  size_t step_id_len;
  const char* name; /* the step's name, else the universal step's */
  size_t name_len;
  int32_t universal_step; /* jtbd_universal_step */
  uint32_t outcome_count; /* the design's outcomes on this step */
  uint32_t scored_outcome_count; /* with a band other than insufficient data */
  uint32_t underserved_count; /* bands extreme, high, underserved */
  uint32_t overserved_count;  /* band overserved */
  int32_t all_underserved; /* 1: some scored, every scored one underserved */
  int32_t all_overserved;  /* 1: some scored, every scored one overserved */
  int32_t most_opportunity; /* 1 for the step with the most opportunity */
  int32_t has_max_opportunity; /* 1 when some outcome is scored */
  double opportunity_excess; /* sum of max(opportunity - 10, 0) */
  double max_opportunity;
  const char* top_outcome_id; /* the outcome with max_opportunity */
  size_t top_outcome_id_len;
} jtbd_step_coverage;

#define JTBD_STEP_COVERAGE_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_step_coverage, top_outcome_id_len)

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_report_coverage_step_count,
 *   jtbd_report_coverage_step.
 * - change an object, so nothing else may use that object meanwhile:
 *   jtbd_score_options_set_design, jtbd_score_options_set_design_file.
 */
/* Sets the design from `size` bytes (CSV, or protobuf JSON / binary as
 * jtbd score --design tells them apart: a name ending in .json or text
 * starting with "{", a name ending in .binpb or .pb). It is read and
 * checked now: JTBD_INVALID_ARGUMENT naming source_name with the line and
 * column (CSV) or the field (messages), the options unchanged. Size 0
 * clears it. */
JTBD_EXPORT jtbd_error* jtbd_score_options_set_design(
    jtbd_score_options* options, const char* data, size_t size,
    const char* source_name, size_t source_name_len);
/* The same from a file, read now (JTBD_NOT_FOUND when it is missing). */
JTBD_EXPORT jtbd_error* jtbd_score_options_set_design_file(
    jtbd_score_options* options, const char* path, size_t path_len);
/* Steps of the report's job-map coverage; 0 without a design (or NULL). */
JTBD_EXPORT size_t jtbd_report_coverage_step_count(const jtbd_report* report);
JTBD_EXPORT jtbd_error* jtbd_report_coverage_step(const jtbd_report* report,
                                                  size_t index,
                                                  jtbd_step_coverage* out);

/* ------------------------------------- designs of studies and aggregates */
/* A study or aggregate may carry a design (the same forms and checks as
 * jtbd_score_options_set_design): it is saved and loaded with the study's
 * or aggregate's file and bytes, passed from a study to its aggregates,
 * and attached with its coverage to every report jtbd_study_score and
 * jtbd_aggregate_score make, without giving it again. Aggregates with
 * different designs do not merge (JTBD_FAILED_PRECONDITION, into
 * unchanged); one without a design takes the other's. The design's own
 * fields are read through a jtbd_design copied out of a study, an
 * aggregate or a report. */
typedef struct jtbd_design jtbd_design;

/* The job type of a design; mirrors jtbd.v1.JobType. */
typedef enum jtbd_job_type {
  JTBD_JOB_TYPE_UNSPECIFIED = 0,
  JTBD_JOB_TYPE_FUNCTIONAL = 1,
  JTBD_JOB_TYPE_EMOTIONAL = 2,
  JTBD_JOB_TYPE_SOCIAL = 3
} jtbd_job_type;

/* The job of a design. Text points into the jtbd_design. */
typedef struct jtbd_design_job {
  size_t struct_size; /* sizeof(jtbd_design_job) (convention 8) */
  const char* id;
  size_t id_len;
  const char* statement; /* "" when the design states none */
  size_t statement_len;
  const char* executor;
  size_t executor_len;
  int32_t type; /* jtbd_job_type */
  size_t step_count; /* steps of the job map */
  size_t outcome_count; /* desired outcomes of the design */
} jtbd_design_job;

#define JTBD_DESIGN_JOB_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_design_job, outcome_count)

/* One step of a design's job map, in the order carried out. */
typedef struct jtbd_design_step {
  size_t struct_size; /* sizeof(jtbd_design_step) (convention 8) */
  const char* id;
  size_t id_len;
  const char* name; /* the display name given; "" when none */
  size_t name_len;
  int32_t universal_step; /* jtbd_universal_step */
  size_t outcome_count; /* the design's outcomes on this step */
} jtbd_design_step;

#define JTBD_DESIGN_STEP_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_design_step, outcome_count)

/* One desired outcome of a design, in the design's order. */
typedef struct jtbd_design_outcome {
  size_t struct_size; /* sizeof(jtbd_design_outcome) (convention 8) */
  const char* id;
  size_t id_len;
  const char* statement;
  size_t statement_len;
  const char* job_step_id; /* "" when on no step */
  size_t job_step_id_len;
} jtbd_design_outcome;

#define JTBD_DESIGN_OUTCOME_STRUCT_SIZE \
  JTBD_STRUCT_SIZE(jtbd_design_outcome, job_step_id_len)

/* The id lists of a report's job-map coverage. */
typedef enum jtbd_coverage_list {
  JTBD_COVERAGE_UNCOVERED_STEPS = 0,     /* steps with no outcome */
  JTBD_COVERAGE_UNASSIGNED_OUTCOMES = 1, /* outcomes on no step of the map */
  JTBD_COVERAGE_UNSCORED_OUTCOMES = 2    /* design outcomes not in the report */
} jtbd_coverage_list;

/* Threads (convention 10, checked by tests/capi/check_thread_docs.py):
 * - only read their objects, so they may run at the same time as other
 *   readers of those objects: jtbd_study_design, jtbd_aggregate_design,
 *   jtbd_report_design, jtbd_design_get_job, jtbd_design_get_step,
 *   jtbd_design_get_outcome, jtbd_report_coverage_list_count,
 *   jtbd_report_coverage_list_item.
 * - change an object, so nothing else may use that object meanwhile:
 *   jtbd_study_set_design, jtbd_study_set_design_file,
 *   jtbd_aggregate_set_design, jtbd_aggregate_set_design_file,
 *   jtbd_design_free.
 */
/* Sets the study's design from `size` bytes, read and checked as
 * jtbd_score_options_set_design reads them: JTBD_INVALID_ARGUMENT naming
 * source_name with the line and column, the study unchanged. Size 0 clears
 * it. */
JTBD_EXPORT jtbd_error* jtbd_study_set_design(jtbd_study* study,
                                              const char* data, size_t size,
                                              const char* source_name,
                                              size_t source_name_len);
/* The same from a file, read now (JTBD_NOT_FOUND when it is missing). */
JTBD_EXPORT jtbd_error* jtbd_study_set_design_file(jtbd_study* study,
                                                   const char* path,
                                                   size_t path_len);
/* The same for an aggregate. */
JTBD_EXPORT jtbd_error* jtbd_aggregate_set_design(jtbd_aggregate* aggregate,
                                                  const char* data,
                                                  size_t size,
                                                  const char* source_name,
                                                  size_t source_name_len);
JTBD_EXPORT jtbd_error* jtbd_aggregate_set_design_file(
    jtbd_aggregate* aggregate, const char* path, size_t path_len);
/* A copy of the design the study, aggregate or report carries, to free with
 * jtbd_design_free; *out = NULL when it carries none. */
JTBD_EXPORT jtbd_error* jtbd_study_design(const jtbd_study* study,
                                          jtbd_design** out);
JTBD_EXPORT jtbd_error* jtbd_aggregate_design(const jtbd_aggregate* aggregate,
                                              jtbd_design** out);
JTBD_EXPORT jtbd_error* jtbd_report_design(const jtbd_report* report,
                                           jtbd_design** out);
JTBD_EXPORT void jtbd_design_free(jtbd_design* design);
/* The job, and the steps and outcomes by index (JTBD_OUT_OF_RANGE past
 * jtbd_design_job's step_count and outcome_count). */
JTBD_EXPORT jtbd_error* jtbd_design_get_job(const jtbd_design* design,
                                        jtbd_design_job* out);
JTBD_EXPORT jtbd_error* jtbd_design_get_step(const jtbd_design* design,
                                         size_t index, jtbd_design_step* out);
JTBD_EXPORT jtbd_error* jtbd_design_get_outcome(const jtbd_design* design,
                                            size_t index,
                                            jtbd_design_outcome* out);
/* The ids in one list of the report's job-map coverage (a
 * jtbd_coverage_list), in design order; 0 without a design, for NULL or an
 * unknown list. Item `index`'s text points into the report. */
JTBD_EXPORT size_t jtbd_report_coverage_list_count(const jtbd_report* report,
                                                   int32_t list);
JTBD_EXPORT jtbd_error* jtbd_report_coverage_list_item(
    const jtbd_report* report, int32_t list, size_t index, const char** id,
    size_t* id_len);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* JTBD_JTBD_H_ */
