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
#include "core/aggregate.h"
#include "core/study.h"
#include "io/survey_reader.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"

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

struct jtbd_read_options {
  jtbd::ReadOptions options;
};

struct jtbd_score_options {
  jtbd::v1::ScoringOptions options;
};

struct jtbd_study {
  jtbd::Study study;
};

struct jtbd_report {
  // jtbd_outcome_score and segment names point into this report's strings.
  jtbd::v1::Report report;
};

struct jtbd_aggregate {
  // jtbd::Aggregate fixes scale and outcomes at creation, while the C API
  // declares them one call at a time; while the aggregate is still empty
  // each declaration rebuilds it (cheap: no respondents yet).
  explicit jtbd_aggregate(jtbd::Aggregate value)
      : aggregate(std::move(value)) {}
  jtbd::Aggregate aggregate;
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

// jtbd.h convention 8 for growable out-structs: struct_size must hold at
// least `min_size` bytes (through the first field a caller of any version
// has); then the first min(struct_size, sizeof) bytes of `full` are copied
// out, struct_size kept as the caller set it.
template <typename Struct>
absl::Status CheckStructSize(const char* function, const char* type_name,
                             const Struct& out, size_t min_size) {
  if (out.struct_size >= min_size) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      function, ": out->struct_size is ", out.struct_size,
      "; set it to sizeof(", type_name, ") (", sizeof(Struct), ")"));
}

template <typename Struct>
void CopyOut(Struct full, Struct* out) {
  full.struct_size = out->struct_size;
  std::memcpy(out, &full, std::min<size_t>(out->struct_size, sizeof(full)));
}

// Both, for callers that build `full` before checking.
template <typename Struct>
absl::Status FillOut(const char* function, const char* type_name, Struct full,
                     size_t min_size, Struct* out) {
  absl::Status size = CheckStructSize(function, type_name, *out, min_size);
  if (size.ok()) CopyOut(std::move(full), out);
  return size;
}

jtbd_significance_test ToC(const v1::SignificanceTest& test);

// Serializes a message into a new buffer (INTERNAL if protobuf refuses).
absl::StatusOr<std::unique_ptr<jtbd_buffer>> SerializeToBuffer(
    const google::protobuf::MessageLite& message);

}  // namespace capi
}  // namespace jtbd

#endif  // JTBD_CAPI_CAPI_INTERNAL_H_
