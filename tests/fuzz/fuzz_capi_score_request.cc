// Fuzzes jtbd_score_request_with_limits: a serialized jtbd.v1.ScoreRequest
// in, a serialized jtbd.v1.Report out, under two sets of limits that must
// agree (capi_fuzz.h, ScoreUnderTwoLimits). jtbd_score_request is the same
// call with the default limits.
#include <cstddef>
#include <cstdint>
#include <string>

#include "capi_fuzz.h"
#include "fuzz_check.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/report.pb.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes = jtbd::fuzz::ScoreUnderTwoLimits(
      [](const jtbd_limits* limits, const void* request, size_t length,
         jtbd_buffer** out) {
        return jtbd_score_request_with_limits(limits, request, length, out);
      },
      data, size);
  if (bytes.empty()) return 0;  // refused (a report is never empty)
  jtbd::v1::Report parsed;
  JTBD_FUZZ_CHECK(parsed.ParseFromString(bytes), "the report does not parse");
  return 0;
}
