// jtbd.h: saving studies and aggregates to files and loading them back
// (io/saved_file.h: a checksummed header with a format version, written
// atomically), and the same envelope of an aggregate in memory, for
// transfers between processes.
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "capi/capi_internal.h"
#include "io/saved_file.h"
#include "jtbd/jtbd.h"

using jtbd::capi::CheckBytesArgument;
using jtbd::capi::CheckNotNull;
using jtbd::capi::Guard;
using jtbd::capi::PathArgument;
using jtbd::capi::Publish;
using jtbd::capi::TextArgument;

extern "C" {

jtbd_error* jtbd_study_save_file(const jtbd_study* study, const char* path,
                                 size_t path_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::string file,
                               PathArgument(fn, path, path_len));
    return jtbd::SaveStudyFile(study->study, file);
  });
}

jtbd_error* jtbd_study_load_file(const char* path, size_t path_len,
                                 jtbd_study** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(std::string file,
                               PathArgument(fn, path, path_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::Study study, jtbd::LoadStudyFile(file));
    auto handle = std::make_unique<jtbd_study>();
    handle->study = std::move(study);
    Publish(std::move(handle), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_aggregate_save_file(const jtbd_aggregate* aggregate,
                                     const char* path, size_t path_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "aggregate", aggregate));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::string file,
                               PathArgument(fn, path, path_len));
    return jtbd::SaveAggregateFile(aggregate->aggregate, file);
  });
}

jtbd_error* jtbd_aggregate_load_file(const char* path, size_t path_len,
                                     jtbd_aggregate** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(std::string file,
                               PathArgument(fn, path, path_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::Aggregate aggregate,
                               jtbd::LoadAggregateFile(file));
    Publish(std::make_unique<jtbd_aggregate>(std::move(aggregate)), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_aggregate_encode(const jtbd_aggregate* aggregate,
                                  jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "aggregate", aggregate));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::string bytes,
                               jtbd::EncodeAggregateFile(aggregate->aggregate));
    auto buffer = std::make_unique<jtbd_buffer>();
    buffer->bytes = std::move(bytes);
    Publish(std::move(buffer), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_aggregate_decode(const void* data, size_t size,
                                  const char* source_name,
                                  size_t source_name_len,
                                  jtbd_aggregate** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckBytesArgument(fn, "data", data, size));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        std::string name,
        TextArgument(fn, "source_name", source_name, source_name_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    // Errors must name the transfer; "<memory>" when the caller gave no
    // name, as the survey readers do.
    if (name.empty()) name = "<memory>";
    JTBD_CAPI_ASSIGN_OR_RETURN(
        jtbd::Aggregate aggregate,
        jtbd::ParseAggregateFile(
            absl::string_view(static_cast<const char*>(data), size), name));
    Publish(std::make_unique<jtbd_aggregate>(std::move(aggregate)), out);
    return absl::OkStatus();
  });
}

}  // extern "C"
