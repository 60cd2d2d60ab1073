// Shared by the C ABI's translation units: the handle structs behind the
// opaque types of jtbd.h, the exception barrier and argument checks.
// Private to libjtbd.so; never installed.
#ifndef JTBD_CAPI_CAPI_INTERNAL_H_
#define JTBD_CAPI_CAPI_INTERNAL_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "core/aggregate.h"
#include "core/resource_limits.h"
#include "core/scale.h"
#include "core/scoring.h"
#include "core/study.h"
#include "io/survey_reader.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/forces.pb.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/roadmap.pb.h"
#include "jtbd/v1/scoring.pb.h"
#include "jtbd/v1/segmentation.pb.h"
#include "jtbd/v1/waves.pb.h"
#include "pipeline/input_source.h"
#include "segments/segmentation.h"

// The handles are thin: each owns one core object and nothing else, so the
// C functions are one-line translations and the layout stays private.
struct jtbd_error {
  absl::Status status;
  std::string message;  // status.message(), kept NUL-terminated for C
};

struct jtbd_buffer {
  // std::string keeps a NUL after size(), which text output promises.
  std::string bytes;
};

struct jtbd_limits {
  jtbd::ResourceLimits limits;
};

namespace jtbd {
namespace capi {

// A label or survey map as the caller gave it. It is parsed again when the
// options are used, under the limits of that moment, so that the setters
// may come in any order (jtbd.h, read options).
struct MapSource {
  enum class Kind { kNone, kText, kFile };
  Kind kind = Kind::kNone;
  std::string text;    // kText: the map; kFile: its path
  std::string source;  // names the map in messages
};

}  // namespace capi
}  // namespace jtbd

struct jtbd_read_options {
  // Everything but the maps, which stay unset here (see ReadOptionsForUse).
  jtbd::ReadOptions options;
  jtbd::capi::MapSource labels;
  jtbd::capi::MapSource survey_map;
  // Applied to what each read returns (OutcomeDescriptionsForUse).
  jtbd::capi::MapSource outcome_descriptions;
};

struct jtbd_score_options {
  jtbd::v1::ScoringOptions options;
  // A study design checked when set (jtbd_score_options_set_design[_file]),
  // kept as given and attached by jtbd_score_survey[_file]; empty: none.
  std::string design_bytes;
  std::string design_source;
};

struct jtbd_study {
  jtbd::Study study;
};

// A copy of a study's, aggregate's or report's design (text of the getters
// points into it).
struct jtbd_design {
  jtbd::v1::StudyDesign design;
};

struct jtbd_report {
  // jtbd_outcome_score and segment names point into this report's strings.
  jtbd::v1::Report report;
};

struct jtbd_segment_options {
  jtbd::v1::SegmentationOptions options;
};

struct jtbd_segmentation {
  jtbd_segmentation(jtbd::Segmentation value, jtbd::ScoringPlan plan,
                    jtbd::Scale study_scale)
      : segmentation(std::move(value)), scoring(plan), scale(study_scale) {}
  // Text handed out (ids, attribute values) points into this report.
  jtbd::Segmentation segmentation;
  // What each segment's scores were computed with: the header of the
  // per-segment reports.
  jtbd::ScoringPlan scoring;
  jtbd::Scale scale;
};

struct jtbd_aggregate {
  // jtbd::Aggregate fixes scale and outcomes at creation, while the C API
  // declares them one call at a time; while the aggregate is still empty
  // each declaration rebuilds it (cheap: no respondents yet).
  explicit jtbd_aggregate(jtbd::Aggregate value)
      : aggregate(std::move(value)) {}
  jtbd::Aggregate aggregate;
};

// Made by jtbd_waves.cc's comparisons and jtbd_stream.cc's alerts.
struct jtbd_wave_comparison {
  // jtbd_outcome_change and names point into this message's strings.
  jtbd::v1::WaveComparison comparison;
};

// Made by jtbd_forces.cc; read by jtbd_visual.cc's report sections.
struct jtbd_forces_report {
  // Names, notes and segment values handed out point into this report.
  jtbd::v1::ForcesReport report;
};

// Made by jtbd_roadmap.cc; read by jtbd_visual.cc's report sections.
struct jtbd_roadmap {
  // Names handed out point into this report's strings.
  jtbd::v1::RoadmapReport report;
};

// Early returns for Status / StatusOr inside Guard bodies.
#define JTBD_CAPI_RETURN_IF_ERROR(expr)                    \
  do {                                                     \
    absl::Status jtbd_capi_status_ = (expr);               \
    if (!jtbd_capi_status_.ok()) return jtbd_capi_status_; \
  } while (false)

#define JTBD_CAPI_CONCAT_INNER(a, b) a##b
#define JTBD_CAPI_CONCAT(a, b) JTBD_CAPI_CONCAT_INNER(a, b)
#define JTBD_CAPI_ASSIGN_OR_RETURN(lhs, expr) \
  JTBD_CAPI_ASSIGN_OR_RETURN_IMPL(            \
      JTBD_CAPI_CONCAT(jtbd_capi_statusor_, __LINE__), lhs, expr)
#define JTBD_CAPI_ASSIGN_OR_RETURN_IMPL(statusor, lhs, expr) \
  auto statusor = (expr);                                    \
  if (!statusor.ok()) return statusor.status();              \
  lhs = *std::move(statusor)

namespace jtbd {
namespace capi {

// A heap error for a non-OK status. Never throws: if even the error cannot
// be allocated, returns a preallocated RESOURCE_EXHAUSTED error that
// jtbd_error_free knows not to delete.
jtbd_error* NewError(const absl::Status& status) noexcept;
// The preallocated out-of-memory error (see NewError).
jtbd_error* OutOfMemoryError() noexcept;
// Converts the exception being handled into an error; call only inside a
// catch block. bad_alloc -> RESOURCE_EXHAUSTED, anything else -> INTERNAL.
jtbd_error* ErrorFromCurrentException() noexcept;

// The barrier every fallible entry point runs its body in: `body` returns
// an absl::Status; OK becomes NULL, anything else (including any exception)
// an error handle. No exception ever leaves. Bodies capture
// `fn = __func__` so that argument errors name the C function (inside the
// lambda itself __func__ would be "operator()"):
//   return Guard([&, fn = __func__]() -> absl::Status { ... });
template <typename Body>
jtbd_error* Guard(Body&& body) noexcept {
  try {
    absl::Status status = std::forward<Body>(body)();
    if (status.ok()) return nullptr;
    return NewError(status);
  } catch (...) {
    return ErrorFromCurrentException();
  }
}

// INVALID_ARGUMENT "<function>: <argument> is NULL" when pointer is NULL.
absl::Status CheckNotNull(const char* function, const char* argument,
                          const void* pointer);

// A (pointer, length) text argument: NULL is allowed only with length 0
// (meaning ""); the bytes must be UTF-8, since every text ends up in a
// protobuf string field that refuses anything else when parsed back.
absl::StatusOr<std::string> TextArgument(const char* function,
                                         const char* argument, const char* data,
                                         size_t length);

// A file path: bytes for the OS (not necessarily UTF-8), neither NULL, empty
// nor holding a NUL.
absl::StatusOr<std::string> PathArgument(const char* function, const char* path,
                                         size_t path_len);

// A (pointer, size) bytes argument: NULL allowed only with size 0; at most
// INT_MAX bytes (protobuf's parser limit).
absl::Status CheckBytesArgument(const char* function, const char* argument,
                                const void* data, size_t size);

// Moves a heap object to a C out-parameter; the pattern that makes "written
// only on success" hold: build everything first, publish last.
template <typename T>
void Publish(std::unique_ptr<T> object, T** out) {
  *out = object.release();
}

// jtbd.h convention 11: OUT_OF_RANGE "<function>: <argument> <index> is
// out of range (<size> available)" unless index < size.
absl::Status CheckIndex(const char* function, const char* argument,
                        size_t index, size_t size);

// Element `index` of a protobuf repeated field, or OUT_OF_RANGE naming
// `argument` (CheckIndex).
template <typename Repeated>
absl::StatusOr<const typename Repeated::value_type*> ElementAt(
    const char* function, const char* argument, const Repeated& items,
    size_t index) {
  JTBD_CAPI_RETURN_IF_ERROR(
      CheckIndex(function, argument, index, static_cast<size_t>(items.size())));
  return &items.Get(static_cast<int>(index));
}

// Hands out text that lives in an object (jtbd.h convention 4): `*text`
// points at it, NUL-terminated; `*length` (optional) gets its size.
void OutputText(const std::string& value, const char** text, size_t* length);

// The read options a read uses: `options` with its maps parsed under its
// limits (jtbd.h: checked when used, whatever the order of the setters);
// the defaults for NULL.
absl::StatusOr<ReadOptions> ReadOptionsForUse(const jtbd_read_options* options);

// The outcome descriptions of `options` as an input of the pipeline (the
// bytes the options hold, or the file, read under the read's limits when
// used); none for NULL or when unset.
absl::optional<InputSource> OutcomeDescriptionsForUse(
    const jtbd_read_options* options);

// Describes the outcomes of what a read with `options` returned, when the
// options name descriptions (jtbd_read_options_set_outcome_descriptions).
absl::Status DescribeReadOutcomes(const jtbd_read_options* options,
                                  const ReadOptions& use, Study* study);
absl::Status DescribeReadOutcomes(const jtbd_read_options* options,
                                  const ReadOptions& use, Aggregate* aggregate);

// A survey given by a C caller: bytes with a name (NULL data only with size
// 0; the name UTF-8, may be empty), or a file path (PathArgument).
absl::StatusOr<InputSource> SurveyBytesArgument(const char* function,
                                                const char* data, size_t size,
                                                const char* source_name,
                                                size_t source_name_len);
absl::StatusOr<InputSource> SurveyFileArgument(const char* function,
                                               const char* path,
                                               size_t path_len);

// The growable structs of jtbd.h (convention 8): each one's name and the
// smallest struct_size accepted, its public 1.0 size constant.
template <typename Struct>
struct GrowableStruct;
#define JTBD_CAPI_GROWABLE_STRUCT(type, min_size)       \
  template <>                                           \
  struct GrowableStruct<type> {                         \
    static constexpr const char* kName = #type;         \
    static constexpr const char* kSizeName = #min_size; \
    static constexpr size_t kMinSize = min_size;        \
  }
JTBD_CAPI_GROWABLE_STRUCT(jtbd_outcome_score, JTBD_OUTCOME_SCORE_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_segment_comparison,
                          JTBD_SEGMENT_COMPARISON_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_solution_score, JTBD_SOLUTION_SCORE_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_best_solution, JTBD_BEST_SOLUTION_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_report_info, JTBD_REPORT_INFO_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_screening_info, JTBD_SCREENING_INFO_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_screened_respondent,
                          JTBD_SCREENED_RESPONDENT_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_segmentation_info,
                          JTBD_SEGMENTATION_INFO_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_segment_candidate,
                          JTBD_SEGMENT_CANDIDATE_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_segment_profile,
                          JTBD_SEGMENT_PROFILE_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_attribute_overrepresentation,
                          JTBD_ATTRIBUTE_OVERREPRESENTATION_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_segment_assignment,
                          JTBD_SEGMENT_ASSIGNMENT_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_set_aside_attribute,
                          JTBD_SET_ASIDE_ATTRIBUTE_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_warning, JTBD_WARNING_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_outcome_change, JTBD_OUTCOME_CHANGE_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_wave_comparison_info,
                          JTBD_WAVE_COMPARISON_INFO_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_roadmap_info, JTBD_ROADMAP_INFO_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_initiative_result,
                          JTBD_INITIATIVE_RESULT_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_frontier_point, JTBD_FRONTIER_POINT_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_outcome_contribution,
                          JTBD_OUTCOME_CONTRIBUTION_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_interview_info, JTBD_INTERVIEW_INFO_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_forces_report_info,
                          JTBD_FORCES_REPORT_INFO_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_force_summary, JTBD_FORCE_SUMMARY_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_propensity_model_info,
                          JTBD_PROPENSITY_MODEL_INFO_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_force_prediction,
                          JTBD_FORCE_PREDICTION_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_force_suggestion,
                          JTBD_FORCE_SUGGESTION_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_linted_statement,
                          JTBD_LINTED_STATEMENT_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_lint_finding, JTBD_LINT_FINDING_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_step_coverage, JTBD_STEP_COVERAGE_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_design_job, JTBD_DESIGN_JOB_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_design_step, JTBD_DESIGN_STEP_STRUCT_SIZE);
JTBD_CAPI_GROWABLE_STRUCT(jtbd_design_outcome, JTBD_DESIGN_OUTCOME_STRUCT_SIZE);
#undef JTBD_CAPI_GROWABLE_STRUCT

// The first check of every getter filling a growable struct: `out` is not
// NULL and its struct_size at least the struct's 1.0 size.
template <typename Struct>
absl::Status CheckOutStruct(const char* function, const Struct* out) {
  JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(function, "out", out));
  using Traits = GrowableStruct<Struct>;
  if (out->struct_size >= Traits::kMinSize) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      function, ": out->struct_size is ", out->struct_size,
      "; set it to sizeof(", Traits::kName, ") (", sizeof(Struct),
      "), at least ", Traits::kSizeName, " (", Traits::kMinSize, ")"));
}

// A zero-filled struct (padding included, so no stale bytes reach the
// caller) for a getter to fill before CopyOut.
template <typename Struct>
Struct ZeroedStruct() {
  Struct value;
  std::memset(&value, 0, sizeof(value));
  return value;
}

// The last step of every such getter, after CheckOutStruct: the first
// min(struct_size, sizeof) bytes of `full` go to the caller, so a smaller
// (older) struct is never overrun and a larger (newer) one keeps the fields
// this library does not know; struct_size stays as the caller set it.
template <typename Struct>
void CopyOut(Struct full, Struct* out) {
  full.struct_size = out->struct_size;
  std::memcpy(out, &full, std::min<size_t>(out->struct_size, sizeof(full)));
}

jtbd_significance_test ToC(const v1::SignificanceTest& test);

// Serializes a message into a new buffer (INTERNAL if protobuf refuses).
absl::StatusOr<std::unique_ptr<jtbd_buffer>> SerializeToBuffer(
    const google::protobuf::MessageLite& message);

}  // namespace capi
}  // namespace jtbd

#endif  // JTBD_CAPI_CAPI_INTERNAL_H_
