// Fuzzes jtbd_score_request_json_with_limits: a jtbd.v1.ScoreRequest in
// protobuf JSON in, the report in protobuf JSON out, under two sets of
// limits that must agree (capi_fuzz.h, ScoreUnderTwoLimits).
#include <cstddef>
#include <cstdint>
#include <string>

#include "capi_fuzz.h"
#include "fuzz_check.h"
#include "google/protobuf/stubs/stringpiece.h"
#include "google/protobuf/util/json_util.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/report.pb.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text = jtbd::fuzz::ScoreUnderTwoLimits(
      [](const jtbd_limits* limits, const void* request, size_t length,
         jtbd_buffer** out) {
        return jtbd_score_request_json_with_limits(
            limits, static_cast<const char*>(request), length, out);
      },
      data, size);
  if (text.empty()) return 0;  // refused (a report is never empty)
  jtbd::v1::Report parsed;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(text), &parsed);
  JTBD_FUZZ_CHECK(status.ok(), status.ToString() + "\n" + text);
  return 0;
}
