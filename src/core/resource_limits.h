#ifndef JTBD_CORE_RESOURCE_LIMITS_H_
#define JTBD_CORE_RESOURCE_LIMITS_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jtbd {

// The limits that are configurable, numbered as jtbd.h's jtbd_limit (stable
// within ABI version 1: only ever added).
enum class LimitKind : int32_t {
  kRecordBytes = 1,
  kColumns = 2,
  kOutcomes = 3,
  kRespondents = 4,
  kRequestBytes = 5,
  kJsonDepth = 6,
  kBootstrapResamples = 7,
};

// What one input may make the library allocate or do: every reader checks
// these before it allocates for what it reads, so hostile input is refused
// (RESOURCE_EXHAUSTED, see LimitExceededError) in time linear in the bytes
// read rather than exhausting memory or time. The defaults are far above
// any real survey, so that only an adversarial or broken file meets them.
// A limit of 0 is refused by ValidateResourceLimits (it would refuse every
// input), never read as "unlimited": to lift a limit, set it very high.
struct ResourceLimits {
  // One CSV record, from its first byte to its line break, quotes and
  // line breaks inside quotes included. Real records are a few KiB; 16 MiB
  // leaves room for free-text answers while bounding the scratch buffer
  // that unescaped quoted fields are copied into.
  static constexpr uint64_t kDefaultMaxRecordBytes = uint64_t{16} << 20;
  // Fields of one record. Exports with a few hundred questions have about
  // 1,000 columns; field views cost 16 bytes each, per-column layout state a
  // few hundred bytes.
  static constexpr uint64_t kDefaultMaxColumns = 20000;
  // Outcomes of one study: ODI studies have 50-150; the aggregate holds
  // (points + 1)^2 counts per outcome and segmentation a dense matrix.
  static constexpr uint64_t kDefaultMaxOutcomes = 2000;
  // Respondents of one study (or rows counted into one aggregate): large
  // panels have tens of thousands.
  static constexpr uint64_t kDefaultMaxRespondents = 10000000;
  // Bytes of one request or serialized object handed to the C ABI (binary
  // or JSON requests, studies, aggregates, models) and of one saved file's
  // content: those take the default (they have no read options). A survey
  // map or label map set on read options takes the options' value. Below
  // protobuf's 2 GiB parser limit.
  static constexpr uint64_t kDefaultMaxRequestBytes = uint64_t{1} << 30;
  // Nesting of objects and arrays in JSON input. protobuf 3.21 stops nested
  // objects at depth 100 but not nested arrays, which it parses in
  // quadratic time (a 10,000-deep array takes seconds): JSON is pre-scanned
  // (CheckJsonDepth) before protobuf sees it. jtbd's messages nest less
  // than 10 deep. Requests take the default; maps on read options the
  // options' value.
  static constexpr uint64_t kDefaultMaxJsonDepth = 100;
  // The largest max_json_depth accepted: protobuf refuses objects nested
  // deeper anyway, so the limit can only be lowered.
  static constexpr uint64_t kLargestMaxJsonDepth = 100;

  // Bootstrap resamples per outcome (and segment) that an input -- a
  // ScoreRequest given as bytes to the C ABI or to the sidecar -- may ask
  // for, the library's default (2000) included. Percentile intervals need
  // 1,000-10,000 resamples; 100,000 is ten times what anyone uses and
  // bounds the CPU one hostile request can take. Settable up to
  // kMaxBootstrapResamples.
  static constexpr uint64_t kDefaultMaxBootstrapResamples = 100000;

  // Fixed caps of the work one call may ask for, enforced where the option
  // is checked (core/scoring.h ScoringPlan, segments/segmentation.h
  // SegmentationPlan; tests check these equal them). They bound the
  // caller's own options (score and segment options, CLI flags); k and
  // starts only ever come from the caller's code.
  static constexpr uint32_t kMaxBootstrapResamples = 1000000;
  static constexpr uint32_t kMaxSegmentCount = 100;    // k
  static constexpr uint32_t kMaxKMeansStarts = 10000;  // starts per k

  uint64_t max_record_bytes = kDefaultMaxRecordBytes;
  uint64_t max_columns = kDefaultMaxColumns;
  uint64_t max_outcomes = kDefaultMaxOutcomes;
  uint64_t max_respondents = kDefaultMaxRespondents;
  uint64_t max_request_bytes = kDefaultMaxRequestBytes;
  uint64_t max_json_depth = kDefaultMaxJsonDepth;
  uint64_t max_bootstrap_resamples = kDefaultMaxBootstrapResamples;
};

// "max_record_bytes", ...; nullptr for a value that is no LimitKind.
const char* LimitName(int32_t kind);

// INVALID_ARGUMENT naming the first limit that is 0 (or max_json_depth
// above kLargestMaxJsonDepth, max_bootstrap_resamples above
// kMaxBootstrapResamples).
absl::Status ValidateResourceLimits(const ResourceLimits& limits);

// Reads or sets one limit by its jtbd_limit number; INVALID_ARGUMENT for an
// unknown kind or a value ValidateResourceLimits refuses (nothing changed).
absl::StatusOr<uint64_t> GetLimit(const ResourceLimits& limits, int32_t kind);
absl::Status SetLimit(ResourceLimits* limits, int32_t kind, uint64_t value);

// RESOURCE_EXHAUSTED "<where>: <what> exceeds <name> = <limit> (raise
// it: ...)", naming the limit and the ways to raise it (jtbd_limits_set,
// which jtbd.hpp's Limits and the Python binding wrap, and the CLI flag).
// `where` may be empty.
absl::Status LimitExceededError(LimitKind kind, uint64_t limit,
                                absl::string_view where,
                                absl::string_view what);
// The "(raise it: ...)" hint alone, for messages built elsewhere (a CSV
// error carries its position separately).
std::string LimitHint(LimitKind kind, uint64_t limit);

// RESOURCE_EXHAUSTED when `json` nests objects and arrays deeper than
// max_depth (the message names `source`, the 1-based line and column of the
// bracket that goes too deep, and the limit). One pass, no recursion,
// strings skipped (escapes included); does not otherwise validate JSON.
absl::Status CheckJsonDepth(absl::string_view json, uint64_t max_depth,
                            absl::string_view source);

// RESOURCE_EXHAUSTED when `size` bytes exceed limits.max_request_bytes.
absl::Status CheckRequestBytes(uint64_t size, uint64_t max_request_bytes,
                               absl::string_view where);

// A study given as a message (a request's, a parsed one): its outcome and
// respondent counts against max_outcomes and max_respondents, checked
// before Study::FromProto gives each respondent a row of answer cells.
absl::Status CheckStudySize(size_t outcomes, size_t respondents,
                            const ResourceLimits& limits,
                            absl::string_view where);

// A survey map or label map given as text (CSV or JSON): its size against
// max_request_bytes and its JSON nesting against max_json_depth.
absl::Status CheckMapLimits(absl::string_view text,
                            const ResourceLimits& limits,
                            absl::string_view source);

}  // namespace jtbd

#endif  // JTBD_CORE_RESOURCE_LIMITS_H_
