// Checks on what the C ABI hands back, for the fuzz targets over jtbd.h.
#ifndef JTBD_TESTS_FUZZ_CAPI_FUZZ_H_
#define JTBD_TESTS_FUZZ_CAPI_FUZZ_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>

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

// JTBD_OK on success, else the refusal's code; the checks of Succeeded.
inline int32_t OutcomeCode(jtbd_error* error) {
  const int32_t code = error == nullptr ? JTBD_OK : jtbd_error_code(error);
  Succeeded(error);
  return code;
}

// Limits with `values` (jtbd_limit, value) set, for the whole run.
inline jtbd_limits* MakeLimits(
    std::initializer_list<std::pair<int32_t, uint64_t>> values) {
  jtbd_limits* limits = nullptr;
  JTBD_FUZZ_CHECK(jtbd_limits_create(&limits) == nullptr, "create");
  for (const auto& [limit, value] : values) {
    JTBD_FUZZ_CHECK(jtbd_limits_set(limits, limit, value) == nullptr,
                    "jtbd_limits_set");
  }
  return limits;
}

// Scores one request twice through `score` (jtbd_score_request_with_limits
// or its JSON form): under limits that only cap the bootstrap at the
// library's default (2,000 resamples, so that an input cannot buy minutes of
// CPU), and under tight limits. Limits are checked before anything is
// built, so the tight run must either refuse with RESOURCE_EXHAUSTED, or do
// exactly what the other did: the same refusal code, or the same bytes.
// Returns the bytes of the first run's report ("" when refused).
template <typename Score>
std::string ScoreUnderTwoLimits(Score score, const void* data, size_t size) {
  static jtbd_limits* const bounded =
      MakeLimits({{JTBD_LIMIT_BOOTSTRAP_RESAMPLES, 2000}});
  static jtbd_limits* const tight =
      MakeLimits({{JTBD_LIMIT_OUTCOMES, 3},
                  {JTBD_LIMIT_RESPONDENTS, 5},
                  {JTBD_LIMIT_BOOTSTRAP_RESAMPLES, 200},
                  {JTBD_LIMIT_JSON_DEPTH, 8},
                  {JTBD_LIMIT_REQUEST_BYTES, 4096}});
  jtbd_buffer* report = nullptr;
  const int32_t code = OutcomeCode(score(bounded, data, size, &report));
  std::string bytes;
  if (code == JTBD_OK) {
    bytes = TakeBuffer(report);
  } else {
    JTBD_FUZZ_CHECK(report == nullptr, "a refusal wrote the out-parameter");
  }
  jtbd_buffer* tight_report = nullptr;
  const int32_t tight_code =
      OutcomeCode(score(tight, data, size, &tight_report));
  if (tight_code == JTBD_OK) {
    JTBD_FUZZ_CHECK(code == JTBD_OK, "only the tight limits accepted it");
    JTBD_FUZZ_CHECK(TakeBuffer(tight_report) == bytes,
                    "the tight limits changed the report");
  } else if (tight_code != JTBD_RESOURCE_EXHAUSTED) {
    JTBD_FUZZ_CHECK(tight_code == code,
                    std::string("tight limits: ") + jtbd_code_name(tight_code) +
                        ", otherwise " + jtbd_code_name(code));
  }
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
