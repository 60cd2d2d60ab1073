// jtbd.h: version, errors, buffers, band names, and the shared helpers of
// capi_internal.h.
#include <climits>
#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "capi/capi_internal.h"
#include "core/resource_limits.h"
#include "jtbd/jtbd.h"
#include "render/band_name.h"

namespace jtbd {
namespace capi {
namespace {

// Allocated while the library loads, when memory is plentiful, and never
// freed: the error handed out when allocating a real one fails.
jtbd_error* const kOutOfMemory = new jtbd_error{
    absl::ResourceExhaustedError("out of memory"), "out of memory"};

// Whether `text` is well-formed UTF-8 (no overlong forms, no surrogates,
// nothing above U+10FFFF). Returns the offset of the first bad byte or npos.
size_t FindInvalidUtf8(absl::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    size_t length;
    unsigned char second_min = 0x80, second_max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) second_min = 0xA0;  // overlong
      if (lead == 0xED) second_max = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) second_min = 0x90;  // overlong
      if (lead == 0xF4) second_max = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (n - i < length) return i;
    if (bytes[i + 1] < second_min || bytes[i + 1] > second_max) return i;
    for (size_t k = 2; k < length; ++k) {
      if (bytes[i + k] < 0x80 || bytes[i + k] > 0xBF) return i;
    }
    i += length;
  }
  return absl::string_view::npos;
}

// The message as text a C caller can hold (convention 4): ill-formed UTF-8
// becomes U+FFFD and NUL the two characters \0. Parsers quote the input
// they refuse, and hostile input may hold any byte.
std::string CallerText(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const size_t bad = FindInvalidUtf8(text);
    const absl::string_view good =
        bad == absl::string_view::npos ? text : text.substr(0, bad);
    for (const char c : good) {
      if (c == '\0') {
        out.append("\\0");
      } else {
        out.push_back(c);
      }
    }
    if (bad == absl::string_view::npos) break;
    out.append("\xEF\xBF\xBD");
    text.remove_prefix(bad + 1);
  }
  return out;
}

}  // namespace

jtbd_error* OutOfMemoryError() noexcept { return kOutOfMemory; }

jtbd_error* NewError(const absl::Status& status) noexcept {
  try {
    auto error = std::make_unique<jtbd_error>();
    error->status = status;
    error->message = CallerText(status.message());
    return error.release();
  } catch (...) {
    return kOutOfMemory;
  }
}

jtbd_error* ErrorFromCurrentException() noexcept {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    return kOutOfMemory;
  } catch (const std::exception& exception) {
    try {
      return NewError(absl::InternalError(
          absl::StrCat("unexpected C++ exception: ", exception.what())));
    } catch (...) {
      return kOutOfMemory;
    }
  } catch (...) {
    return NewError(absl::InternalError("unexpected C++ exception"));
  }
}

absl::Status CheckNotNull(const char* function, const char* argument,
                          const void* pointer) {
  if (pointer != nullptr) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(function, ": ", argument, " is NULL"));
}

absl::Status CheckIndex(const char* function, const char* argument,
                        size_t index, size_t size) {
  if (index < size) return absl::OkStatus();
  return absl::OutOfRangeError(absl::StrCat(function, ": ", argument, " ",
                                            index, " is out of range (", size,
                                            " available)"));
}

void OutputText(const std::string& value, const char** text, size_t* length) {
  *text = value.c_str();
  if (length != nullptr) *length = value.size();
}

absl::StatusOr<std::string> TextArgument(const char* function,
                                         const char* argument, const char* data,
                                         size_t length) {
  if (length == 0) return std::string();
  if (data == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        function, ": ", argument, " is NULL but its length is ", length));
  }
  absl::string_view text(data, length);
  const size_t bad = FindInvalidUtf8(text);
  if (bad != absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat(function, ": ", argument,
                     " is not valid UTF-8 (byte offset ", bad, ")"));
  }
  return std::string(text);
}

jtbd_significance_test ToC(const v1::SignificanceTest& test) {
  jtbd_significance_test out;
  out.z = test.z();
  out.p_value = test.p_value();
  out.holm_adjusted_p_value = test.holm_adjusted_p_value();
  return out;
}

absl::StatusOr<std::string> PathArgument(const char* function, const char* path,
                                         size_t path_len) {
  JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(function, "path", path));
  std::string file(path, path_len);
  if (file.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(function, ": path is empty"));
  }
  if (file.find('\0') != std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat(function, ": path contains a NUL byte"));
  }
  return file;
}

absl::StatusOr<InputSource> SurveyBytesArgument(const char* function,
                                                const char* data, size_t size,
                                                const char* source_name,
                                                size_t source_name_len) {
  if (size > 0) JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(function, "data", data));
  JTBD_CAPI_ASSIGN_OR_RETURN(
      std::string name,
      TextArgument(function, "source_name", source_name, source_name_len));
  return InputSource::Bytes(absl::string_view(size == 0 ? "" : data, size),
                            std::move(name));
}

absl::StatusOr<InputSource> SurveyFileArgument(const char* function,
                                               const char* path,
                                               size_t path_len) {
  JTBD_CAPI_ASSIGN_OR_RETURN(std::string file,
                             PathArgument(function, path, path_len));
  return InputSource::File(std::move(file));
}

absl::Status CheckBytesArgument(const char* function, const char* argument,
                                const void* data, size_t size) {
  if (size == 0) return absl::OkStatus();
  if (data == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        function, ": ", argument, " is NULL but its size is ", size));
  }
  if (size > static_cast<size_t>(INT_MAX)) {
    return absl::InvalidArgumentError(
        absl::StrCat(function, ": ", argument, " is ", size, " bytes; at most ",
                     INT_MAX, " are accepted"));
  }
  // Checked before protobuf allocates for what the bytes announce.
  return jtbd::CheckRequestBytes(size,
                                 jtbd::ResourceLimits::kDefaultMaxRequestBytes,
                                 absl::StrCat(function, ": ", argument));
}

absl::StatusOr<std::unique_ptr<jtbd_buffer>> SerializeToBuffer(
    const google::protobuf::MessageLite& message) {
  auto buffer = std::make_unique<jtbd_buffer>();
  if (!message.SerializeToString(&buffer->bytes)) {
    return absl::InternalError(
        absl::StrCat("could not serialize ", message.GetTypeName()));
  }
  return buffer;
}

}  // namespace capi
}  // namespace jtbd

extern "C" {

uint32_t jtbd_version_number(void) { return JTBD_VERSION_NUMBER; }

const char* jtbd_version_string(void) {
#define JTBD_STRINGIFY_INNER(x) #x
#define JTBD_STRINGIFY(x) JTBD_STRINGIFY_INNER(x)
  return JTBD_STRINGIFY(JTBD_VERSION_MAJOR) "." JTBD_STRINGIFY(
      JTBD_VERSION_MINOR) "." JTBD_STRINGIFY(JTBD_VERSION_PATCH);
#undef JTBD_STRINGIFY
#undef JTBD_STRINGIFY_INNER
}

int32_t jtbd_error_code(const jtbd_error* error) {
  if (error == nullptr) return JTBD_OK;
  return static_cast<int32_t>(error->status.code());
}

const char* jtbd_error_message(const jtbd_error* error, size_t* length) {
  if (error == nullptr) {
    if (length != nullptr) *length = 0;
    return "";
  }
  if (length != nullptr) *length = error->message.size();
  return error->message.c_str();
}

void jtbd_error_free(jtbd_error* error) {
  if (error == jtbd::capi::OutOfMemoryError()) return;
  delete error;
}

const char* jtbd_code_name(int32_t code) {
  // Spelled like absl::StatusCodeToString, but static (that returns a
  // std::string).
  static const char* const kNames[] = {"OK",
                                       "CANCELLED",
                                       "UNKNOWN",
                                       "INVALID_ARGUMENT",
                                       "DEADLINE_EXCEEDED",
                                       "NOT_FOUND",
                                       "ALREADY_EXISTS",
                                       "PERMISSION_DENIED",
                                       "RESOURCE_EXHAUSTED",
                                       "FAILED_PRECONDITION",
                                       "ABORTED",
                                       "OUT_OF_RANGE",
                                       "UNIMPLEMENTED",
                                       "INTERNAL",
                                       "UNAVAILABLE",
                                       "DATA_LOSS",
                                       "UNAUTHENTICATED"};
  if (code < 0 ||
      code >= static_cast<int32_t>(sizeof(kNames) / sizeof(kNames[0]))) {
    return "UNKNOWN_CODE";
  }
  return kNames[code];
}

const uint8_t* jtbd_buffer_data(const jtbd_buffer* buffer) {
  if (buffer == nullptr) return nullptr;
  return reinterpret_cast<const uint8_t*>(buffer->bytes.data());
}

size_t jtbd_buffer_size(const jtbd_buffer* buffer) {
  if (buffer == nullptr) return 0;
  return buffer->bytes.size();
}

void jtbd_buffer_free(jtbd_buffer* buffer) { delete buffer; }

const char* jtbd_band_name(int32_t band) {
  // Generated proto3 enums span all of int32 (sentinel values), so any
  // int32 converts; BandName answers "unspecified" for unknown values.
  return jtbd::BandName(static_cast<jtbd::v1::Band>(band));
}

}  // extern "C"
