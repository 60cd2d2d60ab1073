#ifndef JTBD_IO_SURVEY_READER_H_
#define JTBD_IO_SURVEY_READER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "core/aggregate.h"
#include "core/resource_limits.h"
#include "core/scale.h"
#include "core/segmented_scoring.h"
#include "core/study.h"
#include "io/rating_labels.h"
#include "io/text_encoding.h"
#include "jtbd/v1/survey_map.pb.h"

namespace jtbd {

// The layouts a survey file may come in; kAuto detects it from the header.
enum class InputFormat {
  kAuto,
  kLong,
  kWide,
  kQualtrics,  // the three-row layout or the legacy two-row one
  kSurveyMonkey,
  kGoogleForms,
  kTypeform,
};

// "auto", "long", "wide", "qualtrics", "surveymonkey", "google-forms",
// "typeform"; and back (false for an unknown name).
const char* InputFormatName(InputFormat format);
bool ParseInputFormat(absl::string_view name, InputFormat* format);
// "long", "wide", "qualtrics", "qualtrics-legacy", ...; "unspecified".
const char* SurveyFormatName(v1::SurveyFormat format);

// How far a read has come, for progress reports.
struct ReadProgress {
  size_t bytes_read;
  size_t bytes_total;
  size_t rows;  // answer rows (header rows not counted)
};

// How a survey file is read.
struct ReadOptions {
  Scale scale;  // the scale answers must lie on (default 1-5, top box 4)
  InputFormat format = InputFormat::kAuto;
  // The questions that hold importance and satisfaction ratings, when their
  // text does not say (Qualtrics: the question id "Q2" or ImportId "QID2";
  // SurveyMonkey, Google Forms, Typeform: the question text). Several may
  // be given: their rows are concatenated in the order given.
  std::vector<std::string> importance_questions;
  std::vector<std::string> satisfaction_questions;
  // Answer labels beyond the built-in ones; they take precedence.
  RatingLabels labels;
  // When set, says which column is what and replaces detection (format,
  // importance_questions and satisfaction_questions are then unused).
  absl::optional<v1::SurveyMap> survey_map;
  std::string survey_map_source;  // names the map in messages
  // A column (named as in a survey map) of respondent weights; empty: none.
  std::string weight_column;
  // A column (named as in a survey map) of survey durations in seconds
  // (non-negative numbers; blank: unknown), for screening; empty: the
  // detected one (Qualtrics "Duration (in seconds)"; long and wide layouts:
  // a column named duration or duration_seconds), if any.
  std::string duration_column;
  // Called every few thousand rows and once at the end; may be empty.
  std::function<void(const ReadProgress&)> progress;
  // Bounds on what one file may make the reader allocate (docs/LIMITS.md);
  // exceeding one is RESOURCE_EXHAUSTED.
  ResourceLimits limits;
};

// The columns of a survey file and what each is: what detection found or a
// survey map said. Column numbers are 0-based here.
struct SurveyLayout {
  v1::SurveyFormat format = v1::SURVEY_FORMAT_UNSPECIFIED;
  size_t header_rows = 1;
  // Per column (trailing empty columns left out): the name errors show, and
  // the reference a survey map uses (the first-row header, or "#<n>" when
  // that is blank or repeated).
  std::vector<std::string> headers;
  std::vector<std::string> references;

  ptrdiff_t respondent_column = -1;  // -1: respondents numbered by row
  struct OutcomeColumns {
    std::string id;
    std::string statement;
    size_t importance;
    size_t satisfaction;  // both unused in the long layout
  };
  std::vector<OutcomeColumns> outcomes;
  struct AttributeColumn {
    size_t column;
    std::string name;
  };
  std::vector<AttributeColumn> attributes;
  ptrdiff_t weight_column = -1;
  ptrdiff_t duration_column = -1;  // -1: none

  bool long_layout = false;
  size_t outcome_column = 0;
  size_t importance_column = 0;
  size_t satisfaction_column = 0;
  ptrdiff_t statement_column = -1;
  ptrdiff_t job_step_column = -1;
  // Long layout: the column naming the competing solution a row rates
  // (docs/SCORING.md, "Competing solutions"); -1: none.
  ptrdiff_t solution_column = -1;
  // Wide-like layouts: the columns of competing solutions' satisfaction.
  struct SolutionColumn {
    std::string solution;  // the name as first spelled
    size_t outcome;        // index in outcomes
    size_t column;
  };
  std::vector<SolutionColumn> solution_columns;

  // The questions read as importance and as satisfaction ("Q2 ..."), for
  // people; empty for long, wide and mapped layouts.
  std::vector<std::string> importance_questions;
  std::vector<std::string> satisfaction_questions;
  std::vector<size_t> ignored_columns;
};

// What a read found out about a file, filled as far as the read got: the
// layout is known once the header rows were understood, even when a later
// row is refused.
struct SurveyInspection {
  TextEncoding encoding = TextEncoding::kUtf8;
  char separator = ',';
  bool layout_known = false;
  SurveyLayout layout;
  size_t rows = 0;  // answer rows read
  // Segmented aggregate reads: the respondent attributes some row gives a
  // value, in the order first given (Study::attribute_names() of the same
  // file), also when the segment attribute is not among them.
  std::vector<std::string> attributes_given;
};

// The layout as an editable survey map (columns by reference).
v1::SurveyMap SurveyLayoutToMap(const SurveyLayout& layout);

// Reads a survey export into a Study. Its layout is detected from the
// header unless options force one or a survey map gives it:
//   long: respondent (or respondent_id, id, subject), outcome, importance,
//     satisfaction; optional statement and job_step columns describe
//     outcomes; every other column is a respondent attribute.
//   wide: imp_<id>/sat_<id> pairs, the respondent id from respondent_id,
//     respondent, id or subject (else the row number), every other column
//     an attribute; sat_<solution>__<id> (or the plugin's
//     sat_<solution>_<id> when only one split names a known id) rates a
//     competing solution; ambiguous headers are refused.
//   long: an optional solution column: rows naming a solution carry its
//     satisfaction and no importance.
//   Qualtrics, SurveyMonkey, Google Forms, Typeform: see the README
//     ("Survey exports"); matrix rows of the importance question(s) pair, in
//     order, with those of the satisfaction question(s); outcome ids are
//     o1, o2, ... in that order, statements from the row labels.
// Dialects: UTF-8 with or without BOM, UTF-16 (Excel "Unicode text"), CRLF,
// separator ',' ';' or TAB (from the header line), no-break spaces around
// cells, trailing empty columns. Ratings: numbers, labels (RatingLabels),
// no-answer words and negative recodes as no answer.
// Strict: any refusal is INVALID_ARGUMENT (NOT_FOUND for a missing file) with
// a message of the form
//   <source>: line <L>, column <C> ("<header>"): <what is wrong>
// where L is the line where the offending record starts and C the 1-based
// field number. Nothing half-read is ever returned. `inspection` (may be
// null) receives what was detected, also on failure.
absl::StatusOr<Study> ReadSurveyCsv(absl::string_view data,
                                    absl::string_view source_name,
                                    const ReadOptions& options,
                                    SurveyInspection* inspection = nullptr);
absl::StatusOr<Study> ReadSurveyCsvFile(const std::string& path,
                                        const ReadOptions& options,
                                        SurveyInspection* inspection = nullptr);

// The same read into the aggregate that scoring needs (per outcome, the
// joint importance x satisfaction table; weighted when a weight differs
// from 1), without keeping respondents: for wide-like layouts (all but the
// long one) memory does not grow with the rows, apart from 16 bytes per
// respondent id to refuse repeats. Equal to ReadSurveyCsv(...)
// ->ToAggregate(); the long layout is read that way. Attributes are not
// kept: segments come from ReadSurveyCsvSegmentedAggregate below.
absl::StatusOr<Aggregate> ReadSurveyCsvAggregate(
    absl::string_view data, absl::string_view source_name,
    const ReadOptions& options, SurveyInspection* inspection = nullptr);
absl::StatusOr<Aggregate> ReadSurveyCsvFileAggregate(
    const std::string& path, const ReadOptions& options,
    SurveyInspection* inspection = nullptr);

// At most this many distinct values of the attribute to segment by in a
// segmented aggregate read (each costs a set of tables).
constexpr size_t kMaxSegmentValues = 10000;

// The same single pass for segmented scoring (Study::Score with
// segment_by): each row feeds the whole-sample aggregate and the aggregate
// of its value of the attribute segment_by (trimmed; a row without a value
// counts as unsegmented), weights and competing solutions included. For
// wide-like layouts memory grows with the number of distinct values, not
// with the rows; the long layout goes through a Study. Equal to
// ReadSurveyCsv(...)->ToSegmentedAggregate(segment_by), so that
// ScoreSegmentedAggregate gives Study::Score's report. Read errors first;
// then NOT_FOUND, with Study::Score's message, when no row has a value of
// the attribute; RESOURCE_EXHAUSTED naming the line and column of the
// value past kMaxSegmentValues.
absl::StatusOr<SegmentedAggregate> ReadSurveyCsvSegmentedAggregate(
    absl::string_view data, absl::string_view source_name,
    const ReadOptions& options, absl::string_view segment_by,
    SurveyInspection* inspection = nullptr);
absl::StatusOr<SegmentedAggregate> ReadSurveyCsvFileSegmentedAggregate(
    const std::string& path, const ReadOptions& options,
    absl::string_view segment_by, SurveyInspection* inspection = nullptr);

// A survey map from proto3 JSON (unknown fields refused, so that a typo is
// not silently ignored); errors name the source. The text is held to
// `limits` (max_request_bytes, max_json_depth: CheckMapLimits) before
// protobuf parses it.
absl::StatusOr<v1::SurveyMap> ParseSurveyMapJson(
    absl::string_view json, absl::string_view source_name,
    const ResourceLimits& limits = ResourceLimits());
// The same from a file, mapped rather than copied, so that an oversized
// file is refused before it is read.
absl::StatusOr<v1::SurveyMap> ReadSurveyMapFile(
    const std::string& path, const ResourceLimits& limits = ResourceLimits());
// The map as indented proto3 JSON (lowerCamelCase names, as parsers of
// proto3 JSON expect; the snake_case names are accepted back too).
std::string SurveyMapToJson(const v1::SurveyMap& map);

}  // namespace jtbd

#endif  // JTBD_IO_SURVEY_READER_H_
