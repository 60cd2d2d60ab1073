// jtbd.hpp - the C++ API of libjtbd: a header-only RAII layer over jtbd.h.
//
// Why a layer over the C ABI rather than the C++ core: the core's types
// (Abseil, protobuf) are private to libjtbd.so, so this header depends only
// on jtbd.h and the standard library, and a program built with it keeps
// working with any libjtbd.so.1.
//
// Conventions
//  1. Owning classes (Study, Aggregate, SegmentModel) are move-only and
//     release their native handle in the destructor; Limits copies. A
//     moved-from object is empty: its counts are 0 and any other call throws
//     Error(JTBD_INVALID_ARGUMENT). native() hands out the handle, still
//     owned: a const pointer from a const object.
//  2. Failures throw jtbd::Error, carrying the jtbd_code and the message.
//  3. Results are plain C++ values (Report, OutcomeScore, std::string).
//     A Report also keeps the immutable native report it was read from
//     (shared between copies) so it can still be rendered; it is safe to
//     copy and to use from several threads at once.
//  4. Text parameters (paths included) are std::string_view and may hold
//     any UTF-8 bytes.
//  5. An option left unset (std::nullopt, an empty string or list) takes
//     the library's default, which this header never restates: jtbd.h
//     documents each one. (Option members are initialized, to nullopt, so
//     that `Score({"segment"})` compiles without -Wextra warnings.)
//  6. Every class that can be stored is saved and loaded the same way:
//     static Load(path) / Save(path) for files, static Parse(bytes) /
//     Serialize() for bytes.
//  7. Counts of respondents are uint64_t, counts of outcomes, segments and
//     other items size_t (as in jtbd.h).
#ifndef JTBD_JTBD_HPP_
#define JTBD_JTBD_HPP_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jtbd/jtbd.h"

namespace jtbd {

// --------------------------------------------------------------- errors

// A failed call: code() is a jtbd_code (equal to absl::StatusCode), what()
// reads "INVALID_ARGUMENT: <message>".
class Error : public std::runtime_error {
 public:
  Error(int32_t code, const std::string& message)
      : std::runtime_error(std::string(jtbd_code_name(code)) + ": " + message),
        code_(code),
        message_(message) {}

  int32_t code() const noexcept { return code_; }
  // The message alone, without the code name.
  const std::string& message() const noexcept { return message_; }
  // "INVALID_ARGUMENT", ...
  const char* code_name() const noexcept { return jtbd_code_name(code_); }

 private:
  int32_t code_;
  std::string message_;
};

namespace internal {

struct ErrorFree {
  void operator()(jtbd_error* error) const noexcept { jtbd_error_free(error); }
};
struct BufferFree {
  void operator()(jtbd_buffer* buffer) const noexcept {
    jtbd_buffer_free(buffer);
  }
};
struct StudyDestroy {
  void operator()(jtbd_study* study) const noexcept {
    jtbd_study_destroy(study);
  }
};
struct AggregateDestroy {
  void operator()(jtbd_aggregate* aggregate) const noexcept {
    jtbd_aggregate_destroy(aggregate);
  }
};
struct ReportDestroy {
  void operator()(const jtbd_report* report) const noexcept {
    jtbd_report_destroy(const_cast<jtbd_report*>(report));
  }
};
struct ReadOptionsDestroy {
  void operator()(jtbd_read_options* options) const noexcept {
    jtbd_read_options_destroy(options);
  }
};
struct LimitsDestroy {
  void operator()(jtbd_limits* limits) const noexcept {
    jtbd_limits_destroy(limits);
  }
};
struct ScoreOptionsDestroy {
  void operator()(jtbd_score_options* options) const noexcept {
    jtbd_score_options_destroy(options);
  }
};

// Throws the error (after freeing it) when the call failed.
inline void Check(jtbd_error* raw) {
  if (raw == nullptr) return;
  std::unique_ptr<jtbd_error, ErrorFree> error(raw);
  size_t length = 0;
  const char* text = jtbd_error_message(error.get(), &length);
  throw Error(jtbd_error_code(error.get()), std::string(text, length));
}

// Takes ownership of a buffer and copies its bytes out.
inline std::string TakeBuffer(jtbd_buffer* raw) {
  std::unique_ptr<jtbd_buffer, BufferFree> buffer(raw);
  const auto* data = reinterpret_cast<const char*>(jtbd_buffer_data(raw));
  return std::string(data == nullptr ? "" : data, jtbd_buffer_size(raw));
}

}  // namespace internal

// ----------------------------------------------------------------- version

// The library's version, which may be newer than this header's
// JTBD_VERSION_NUMBER (a 1.x library serves every 1.y header with y <= x).
inline uint32_t version_number() { return jtbd_version_number(); }
// "1.0.0".
inline const char* version() { return jtbd_version_string(); }

// ------------------------------------------------------------------- bands

// Mirrors jtbd_band (and jtbd.v1.Band) value for value.
enum class Band : int32_t {
  kUnspecified = JTBD_BAND_UNSPECIFIED,
  kExtreme = JTBD_BAND_EXTREME,
  kHigh = JTBD_BAND_HIGH,
  kUnderserved = JTBD_BAND_UNDERSERVED,
  kAppropriatelyServed = JTBD_BAND_APPROPRIATELY_SERVED,
  kOverserved = JTBD_BAND_OVERSERVED,
  kTableStakes = JTBD_BAND_TABLE_STAKES,
  kInsufficientData = JTBD_BAND_INSUFFICIENT_DATA,
};

// "extreme", "high", ..., "insufficient_data"; "unspecified" otherwise.
inline const char* BandName(Band band) {
  return jtbd_band_name(static_cast<int32_t>(band));
}

// Mirrors jtbd_format.
enum class Format : int32_t {
  kTable = JTBD_FORMAT_TABLE,       // aligned text, scores to 1 decimal
  kJson = JTBD_FORMAT_JSON,         // protobuf JSON of jtbd.v1.Report
  kCsv = JTBD_FORMAT_CSV,           // one row per (segment, outcome)
  kProtobuf = JTBD_FORMAT_PROTOBUF  // serialized jtbd.v1.Report
};

// For the spreadsheet that opens a rendered CSV (jtbd_csv_restyle).
struct CsvStyle {
  char separator = ',';        // ',', ';' or '\t'
  bool decimal_comma = false;  // 1,5 for 1.5; needs a separator other than ','
  bool byte_order_mark = false;  // UTF-8 BOM first, for Excel
};

// A CSV any Render(Format::kCsv) returned, restyled; throws jtbd::Error
// (JTBD_INVALID_ARGUMENT) for an impossible style.
inline std::string RestyleCsv(const std::string& csv, const CsvStyle& style) {
  jtbd_buffer* buffer = nullptr;
  internal::Check(jtbd_csv_restyle(csv.data(), csv.size(), style.separator,
                                   style.decimal_comma ? 1 : 0,
                                   style.byte_order_mark ? 1 : 0, &buffer));
  return internal::TakeBuffer(buffer);
}

// ----------------------------------------------------------------- options

// Mirrors jtbd_input_format: the layouts a survey file may come in.
enum class InputFormat : int32_t {
  kAuto = JTBD_INPUT_FORMAT_AUTO,  // detected from the header
  kLong = JTBD_INPUT_FORMAT_LONG,
  kWide = JTBD_INPUT_FORMAT_WIDE,
  kQualtrics = JTBD_INPUT_FORMAT_QUALTRICS,
  kSurveyMonkey = JTBD_INPUT_FORMAT_SURVEYMONKEY,
  kGoogleForms = JTBD_INPUT_FORMAT_GOOGLE_FORMS,
  kTypeform = JTBD_INPUT_FORMAT_TYPEFORM,
};

// Mirrors jtbd_limit: what a Limits bounds.
enum class Limit : int32_t {
  kRecordBytes = JTBD_LIMIT_RECORD_BYTES,    // bytes of one CSV record
  kColumns = JTBD_LIMIT_COLUMNS,             // fields of one CSV record
  kOutcomes = JTBD_LIMIT_OUTCOMES,           // outcomes of one study
  kRespondents = JTBD_LIMIT_RESPONDENTS,     // respondents of one study
  kRequestBytes = JTBD_LIMIT_REQUEST_BYTES,  // a request, survey or label map
  kJsonDepth = JTBD_LIMIT_JSON_DEPTH,        // nesting of JSON (only lowered)
  // Bootstrap resamples a request may ask for (ScoreRequest[Json]).
  kBootstrapResamples = JTBD_LIMIT_BOOTSTRAP_RESAMPLES,
};

// Bounds on what one input may make the library allocate (jtbd_limits,
// docs/LIMITS.md): an input over one throws an Error whose code() is
// JTBD_RESOURCE_EXHAUSTED, naming the limit. A new Limits holds the
// library's defaults; Set changes one (0, an unknown limit or a value above
// the limit's ceiling throw JTBD_INVALID_ARGUMENT and change nothing).
class Limits {
 public:
  Limits() {
    jtbd_limits* raw = nullptr;
    internal::Check(jtbd_limits_create(&raw));
    handle_.reset(raw);
  }
  // Copies every limit this header knows.
  Limits(const Limits& other) : Limits() {
    for (Limit limit : kKnown) Set(limit, other.Get(limit));
  }
  Limits& operator=(const Limits& other) {
    if (this != &other) {
      Limits copy(other);
      handle_.swap(copy.handle_);
    }
    return *this;
  }
  Limits(Limits&&) noexcept = default;
  Limits& operator=(Limits&&) noexcept = default;

  Limits& Set(Limit limit, uint64_t value) {
    internal::Check(
        jtbd_limits_set(handle_.get(), static_cast<int32_t>(limit), value));
    return *this;
  }
  uint64_t Get(Limit limit) const {
    uint64_t value = 0;
    internal::Check(
        jtbd_limits_get(handle_.get(), static_cast<int32_t>(limit), &value));
    return value;
  }

  // The native handle, still owned by this object (NULL when moved from).
  const jtbd_limits* native() const noexcept { return handle_.get(); }
  jtbd_limits* native() noexcept { return handle_.get(); }

 private:
  static constexpr Limit kKnown[] = {
      Limit::kRecordBytes,       Limit::kColumns,      Limit::kOutcomes,
      Limit::kRespondents,       Limit::kRequestBytes, Limit::kJsonDepth,
      Limit::kBootstrapResamples};
  std::unique_ptr<jtbd_limits, internal::LimitsDestroy> handle_;
};

// A rating scale: answers lie on min..max, top_box_min..max count as top
// box (jtbd_read_options_set_scale).
struct Scale {
  int32_t min = 0;
  int32_t max = 0;
  int32_t top_box_min = 0;
};

// How survey files are read (see the jtbd_read_options_* functions). Unset
// fields take the library's defaults (convention 5).
struct ReadOptions {
  std::optional<Scale> scale = std::nullopt;
  std::optional<InputFormat> input_format = std::nullopt;  // unset: detected
  // Qualtrics question ids ("Q2"), ImportIds ("QID2") or question texts;
  // rows of several pair in order.
  std::vector<std::string> importance_questions;
  std::vector<std::string> satisfaction_questions;
  // A label map (CSV label,rating[,kind] or JSON), as text or a file.
  std::string labels;
  std::string labels_file;
  // A survey map (jtbd.v1.SurveyMap as JSON), as text or a file.
  std::string survey_map;
  std::string survey_map_file;
  // A column of respondent weights (empty: none).
  std::string weight_column;
  // A column of survey durations in seconds (empty: detected).
  std::string duration_column;
  // Statements and job steps of the outcomes (CSV: id, statement,
  // job_step), as text or a file; every read with these options describes
  // the outcomes it read.
  std::string outcome_descriptions;
  std::string outcome_descriptions_file;
  // What the file and the maps above are held to, whatever was set first.
  std::optional<Limits> limits = std::nullopt;
};

// Mirrors jtbd_p_value_adjustment: how segment-vs-rest tests are adjusted,
// per measure across segments x outcomes.
enum class PValueAdjustment : int32_t {
  kUnspecified = JTBD_P_VALUE_ADJUSTMENT_UNSPECIFIED,  // Holm's
  kHolm = JTBD_P_VALUE_ADJUSTMENT_HOLM,                // family-wise error rate
  kBh = JTBD_P_VALUE_ADJUSTMENT_BH,  // Benjamini-Hochberg: false discoveries
};

// Mirrors jtbd_opportunity_interval_method: how
// OutcomeScore::opportunity_interval is computed.
enum class OpportunityIntervalMethod : int32_t {
  kUnspecified = JTBD_OPPORTUNITY_INTERVAL_METHOD_UNSPECIFIED,
  // Ulwick's opportunity, valid where importance is close to satisfaction.
  kMomentSelection = JTBD_OPPORTUNITY_INTERVAL_METHOD_MOMENT_SELECTION,
  kBootstrapPercentile =
      JTBD_OPPORTUNITY_INTERVAL_METHOD_BOOTSTRAP_PERCENTILE,  // Olsen's
  kDelta = JTBD_OPPORTUNITY_INTERVAL_METHOD_DELTA,  // Olsen's, no bootstrap
};

// Mirrors jtbd_score_method (and jtbd.v1.ScoreMethod): how importance,
// satisfaction and opportunity are computed. Ulwick's is the default.
enum class ScoreMethod : int32_t {
  kUnspecified = JTBD_SCORE_METHOD_UNSPECIFIED,  // Ulwick's
  kUlwick = JTBD_SCORE_METHOD_ULWICK,            // top-two-box, 0-20
  kMean = JTBD_SCORE_METHOD_MEAN,                // rescaled mean ratings
  kOlsen = JTBD_SCORE_METHOD_OLSEN,              // I x (1 - S), 0-1
  kTopBoxOnly = JTBD_SCORE_METHOD_TOP_BOX_ONLY,  // the highest rating only
};

namespace internal {

// Native read options from ReadOptions (Study::ReadCsv, Aggregate::ReadCsv);
// the setters may come in any order (jtbd.h).
inline std::unique_ptr<jtbd_read_options, ReadOptionsDestroy> NewReadOptions(
    const ReadOptions& options) {
  jtbd_read_options* raw = nullptr;
  Check(jtbd_read_options_create(&raw));
  std::unique_ptr<jtbd_read_options, ReadOptionsDestroy> owned(raw);
  if (options.scale.has_value()) {
    Check(jtbd_read_options_set_scale(raw, options.scale->min,
                                      options.scale->max,
                                      options.scale->top_box_min));
  }
  if (options.input_format.has_value()) {
    Check(jtbd_read_options_set_input_format(
        raw, static_cast<int32_t>(*options.input_format)));
  }
  for (const std::string& question : options.importance_questions) {
    Check(jtbd_read_options_add_importance_question(raw, question.data(),
                                                    question.size()));
  }
  for (const std::string& question : options.satisfaction_questions) {
    Check(jtbd_read_options_add_satisfaction_question(raw, question.data(),
                                                      question.size()));
  }
  if (!options.labels.empty()) {
    Check(jtbd_read_options_set_labels(raw, options.labels.data(),
                                       options.labels.size(), "labels", 6));
  }
  if (!options.labels_file.empty()) {
    Check(jtbd_read_options_set_labels_file(raw, options.labels_file.data(),
                                            options.labels_file.size()));
  }
  if (!options.survey_map.empty()) {
    Check(jtbd_read_options_set_survey_map(raw, options.survey_map.data(),
                                           options.survey_map.size(),
                                           "survey map", 10));
  }
  if (!options.survey_map_file.empty()) {
    Check(jtbd_read_options_set_survey_map_file(
        raw, options.survey_map_file.data(), options.survey_map_file.size()));
  }
  if (!options.weight_column.empty()) {
    Check(jtbd_read_options_set_weight_column(raw, options.weight_column.data(),
                                              options.weight_column.size()));
  }
  if (!options.duration_column.empty()) {
    Check(jtbd_read_options_set_duration_column(
        raw, options.duration_column.data(), options.duration_column.size()));
  }
  if (!options.outcome_descriptions.empty()) {
    Check(jtbd_read_options_set_outcome_descriptions(
        raw, options.outcome_descriptions.data(),
        options.outcome_descriptions.size(), "outcome descriptions", 20));
  }
  if (!options.outcome_descriptions_file.empty()) {
    Check(jtbd_read_options_set_outcome_descriptions_file(
        raw, options.outcome_descriptions_file.data(),
        options.outcome_descriptions_file.size()));
  }
  if (options.limits.has_value()) {
    Check(jtbd_read_options_set_limits(raw, options.limits->native()));
  }
  return owned;
}

}  // namespace internal

// How a study (or an aggregate) is scored (see the jtbd_score_options_*
// functions). Unset fields take the library's defaults (convention 5).
struct ScoreOptions {
  // When not empty, also score each distinct non-empty value of this
  // respondent attribute as a segment (studies only).
  std::string segment_by;
  // Of every interval, strictly between 0 and 1; segment comparisons test
  // at alpha = 1 - confidence_level.
  std::optional<double> confidence_level = std::nullopt;
  // Per outcome, for the opportunity interval and P(opportunity >= 10);
  // 0 turns the bootstrap off.
  std::optional<uint32_t> bootstrap_resamples = std::nullopt;
  // The same seed gives the same intervals.
  std::optional<uint64_t> seed = std::nullopt;
  std::optional<ScoreMethod> method = std::nullopt;
  // How the segment tests are adjusted for their number.
  std::optional<PValueAdjustment> p_value_adjustment = std::nullopt;
  // Screening of inattentive respondents (docs/SCORING.md, "Screening";
  // studies only): flagged when enabled, left out of the scores with
  // exclude; off unless enabled.
  struct Screening {
    bool enabled = false;
    bool exclude = false;
    std::optional<uint32_t> min_ratings = std::nullopt;
    std::optional<double> speed_fraction = std::nullopt;
    std::optional<double> min_seconds = std::nullopt;  // replaces the fraction
    std::optional<double> max_blank_share = std::nullopt;
  };
  Screening screening = {};
  // A study design (docs/SCORING.md, "Job-map coverage"): CSV, or a
  // jtbd.v1.StudyDesign in protobuf JSON or binary, as `jtbd score
  // --design` reads it; attached by ScoreSurvey with the report's job-map
  // coverage (Report::coverage). design_source names it in errors. Empty:
  // none.
  std::string design;
  std::string design_source = "design";
};

namespace internal {

// The native options for `options` (refused values throw Error).
inline std::unique_ptr<jtbd_score_options, ScoreOptionsDestroy>
MakeScoreOptions(const ScoreOptions& options) {
  jtbd_score_options* raw = nullptr;
  Check(jtbd_score_options_create(&raw));
  std::unique_ptr<jtbd_score_options, ScoreOptionsDestroy> owned(raw);
  Check(jtbd_score_options_set_segment_by(raw, options.segment_by.data(),
                                          options.segment_by.size()));
  if (options.confidence_level.has_value()) {
    Check(jtbd_score_options_set_confidence_level(raw,
                                                  *options.confidence_level));
  }
  if (options.bootstrap_resamples.has_value()) {
    Check(jtbd_score_options_set_bootstrap_resamples(
        raw, *options.bootstrap_resamples));
  }
  if (options.seed.has_value()) {
    Check(jtbd_score_options_set_seed(raw, *options.seed));
  }
  if (options.method.has_value()) {
    Check(jtbd_score_options_set_method(raw,
                                        static_cast<int32_t>(*options.method)));
  }
  if (options.p_value_adjustment.has_value()) {
    Check(jtbd_score_options_set_p_value_adjustment(
        raw, static_cast<int32_t>(*options.p_value_adjustment)));
  }
  if (!options.design.empty()) {
    Check(jtbd_score_options_set_design(
        raw, options.design.data(), options.design.size(),
        options.design_source.data(), options.design_source.size()));
  }
  const ScoreOptions::Screening& screening = options.screening;
  if (screening.enabled || screening.exclude) {
    Check(jtbd_score_options_set_screening(raw, screening.enabled ? 1 : 0,
                                           screening.exclude ? 1 : 0));
  }
  if (screening.min_ratings.has_value()) {
    Check(jtbd_score_options_set_screening_min_ratings(raw,
                                                       *screening.min_ratings));
  }
  if (screening.speed_fraction.has_value()) {
    Check(jtbd_score_options_set_screening_speed_fraction(
        raw, *screening.speed_fraction));
  }
  if (screening.min_seconds.has_value()) {
    Check(jtbd_score_options_set_screening_min_seconds(raw,
                                                       *screening.min_seconds));
  }
  if (screening.max_blank_share.has_value()) {
    Check(jtbd_score_options_set_screening_max_blank_share(
        raw, *screening.max_blank_share));
  }
  return owned;
}

}  // namespace internal

// ----------------------------------------------------------------- results

// A two-sided confidence interval at the report's confidence level.
struct Interval {
  double low = 0;
  double high = 0;
};

// A test of a segment against the rest (see jtbd_significance_test).
struct SignificanceTest {
  double z = 0;
  double p_value = 0;
  double holm_adjusted_p_value = 0;
  // What the finding is decided on: for segment comparisons the p-value
  // adjusted as the report says (Holm's or Benjamini-Hochberg's), else
  // Holm's.
  double adjusted_p_value = 0;
};

// One competing solution on one outcome (see jtbd_solution_score;
// docs/SCORING.md, "Competing solutions").
struct SolutionScore {
  std::string solution;
  uint64_t count = 0;  // respondents who rated it on this outcome
  uint64_t top_box_count = 0;
  uint64_t both_count = 0;  // who also rated our satisfaction
  // Empty when nobody rated it: 10 x top-box share among its raters, with
  // its Wilson interval.
  std::optional<double> satisfaction;
  std::optional<Interval> satisfaction_interval;
  std::optional<double> effective_count;  // weighted reports
  // Extension, not ODI: importance + max(importance - satisfaction, 0).
  std::optional<double> opportunity;
  std::optional<double> satisfaction_gap;  // its satisfaction minus ours
  std::optional<SignificanceTest> satisfaction_gap_test;  // not adjusted
};

// Mirrors jtbd_warning_code: what a warning is about.
enum class WarningCode : int32_t {
  kUnspecified = JTBD_WARNING_CODE_UNSPECIFIED,
  kSmallSample = JTBD_WARNING_CODE_SMALL_SAMPLE,      // fewer than 30
  kBandUncertain = JTBD_WARNING_CODE_BAND_UNCERTAIN,  // 10, 12, 15 inside
  kNoSubstantialStructure = JTBD_WARNING_CODE_NO_SUBSTANTIAL_STRUCTURE,
  kScreeningFlaggedMany = JTBD_WARNING_CODE_SCREENING_FLAGGED_MANY,
};

// A caution about a figure (see jtbd_warning).
// One step of a report's job-map coverage (jtbd_step_coverage).
struct StepCoverage {
  std::string step_id;
  std::string name;
  int32_t universal_step = 0;  // jtbd_universal_step; 0 for a custom step
  uint32_t outcome_count = 0;
  uint32_t scored_outcome_count = 0;
  uint32_t underserved_count = 0;  // bands extreme, high, underserved
  uint32_t overserved_count = 0;
  bool all_underserved = false;
  bool all_overserved = false;
  bool most_opportunity = false;  // the largest opportunity_excess
  double opportunity_excess = 0;  // sum of max(opportunity - 10, 0)
  std::optional<double> max_opportunity;
  std::string top_outcome_id;
};

// A study design as the library checked it (jtbd_design_job, _step,
// _outcome): the job, its job map's steps in order, its desired outcomes.
struct DesignStep {
  std::string id;
  std::string name;            // empty when none was given
  int32_t universal_step = 0;  // jtbd_universal_step; 0 for a custom step
  size_t outcome_count = 0;    // the design's outcomes on this step
};
struct DesignOutcome {
  std::string id;
  std::string statement;
  std::string job_step_id;  // empty when on no step
};
struct DesignContents {
  std::string job_id;
  std::string job_statement;
  std::string executor;
  int32_t job_type = 0;  // jtbd_job_type
  std::vector<DesignStep> steps;
  std::vector<DesignOutcome> outcomes;
};

namespace internal {
// Reads and frees the design a getter copied out (nullopt for NULL).
inline std::optional<DesignContents> TakeDesign(jtbd_design* raw) {
  if (raw == nullptr) return std::nullopt;
  std::unique_ptr<jtbd_design, void (*)(jtbd_design*)> owned(raw,
                                                             jtbd_design_free);
  DesignContents out;
  jtbd_design_job job = {};
  job.struct_size = sizeof(job);
  Check(jtbd_design_get_job(raw, &job));
  out.job_id.assign(job.id, job.id_len);
  out.job_statement.assign(job.statement, job.statement_len);
  out.executor.assign(job.executor, job.executor_len);
  out.job_type = job.type;
  for (size_t i = 0; i < job.step_count; ++i) {
    jtbd_design_step step = {};
    step.struct_size = sizeof(step);
    Check(jtbd_design_get_step(raw, i, &step));
    out.steps.push_back(DesignStep{std::string(step.id, step.id_len),
                                   std::string(step.name, step.name_len),
                                   step.universal_step, step.outcome_count});
  }
  for (size_t i = 0; i < job.outcome_count; ++i) {
    jtbd_design_outcome outcome = {};
    outcome.struct_size = sizeof(outcome);
    Check(jtbd_design_get_outcome(raw, i, &outcome));
    out.outcomes.push_back(DesignOutcome{
        std::string(outcome.id, outcome.id_len),
        std::string(outcome.statement, outcome.statement_len),
        std::string(outcome.job_step_id, outcome.job_step_id_len)});
  }
  return out;
}
}  // namespace internal

struct Warning {
  WarningCode code = WarningCode::kUnspecified;
  std::string message;     // one plain English sentence
  std::string outcome_id;  // empty when about a segment or the whole report
  std::string segment;     // empty for the whole sample
  std::optional<double> value;  // the count, share or silhouette behind it
};

namespace internal {
inline Warning ConvertWarning(const jtbd_warning& w) {
  Warning out;
  out.code = static_cast<WarningCode>(w.code);
  out.message.assign(w.message, w.message_len);
  out.outcome_id.assign(w.outcome_id, w.outcome_id_len);
  out.segment.assign(w.segment, w.segment_len);
  if ((w.has & JTBD_WARNING_HAS_VALUE) != 0) out.value = w.value;
  return out;
}
}  // namespace internal

// One outcome's scores (see jtbd_outcome_score).
struct OutcomeScore {
  std::string outcome_id;
  std::string statement;
  double importance = 0;    // 10 x top-box share of importance ratings
  double satisfaction = 0;  // 10 x top-box share of satisfaction ratings
  double opportunity = 0;   // importance + max(importance - satisfaction, 0)
  Band band = Band::kUnspecified;
  uint32_t rank = 0;  // 1 = largest opportunity; 0 without data
  uint64_t importance_count = 0;
  uint64_t importance_top_box_count = 0;
  uint64_t satisfaction_count = 0;
  uint64_t satisfaction_top_box_count = 0;
  uint64_t both_count = 0;
  uint64_t both_top_box_count = 0;
  // Statistics (docs/SCORING.md); empty where they do not exist (no
  // answers, no bootstrap, unweighted).
  // Wilson interval of the top-box share x 10 (normal for kMean).
  std::optional<Interval> importance_interval;
  std::optional<Interval> satisfaction_interval;
  // As Report::opportunity_interval_method() says: for every method but
  // Olsen's, the moment-selection interval, valid near importance =
  // satisfaction and near shares of 0 or 1.
  std::optional<Interval> opportunity_interval;
  // opportunity -+ z x opportunity_standard_error, not clamped; it
  // under-covers near importance = satisfaction.
  std::optional<Interval> opportunity_delta_interval;
  // The bootstrap percentile interval (with the bootstrap).
  std::optional<Interval> opportunity_bootstrap_interval;
  std::optional<double> opportunity_standard_error;
  // Share of bootstrap resamples with opportunity >= 10.
  std::optional<double> opportunity_at_least_10_probability;
  // Weighted reports: Kish effective numbers of answers.
  std::optional<double> importance_effective_count;
  std::optional<double> satisfaction_effective_count;
  // Competing solutions, in Report::solutions() order; the best one (empty
  // when none was rated), the gap to it with its z-test (Holm-adjusted
  // across outcomes) and the target min(10, 1.2 x its satisfaction).
  std::vector<SolutionScore> solutions;
  std::string best_solution;
  std::optional<double> best_solution_gap;
  std::optional<double> satisfaction_target;
  std::optional<SignificanceTest> best_solution_gap_test;
};

// One outcome of a segment compared with the rest of the respondents (see
// jtbd_segment_comparison); differences are segment minus rest.
struct SegmentComparison {
  std::string outcome_id;
  double rest_importance = 0;
  double rest_satisfaction = 0;
  double rest_opportunity = 0;
  std::optional<double> importance_difference;
  std::optional<double> satisfaction_difference;
  std::optional<double> opportunity_difference;
  std::optional<SignificanceTest> importance_test;
  std::optional<SignificanceTest> satisfaction_test;
  std::optional<SignificanceTest> opportunity_test;
  // opportunity_difference > 0, opportunity_test's adjusted_p_value below
  // 1 - confidence.
  bool more_underserved = false;
  // The differences' intervals, present with their difference (see
  // jtbd_segment_comparison: Newcombe for top-box shares, MOVER on the
  // moment-selection intervals for opportunity).
  std::optional<Interval> importance_difference_interval;
  std::optional<Interval> satisfaction_difference_interval;
  std::optional<Interval> opportunity_difference_interval;
};

// Scores over the respondents whose segment attribute equals `name`.
struct SegmentReport {
  std::string name;
  uint64_t respondent_count = 0;
  std::vector<OutcomeScore> outcomes;  // ranked by opportunity
  // comparisons[i] compares outcomes[i] with the rest of the respondents.
  std::vector<SegmentComparison> comparisons;
  // Outcomes significantly more underserved here than in the rest.
  std::vector<std::string> more_underserved_outcome_ids;
  uint64_t rest_respondent_count = 0;
  // Kish effective number of respondents (respondent_count if unweighted).
  double effective_respondent_count = 0;
};

// A respondent screening flagged (see jtbd_screened_respondent).
struct ScreenedRespondent {
  std::string respondent_id;
  size_t index = 0;  // position in the study
  bool straight_lining = false;
  bool speeding = false;
  bool blanks = false;
  std::optional<double> duration_seconds;
  double blank_share = 0;
};

// What screening found (see jtbd_screening_info); screened is false when
// the report was not screened.
struct ScreeningSummary {
  bool screened = false;
  bool excluded = false;
  uint64_t screened_respondent_count = 0;
  uint64_t flagged_respondent_count = 0;
  uint64_t straight_lining_count = 0;
  uint64_t speeding_count = 0;
  uint64_t blanks_count = 0;
  uint64_t duration_count = 0;
  uint32_t straight_line_min_ratings = 0;
  std::optional<double> speed_median_fraction;
  std::optional<double> speed_min_seconds;
  double max_blank_share = 0;
  std::optional<double> median_duration_seconds;
  std::optional<double> speed_threshold_seconds;
  std::vector<ScreenedRespondent> respondents;  // in study order
};

class ForcesReport;
class WaveComparison;
class Roadmap;

// The results Report::RenderHtml may add as sections (see
// jtbd_report_sections): not owned, each null or non-empty.
struct ReportSections {
  const ForcesReport* forces = nullptr;
  const WaveComparison* waves = nullptr;
  const Roadmap* roadmap = nullptr;
};

// How Report::RenderLandscape and Report::RenderHtml draw (see
// jtbd_visual_options).
struct VisualOptions {
  enum class Series { kAuto = 0, kWholeSample = 1, kSegment = 2 };
  Series series = Series::kAuto;  // landscape only
  std::string segment;            // with Series::kSegment
  std::optional<bool> intervals;  // unset: landscape no, HTML yes
  std::string lang = "en";        // "en" or "fr"
};

// The opportunity report: all scores as plain values, plus the native report
// (immutable, shared by copies) so that it can still be rendered.
class Report {
 public:
  Report() = default;  // empty; Render throws FAILED_PRECONDITION

  uint64_t respondent_count() const { return respondent_count_; }
  // Over all respondents, ranked by opportunity (highest first).
  const std::vector<OutcomeScore>& outcomes() const { return outcomes_; }
  // With ScoreOptions::segment_by, sorted by name.
  const std::vector<SegmentReport>& segments() const { return segments_; }
  // With ScoreOptions::screening enabled: the flagged respondents.
  const ScreeningSummary& screening() const { return screening_; }
  // Competing solutions rated in the study, in declaration order.
  const std::vector<std::string>& solutions() const { return solutions_; }

  // How the report was scored (see jtbd_report_info).
  ScoreMethod score_method() const { return score_method_; }  // never kUnsp.
  // "ulwick_top_box", "mean_rescaled", "olsen" or "top_box_only".
  const std::string& method() const { return method_; }
  double confidence_level() const { return confidence_level_; }
  uint32_t bootstrap_resamples() const { return bootstrap_resamples_; }
  uint64_t seed() const { return seed_; }
  bool weighted() const { return weighted_; }
  // Kish effective number of respondents (respondent_count if unweighted).
  double effective_respondent_count() const {
    return effective_respondent_count_;
  }
  const std::string& segment_by() const { return segment_by_; }
  uint64_t unsegmented_respondent_count() const {
    return unsegmented_respondent_count_;
  }
  // How the segment tests were adjusted (never kUnspecified).
  PValueAdjustment p_value_adjustment() const { return p_value_adjustment_; }
  // Cautions: whole sample, then segments, then screening.
  const std::vector<Warning>& warnings() const { return warnings_; }
  // With ScoreOptions::design: the job map's steps joined with the scores,
  // in job-map order; else empty.
  const std::vector<StepCoverage>& coverage() const { return coverage_; }
  // The design scored with (nullopt without one), and the coverage's id
  // lists: steps with no outcome, outcomes on no step of the map, design
  // outcomes not in the report.
  const std::optional<DesignContents>& design() const { return design_; }
  const std::vector<std::string>& uncovered_step_ids() const {
    return coverage_lists_[JTBD_COVERAGE_UNCOVERED_STEPS];
  }
  const std::vector<std::string>& unassigned_outcome_ids() const {
    return coverage_lists_[JTBD_COVERAGE_UNASSIGNED_OUTCOMES];
  }
  const std::vector<std::string>& unscored_outcome_ids() const {
    return coverage_lists_[JTBD_COVERAGE_UNSCORED_OUTCOMES];
  }
  // How every OutcomeScore::opportunity_interval was computed.
  OpportunityIntervalMethod opportunity_interval_method() const {
    return opportunity_interval_method_;
  }
  // The scale and top-box rule used.
  int32_t scale_min() const { return scale_min_; }
  int32_t scale_max() const { return scale_max_; }
  int32_t top_box_min() const { return top_box_min_; }

  // The report as text (table, JSON, CSV) or a serialized jtbd.v1.Report.
  std::string Render(Format format) const {
    if (native_ == nullptr) {
      throw Error(JTBD_FAILED_PRECONDITION,
                  "jtbd::Report::Render: the report is empty");
    }
    jtbd_buffer* buffer = nullptr;
    internal::Check(jtbd_report_render(native_.get(),
                                       static_cast<int32_t>(format), &buffer));
    return internal::TakeBuffer(buffer);
  }

  // The opportunity landscape as a standalone SVG document.
  std::string RenderLandscape(
      const VisualOptions& options = VisualOptions()) const {
    return RenderVisual(options, false);
  }

  // The report as one self-contained HTML document.
  std::string RenderHtml(const VisualOptions& options = VisualOptions()) const {
    return RenderVisual(options, true);
  }

  // The same with the other analyses' results as sections of their own
  // (jtbd_report_render_html_sections); defined after those classes.
  std::string RenderHtml(const ReportSections& sections,
                         const VisualOptions& options = VisualOptions()) const;

  // The C handle (null when empty); owned by this object.
  const jtbd_report* native() const noexcept { return native_.get(); }

  // Takes ownership of a report made by the C API (for code mixing both).
  static Report Adopt(jtbd_report* native) {
    std::shared_ptr<const jtbd_report> owned(native, internal::ReportDestroy());
    Report report;
    report.respondent_count_ = jtbd_report_respondent_count(native);
    jtbd_report_info info = {};
    info.struct_size = sizeof(info);
    internal::Check(jtbd_report_get_info(native, &info));
    report.score_method_ = static_cast<ScoreMethod>(info.score_method);
    report.method_.assign(info.method, info.method_len);
    report.confidence_level_ = info.confidence_level;
    report.bootstrap_resamples_ = info.bootstrap_resamples;
    report.seed_ = info.seed;
    report.weighted_ = info.weighted != 0;
    report.effective_respondent_count_ = info.effective_respondent_count;
    report.segment_by_.assign(info.segment_by, info.segment_by_len);
    report.unsegmented_respondent_count_ = info.unsegmented_respondent_count;
    report.p_value_adjustment_ =
        static_cast<PValueAdjustment>(info.p_value_adjustment);
    report.opportunity_interval_method_ =
        static_cast<OpportunityIntervalMethod>(
            info.opportunity_interval_method);
    report.scale_min_ = info.scale_min;
    report.scale_max_ = info.scale_max;
    report.top_box_min_ = info.scale_top_box_min;
    report.screening_ = ConvertScreening(native);
    const size_t outcome_count = jtbd_report_outcome_count(native);
    report.outcomes_.reserve(outcome_count);
    for (size_t i = 0; i < outcome_count; ++i) {
      jtbd_outcome_score score = EmptyScore();
      internal::Check(jtbd_report_outcome(native, i, &score));
      report.outcomes_.push_back(Convert(score));
      AddCompetitors(native, nullptr, i, &report.outcomes_.back());
    }
    for (size_t i = 0; i < jtbd_report_solution_count(native); ++i) {
      const char* name = nullptr;
      size_t name_len = 0;
      internal::Check(jtbd_report_solution_name(native, i, &name, &name_len));
      report.solutions_.emplace_back(name, name_len);
    }
    for (size_t i = 0; i < jtbd_report_warning_count(native); ++i) {
      jtbd_warning warning = {};
      warning.struct_size = sizeof(warning);
      internal::Check(jtbd_report_warning(native, i, &warning));
      report.warnings_.push_back(internal::ConvertWarning(warning));
    }
    for (size_t i = 0; i < jtbd_report_coverage_step_count(native); ++i) {
      jtbd_step_coverage step = {};
      step.struct_size = sizeof(step);
      internal::Check(jtbd_report_coverage_step(native, i, &step));
      StepCoverage out;
      out.step_id.assign(step.step_id, step.step_id_len);
      out.name.assign(step.name, step.name_len);
      out.universal_step = step.universal_step;
      out.outcome_count = step.outcome_count;
      out.scored_outcome_count = step.scored_outcome_count;
      out.underserved_count = step.underserved_count;
      out.overserved_count = step.overserved_count;
      out.all_underserved = step.all_underserved != 0;
      out.all_overserved = step.all_overserved != 0;
      out.most_opportunity = step.most_opportunity != 0;
      out.opportunity_excess = step.opportunity_excess;
      if (step.has_max_opportunity != 0) {
        out.max_opportunity = step.max_opportunity;
      }
      out.top_outcome_id.assign(step.top_outcome_id, step.top_outcome_id_len);
      report.coverage_.push_back(std::move(out));
    }
    {
      jtbd_design* design = nullptr;
      internal::Check(jtbd_report_design(native, &design));
      report.design_ = internal::TakeDesign(design);
    }
    for (int32_t list = 0; list < 3; ++list) {
      for (size_t i = 0; i < jtbd_report_coverage_list_count(native, list);
           ++i) {
        const char* id = nullptr;
        size_t id_len = 0;
        internal::Check(
            jtbd_report_coverage_list_item(native, list, i, &id, &id_len));
        report.coverage_lists_[list].emplace_back(id, id_len);
      }
    }
    const size_t segment_count = jtbd_report_segment_count(native);
    report.segments_.resize(segment_count);
    for (size_t s = 0; s < segment_count; ++s) {
      SegmentReport& segment = report.segments_[s];
      const char* name = nullptr;
      size_t name_len = 0;
      internal::Check(jtbd_report_segment_name(native, s, &name, &name_len));
      segment.name.assign(name, name_len);
      internal::Check(jtbd_report_segment_respondent_count(
          native, s, &segment.respondent_count));
      segment.outcomes.reserve(outcome_count);
      for (size_t i = 0; i < outcome_count; ++i) {
        jtbd_outcome_score score = EmptyScore();
        internal::Check(jtbd_report_segment_outcome(native, s, i, &score));
        segment.outcomes.push_back(Convert(score));
        AddCompetitors(native, &s, i, &segment.outcomes.back());
        jtbd_segment_comparison comparison = {};
        comparison.struct_size = sizeof(comparison);
        internal::Check(
            jtbd_report_segment_comparison(native, s, i, &comparison));
        segment.comparisons.push_back(Convert(comparison));
      }
      size_t more_underserved = 0;
      internal::Check(jtbd_report_segment_more_underserved_count(
          native, s, &more_underserved));
      for (size_t i = 0; i < more_underserved; ++i) {
        const char* id = nullptr;
        size_t id_len = 0;
        internal::Check(jtbd_report_segment_more_underserved_id(native, s, i,
                                                                &id, &id_len));
        segment.more_underserved_outcome_ids.emplace_back(id, id_len);
      }
      internal::Check(jtbd_report_segment_rest_respondent_count(
          native, s, &segment.rest_respondent_count));
      internal::Check(jtbd_report_segment_effective_respondent_count(
          native, s, &segment.effective_respondent_count));
    }
    report.native_ = std::move(owned);
    return report;
  }

 private:
  std::string RenderVisual(const VisualOptions& options, bool html) const {
    if (native_ == nullptr) {
      throw Error(JTBD_FAILED_PRECONDITION,
                  "jtbd::Report::Render: the report is empty");
    }
    jtbd_visual_options native = {};
    native.struct_size = sizeof(native);
    native.series = static_cast<int32_t>(options.series);
    native.segment = options.segment.data();
    native.segment_len = options.segment.size();
    native.intervals = options.intervals.value_or(html) ? 1 : 0;
    native.lang = options.lang.data();
    native.lang_len = options.lang.size();
    jtbd_buffer* buffer = nullptr;
    internal::Check(
        html ? jtbd_report_render_html(native_.get(), &native, &buffer)
             : jtbd_report_render_landscape(native_.get(), &native, &buffer));
    return internal::TakeBuffer(buffer);
  }

  static jtbd_outcome_score EmptyScore() {
    jtbd_outcome_score score = {};
    score.struct_size = sizeof(score);
    return score;
  }
  static OutcomeScore Convert(const jtbd_outcome_score& score) {
    OutcomeScore out;
    out.outcome_id.assign(score.outcome_id, score.outcome_id_len);
    out.statement.assign(score.statement, score.statement_len);
    out.importance = score.importance;
    out.satisfaction = score.satisfaction;
    out.opportunity = score.opportunity;
    out.band = static_cast<Band>(score.band);
    out.rank = score.rank;
    out.importance_count = score.importance_count;
    out.importance_top_box_count = score.importance_top_box_count;
    out.satisfaction_count = score.satisfaction_count;
    out.satisfaction_top_box_count = score.satisfaction_top_box_count;
    out.both_count = score.both_count;
    out.both_top_box_count = score.both_top_box_count;
    const auto interval = [&score](uint32_t bit, const jtbd_interval& value) {
      return (score.has & bit) != 0
                 ? std::optional<Interval>(Interval{value.low, value.high})
                 : std::nullopt;
    };
    const auto number = [&score](uint32_t bit, double value) {
      return (score.has & bit) != 0 ? std::optional<double>(value)
                                    : std::nullopt;
    };
    out.importance_interval =
        interval(JTBD_SCORE_HAS_IMPORTANCE_INTERVAL, score.importance_interval);
    out.satisfaction_interval = interval(JTBD_SCORE_HAS_SATISFACTION_INTERVAL,
                                         score.satisfaction_interval);
    out.opportunity_interval = interval(JTBD_SCORE_HAS_OPPORTUNITY_INTERVAL,
                                        score.opportunity_interval);
    out.opportunity_delta_interval =
        interval(JTBD_SCORE_HAS_OPPORTUNITY_DELTA_INTERVAL,
                 score.opportunity_delta_interval);
    out.opportunity_bootstrap_interval =
        interval(JTBD_SCORE_HAS_OPPORTUNITY_BOOTSTRAP_INTERVAL,
                 score.opportunity_bootstrap_interval);
    out.opportunity_standard_error =
        number(JTBD_SCORE_HAS_OPPORTUNITY_STANDARD_ERROR,
               score.opportunity_standard_error);
    out.opportunity_at_least_10_probability =
        number(JTBD_SCORE_HAS_OPPORTUNITY_AT_LEAST_10_PROBABILITY,
               score.opportunity_at_least_10_probability);
    out.importance_effective_count =
        number(JTBD_SCORE_HAS_IMPORTANCE_EFFECTIVE_COUNT,
               score.importance_effective_count);
    out.satisfaction_effective_count =
        number(JTBD_SCORE_HAS_SATISFACTION_EFFECTIVE_COUNT,
               score.satisfaction_effective_count);
    return out;
  }
  // Outcome `index` of the report (segment null) or of a segment.
  static void AddCompetitors(const jtbd_report* native, const size_t* segment,
                             size_t index, OutcomeScore* out) {
    const auto test = [](bool present, const jtbd_significance_test& value) {
      return present ? std::optional<SignificanceTest>(SignificanceTest{
                           value.z, value.p_value, value.holm_adjusted_p_value,
                           value.holm_adjusted_p_value})
                     : std::nullopt;
    };
    for (size_t k = 0; k < jtbd_report_solution_count(native); ++k) {
      jtbd_solution_score c = {};
      c.struct_size = sizeof(c);
      internal::Check(segment == nullptr
                          ? jtbd_report_outcome_solution(native, index, k, &c)
                          : jtbd_report_segment_outcome_solution(
                                native, *segment, index, k, &c));
      SolutionScore solution;
      solution.solution.assign(c.solution, c.solution_len);
      solution.count = c.count;
      solution.top_box_count = c.top_box_count;
      solution.both_count = c.both_count;
      if ((c.has & JTBD_SOLUTION_HAS_SATISFACTION) != 0) {
        solution.satisfaction = c.satisfaction;
        solution.satisfaction_interval =
            Interval{c.satisfaction_interval.low, c.satisfaction_interval.high};
      }
      if ((c.has & JTBD_SOLUTION_HAS_EFFECTIVE_COUNT) != 0) {
        solution.effective_count = c.effective_count;
      }
      if ((c.has & JTBD_SOLUTION_HAS_OPPORTUNITY) != 0) {
        solution.opportunity = c.opportunity;
      }
      if ((c.has & JTBD_SOLUTION_HAS_SATISFACTION_GAP) != 0) {
        solution.satisfaction_gap = c.satisfaction_gap;
      }
      solution.satisfaction_gap_test =
          test((c.has & JTBD_SOLUTION_HAS_SATISFACTION_GAP_TEST) != 0,
               c.satisfaction_gap_test);
      out->solutions.push_back(std::move(solution));
    }
    jtbd_best_solution best = {};
    best.struct_size = sizeof(best);
    internal::Check(
        segment == nullptr
            ? jtbd_report_outcome_best_solution(native, index, &best)
            : jtbd_report_segment_outcome_best_solution(native, *segment, index,
                                                        &best));
    out->best_solution.assign(best.best_solution, best.best_solution_len);
    if ((best.has & JTBD_BEST_SOLUTION_HAS_SOLUTION) != 0) {
      out->satisfaction_target = best.satisfaction_target;
    }
    if ((best.has & JTBD_BEST_SOLUTION_HAS_GAP) != 0) {
      out->best_solution_gap = best.best_solution_gap;
    }
    out->best_solution_gap_test =
        test((best.has & JTBD_BEST_SOLUTION_HAS_GAP_TEST) != 0,
             best.best_solution_gap_test);
  }

  static SegmentComparison Convert(const jtbd_segment_comparison& c) {
    SegmentComparison out;
    out.outcome_id.assign(c.outcome_id, c.outcome_id_len);
    out.rest_importance = c.rest_importance;
    out.rest_satisfaction = c.rest_satisfaction;
    out.rest_opportunity = c.rest_opportunity;
    const auto number = [&c](uint32_t bit, double value) {
      return (c.has & bit) != 0 ? std::optional<double>(value) : std::nullopt;
    };
    const auto test = [&c](uint32_t bit, const jtbd_significance_test& value,
                           double adjusted) {
      return (c.has & bit) != 0
                 ? std::optional<SignificanceTest>(
                       SignificanceTest{value.z, value.p_value,
                                        value.holm_adjusted_p_value, adjusted})
                 : std::nullopt;
    };
    out.importance_difference = number(
        JTBD_COMPARISON_HAS_IMPORTANCE_DIFFERENCE, c.importance_difference);
    out.satisfaction_difference = number(
        JTBD_COMPARISON_HAS_SATISFACTION_DIFFERENCE, c.satisfaction_difference);
    out.opportunity_difference = number(
        JTBD_COMPARISON_HAS_OPPORTUNITY_DIFFERENCE, c.opportunity_difference);
    out.importance_test =
        test(JTBD_COMPARISON_HAS_IMPORTANCE_TEST, c.importance_test,
             c.importance_adjusted_p_value);
    out.satisfaction_test =
        test(JTBD_COMPARISON_HAS_SATISFACTION_TEST, c.satisfaction_test,
             c.satisfaction_adjusted_p_value);
    out.opportunity_test =
        test(JTBD_COMPARISON_HAS_OPPORTUNITY_TEST, c.opportunity_test,
             c.opportunity_adjusted_p_value);
    out.more_underserved = c.more_underserved != 0;
    const auto interval = [&c](uint32_t bit, const jtbd_interval& value) {
      return (c.has & bit) != 0
                 ? std::optional<Interval>(Interval{value.low, value.high})
                 : std::nullopt;
    };
    out.importance_difference_interval =
        interval(JTBD_COMPARISON_HAS_IMPORTANCE_DIFFERENCE,
                 c.importance_difference_interval);
    out.satisfaction_difference_interval =
        interval(JTBD_COMPARISON_HAS_SATISFACTION_DIFFERENCE,
                 c.satisfaction_difference_interval);
    out.opportunity_difference_interval =
        interval(JTBD_COMPARISON_HAS_OPPORTUNITY_DIFFERENCE,
                 c.opportunity_difference_interval);
    return out;
  }

  static ScreeningSummary ConvertScreening(const jtbd_report* native) {
    jtbd_screening_info info = {};
    info.struct_size = sizeof(info);
    internal::Check(jtbd_report_get_screening(native, &info));
    ScreeningSummary out;
    out.screened = info.screened != 0;
    out.excluded = info.excluded != 0;
    out.screened_respondent_count = info.screened_respondent_count;
    out.flagged_respondent_count = info.flagged_respondent_count;
    out.straight_lining_count = info.straight_lining_count;
    out.speeding_count = info.speeding_count;
    out.blanks_count = info.blanks_count;
    out.duration_count = info.duration_count;
    out.straight_line_min_ratings = info.straight_line_min_ratings;
    out.max_blank_share = info.max_blank_share;
    auto optional = [&info](uint32_t bit, double value) {
      return (info.has & bit) != 0 ? std::optional<double>(value)
                                   : std::nullopt;
    };
    out.speed_median_fraction = optional(
        JTBD_SCREENING_HAS_SPEED_MEDIAN_FRACTION, info.speed_median_fraction);
    out.speed_min_seconds =
        optional(JTBD_SCREENING_HAS_SPEED_MIN_SECONDS, info.speed_min_seconds);
    out.median_duration_seconds = optional(JTBD_SCREENING_HAS_MEDIAN_DURATION,
                                           info.median_duration_seconds);
    out.speed_threshold_seconds = optional(JTBD_SCREENING_HAS_SPEED_THRESHOLD,
                                           info.speed_threshold_seconds);
    const uint64_t count = jtbd_report_screened_count(native);
    for (size_t i = 0; i < count; ++i) {
      jtbd_screened_respondent flagged = {};
      flagged.struct_size = sizeof(flagged);
      internal::Check(jtbd_report_screened_respondent(native, i, &flagged));
      ScreenedRespondent respondent;
      respondent.respondent_id.assign(flagged.respondent_id,
                                      flagged.respondent_id_len);
      respondent.index = flagged.index;
      respondent.straight_lining =
          (flagged.reasons & JTBD_SCREENING_REASON_STRAIGHT_LINING) != 0;
      respondent.speeding =
          (flagged.reasons & JTBD_SCREENING_REASON_SPEEDING) != 0;
      respondent.blanks = (flagged.reasons & JTBD_SCREENING_REASON_BLANKS) != 0;
      if (flagged.has_duration != 0) {
        respondent.duration_seconds = flagged.duration_seconds;
      }
      respondent.blank_share = flagged.blank_share;
      out.respondents.push_back(std::move(respondent));
    }
    return out;
  }

  uint64_t respondent_count_ = 0;
  std::vector<OutcomeScore> outcomes_;
  std::vector<SegmentReport> segments_;
  ScreeningSummary screening_;
  std::vector<std::string> solutions_;
  std::vector<Warning> warnings_;
  std::vector<StepCoverage> coverage_;
  std::optional<DesignContents> design_;
  std::vector<std::string> coverage_lists_[3];  // by jtbd_coverage_list
  ScoreMethod score_method_ = ScoreMethod::kUlwick;
  std::string method_;
  double confidence_level_ = 0;
  uint32_t bootstrap_resamples_ = 0;
  uint64_t seed_ = 0;
  bool weighted_ = false;
  double effective_respondent_count_ = 0;
  std::string segment_by_;
  uint64_t unsegmented_respondent_count_ = 0;
  PValueAdjustment p_value_adjustment_ = PValueAdjustment::kHolm;
  OpportunityIntervalMethod opportunity_interval_method_ =
      OpportunityIntervalMethod::kMomentSelection;
  int32_t scale_min_ = 0;
  int32_t scale_max_ = 0;
  int32_t top_box_min_ = 0;
  std::shared_ptr<const jtbd_report> native_;
};

// --------------------------------------------------------------- aggregate

// Per outcome, the joint importance x satisfaction count table: all scoring
// needs, in memory that does not grow with respondents. Aggregates of
// disjoint respondents (same scale, same outcomes in the same order) merge
// into exactly the aggregate of all of them.
class Aggregate {
 public:
  // An empty aggregate on the default 1-5 scale (top box 4 and 5).
  Aggregate() {
    jtbd_aggregate* raw = nullptr;
    internal::Check(jtbd_aggregate_create(&raw));
    handle_.reset(raw);
  }
  // Takes ownership of an aggregate made by the C API.
  explicit Aggregate(jtbd_aggregate* native) : handle_(native) {}

  Aggregate(Aggregate&&) noexcept = default;
  Aggregate& operator=(Aggregate&&) noexcept = default;
  Aggregate(const Aggregate&) = delete;
  Aggregate& operator=(const Aggregate&) = delete;

  // A survey file read straight into its aggregate (see Study::ReadCsvFile
  // for the formats and options): no respondents kept, so memory does not
  // grow with the rows; no attributes, so no segments.
  static Aggregate ReadCsvFile(std::string_view path,
                               const ReadOptions& options = ReadOptions()) {
    auto native_options = internal::NewReadOptions(options);
    jtbd_aggregate* raw = nullptr;
    internal::Check(jtbd_aggregate_read_csv_file(
        native_options.get(), path.data(), path.size(), &raw));
    return Aggregate(raw);
  }
  // The same from memory; source_name names it in errors.
  static Aggregate ReadCsv(std::string_view data,
                           std::string_view source_name = {},
                           const ReadOptions& options = ReadOptions()) {
    auto native_options = internal::NewReadOptions(options);
    jtbd_aggregate* raw = nullptr;
    internal::Check(jtbd_aggregate_read_csv(native_options.get(), data.data(),
                                            data.size(), source_name.data(),
                                            source_name.size(), &raw));
    return Aggregate(raw);
  }

  // A serialized jtbd.v1.Aggregate (as made by Serialize).
  static Aggregate Parse(std::string_view bytes) {
    jtbd_aggregate* raw = nullptr;
    internal::Check(jtbd_aggregate_parse(bytes.data(), bytes.size(), &raw));
    return Aggregate(raw);
  }
  // Bytes made by Encode, every check of Load made (jtbd_aggregate_decode):
  // truncated or corrupted bytes throw DATA_LOSS naming source_name.
  static Aggregate Decode(std::string_view bytes,
                          std::string_view source_name = {}) {
    jtbd_aggregate* raw = nullptr;
    internal::Check(jtbd_aggregate_decode(bytes.data(), bytes.size(),
                                          source_name.data(),
                                          source_name.size(), &raw));
    return Aggregate(raw);
  }
  // An aggregate saved by Save (see jtbd_study_save_file for the refusals).
  static Aggregate Load(std::string_view path) {
    jtbd_aggregate* raw = nullptr;
    internal::Check(jtbd_aggregate_load_file(path.data(), path.size(), &raw));
    return Aggregate(raw);
  }

  // Scale and outcomes are declared before any respondent is added.
  void SetScale(int32_t min, int32_t max, int32_t top_box_min) {
    internal::Check(
        jtbd_aggregate_set_scale(handle_.get(), min, max, top_box_min));
  }
  void AddOutcome(std::string_view id, std::string_view statement = {}) {
    internal::Check(jtbd_aggregate_add_outcome(handle_.get(), id.data(),
                                               id.size(), statement.data(),
                                               statement.size()));
  }

  size_t outcome_count() const {
    return jtbd_aggregate_outcome_count(handle_.get());
  }
  uint64_t respondent_count() const {
    return jtbd_aggregate_respondent_count(handle_.get());
  }

  // `count` respondents as row-major count x outcome_count() rating matrices
  // (0 = no answer); all or nothing.
  void AddRespondents(size_t count, const uint8_t* importance,
                      const uint8_t* satisfaction) {
    internal::Check(jtbd_aggregate_add_respondents(handle_.get(), count,
                                                   importance, satisfaction));
  }
  void AddRespondents(size_t count, const std::vector<uint8_t>& importance,
                      const std::vector<uint8_t>& satisfaction) {
    const size_t cells = count * outcome_count();
    if (importance.size() != cells || satisfaction.size() != cells) {
      throw Error(JTBD_INVALID_ARGUMENT,
                  "jtbd::Aggregate::AddRespondents: expected " +
                      std::to_string(cells) + " ratings in each matrix (" +
                      std::to_string(count) + " respondents x " +
                      std::to_string(outcome_count()) + " outcomes), got " +
                      std::to_string(importance.size()) + " and " +
                      std::to_string(satisfaction.size()));
    }
    AddRespondents(count, importance.data(), satisfaction.data());
  }
  // The same with one survey weight per respondent (finite, > 0); the
  // aggregate then scores weighted.
  void AddWeightedRespondents(size_t count, const uint8_t* importance,
                              const uint8_t* satisfaction,
                              const double* weights) {
    internal::Check(jtbd_aggregate_add_weighted_respondents(
        handle_.get(), count, importance, satisfaction, weights));
  }
  void AddWeightedRespondents(size_t count,
                              const std::vector<uint8_t>& importance,
                              const std::vector<uint8_t>& satisfaction,
                              const std::vector<double>& weights) {
    const size_t cells = count * outcome_count();
    if (importance.size() != cells || satisfaction.size() != cells ||
        weights.size() != count) {
      throw Error(JTBD_INVALID_ARGUMENT,
                  "jtbd::Aggregate::AddWeightedRespondents: expected " +
                      std::to_string(cells) + " ratings in each matrix and " +
                      std::to_string(count) + " weights, got " +
                      std::to_string(importance.size()) + ", " +
                      std::to_string(satisfaction.size()) + " and " +
                      std::to_string(weights.size()));
    }
    AddWeightedRespondents(count, importance.data(), satisfaction.data(),
                           weights.data());
  }

  // this += other; FAILED_PRECONDITION (this unchanged) unless the scales
  // and outcome ids match.
  void Merge(const Aggregate& other) {
    internal::Check(jtbd_aggregate_merge(handle_.get(), other.handle_.get()));
  }

  // Respondents in one cell; ratings 0 (no answer) or on the scale.
  uint64_t Cell(size_t outcome, int32_t importance,
                int32_t satisfaction) const {
    uint64_t count = 0;
    internal::Check(jtbd_aggregate_cell(handle_.get(), outcome, importance,
                                        satisfaction, &count));
    return count;
  }

  // Serialized jtbd.v1.Aggregate (exact round trip through Parse).
  std::string Serialize() const {
    jtbd_buffer* buffer = nullptr;
    internal::Check(jtbd_aggregate_serialize(handle_.get(), &buffer));
    return internal::TakeBuffer(buffer);
  }
  // Saves to a file atomically, with a format version and checksums.
  void Save(std::string_view path) const {
    internal::Check(
        jtbd_aggregate_save_file(handle_.get(), path.data(), path.size()));
  }
  // The bytes Save writes, in memory (jtbd_aggregate_encode): what to send
  // between processes, checked by Decode.
  std::string Encode() const {
    jtbd_buffer* buffer = nullptr;
    internal::Check(jtbd_aggregate_encode(handle_.get(), &buffer));
    return internal::TakeBuffer(buffer);
  }

  // The study design (CSV, protobuf JSON or binary, as ScoreOptions::design):
  // checked now (a bad one throws naming source_name with line and column,
  // this unchanged), saved with it and attached with its job-map coverage
  // to every report Score makes. Empty data clears it.
  void SetDesign(std::string_view data,
                 std::string_view source_name = "design") {
    internal::Check(jtbd_aggregate_set_design(handle_.get(), data.data(),
                                              data.size(), source_name.data(),
                                              source_name.size()));
  }
  void SetDesignFile(std::string_view path) {
    internal::Check(jtbd_aggregate_set_design_file(handle_.get(), path.data(),
                                                   path.size()));
  }
  // The design carried, as the library checked it; nullopt without one.
  std::optional<DesignContents> design() const {
    jtbd_design* raw = nullptr;
    internal::Check(jtbd_aggregate_design(handle_.get(), &raw));
    return internal::TakeDesign(raw);
  }

  // INVALID_ARGUMENT for a segment_by or screening (an aggregate has no
  // respondents or attributes).
  Report Score(const ScoreOptions& options = ScoreOptions()) const {
    auto native_options = internal::MakeScoreOptions(options);
    jtbd_report* report = nullptr;
    internal::Check(
        jtbd_aggregate_score(handle_.get(), native_options.get(), &report));
    return Report::Adopt(report);
  }

  // The native handle, still owned by this object (NULL when moved from).
  const jtbd_aggregate* native() const noexcept { return handle_.get(); }
  jtbd_aggregate* native() noexcept { return handle_.get(); }

 private:
  std::unique_ptr<jtbd_aggregate, internal::AggregateDestroy> handle_;
};

// ------------------------------------------------------------------- study

// Outcomes, respondents (with attributes) and their answers, on one scale.
class Study {
 public:
  // An empty study on the default 1-5 scale (top box 4 and 5).
  Study() {
    jtbd_study* raw = nullptr;
    internal::Check(jtbd_study_create(&raw));
    handle_.reset(raw);
  }
  // Takes ownership of a study made by the C API.
  explicit Study(jtbd_study* native) : handle_(native) {}

  Study(Study&&) noexcept = default;
  Study& operator=(Study&&) noexcept = default;
  Study(const Study&) = delete;
  Study& operator=(const Study&) = delete;

  // A survey file: long or wide layout, or a Qualtrics, SurveyMonkey,
  // Google Forms or Typeform export (detected from the header unless the
  // options say). Errors name the file, line, column and value.
  static Study ReadCsvFile(std::string_view path,
                           const ReadOptions& options = ReadOptions()) {
    auto native_options = internal::NewReadOptions(options);
    jtbd_study* raw = nullptr;
    internal::Check(jtbd_study_read_csv_file(native_options.get(), path.data(),
                                             path.size(), &raw));
    return Study(raw);
  }
  // The same from memory; source_name names it in errors.
  static Study ReadCsv(std::string_view data, std::string_view source_name = {},
                       const ReadOptions& options = ReadOptions()) {
    auto native_options = internal::NewReadOptions(options);
    jtbd_study* raw = nullptr;
    internal::Check(jtbd_study_read_csv(native_options.get(), data.data(),
                                        data.size(), source_name.data(),
                                        source_name.size(), &raw));
    return Study(raw);
  }
  // A serialized jtbd.v1.Study (as made by Serialize).
  static Study Parse(std::string_view bytes) {
    jtbd_study* raw = nullptr;
    internal::Check(jtbd_study_parse(bytes.data(), bytes.size(), &raw));
    return Study(raw);
  }
  // A study saved by Save (see jtbd_study_save_file for the refusals).
  static Study Load(std::string_view path) {
    jtbd_study* raw = nullptr;
    internal::Check(jtbd_study_load_file(path.data(), path.size(), &raw));
    return Study(raw);
  }

  // FAILED_PRECONDITION once answers were added.
  void SetScale(int32_t min, int32_t max, int32_t top_box_min) {
    internal::Check(jtbd_study_set_scale(handle_.get(), min, max, top_box_min));
  }
  // Returns the outcome's index (0, 1, ...); ids are unique and non-empty.
  size_t AddOutcome(std::string_view id, std::string_view statement = {}) {
    size_t index = 0;
    internal::Check(jtbd_study_add_outcome(handle_.get(), id.data(), id.size(),
                                           statement.data(), statement.size(),
                                           &index));
    return index;
  }
  // Returns the respondent's index; an empty id makes it anonymous.
  size_t AddRespondent(std::string_view id = {}) {
    size_t index = 0;
    internal::Check(
        jtbd_study_add_respondent(handle_.get(), id.data(), id.size(), &index));
    return index;
  }
  // Adds `count` anonymous respondents; returns the index of the first.
  size_t AddRespondents(size_t count) {
    size_t first = 0;
    internal::Check(jtbd_study_add_respondents(handle_.get(), count, &first));
    return first;
  }
  void SetAttribute(size_t respondent, std::string_view name,
                    std::string_view value) {
    internal::Check(jtbd_study_set_attribute(handle_.get(), respondent,
                                             name.data(), name.size(),
                                             value.data(), value.size()));
  }
  // A respondent's survey weight (default 1; finite, > 0). A study with any
  // weight other than 1 is scored weighted.
  void SetWeight(size_t respondent, double weight) {
    internal::Check(jtbd_study_set_weight(handle_.get(), respondent, weight));
  }
  // How long the respondent took, in seconds (finite, >= 0), for
  // screening's speeding rule.
  void SetDuration(size_t respondent, double seconds) {
    internal::Check(
        jtbd_study_set_duration(handle_.get(), respondent, seconds));
  }
  // Answer i: respondent respondents[i] rated outcome outcomes[i]
  // importance[i] and satisfaction[i] (0 = no answer). A batch with any
  // invalid element is rejected whole and the study is unchanged.
  void AddAnswers(const uint32_t* respondents, const uint32_t* outcomes,
                  const uint8_t* importance, const uint8_t* satisfaction,
                  size_t count) {
    internal::Check(jtbd_study_add_answers(handle_.get(), count, respondents,
                                           outcomes, importance, satisfaction));
  }
  void AddAnswers(const std::vector<uint32_t>& respondents,
                  const std::vector<uint32_t>& outcomes,
                  const std::vector<uint8_t>& importance,
                  const std::vector<uint8_t>& satisfaction) {
    const size_t count = respondents.size();
    if (outcomes.size() != count || importance.size() != count ||
        satisfaction.size() != count) {
      throw Error(JTBD_INVALID_ARGUMENT,
                  "jtbd::Study::AddAnswers: the four arrays differ in "
                  "length (" +
                      std::to_string(count) + ", " +
                      std::to_string(outcomes.size()) + ", " +
                      std::to_string(importance.size()) + ", " +
                      std::to_string(satisfaction.size()) + ")");
    }
    AddAnswers(respondents.data(), outcomes.data(), importance.data(),
               satisfaction.data(), count);
  }

  // Competing solutions (docs/SCORING.md): declares a solution, or finds it
  // (names compare ignoring case), and returns its index.
  size_t AddSolution(std::string_view name) {
    size_t index = 0;
    internal::Check(jtbd_study_add_solution(handle_.get(), name.data(),
                                            name.size(), &index));
    return index;
  }
  size_t solution_count() const {
    return jtbd_study_solution_count(handle_.get());
  }
  // Rating i: respondent respondents[i]'s satisfaction with solution
  // solutions[i] on outcome outcomes[i] (0 = no answer). All or nothing.
  void AddSolutionAnswers(const std::vector<uint32_t>& respondents,
                          const std::vector<uint32_t>& solutions,
                          const std::vector<uint32_t>& outcomes,
                          const std::vector<uint8_t>& satisfaction) {
    const size_t count = respondents.size();
    if (solutions.size() != count || outcomes.size() != count ||
        satisfaction.size() != count) {
      throw Error(JTBD_INVALID_ARGUMENT,
                  "jtbd::Study::AddSolutionAnswers: the four arrays differ in "
                  "length (" +
                      std::to_string(count) + ", " +
                      std::to_string(solutions.size()) + ", " +
                      std::to_string(outcomes.size()) + ", " +
                      std::to_string(satisfaction.size()) + ")");
    }
    internal::Check(jtbd_study_add_solution_answers(
        handle_.get(), count, respondents.data(), solutions.data(),
        outcomes.data(), satisfaction.data()));
  }

  // Attaches outcome statements and job steps from a CSV (columns id,
  // statement, job_step; see jtbd_study_describe_outcomes_csv_file). All or
  // nothing: on an error the study is unchanged.
  void DescribeOutcomesCsvFile(std::string_view path) {
    internal::Check(jtbd_study_describe_outcomes_csv_file(
        handle_.get(), path.data(), path.size()));
  }
  // The same from memory; source_name names it in errors.
  void DescribeOutcomesCsv(std::string_view data,
                           std::string_view source_name = {}) {
    internal::Check(jtbd_study_describe_outcomes_csv(
        handle_.get(), data.data(), data.size(), source_name.data(),
        source_name.size()));
  }

  size_t outcome_count() const {
    return jtbd_study_outcome_count(handle_.get());
  }
  uint64_t respondent_count() const {
    return jtbd_study_respondent_count(handle_.get());
  }

  // NOT_FOUND when options.segment_by names an attribute nobody has;
  // INVALID_ARGUMENT for options out of range.
  Report Score(const ScoreOptions& options = ScoreOptions()) const {
    auto native_options = internal::MakeScoreOptions(options);
    jtbd_report* report = nullptr;
    internal::Check(
        jtbd_study_score(handle_.get(), native_options.get(), &report));
    return Report::Adopt(report);
  }

  // The study's mergeable aggregate.
  Aggregate ToAggregate() const {
    jtbd_aggregate* raw = nullptr;
    internal::Check(jtbd_study_create_aggregate(handle_.get(), &raw));
    return Aggregate(raw);
  }

  // Serialized jtbd.v1.Study.
  std::string Serialize() const {
    jtbd_buffer* buffer = nullptr;
    internal::Check(jtbd_study_serialize(handle_.get(), &buffer));
    return internal::TakeBuffer(buffer);
  }
  // The study design (CSV, protobuf JSON or binary, as ScoreOptions::design):
  // checked now (a bad one throws naming source_name with line and column,
  // this unchanged), saved with it and attached with its job-map coverage
  // to every report Score makes. Empty data clears it.
  void SetDesign(std::string_view data,
                 std::string_view source_name = "design") {
    internal::Check(jtbd_study_set_design(handle_.get(), data.data(),
                                          data.size(), source_name.data(),
                                          source_name.size()));
  }
  void SetDesignFile(std::string_view path) {
    internal::Check(
        jtbd_study_set_design_file(handle_.get(), path.data(), path.size()));
  }
  // The design carried, as the library checked it; nullopt without one.
  std::optional<DesignContents> design() const {
    jtbd_design* raw = nullptr;
    internal::Check(jtbd_study_design(handle_.get(), &raw));
    return internal::TakeDesign(raw);
  }

  // Saves to a file atomically, with a format version and checksums.
  void Save(std::string_view path) const {
    internal::Check(
        jtbd_study_save_file(handle_.get(), path.data(), path.size()));
  }

  // The native handle, still owned by this object (NULL when moved from).
  const jtbd_study* native() const noexcept { return handle_.get(); }
  jtbd_study* native() noexcept { return handle_.get(); }

 private:
  std::unique_ptr<jtbd_study, internal::StudyDestroy> handle_;
};

// ------------------------------------------------------ bytes in, bytes out

// A serialized jtbd.v1.ScoreRequest in, a serialized jtbd.v1.Report out.
inline std::string ScoreRequest(std::string_view request) {
  jtbd_buffer* buffer = nullptr;
  internal::Check(jtbd_score_request(request.data(), request.size(), &buffer));
  return internal::TakeBuffer(buffer);
}

// The same in protobuf JSON (unknown fields ignored).
inline std::string ScoreRequestJson(std::string_view request_json) {
  jtbd_buffer* buffer = nullptr;
  internal::Check(jtbd_score_request_json(request_json.data(),
                                          request_json.size(), &buffer));
  return internal::TakeBuffer(buffer);
}

// The two above with the request held to `limits`: its size, JSON depth,
// study size and the bootstrap resamples it asks for.
inline std::string ScoreRequest(std::string_view request,
                                const Limits& limits) {
  jtbd_buffer* buffer = nullptr;
  internal::Check(jtbd_score_request_with_limits(
      limits.native(), request.data(), request.size(), &buffer));
  return internal::TakeBuffer(buffer);
}
inline std::string ScoreRequestJson(std::string_view request_json,
                                    const Limits& limits) {
  jtbd_buffer* buffer = nullptr;
  internal::Check(jtbd_score_request_json_with_limits(
      limits.native(), request_json.data(), request_json.size(), &buffer));
  return internal::TakeBuffer(buffer);
}

// ------------------------------------------------------------ segmentation

namespace internal {

struct SegmentOptionsDestroy {
  void operator()(jtbd_segment_options* options) const noexcept {
    jtbd_segment_options_destroy(options);
  }
};
struct SegmentationDestroy {
  void operator()(const jtbd_segmentation* segmentation) const noexcept {
    jtbd_segmentation_destroy(const_cast<jtbd_segmentation*>(segmentation));
  }
};
struct SegmentModelDestroy {
  void operator()(jtbd_segment_model* model) const noexcept {
    jtbd_segment_model_destroy(model);
  }
};

}  // namespace internal

// Mirrors jtbd_segment_feature: the per-respondent, per-outcome value that
// segmentation clusters on.
enum class SegmentFeature : int32_t {
  kUnspecified = JTBD_SEGMENT_FEATURE_UNSPECIFIED,  // top-box opportunity
  // 0, 10 or 20 from the top boxes (the ODI way).
  kTopBoxOpportunity = JTBD_SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY,
  // importance + max(importance - satisfaction, 0) on the raw ratings.
  kRatingOpportunity = JTBD_SEGMENT_FEATURE_RATING_OPPORTUNITY,
};

// How a study is segmented (docs/SEGMENTS.md; the jtbd_segment_options_*
// functions). Unset fields take the library's defaults (convention 5).
struct SegmentOptions {
  std::optional<SegmentFeature> feature = std::nullopt;
  // Cluster on the principal components with eigenvalue > 1.
  std::optional<bool> principal_components = std::nullopt;
  // The number of segments; unset (or 0): chosen by mean silhouette over
  // k_range.
  std::optional<uint32_t> k = std::nullopt;
  struct KRange {
    uint32_t min_k = 0;
    uint32_t max_k = 0;
  };
  std::optional<KRange> k_range = std::nullopt;
  std::optional<uint32_t> starts = std::nullopt;  // k-means++ starts per k
  std::optional<uint64_t> seed = std::nullopt;
  std::optional<uint32_t> threads = std::nullopt;  // worker threads
  // Respondents whose silhouette is computed; 0: all.
  std::optional<uint32_t> silhouette_sample_size = std::nullopt;
  // The fewest respondents of a segment an over-represented attribute value
  // must have.
  std::optional<uint32_t> min_attribute_count = std::nullopt;
  // How each segment is scored against the rest (segment_by must be empty).
  ScoreOptions scoring = {};
};

// The fit of one candidate k.
struct SegmentCandidate {
  uint32_t k = 0;
  uint32_t iterations = 0;
  double silhouette = 0;  // mean, -1 to 1: higher is clearer
  double inertia = 0;
};

// An attribute value more common in a segment than in the rest.
struct AttributeOverrepresentation {
  std::string attribute;
  std::string value;
  uint64_t segment_count = 0;
  uint64_t segment_total = 0;
  uint64_t rest_count = 0;
  uint64_t rest_total = 0;
  double segment_share = 0;
  double rest_share = 0;
  std::optional<double> lift;  // absent when rest_share is 0
  // Fisher's exact test, one-sided: p_value is the mid-p, Holm-adjusted
  // across the attribute's values in the segment; z is descriptive.
  SignificanceTest test;
  double fisher_p_value = 0;  // Fisher's own, conservative
};

// An attribute column not used to describe segments (see
// jtbd_set_aside_attribute).
struct SetAsideAttribute {
  std::string attribute;
  int32_t reason = 0;  // jtbd_set_aside_reason
  uint64_t distinct_value_count = 0;
  uint64_t respondent_count = 0;
};

// One segment: its size and share, and its scores as a Report whose
// outcomes are the segment's and whose one segment ("segment <cluster>")
// compares it with the rest of the clustered respondents.
struct SegmentProfile {
  uint32_t cluster = 0;  // 1..k
  uint64_t respondent_count = 0;
  double share = 0;
  double silhouette = 0;
  Report scores;
  std::vector<AttributeOverrepresentation> overrepresented_attributes;
};

// One answer of a respondent being tagged (ratings 0 = no answer).
struct RatedOutcome {
  std::string outcome_id;
  uint8_t importance = 0;
  uint8_t satisfaction = 0;
};

// A respondent's segment under a model.
struct SegmentAssignment {
  uint32_t cluster = 0;       // 1..k
  size_t observed_count = 0;  // model outcomes with both ratings given
  double distance = 0;        // to the segment's centroid
};

// A fitted segmentation that tags new respondents one by one (a CRM tags a
// contact as answers arrive). Move-only; immutable, so const calls may run
// concurrently.
class SegmentModel {
 public:
  // Takes ownership of a model made by the C API.
  explicit SegmentModel(jtbd_segment_model* native) : handle_(native) {}

  // A serialized jtbd.v1.SegmentModel (as made by Serialize).
  static SegmentModel Parse(std::string_view bytes) {
    jtbd_segment_model* raw = nullptr;
    internal::Check(jtbd_segment_model_parse(bytes.data(), bytes.size(), &raw));
    return SegmentModel(raw);
  }
  // A file written by Save (errors name the path).
  static SegmentModel Load(std::string_view path) {
    jtbd_segment_model* raw = nullptr;
    internal::Check(
        jtbd_segment_model_load_file(path.data(), path.size(), &raw));
    return SegmentModel(raw);
  }

  std::string Serialize() const {
    jtbd_buffer* buffer = nullptr;
    internal::Check(jtbd_segment_model_serialize(handle_.get(), &buffer));
    return internal::TakeBuffer(buffer);
  }
  // Written atomically (a reader sees the old file or the new one).
  void Save(std::string_view path) const {
    internal::Check(
        jtbd_segment_model_save_file(handle_.get(), path.data(), path.size()));
  }

  uint32_t k() const { return jtbd_segment_model_k(handle_.get()); }
  // The outcomes clustered on, in model order.
  std::vector<std::string> outcome_ids() const {
    std::vector<std::string> ids;
    const size_t count = jtbd_segment_model_outcome_count(handle_.get());
    for (size_t i = 0; i < count; ++i) {
      const char* id = nullptr;
      size_t id_len = 0;
      internal::Check(
          jtbd_segment_model_outcome_id(handle_.get(), i, &id, &id_len));
      ids.emplace_back(id, id_len);
    }
    return ids;
  }

  // Tags one respondent from answers by outcome id, in any order (ids the
  // model does not use are ignored). Errors name the answer's index.
  SegmentAssignment Assign(const std::vector<RatedOutcome>& answers) const {
    std::vector<const char*> ids;
    std::vector<size_t> lengths;
    std::vector<uint8_t> importance, satisfaction;
    for (const RatedOutcome& answer : answers) {
      ids.push_back(answer.outcome_id.data());
      lengths.push_back(answer.outcome_id.size());
      importance.push_back(answer.importance);
      satisfaction.push_back(answer.satisfaction);
    }
    jtbd_segment_assignment out = {};
    out.struct_size = sizeof(out);
    internal::Check(jtbd_segment_model_assign(
        handle_.get(), answers.size(), ids.data(), lengths.data(),
        importance.data(), satisfaction.data(), &out));
    SegmentAssignment assignment;
    assignment.cluster = out.cluster;
    assignment.observed_count = out.observed_count;
    assignment.distance = out.distance;
    return assignment;
  }
  // Every respondent of a study, in study order: 1..k, or 0 without any
  // usable answer.
  std::vector<uint32_t> AssignStudy(const Study& study) const {
    std::vector<uint32_t> clusters(
        static_cast<size_t>(study.respondent_count()));
    internal::Check(jtbd_segment_model_assign_study(
        handle_.get(), study.native(), clusters.data(), clusters.size()));
    return clusters;
  }

  // The native handle, still owned by this object (NULL when moved from).
  const jtbd_segment_model* native() const noexcept { return handle_.get(); }
  jtbd_segment_model* native() noexcept { return handle_.get(); }

 private:
  std::unique_ptr<jtbd_segment_model, internal::SegmentModelDestroy> handle_;
};

// A study's segmentation, read into plain values (the native object is kept,
// immutable and shared by copies, for Render and Model).
class Segmentation {
 public:
  uint32_t k() const { return info_.k; }
  bool k_chosen() const { return info_.k_chosen != 0; }
  SegmentFeature feature() const {
    return static_cast<SegmentFeature>(info_.feature);
  }
  size_t component_count() const { return info_.component_count; }
  uint64_t respondent_count() const { return info_.respondent_count; }
  uint64_t unclustered_respondent_count() const {
    return info_.unclustered_respondent_count;
  }
  uint64_t silhouette_respondent_count() const {
    return info_.silhouette_respondent_count;
  }
  uint32_t starts() const { return info_.starts; }
  uint64_t seed() const { return info_.seed; }
  uint64_t imputed_feature_count() const { return info_.imputed_feature_count; }
  uint32_t min_attribute_count() const { return info_.min_attribute_count; }
  PValueAdjustment p_value_adjustment() const {
    return static_cast<PValueAdjustment>(info_.p_value_adjustment);
  }
  // Attribute columns set aside (ids, emails, free text), in column order.
  const std::vector<SetAsideAttribute>& set_aside_attributes() const {
    return set_aside_attributes_;
  }
  // Cautions: a weak structure, then each segment's.
  const std::vector<Warning>& warnings() const { return warnings_; }
  const std::vector<std::string>& outcome_ids() const { return outcome_ids_; }
  const std::vector<std::string>& dropped_outcome_ids() const {
    return dropped_outcome_ids_;
  }
  // Every k fitted, in increasing k.
  const std::vector<SegmentCandidate>& candidates() const {
    return candidates_;
  }
  // Per study respondent, in study order: 1..k, 0 when not clustered.
  const std::vector<uint32_t>& clusters() const { return clusters_; }
  // segments()[c - 1] is segment c.
  const std::vector<SegmentProfile>& segments() const { return segments_; }

  // Table, JSON (with respondents and segments), CSV (respondent_id,
  // cluster) or a serialized jtbd.v1.SegmentationReport.
  std::string Render(Format format) const {
    jtbd_buffer* buffer = nullptr;
    internal::Check(jtbd_segmentation_render(
        native_.get(), static_cast<int32_t>(format), &buffer));
    return internal::TakeBuffer(buffer);
  }
  // The model that tags new respondents.
  SegmentModel Model() const {
    jtbd_segment_model* raw = nullptr;
    internal::Check(jtbd_segmentation_create_model(native_.get(), &raw));
    return SegmentModel(raw);
  }

  // Takes ownership of a segmentation made by the C API.
  static Segmentation Adopt(jtbd_segmentation* native) {
    std::shared_ptr<const jtbd_segmentation> owned(
        native, internal::SegmentationDestroy());
    Segmentation out;
    out.info_.struct_size = sizeof(out.info_);
    internal::Check(jtbd_segmentation_get_info(native, &out.info_));
    const auto text = [](jtbd_error* error, const char* data, size_t length) {
      internal::Check(error);
      return std::string(data, length);
    };
    for (size_t i = 0; i < out.info_.outcome_count; ++i) {
      const char* id = nullptr;
      size_t id_len = 0;
      jtbd_error* error = jtbd_segmentation_outcome_id(native, i, &id, &id_len);
      out.outcome_ids_.push_back(text(error, id, id_len));
    }
    for (size_t i = 0; i < out.info_.dropped_outcome_count; ++i) {
      const char* id = nullptr;
      size_t id_len = 0;
      jtbd_error* error =
          jtbd_segmentation_dropped_outcome_id(native, i, &id, &id_len);
      out.dropped_outcome_ids_.push_back(text(error, id, id_len));
    }
    for (size_t i = 0; i < out.info_.candidate_count; ++i) {
      jtbd_segment_candidate candidate = {};
      candidate.struct_size = sizeof(candidate);
      internal::Check(jtbd_segmentation_candidate(native, i, &candidate));
      out.candidates_.push_back(
          SegmentCandidate{candidate.k, candidate.iterations,
                           candidate.silhouette, candidate.inertia});
    }
    out.clusters_.resize(static_cast<size_t>(out.info_.respondent_count) +
                         out.info_.unclustered_respondent_count);
    internal::Check(jtbd_segmentation_respondent_clusters(
        native, out.clusters_.data(), out.clusters_.size()));
    for (uint32_t c = 1; c <= out.info_.k; ++c) {
      jtbd_segment_profile profile = {};
      profile.struct_size = sizeof(profile);
      internal::Check(jtbd_segmentation_segment_profile(native, c, &profile));
      SegmentProfile segment;
      segment.cluster = profile.cluster;
      segment.respondent_count = profile.respondent_count;
      segment.share = profile.share;
      segment.silhouette = profile.silhouette;
      jtbd_report* report = nullptr;
      internal::Check(
          jtbd_segmentation_create_segment_report(native, c, &report));
      segment.scores = Report::Adopt(report);
      for (size_t i = 0; i < profile.overrepresented_attribute_count; ++i) {
        jtbd_attribute_overrepresentation a = {};
        a.struct_size = sizeof(a);
        internal::Check(jtbd_segmentation_segment_attribute(native, c, i, &a));
        AttributeOverrepresentation value;
        value.attribute.assign(a.attribute, a.attribute_len);
        value.value.assign(a.value, a.value_len);
        value.segment_count = a.segment_count;
        value.segment_total = a.segment_total;
        value.rest_count = a.rest_count;
        value.rest_total = a.rest_total;
        value.segment_share = a.segment_share;
        value.rest_share = a.rest_share;
        if (a.has_lift != 0) value.lift = a.lift;
        value.test = SignificanceTest{a.test.z, a.test.p_value,
                                      a.test.holm_adjusted_p_value,
                                      a.test.holm_adjusted_p_value};
        value.fisher_p_value = a.fisher_p_value;
        segment.overrepresented_attributes.push_back(std::move(value));
      }
      out.segments_.push_back(std::move(segment));
    }
    for (size_t i = 0; i < jtbd_segmentation_set_aside_attribute_count(native);
         ++i) {
      jtbd_set_aside_attribute a = {};
      a.struct_size = sizeof(a);
      internal::Check(jtbd_segmentation_set_aside_attribute(native, i, &a));
      out.set_aside_attributes_.push_back(
          SetAsideAttribute{std::string(a.attribute, a.attribute_len), a.reason,
                            a.distinct_value_count, a.respondent_count});
    }
    for (size_t i = 0; i < jtbd_segmentation_warning_count(native); ++i) {
      jtbd_warning warning = {};
      warning.struct_size = sizeof(warning);
      internal::Check(jtbd_segmentation_warning(native, i, &warning));
      out.warnings_.push_back(internal::ConvertWarning(warning));
    }
    out.native_ = std::move(owned);
    return out;
  }

 private:
  Segmentation() = default;

  jtbd_segmentation_info info_ = {};
  std::vector<std::string> outcome_ids_;
  std::vector<std::string> dropped_outcome_ids_;
  std::vector<SegmentCandidate> candidates_;
  std::vector<uint32_t> clusters_;
  std::vector<SegmentProfile> segments_;
  std::vector<SetAsideAttribute> set_aside_attributes_;
  std::vector<Warning> warnings_;
  std::shared_ptr<const jtbd_segmentation> native_;
};

namespace internal {

// The native options for `options` (refused values throw Error).
inline std::unique_ptr<jtbd_segment_options, SegmentOptionsDestroy>
MakeSegmentOptions(const SegmentOptions& options) {
  jtbd_segment_options* raw = nullptr;
  Check(jtbd_segment_options_create(&raw));
  std::unique_ptr<jtbd_segment_options, SegmentOptionsDestroy> owned(raw);
  if (options.feature.has_value()) {
    Check(jtbd_segment_options_set_feature(
        raw, static_cast<int32_t>(*options.feature)));
  }
  if (options.principal_components.has_value()) {
    Check(jtbd_segment_options_set_principal_components(
        raw, *options.principal_components ? 1 : 0));
  }
  if (options.k.has_value()) {
    Check(jtbd_segment_options_set_k(raw, *options.k));
  }
  if (options.k_range.has_value()) {
    Check(jtbd_segment_options_set_k_range(raw, options.k_range->min_k,
                                           options.k_range->max_k));
  }
  if (options.starts.has_value()) {
    Check(jtbd_segment_options_set_starts(raw, *options.starts));
  }
  if (options.seed.has_value()) {
    Check(jtbd_segment_options_set_seed(raw, *options.seed));
  }
  if (options.threads.has_value()) {
    Check(jtbd_segment_options_set_threads(raw, *options.threads));
  }
  if (options.silhouette_sample_size.has_value()) {
    Check(jtbd_segment_options_set_silhouette_sample_size(
        raw, *options.silhouette_sample_size));
  }
  if (options.min_attribute_count.has_value()) {
    Check(jtbd_segment_options_set_min_attribute_count(
        raw, *options.min_attribute_count));
  }
  auto scoring = MakeScoreOptions(options.scoring);
  Check(jtbd_segment_options_set_score_options(raw, scoring.get()));
  return owned;
}

}  // namespace internal

// Segments a study: respondents clustered by their unmet outcomes, a
// profile per segment, and a model for new respondents (docs/SEGMENTS.md).
// Throws FAILED_PRECONDITION when the study cannot form the k asked.
inline Segmentation Segment(const Study& study,
                            const SegmentOptions& options = SegmentOptions()) {
  auto native_options = internal::MakeSegmentOptions(options);
  jtbd_segmentation* segmentation = nullptr;
  internal::Check(
      jtbd_study_segment(study.native(), native_options.get(), &segmentation));
  return Segmentation::Adopt(segmentation);
}

// ------------------------------------------------------ surveys in one step

// Reads a survey file and scores it in one step, by the cheapest path the
// options allow (jtbd_score_survey_file): without screening, memory grows
// with the outcomes and segments, not the respondents. The report equals
// Study::ReadCsvFile(path, read).Score(options).
inline Report ScoreSurveyFile(std::string_view path,
                              const ScoreOptions& options = ScoreOptions(),
                              const ReadOptions& read = ReadOptions()) {
  auto native_read = internal::NewReadOptions(read);
  auto native_score = internal::MakeScoreOptions(options);
  jtbd_report* report = nullptr;
  internal::Check(jtbd_score_survey_file(native_read.get(), native_score.get(),
                                         path.data(), path.size(), &report));
  return Report::Adopt(report);
}
// The same from memory; source_name names it in errors.
inline Report ScoreSurvey(std::string_view data,
                          std::string_view source_name = {},
                          const ScoreOptions& options = ScoreOptions(),
                          const ReadOptions& read = ReadOptions()) {
  auto native_read = internal::NewReadOptions(read);
  auto native_score = internal::MakeScoreOptions(options);
  jtbd_report* report = nullptr;
  internal::Check(jtbd_score_survey(
      native_read.get(), native_score.get(), data.data(), data.size(),
      source_name.data(), source_name.size(), &report));
  return Report::Adopt(report);
}

// Reads a survey file and segments it in one step
// (jtbd_segment_survey_file): Segment(Study::ReadCsvFile(path, read),
// options), the options checked before the file is read.
inline Segmentation SegmentSurveyFile(
    std::string_view path, const SegmentOptions& options = SegmentOptions(),
    const ReadOptions& read = ReadOptions()) {
  auto native_read = internal::NewReadOptions(read);
  auto native_segment = internal::MakeSegmentOptions(options);
  jtbd_segmentation* segmentation = nullptr;
  internal::Check(jtbd_segment_survey_file(native_read.get(),
                                           native_segment.get(), path.data(),
                                           path.size(), &segmentation));
  return Segmentation::Adopt(segmentation);
}
// The same from memory; source_name names it in errors.
inline Segmentation SegmentSurvey(
    std::string_view data, std::string_view source_name = {},
    const SegmentOptions& options = SegmentOptions(),
    const ReadOptions& read = ReadOptions()) {
  auto native_read = internal::NewReadOptions(read);
  auto native_segment = internal::MakeSegmentOptions(options);
  jtbd_segmentation* segmentation = nullptr;
  internal::Check(jtbd_segment_survey(
      native_read.get(), native_segment.get(), data.data(), data.size(),
      source_name.data(), source_name.size(), &segmentation));
  return Segmentation::Adopt(segmentation);
}

// ------------------------------------------------------------------ waves

enum class Wave : int32_t {
  kUnspecified = JTBD_WAVE_UNSPECIFIED,
  kFirst = JTBD_WAVE_FIRST,    // the first given, "before"
  kSecond = JTBD_WAVE_SECOND,  // the second given, "after"
};

// One wave's scores of an outcome (jtbd_wave_scores).
struct WaveScores {
  double importance = 0;
  double satisfaction = 0;
  double opportunity = 0;
  uint64_t importance_count = 0;
  uint64_t satisfaction_count = 0;
};

// The change of one score, second wave minus first (jtbd_score_change).
struct ScoreChange {
  double difference = 0;
  Interval interval;
  // jtbd_difference_interval_method: Newcombe's hybrid score interval
  // (importance, satisfaction) or the delta method (opportunity).
  int32_t interval_method = 0;
  bool significant = false;  // adjusted_p_value < 1 - confidence level
  double z = 0;
  double p_value = 0;
  double adjusted_p_value = 0;
};

// One outcome present in both waves (jtbd_outcome_change); a change is
// absent when a wave has no answer on its axis.
struct OutcomeChange {
  std::string outcome_id;
  std::string statement;
  bool significant = false;  // some change of the outcome is
  WaveScores first;
  WaveScores second;
  std::optional<ScoreChange> importance;
  std::optional<ScoreChange> satisfaction;
  std::optional<ScoreChange> opportunity;
  Band band_before = Band::kUnspecified;
  Band band_after = Band::kUnspecified;
  bool crossed_band = false;
};

// A segment (a value of segment_by) compared with itself across the waves.
struct SegmentChanges {
  std::string name;
  uint64_t first_respondent_count = 0;
  uint64_t second_respondent_count = 0;
  std::vector<OutcomeChange> changes;  // in the first wave's order
};

// What changed between two waves (jtbd_wave_comparison), read into plain
// values; keeps the immutable native comparison (shared between copies)
// for Render.
class WaveComparison {
 public:
  WaveComparison() = default;  // empty; Render throws FAILED_PRECONDITION

  double confidence_level() const { return confidence_level_; }
  PValueAdjustment p_value_adjustment() const { return p_value_adjustment_; }
  ScoreMethod score_method() const { return score_method_; }
  uint64_t first_respondent_count() const { return first_respondent_count_; }
  uint64_t second_respondent_count() const { return second_respondent_count_; }
  const std::string& segment_by() const { return segment_by_; }
  uint32_t family_size() const { return family_size_; }
  uint32_t segment_family_size() const { return segment_family_size_; }
  int32_t scale_min() const { return scale_min_; }
  int32_t scale_max() const { return scale_max_; }
  int32_t top_box_min() const { return top_box_min_; }
  bool weighted() const { return weighted_; }
  // The whole sample's outcomes in both waves, in the first wave's order.
  const std::vector<OutcomeChange>& changes() const { return changes_; }
  // Outcomes of one wave only: (id, the wave that has it).
  const std::vector<std::pair<std::string, Wave>>& one_wave_outcomes() const {
    return one_wave_outcomes_;
  }
  // With segment_by: segments in both waves, sorted by value.
  const std::vector<SegmentChanges>& segments() const { return segments_; }
  const std::vector<std::pair<std::string, Wave>>& one_wave_segments() const {
    return one_wave_segments_;
  }

  // As `jtbd compare --format` writes it, or a serialized
  // jtbd.v1.WaveComparison.
  std::string Render(Format format) const {
    if (native_ == nullptr) {
      throw Error(JTBD_FAILED_PRECONDITION,
                  "jtbd::WaveComparison::Render: the comparison is empty");
    }
    jtbd_buffer* buffer = nullptr;
    internal::Check(jtbd_wave_comparison_render(
        native_.get(), static_cast<int32_t>(format), &buffer));
    return internal::TakeBuffer(buffer);
  }

  // The C handle (null when empty), for RenderHtml's sections and code
  // mixing both APIs; owned by this object.
  const jtbd_wave_comparison* native() const noexcept { return native_.get(); }

  // Takes ownership of a comparison made by the C API.
  static WaveComparison Adopt(jtbd_wave_comparison* native) {
    struct Destroy {
      void operator()(const jtbd_wave_comparison* c) const noexcept {
        jtbd_wave_comparison_destroy(const_cast<jtbd_wave_comparison*>(c));
      }
    };
    WaveComparison result;
    result.native_ =
        std::shared_ptr<const jtbd_wave_comparison>(native, Destroy());
    jtbd_wave_comparison_info info = {};
    info.struct_size = sizeof(info);
    internal::Check(jtbd_wave_comparison_get_info(native, &info));
    result.confidence_level_ = info.confidence_level;
    result.p_value_adjustment_ =
        static_cast<PValueAdjustment>(info.p_value_adjustment);
    result.score_method_ = static_cast<ScoreMethod>(info.score_method);
    result.first_respondent_count_ = info.first_respondent_count;
    result.second_respondent_count_ = info.second_respondent_count;
    result.segment_by_.assign(info.segment_by, info.segment_by_len);
    result.family_size_ = info.family_size;
    result.segment_family_size_ = info.segment_family_size;
    result.scale_min_ = info.scale_min;
    result.scale_max_ = info.scale_max;
    result.top_box_min_ = info.scale_top_box_min;
    result.weighted_ = info.weighted != 0;
    for (size_t i = 0; i < jtbd_wave_comparison_change_count(native); ++i) {
      jtbd_outcome_change change = {};
      change.struct_size = sizeof(change);
      internal::Check(jtbd_wave_comparison_change(native, i, &change));
      result.changes_.push_back(Convert(change));
    }
    for (size_t i = 0; i < jtbd_wave_comparison_one_wave_outcome_count(native);
         ++i) {
      const char* id = nullptr;
      size_t id_len = 0;
      int32_t wave = 0;
      internal::Check(jtbd_wave_comparison_one_wave_outcome(native, i, &id,
                                                            &id_len, &wave));
      result.one_wave_outcomes_.emplace_back(std::string(id, id_len),
                                             static_cast<Wave>(wave));
    }
    for (size_t s = 0; s < jtbd_wave_comparison_segment_count(native); ++s) {
      SegmentChanges segment;
      const char* name = nullptr;
      size_t name_len = 0;
      internal::Check(
          jtbd_wave_comparison_segment_name(native, s, &name, &name_len));
      segment.name.assign(name, name_len);
      internal::Check(jtbd_wave_comparison_segment_respondent_counts(
          native, s, &segment.first_respondent_count,
          &segment.second_respondent_count));
      size_t count = 0;
      internal::Check(
          jtbd_wave_comparison_segment_change_count(native, s, &count));
      for (size_t i = 0; i < count; ++i) {
        jtbd_outcome_change change = {};
        change.struct_size = sizeof(change);
        internal::Check(
            jtbd_wave_comparison_segment_change(native, s, i, &change));
        segment.changes.push_back(Convert(change));
      }
      result.segments_.push_back(std::move(segment));
    }
    for (size_t i = 0; i < jtbd_wave_comparison_one_wave_segment_count(native);
         ++i) {
      const char* name = nullptr;
      size_t name_len = 0;
      int32_t wave = 0;
      internal::Check(jtbd_wave_comparison_one_wave_segment(native, i, &name,
                                                            &name_len, &wave));
      result.one_wave_segments_.emplace_back(std::string(name, name_len),
                                             static_cast<Wave>(wave));
    }
    return result;
  }

 private:
  static WaveScores Convert(const jtbd_wave_scores& c) {
    return WaveScores{c.importance, c.satisfaction, c.opportunity,
                      c.importance_count, c.satisfaction_count};
  }
  static ScoreChange Convert(const jtbd_score_change& c) {
    ScoreChange change;
    change.difference = c.difference;
    change.interval = Interval{c.interval.low, c.interval.high};
    change.interval_method = c.interval_method;
    change.significant = c.significant != 0;
    change.z = c.z;
    change.p_value = c.p_value;
    change.adjusted_p_value = c.adjusted_p_value;
    return change;
  }
  static OutcomeChange Convert(const jtbd_outcome_change& c) {
    OutcomeChange change;
    change.outcome_id.assign(c.outcome_id, c.outcome_id_len);
    change.statement.assign(c.statement, c.statement_len);
    change.significant = c.significant != 0;
    change.first = Convert(c.first);
    change.second = Convert(c.second);
    if (c.has & JTBD_CHANGE_HAS_IMPORTANCE) {
      change.importance = Convert(c.importance);
    }
    if (c.has & JTBD_CHANGE_HAS_SATISFACTION) {
      change.satisfaction = Convert(c.satisfaction);
    }
    if (c.has & JTBD_CHANGE_HAS_OPPORTUNITY) {
      change.opportunity = Convert(c.opportunity);
    }
    change.band_before = static_cast<Band>(c.band_before);
    change.band_after = static_cast<Band>(c.band_after);
    change.crossed_band = c.crossed_band != 0;
    return change;
  }

  std::shared_ptr<const jtbd_wave_comparison> native_;
  double confidence_level_ = 0;
  PValueAdjustment p_value_adjustment_ = PValueAdjustment::kUnspecified;
  ScoreMethod score_method_ = ScoreMethod::kUnspecified;
  uint64_t first_respondent_count_ = 0;
  uint64_t second_respondent_count_ = 0;
  std::string segment_by_;
  uint32_t family_size_ = 0;
  uint32_t segment_family_size_ = 0;
  int32_t scale_min_ = 0;
  int32_t scale_max_ = 0;
  int32_t top_box_min_ = 0;
  bool weighted_ = false;
  std::vector<OutcomeChange> changes_;
  std::vector<std::pair<std::string, Wave>> one_wave_outcomes_;
  std::vector<SegmentChanges> segments_;
  std::vector<std::pair<std::string, Wave>> one_wave_segments_;
};

// Compares aggregate `first` (before, e.g. last quarter's, loaded) with
// `second` (after) (jtbd_compare_aggregates). Of the options only
// confidence_level, p_value_adjustment and method are used; segment_by and
// screening are refused.
inline WaveComparison CompareWaves(
    const Aggregate& first, const Aggregate& second,
    const ScoreOptions& options = ScoreOptions()) {
  auto native_score = internal::MakeScoreOptions(options);
  jtbd_wave_comparison* comparison = nullptr;
  internal::Check(jtbd_compare_aggregates(native_score.get(), first.native(),
                                          second.native(), &comparison));
  return WaveComparison::Adopt(comparison);
}
// Reads two waves (surveys in any format, or saved aggregates) and compares
// them in one step, as `jtbd compare` (jtbd_compare_survey_files); with
// options.segment_by each segment too.
inline WaveComparison CompareSurveyFiles(
    std::string_view first_path, std::string_view second_path,
    const ScoreOptions& options = ScoreOptions(),
    const ReadOptions& read = ReadOptions()) {
  auto native_read = internal::NewReadOptions(read);
  auto native_score = internal::MakeScoreOptions(options);
  jtbd_wave_comparison* comparison = nullptr;
  internal::Check(jtbd_compare_survey_files(
      native_read.get(), native_score.get(), first_path.data(),
      first_path.size(), second_path.data(), second_path.size(), &comparison));
  return WaveComparison::Adopt(comparison);
}
// The same from memory; the names name the waves in errors.
inline WaveComparison CompareSurveys(
    std::string_view first_data, std::string_view first_name,
    std::string_view second_data, std::string_view second_name,
    const ScoreOptions& options = ScoreOptions(),
    const ReadOptions& read = ReadOptions()) {
  auto native_read = internal::NewReadOptions(read);
  auto native_score = internal::MakeScoreOptions(options);
  jtbd_wave_comparison* comparison = nullptr;
  internal::Check(jtbd_compare_surveys(
      native_read.get(), native_score.get(), first_data.data(),
      first_data.size(), first_name.data(), first_name.size(),
      second_data.data(), second_data.size(), second_name.data(),
      second_name.size(), &comparison));
  return WaveComparison::Adopt(comparison);
}

// ----------------------------------------------------------------- stream

namespace internal {
struct StreamDestroy {
  void operator()(jtbd_stream* stream) const noexcept {
    jtbd_stream_destroy(stream);
  }
};
}  // namespace internal

// Scores that stay current as answers arrive (jtbd_stream_*;
// docs/STREAMING.md). Timestamps are Unix milliseconds.
class Stream {
 public:
  // A sliding window of bucket_count buckets of bucket_width_ms each, over
  // the scale and outcomes of `shape` (its answers unused).
  static Stream Window(const Aggregate& shape, int64_t bucket_width_ms,
                       uint32_t bucket_count) {
    jtbd_stream* raw = nullptr;
    internal::Check(jtbd_stream_create(shape.native(), bucket_width_ms,
                                       bucket_count, 0, &raw));
    return Stream(raw);
  }
  // Exponential decay with this half-life.
  static Stream Decay(const Aggregate& shape, int64_t half_life_ms) {
    jtbd_stream* raw = nullptr;
    internal::Check(
        jtbd_stream_create(shape.native(), 0, 0, half_life_ms, &raw));
    return Stream(raw);
  }
  static Stream Parse(std::string_view bytes) {
    jtbd_stream* raw = nullptr;
    internal::Check(jtbd_stream_parse(bytes.data(), bytes.size(), &raw));
    return Stream(raw);
  }
  static Stream Load(std::string_view path) {
    jtbd_stream* raw = nullptr;
    internal::Check(jtbd_stream_load_file(path.data(), path.size(), &raw));
    return Stream(raw);
  }
  explicit Stream(jtbd_stream* native) : handle_(native) {}

  // One respondent: a rating per outcome in the stream's order (0 = no
  // answer); weight NULL-like when absent. All or nothing.
  void Append(int64_t timestamp_ms, const std::vector<uint8_t>& importance,
              const std::vector<uint8_t>& satisfaction,
              std::optional<double> weight = std::nullopt) {
    if (importance.size() != satisfaction.size()) {
      throw Error(JTBD_INVALID_ARGUMENT,
                  "Stream::Append: " + std::to_string(importance.size()) +
                      " importance and " + std::to_string(satisfaction.size()) +
                      " satisfaction ratings");
    }
    const double w = weight.value_or(1.0);
    internal::Check(jtbd_stream_append(
        handle_.get(), timestamp_ms, importance.data(), satisfaction.data(),
        importance.size(), weight ? &w : nullptr));
  }
  size_t outcome_count() const {
    return jtbd_stream_outcome_count(handle_.get());
  }
  // The latest timestamp appended, -1 before any.
  int64_t latest_ms() const { return jtbd_stream_latest_ms(handle_.get()); }
  size_t buckets_held() const {
    return jtbd_stream_buckets_held(handle_.get());
  }
  // The answers held now (keep it to compare a later window with it).
  Aggregate Current() const {
    jtbd_aggregate* raw = nullptr;
    internal::Check(jtbd_stream_current(handle_.get(), &raw));
    return Aggregate(raw);
  }
  Report Score(const ScoreOptions& options = ScoreOptions()) const {
    auto native_options = internal::MakeScoreOptions(options);
    jtbd_report* report = nullptr;
    internal::Check(
        jtbd_stream_score(handle_.get(), native_options.get(), &report));
    return Report::Adopt(report);
  }
  // The wave comparison of `reference` with the current answers; the
  // alerts are its changes whose opportunity change is significant.
  WaveComparison Alerts(const Aggregate& reference,
                        const ScoreOptions& options = ScoreOptions()) const {
    auto native_options = internal::MakeScoreOptions(options);
    jtbd_wave_comparison* comparison = nullptr;
    internal::Check(jtbd_stream_alerts(handle_.get(), native_options.get(),
                                       reference.native(), &comparison));
    return WaveComparison::Adopt(comparison);
  }
  std::string Serialize() const {
    jtbd_buffer* buffer = nullptr;
    internal::Check(jtbd_stream_serialize(handle_.get(), &buffer));
    return internal::TakeBuffer(buffer);
  }
  void Save(std::string_view path) const {
    internal::Check(
        jtbd_stream_save_file(handle_.get(), path.data(), path.size()));
  }
  const jtbd_stream* native() const noexcept { return handle_.get(); }

 private:
  std::unique_ptr<jtbd_stream, internal::StreamDestroy> handle_;
};

// ---------------------------------------------------------------- roadmap

// How initiatives are prioritized (jtbd_roadmap_options_*): a budget is
// required; the rest take the library's defaults when unset.
struct RoadmapOptions {
  double budget = 0;
  std::optional<uint64_t> node_limit = std::nullopt;        // per solve
  std::optional<double> time_limit_seconds = std::nullopt;  // 0: none
  std::optional<uint32_t> resamples = std::nullopt;         // 0: no robustness
  std::optional<uint64_t> seed = std::nullopt;
  std::vector<double> frontier_budgets;  // empty: evenly spaced
  std::string segment_by;                // surveys only
};

// One candidate initiative (jtbd_initiative_result).
struct RoadmapInitiative {
  std::string name;
  double cost = 0;
  bool selected = false;
  // Share of the bootstrap redraws whose best portfolio has it.
  std::optional<double> chosen_share;
  // Chosen initiatives only: the portfolio's value minus value_without,
  // the best value within the budget without it (re-solved), and whether
  // that re-solve finished.
  std::optional<double> marginal_value;
  std::optional<double> value_without;
  bool marginal_optimal = false;
};

// One budget of the efficient frontier.
struct FrontierPoint {
  double budget = 0;
  double value = 0;
  double cost = 0;
  bool optimal = false;
  std::vector<std::string> selected;
};

// One outcome's (and segment's) share of the portfolio's value
// (jtbd_outcome_contribution).
struct OutcomeContribution {
  std::string outcome_id;
  std::string segment;  // empty without segments
  double weight = 1;    // the segment's share of respondents
  double importance = 0;
  double satisfaction_before = 0;
  double satisfaction_after = 0;
  double opportunity_before = 0;
  double opportunity_after = 0;
  double value = 0;  // weight x (opportunity_before - opportunity_after)
  std::vector<std::string> initiatives;  // those that raise satisfaction
};

// The roadmap (jtbd_roadmap), read into plain values; keeps the immutable
// native roadmap (shared between copies) for Render.
class Roadmap {
 public:
  Roadmap() = default;  // empty; Render throws FAILED_PRECONDITION

  const std::vector<std::string>& selected() const { return selected_; }
  double value() const { return info_.value; }
  double cost() const { return info_.cost; }
  double budget() const { return info_.budget; }
  double total_cost() const { return info_.total_cost; }
  bool optimal() const { return info_.optimal != 0; }
  double bound() const { return info_.bound; }
  double gap() const { return info_.gap; }
  uint64_t nodes_explored() const { return info_.nodes_explored; }
  uint32_t resamples() const { return info_.resamples; }
  double portfolio_optimal_share() const {
    return info_.portfolio_optimal_share;
  }
  const std::string& segment_by() const { return segment_by_; }
  const std::vector<RoadmapInitiative>& initiatives() const {
    return initiatives_;
  }
  const std::vector<FrontierPoint>& frontier() const { return frontier_; }
  // Where the value comes from, outcome by outcome (and segment).
  const std::vector<OutcomeContribution>& contributions() const {
    return contributions_;
  }

  // As `jtbd prioritize --format` writes it, or a serialized
  // jtbd.v1.RoadmapReport.
  std::string Render(Format format) const {
    if (native_ == nullptr) {
      throw Error(JTBD_FAILED_PRECONDITION,
                  "jtbd::Roadmap::Render: the roadmap is empty");
    }
    jtbd_buffer* buffer = nullptr;
    internal::Check(jtbd_roadmap_render(native_.get(),
                                        static_cast<int32_t>(format), &buffer));
    return internal::TakeBuffer(buffer);
  }

  // The C handle (null when empty), for RenderHtml's sections and code
  // mixing both APIs; owned by this object.
  const jtbd_roadmap* native() const noexcept { return native_.get(); }

  // Takes ownership of a roadmap made by the C API.
  static Roadmap Adopt(jtbd_roadmap* native) {
    struct Destroy {
      void operator()(const jtbd_roadmap* r) const noexcept {
        jtbd_roadmap_destroy(const_cast<jtbd_roadmap*>(r));
      }
    };
    Roadmap result;
    result.native_ = std::shared_ptr<const jtbd_roadmap>(native, Destroy());
    result.info_.struct_size = sizeof(result.info_);
    internal::Check(jtbd_roadmap_get_info(native, &result.info_));
    result.segment_by_.assign(result.info_.segment_by,
                              result.info_.segment_by_len);
    result.info_.segment_by = nullptr;  // the copy above outlives it
    for (size_t i = 0; i < jtbd_roadmap_selected_count(native); ++i) {
      result.selected_.push_back(Name([&](const char** n, size_t* l) {
        return jtbd_roadmap_selected(native, i, n, l);
      }));
    }
    for (size_t i = 0; i < jtbd_roadmap_initiative_count(native); ++i) {
      jtbd_initiative_result c = {};
      c.struct_size = sizeof(c);
      internal::Check(jtbd_roadmap_initiative(native, i, &c));
      RoadmapInitiative initiative;
      initiative.name.assign(c.name, c.name_len);
      initiative.cost = c.cost;
      initiative.selected = c.selected != 0;
      if (c.has & JTBD_INITIATIVE_HAS_CHOSEN_SHARE) {
        initiative.chosen_share = c.chosen_share;
      }
      if (c.has & JTBD_INITIATIVE_HAS_MARGINAL_VALUE) {
        initiative.marginal_value = c.marginal_value;
        initiative.value_without = c.value_without;
        initiative.marginal_optimal = c.marginal_optimal != 0;
      }
      result.initiatives_.push_back(std::move(initiative));
    }
    for (size_t p = 0; p < jtbd_roadmap_frontier_count(native); ++p) {
      jtbd_frontier_point c = {};
      c.struct_size = sizeof(c);
      internal::Check(jtbd_roadmap_frontier_point(native, p, &c));
      FrontierPoint point;
      point.budget = c.budget;
      point.value = c.value;
      point.cost = c.cost;
      point.optimal = c.optimal != 0;
      for (size_t i = 0; i < c.selected_count; ++i) {
        point.selected.push_back(Name([&](const char** n, size_t* l) {
          return jtbd_roadmap_frontier_selected(native, p, i, n, l);
        }));
      }
      result.frontier_.push_back(std::move(point));
    }
    for (size_t k = 0; k < jtbd_roadmap_contribution_count(native); ++k) {
      jtbd_outcome_contribution c = {};
      c.struct_size = sizeof(c);
      internal::Check(jtbd_roadmap_contribution(native, k, &c));
      OutcomeContribution contribution;
      contribution.outcome_id.assign(c.outcome_id, c.outcome_id_len);
      contribution.segment.assign(c.segment, c.segment_len);
      contribution.weight = c.weight;
      contribution.importance = c.importance;
      contribution.satisfaction_before = c.satisfaction_before;
      contribution.satisfaction_after = c.satisfaction_after;
      contribution.opportunity_before = c.opportunity_before;
      contribution.opportunity_after = c.opportunity_after;
      contribution.value = c.value;
      for (size_t i = 0; i < c.initiative_count; ++i) {
        contribution.initiatives.push_back(Name([&](const char** n, size_t* l) {
          return jtbd_roadmap_contribution_initiative(native, k, i, n, l);
        }));
      }
      result.contributions_.push_back(std::move(contribution));
    }
    return result;
  }

 private:
  template <typename Getter>
  static std::string Name(Getter getter) {
    const char* name = nullptr;
    size_t name_len = 0;
    internal::Check(getter(&name, &name_len));
    return std::string(name, name_len);
  }

  std::shared_ptr<const jtbd_roadmap> native_;
  jtbd_roadmap_info info_ = {};
  std::string segment_by_;
  std::vector<std::string> selected_;
  std::vector<RoadmapInitiative> initiatives_;
  std::vector<FrontierPoint> frontier_;
  std::vector<OutcomeContribution> contributions_;
};

namespace internal {

struct RoadmapOptionsDestroy {
  void operator()(jtbd_roadmap_options* options) const noexcept {
    jtbd_roadmap_options_destroy(options);
  }
};

inline std::unique_ptr<jtbd_roadmap_options, RoadmapOptionsDestroy>
MakeRoadmapOptions(const RoadmapOptions& options) {
  jtbd_roadmap_options* raw = nullptr;
  Check(jtbd_roadmap_options_create(&raw));
  std::unique_ptr<jtbd_roadmap_options, RoadmapOptionsDestroy> owned(raw);
  Check(jtbd_roadmap_options_set_budget(raw, options.budget));
  if (options.node_limit.has_value()) {
    Check(jtbd_roadmap_options_set_node_limit(raw, *options.node_limit));
  }
  if (options.time_limit_seconds.has_value()) {
    Check(
        jtbd_roadmap_options_set_time_limit(raw, *options.time_limit_seconds));
  }
  if (options.resamples.has_value()) {
    Check(jtbd_roadmap_options_set_resamples(raw, *options.resamples));
  }
  if (options.seed.has_value()) {
    Check(jtbd_roadmap_options_set_seed(raw, *options.seed));
  }
  for (double budget : options.frontier_budgets) {
    Check(jtbd_roadmap_options_add_frontier_budget(raw, budget));
  }
  Check(jtbd_roadmap_options_set_segment_by(raw, options.segment_by.data(),
                                            options.segment_by.size()));
  return owned;
}

}  // namespace internal

// Reads a survey (or saved aggregate) and an initiatives CSV and
// prioritizes within options.budget, as `jtbd prioritize`
// (jtbd_prioritize_survey_file).
inline Roadmap Prioritize(std::string_view survey_path,
                          std::string_view initiatives_path,
                          const RoadmapOptions& options,
                          const ReadOptions& read = ReadOptions()) {
  auto native_read = internal::NewReadOptions(read);
  auto native_options = internal::MakeRoadmapOptions(options);
  jtbd_roadmap* roadmap = nullptr;
  internal::Check(jtbd_prioritize_survey_file(
      native_read.get(), native_options.get(), survey_path.data(),
      survey_path.size(), initiatives_path.data(), initiatives_path.size(),
      &roadmap));
  return Roadmap::Adopt(roadmap);
}
// The same on an aggregate's whole sample, the initiatives CSV in memory
// (initiatives_name names it in errors).
inline Roadmap Prioritize(const Aggregate& aggregate,
                          std::string_view initiatives_csv,
                          std::string_view initiatives_name,
                          const RoadmapOptions& options) {
  auto native_options = internal::MakeRoadmapOptions(options);
  jtbd_roadmap* roadmap = nullptr;
  internal::Check(jtbd_aggregate_prioritize(
      aggregate.native(), native_options.get(), initiatives_csv.data(),
      initiatives_csv.size(), initiatives_name.data(), initiatives_name.size(),
      &roadmap));
  return Roadmap::Adopt(roadmap);
}

// ----------------------------------------------------------------- forces

// Switching forces (`jtbd forces`; docs/FORCES.md).

enum class Force : int32_t {
  kUnspecified = JTBD_FORCE_UNSPECIFIED,
  kPush = JTBD_FORCE_PUSH,
  kPull = JTBD_FORCE_PULL,
  kAnxiety = JTBD_FORCE_ANXIETY,
  kHabit = JTBD_FORCE_HABIT,
};

enum class SwitchOutcome : int32_t {
  kUnspecified = JTBD_SWITCH_OUTCOME_UNSPECIFIED,  // open
  kSwitched = JTBD_SWITCH_OUTCOME_SWITCHED,
  kStayed = JTBD_SWITCH_OUTCOME_STAYED,
};

// One interview as the analysis sees it (jtbd_interview_info).
struct Interview {
  std::string id;
  SwitchOutcome outcome = SwitchOutcome::kUnspecified;
  // Strongest observation of each force, 0 when never mentioned.
  uint32_t push = 0, pull = 0, anxiety = 0, habit = 0;
  int32_t balance = 0;
  size_t observation_count = 0;
  size_t timeline_event_count = 0;
  std::string solution_left, solution_hired;
};

// Switch interviews (jtbd_interviews): move-only, immutable.
class Interviews {
 public:
  explicit Interviews(jtbd_interviews* native) : handle_(native) {}

  // CSV from a file by its name (.json, .pb/.binpb protobuf; anything else
  // CSV). open: live deals without an outcome (scored, not analyzed). Of
  // the read options only the limits apply.
  static Interviews ReadFile(std::string_view path, bool open = false,
                             const ReadOptions& read = ReadOptions());
  // CSV from memory; source_name names it in errors.
  static Interviews ReadCsv(std::string_view csv, std::string_view source_name,
                            bool open = false,
                            const ReadOptions& read = ReadOptions());
  // A serialized jtbd.v1.SwitchInterviews, or its JSON mapping.
  static Interviews Parse(std::string_view bytes, bool open = false) {
    jtbd_interviews* raw = nullptr;
    internal::Check(jtbd_interviews_parse(open ? JTBD_INTERVIEWS_OPEN : 0,
                                          bytes.data(), bytes.size(), &raw));
    return Interviews(raw);
  }
  static Interviews ParseJson(std::string_view json, bool open = false) {
    jtbd_interviews* raw = nullptr;
    internal::Check(jtbd_interviews_parse_json(open ? JTBD_INTERVIEWS_OPEN : 0,
                                               json.data(), json.size(), &raw));
    return Interviews(raw);
  }
  std::string Serialize() const {
    jtbd_buffer* buffer = nullptr;
    internal::Check(jtbd_interviews_serialize(handle_.get(), &buffer));
    return internal::TakeBuffer(buffer);
  }

  size_t size() const { return jtbd_interviews_count(handle_.get()); }
  Interview Get(size_t index) const {
    jtbd_interview_info c = {};
    c.struct_size = sizeof(c);
    internal::Check(jtbd_interviews_get(handle_.get(), index, &c));
    Interview interview;
    interview.id.assign(c.id, c.id_len);
    interview.outcome = static_cast<SwitchOutcome>(c.outcome);
    interview.push = c.push;
    interview.pull = c.pull;
    interview.anxiety = c.anxiety;
    interview.habit = c.habit;
    interview.balance = c.balance;
    interview.observation_count = c.observation_count;
    interview.timeline_event_count = c.timeline_event_count;
    interview.solution_left.assign(c.solution_left, c.solution_left_len);
    interview.solution_hired.assign(c.solution_hired, c.solution_hired_len);
    return interview;
  }
  // Interview `index`'s value of an attribute ("" when none).
  std::string Attribute(size_t index, std::string_view name) const {
    const char* value = nullptr;
    size_t value_len = 0;
    internal::Check(jtbd_interviews_attribute(handle_.get(), index, name.data(),
                                              name.size(), &value, &value_len));
    return std::string(value, value_len);
  }

  const jtbd_interviews* native() const noexcept { return handle_.get(); }

 private:
  struct Destroy {
    void operator()(jtbd_interviews* i) const noexcept {
      jtbd_interviews_destroy(i);
    }
  };
  std::unique_ptr<jtbd_interviews, Destroy> handle_;
};

inline Interviews Interviews::ReadFile(std::string_view path, bool open,
                                       const ReadOptions& read) {
  auto native_read = internal::NewReadOptions(read);
  jtbd_interviews* raw = nullptr;
  internal::Check(jtbd_interviews_read_file(native_read.get(),
                                            open ? JTBD_INTERVIEWS_OPEN : 0,
                                            path.data(), path.size(), &raw));
  return Interviews(raw);
}

inline Interviews Interviews::ReadCsv(std::string_view csv,
                                      std::string_view source_name, bool open,
                                      const ReadOptions& read) {
  auto native_read = internal::NewReadOptions(read);
  jtbd_interviews* raw = nullptr;
  internal::Check(jtbd_interviews_read_csv(
      native_read.get(), open ? JTBD_INTERVIEWS_OPEN : 0, csv.data(),
      csv.size(), source_name.data(), source_name.size(), &raw));
  return Interviews(raw);
}

// The model applied to one deal (jtbd_force_prediction).
struct ForcePrediction {
  double probability = 0;
  double log_odds = 0;
  // Each force's contribution to the log-odds (weight x intensity).
  double push = 0, pull = 0, anxiety = 0, habit = 0;
  double segment = 0;  // the segment's weight
};

// A fitted propensity model (jtbd_propensity_model): move-only, immutable;
// Predict may run on several threads at once.
class PropensityModel {
 public:
  explicit PropensityModel(jtbd_propensity_model* native) : handle_(native) {}

  // A serialized jtbd.v1.ForcesModel (as made by Serialize).
  static PropensityModel Parse(std::string_view bytes) {
    jtbd_propensity_model* raw = nullptr;
    internal::Check(
        jtbd_propensity_model_parse(bytes.data(), bytes.size(), &raw));
    return PropensityModel(raw);
  }
  // A file written by Save or `jtbd forces --save-model`.
  static PropensityModel Load(std::string_view path) {
    jtbd_propensity_model* raw = nullptr;
    internal::Check(
        jtbd_propensity_model_load_file(path.data(), path.size(), &raw));
    return PropensityModel(raw);
  }
  std::string Serialize() const {
    jtbd_buffer* buffer = nullptr;
    internal::Check(jtbd_propensity_model_serialize(handle_.get(), &buffer));
    return internal::TakeBuffer(buffer);
  }
  // Written atomically.
  void Save(std::string_view path) const {
    internal::Check(jtbd_propensity_model_save_file(handle_.get(), path.data(),
                                                    path.size()));
  }
  // The coefficients, penalty, segments (jtbd_propensity_model_info; its
  // text points into this model).
  jtbd_propensity_model_info Info() const {
    jtbd_propensity_model_info info = {};
    info.struct_size = sizeof(info);
    internal::Check(jtbd_propensity_model_get_info(handle_.get(), &info));
    return info;
  }

  // One live deal: its four intensities (0-5) and segment value.
  ForcePrediction Predict(uint32_t push, uint32_t pull, uint32_t anxiety,
                          uint32_t habit,
                          std::string_view segment = std::string_view()) const {
    jtbd_force_prediction c = {};
    c.struct_size = sizeof(c);
    internal::Check(
        jtbd_propensity_model_predict(handle_.get(), push, pull, anxiety, habit,
                                      segment.data(), segment.size(), &c));
    return FromC(c);
  }
  // Interview `index` of `interviews`, as `jtbd forces --apply`.
  ForcePrediction Predict(const Interviews& interviews, size_t index) const {
    jtbd_force_prediction c = {};
    c.struct_size = sizeof(c);
    internal::Check(jtbd_propensity_model_predict_interview(
        handle_.get(), interviews.native(), index, &c));
    return FromC(c);
  }

  const jtbd_propensity_model* native() const noexcept { return handle_.get(); }

 private:
  static ForcePrediction FromC(const jtbd_force_prediction& c) {
    ForcePrediction p;
    p.probability = c.probability;
    p.log_odds = c.log_odds;
    p.push = c.push;
    p.pull = c.pull;
    p.anxiety = c.anxiety;
    p.habit = c.habit;
    p.segment = c.segment;
    return p;
  }
  struct Destroy {
    void operator()(jtbd_propensity_model* m) const noexcept {
      jtbd_propensity_model_destroy(m);
    }
  };
  std::unique_ptr<jtbd_propensity_model, Destroy> handle_;
};

// How interviews are analyzed (jtbd_forces_options_*); unset: the
// library's defaults.
struct ForcesOptions {
  std::optional<uint32_t> folds = std::nullopt;
  std::optional<uint64_t> seed = std::nullopt;
  std::string segment_by;        // empty: a column named segment, if any
  std::string model_segment_by;  // empty: no segment weights
  std::optional<double> l2_penalty = std::nullopt;
  std::optional<double> confidence_level = std::nullopt;
};

// The analysis (jtbd_forces_report): its figures as C structs whose text
// (names, notes) points into the native report, kept (immutable, shared
// between copies) for as long as this object or a copy lives.
class ForcesReport {
 public:
  ForcesReport() = default;  // empty; every call throws FAILED_PRECONDITION

  // The analysis `jtbd forces` prints.
  static ForcesReport Analyze(const Interviews& interviews,
                              const ForcesOptions& options = ForcesOptions()) {
    struct OptionsDestroy {
      void operator()(jtbd_forces_options* o) const noexcept {
        jtbd_forces_options_destroy(o);
      }
    };
    jtbd_forces_options* raw_options = nullptr;
    internal::Check(jtbd_forces_options_create(&raw_options));
    std::unique_ptr<jtbd_forces_options, OptionsDestroy> owned(raw_options);
    if (options.folds) {
      internal::Check(
          jtbd_forces_options_set_folds(raw_options, *options.folds));
    }
    if (options.seed) {
      internal::Check(jtbd_forces_options_set_seed(raw_options, *options.seed));
    }
    internal::Check(jtbd_forces_options_set_segment_by(
        raw_options, options.segment_by.data(), options.segment_by.size()));
    internal::Check(jtbd_forces_options_set_model_segment_by(
        raw_options, options.model_segment_by.data(),
        options.model_segment_by.size()));
    if (options.l2_penalty) {
      internal::Check(
          jtbd_forces_options_set_l2_penalty(raw_options, *options.l2_penalty));
    }
    if (options.confidence_level) {
      internal::Check(jtbd_forces_options_set_confidence_level(
          raw_options, *options.confidence_level));
    }
    jtbd_forces_report* raw = nullptr;
    internal::Check(
        jtbd_forces_analyze(interviews.native(), raw_options, &raw));
    ForcesReport report;
    report.native_ = std::shared_ptr<const jtbd_forces_report>(
        raw, [](const jtbd_forces_report* r) {
          jtbd_forces_report_destroy(const_cast<jtbd_forces_report*>(r));
        });
    return report;
  }

  jtbd_forces_report_info Info() const {
    jtbd_forces_report_info info = {};
    info.struct_size = sizeof(info);
    internal::Check(jtbd_forces_report_get_info(Native(), &info));
    return info;
  }
  // Force 0-3: push, pull, anxiety, habit.
  jtbd_force_summary ForceSummary(size_t index) const {
    jtbd_force_summary summary = {};
    summary.struct_size = sizeof(summary);
    internal::Check(jtbd_forces_report_force(Native(), index, &summary));
    return summary;
  }
  bool has_model() const { return Info().has_model != 0; }
  // The fitted model (FAILED_PRECONDITION with the report's note if none).
  PropensityModel Model() const {
    jtbd_propensity_model* raw = nullptr;
    internal::Check(jtbd_forces_report_create_model(Native(), &raw));
    return PropensityModel(raw);
  }
  // As `jtbd forces --format` writes it, or a serialized
  // jtbd.v1.ForcesReport.
  std::string Render(Format format) const {
    jtbd_buffer* buffer = nullptr;
    internal::Check(jtbd_forces_report_render(
        Native(), static_cast<int32_t>(format), &buffer));
    return internal::TakeBuffer(buffer);
  }

  const jtbd_forces_report* native() const noexcept { return native_.get(); }

 private:
  const jtbd_forces_report* Native() const {
    if (native_ == nullptr) {
      throw Error(JTBD_FAILED_PRECONDITION,
                  "jtbd::ForcesReport: the report is empty");
    }
    return native_.get();
  }
  std::shared_ptr<const jtbd_forces_report> native_;
};

// ------------------------------------------------------------ force tags

// A note's language for TagNote (mirrors jtbd_note_language).
enum class NoteLanguage : int32_t {
  kDetect = JTBD_NOTE_LANGUAGE_UNSPECIFIED,  // detected per note
  kEnglish = JTBD_NOTE_LANGUAGE_ENGLISH,
  kFrench = JTBD_NOTE_LANGUAGE_FRENCH,
};

// A force tag suggested for a span of a note, for a person to confirm (see
// jtbd_force_suggestion).
struct ForceSuggestion {
  std::string force;   // "push", "pull", "anxiety" or "habit"
  std::string phrase;  // the note's bytes [start, end)
  size_t start = 0;    // byte offsets into the note's UTF-8
  size_t end = 0;
  double confidence = 0;     // in [0, 1]
  bool user_phrase = false;  // a phrase of the caller's list matched
  bool suggestion = true;    // always: the tagger only proposes
};

// The suggestions for one note, in the order of their start.
struct TaggedNote {
  NoteLanguage language = NoteLanguage::kDetect;  // as read (never kDetect)
  std::vector<ForceSuggestion> suggestions;
};

namespace internal {
struct TaggedNoteDestroy {
  void operator()(jtbd_tagged_note* note) const noexcept {
    jtbd_tagged_note_destroy(note);
  }
};
inline const char* ForceKey(int32_t force) {
  switch (force) {
    case 1:
      return "push";
    case 2:
      return "pull";
    case 3:
      return "anxiety";
    case 4:
      return "habit";
    default:
      return "unspecified";
  }
}
}  // namespace internal

// Suggests force tags for one CRM note (jtbd_tag_note): English or French
// rules, `phrases` the caller's own list in the `force,phrase` line format
// (empty: none).
inline TaggedNote TagNote(std::string_view text,
                          NoteLanguage language = NoteLanguage::kDetect,
                          std::string_view phrases = {}) {
  jtbd_tagged_note* raw = nullptr;
  internal::Check(jtbd_tag_note(static_cast<int32_t>(language), phrases.data(),
                                phrases.size(), text.data(), text.size(),
                                &raw));
  std::unique_ptr<jtbd_tagged_note, internal::TaggedNoteDestroy> note(raw);
  TaggedNote out;
  out.language = static_cast<NoteLanguage>(jtbd_tagged_note_language(raw));
  const size_t count = jtbd_tagged_note_suggestion_count(raw);
  for (size_t i = 0; i < count; ++i) {
    jtbd_force_suggestion s{};
    s.struct_size = sizeof(s);
    internal::Check(jtbd_tagged_note_suggestion(raw, i, &s));
    ForceSuggestion suggestion;
    suggestion.force = internal::ForceKey(s.force);
    suggestion.phrase.assign(s.phrase, s.phrase_len);
    suggestion.start = s.start;
    suggestion.end = s.end;
    suggestion.confidence = s.confidence;
    suggestion.user_phrase = s.user_phrase != 0;
    suggestion.suggestion = s.status == JTBD_TAG_STATUS_SUGGESTED;
    out.suggestions.push_back(std::move(suggestion));
  }
  return out;
}

// ------------------------------------------------------------------- lint

// The language of statements (jtbd_statement_language).
enum class StatementLanguage : int32_t {
  kAuto = JTBD_STATEMENT_LANGUAGE_UNSPECIFIED,
  kEnglish = JTBD_STATEMENT_LANGUAGE_ENGLISH,
  kFrench = JTBD_STATEMENT_LANGUAGE_FRENCH,
};

enum class StatementKind : int32_t {
  kUnspecified = JTBD_STATEMENT_KIND_UNSPECIFIED,
  kJob = JTBD_STATEMENT_KIND_JOB,
  kOutcome = JTBD_STATEMENT_KIND_OUTCOME,
  kJobStory = JTBD_STATEMENT_KIND_JOB_STORY,
};

enum class LintSeverity : int32_t {
  kUnspecified = JTBD_LINT_SEVERITY_UNSPECIFIED,
  kInfo = JTBD_LINT_SEVERITY_INFO,
  kWarning = JTBD_LINT_SEVERITY_WARNING,
  kError = JTBD_LINT_SEVERITY_ERROR,
};

// Bytes [begin, end) of LintedStatement::text; empty when absent.
struct TextSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin == end; }
};

struct LintFinding {
  std::string rule;       // "JTBD-L001"
  std::string rule_name;  // "non-canonical-direction"
  LintSeverity severity = LintSeverity::kUnspecified;
  std::string message;
  std::string suggestion;  // "" when none
  TextSpan span;
  std::optional<size_t> related_statement;  // duplicates: the earlier one
};

struct LintedStatement {
  std::string text;  // NFC: what the spans count bytes of
  std::string id;
  StatementKind kind = StatementKind::kUnspecified;
  StatementLanguage language = StatementLanguage::kAuto;
  TextSpan verb, direction, metric, object, clarifier;
  TextSpan situation, persona, motivation, expected_outcome;
  std::vector<LintFinding> findings;
  bool has_warnings = false;  // a finding at warning level or above

  std::string_view Part(TextSpan span) const {
    return std::string_view(text).substr(span.begin, span.end - span.begin);
  }
};

namespace internal {

struct LinterDestroy {
  void operator()(jtbd_linter* linter) const noexcept {
    jtbd_linter_destroy(linter);
  }
};
struct LintResultDestroy {
  void operator()(jtbd_lint_result* result) const noexcept {
    jtbd_lint_result_destroy(result);
  }
};

inline TextSpan ConvertSpan(const jtbd_text_span& span) {
  return TextSpan{span.begin, span.end};
}

inline std::vector<LintedStatement> ConvertLintResult(jtbd_lint_result* raw) {
  std::unique_ptr<jtbd_lint_result, LintResultDestroy> result(raw);
  std::vector<LintedStatement> out;
  for (size_t i = 0; i < jtbd_lint_result_statement_count(raw); ++i) {
    jtbd_linted_statement c = {};
    c.struct_size = sizeof(c);
    Check(jtbd_lint_result_statement(raw, i, &c));
    LintedStatement s;
    s.text.assign(c.text, c.text_len);
    s.id.assign(c.id, c.id_len);
    s.kind = static_cast<StatementKind>(c.kind);
    s.language = static_cast<StatementLanguage>(c.language);
    s.verb = ConvertSpan(c.verb);
    s.direction = ConvertSpan(c.direction);
    s.metric = ConvertSpan(c.metric);
    s.object = ConvertSpan(c.object);
    s.clarifier = ConvertSpan(c.clarifier);
    s.situation = ConvertSpan(c.situation);
    s.persona = ConvertSpan(c.persona);
    s.motivation = ConvertSpan(c.motivation);
    s.expected_outcome = ConvertSpan(c.expected_outcome);
    s.has_warnings = c.has_warnings != 0;
    for (size_t f = 0; f < c.finding_count; ++f) {
      jtbd_lint_finding cf = {};
      cf.struct_size = sizeof(cf);
      Check(jtbd_lint_result_finding(raw, i, f, &cf));
      LintFinding finding;
      finding.rule.assign(cf.rule, cf.rule_len);
      finding.rule_name.assign(cf.rule_name, cf.rule_name_len);
      finding.severity = static_cast<LintSeverity>(cf.severity);
      finding.message.assign(cf.message, cf.message_len);
      finding.suggestion.assign(cf.suggestion, cf.suggestion_len);
      finding.span = ConvertSpan(cf.span);
      if (cf.related_statement >= 0) {
        finding.related_statement = static_cast<size_t>(cf.related_statement);
      }
      s.findings.push_back(std::move(finding));
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace internal

// Statements checked against the ODI grammar (jtbd_linter_*;
// docs/STATEMENTS.md). Build one and keep it: Lint() is cheap enough to run
// on every keystroke, from any number of threads (const).
class Linter {
 public:
  explicit Linter(StatementLanguage language = StatementLanguage::kAuto,
                  const std::vector<std::string>& solution_words = {}) {
    jtbd_linter* raw = nullptr;
    internal::Check(jtbd_linter_create(static_cast<int32_t>(language), &raw));
    native_.reset(raw);
    for (const std::string& word : solution_words) {
      internal::Check(
          jtbd_linter_add_solution_word(raw, word.data(), word.size()));
    }
  }

  // One statement alone (no duplicate rules).
  LintedStatement Lint(std::string_view text) const {
    jtbd_lint_result* result = nullptr;
    internal::Check(
        jtbd_linter_lint(native_.get(), text.data(), text.size(), &result));
    return std::move(internal::ConvertLintResult(result).front());
  }

  // A set, duplicates and near-duplicates included; `ids` empty or one per
  // statement.
  std::vector<LintedStatement> LintAll(
      const std::vector<std::string>& statements,
      const std::vector<std::string>& ids = {}) const {
    std::vector<const char*> texts, id_texts;
    std::vector<size_t> lens, id_lens;
    for (const std::string& s : statements) {
      texts.push_back(s.data());
      lens.push_back(s.size());
    }
    for (const std::string& id : ids) {
      id_texts.push_back(id.data());
      id_lens.push_back(id.size());
    }
    if (!ids.empty() && ids.size() != statements.size()) {
      throw Error(JTBD_INVALID_ARGUMENT,
                  "LintAll: ids must be empty or one per statement");
    }
    jtbd_lint_result* result = nullptr;
    internal::Check(jtbd_linter_lint_all(
        native_.get(), texts.data(), lens.data(),
        ids.empty() ? nullptr : id_texts.data(),
        ids.empty() ? nullptr : id_lens.data(), statements.size(), &result));
    return internal::ConvertLintResult(result);
  }

  const jtbd_linter* native() const { return native_.get(); }

 private:
  std::unique_ptr<jtbd_linter, internal::LinterDestroy> native_;
};

inline std::string Report::RenderHtml(const ReportSections& sections,
                                      const VisualOptions& options) const {
  if (native_ == nullptr) {
    throw Error(JTBD_FAILED_PRECONDITION,
                "jtbd::Report::RenderHtml: the report is empty");
  }
  jtbd_visual_options native = {};
  native.struct_size = sizeof(native);
  native.intervals = options.intervals.value_or(true) ? 1 : 0;
  native.lang = options.lang.data();
  native.lang_len = options.lang.size();
  jtbd_report_sections parts = {};
  parts.struct_size = sizeof(parts);
  parts.forces = sections.forces ? sections.forces->native() : nullptr;
  parts.waves = sections.waves ? sections.waves->native() : nullptr;
  parts.roadmap = sections.roadmap ? sections.roadmap->native() : nullptr;
  jtbd_buffer* buffer = nullptr;
  internal::Check(jtbd_report_render_html_sections(native_.get(), &native,
                                                   &parts, &buffer));
  return internal::TakeBuffer(buffer);
}

}  // namespace jtbd

#endif  // JTBD_JTBD_HPP_
