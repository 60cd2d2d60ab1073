// Checks on what the C ABI hands back, for the fuzz targets over jtbd.h.
#ifndef JTBD_TESTS_FUZZ_CAPI_FUZZ_H_
#define JTBD_TESTS_FUZZ_CAPI_FUZZ_H_

#include <cstddef>
#include <string>

#include "fuzz_check.h"
#include "io/utf8.h"
#include "jtbd/jtbd.h"

namespace jtbd {
namespace fuzz {

// True on success. A failure must carry a known refusal code (never
// JTBD_INTERNAL: an exception caught by the barrier, or JTBD_UNKNOWN) and a
// message of the length it claims; the error is freed.
//
// A refusal's message is UTF-8 text without NUL bytes (jtbd.h convention
// 4), whatever bytes the refused input held (a finding of
// fuzz_capi_score_request_json, fixed in NewError, src/capi/jtbd_errors.cc).
inline bool Succeeded(jtbd_error* error) {
  if (error == nullptr) return true;
  size_t length = 0;
  const char* text = jtbd_error_message(error, &length);
  const std::string message(text, length);
  const int32_t code = jtbd_error_code(error);
  jtbd_error_free(error);
  JTBD_FUZZ_CHECK(!message.empty(), jtbd_code_name(code));
  JTBD_FUZZ_CHECK(
      code != JTBD_OK && code != JTBD_INTERNAL && code != JTBD_UNKNOWN,
      std::string(jtbd_code_name(code)) + ": " + message);
  JTBD_FUZZ_CHECK(message.find('\0') == std::string::npos, message);
  JTBD_FUZZ_CHECK(IsValidUtf8(message), message);
  return false;
}

// The bytes of a buffer, which is freed.
inline std::string TakeBuffer(jtbd_buffer* buffer) {
  JTBD_FUZZ_CHECK(buffer != nullptr, "success without a buffer");
  std::string bytes(reinterpret_cast<const char*>(jtbd_buffer_data(buffer)),
                    jtbd_buffer_size(buffer));
  jtbd_buffer_free(buffer);
  return bytes;
}

// A scored report renders in every format.
inline void CheckRenders(const jtbd_report* report) {
  for (int32_t format : {JTBD_FORMAT_TABLE, JTBD_FORMAT_JSON, JTBD_FORMAT_CSV,
                         JTBD_FORMAT_PROTOBUF}) {
    jtbd_buffer* buffer = nullptr;
    jtbd_error* error = jtbd_report_render(report, format, &buffer);
    JTBD_FUZZ_CHECK(error == nullptr, jtbd_error_message(error, nullptr));
    TakeBuffer(buffer);
  }
  for (size_t i = 0; i < jtbd_report_outcome_count(report); ++i) {
    jtbd_outcome_score score = {};
    score.struct_size = sizeof(score);
    jtbd_error* error = jtbd_report_outcome(report, i, &score);
    JTBD_FUZZ_CHECK(error == nullptr, jtbd_error_message(error, nullptr));
  }
}

}  // namespace fuzz
}  // namespace jtbd

#endif  // JTBD_TESTS_FUZZ_CAPI_FUZZ_H_
