// Fuzzes jtbd_score_request_json: a jtbd.v1.ScoreRequest in protobuf JSON
// in, the report in protobuf JSON out.
#include <cstddef>
#include <cstdint>
#include <string>

#include "capi_fuzz.h"
#include "fuzz_check.h"
#include "google/protobuf/stubs/stringpiece.h"
#include "google/protobuf/util/json_util.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const char* json = reinterpret_cast<const char*>(data);
  // As in fuzz_capi_score_request: huge bootstraps are left to the
  // resource limits.
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  jtbd::v1::ScoreRequest request;
  if (google::protobuf::util::JsonStringToMessage(
          google::protobuf::StringPiece(size == 0 ? "" : json, size), &request,
          options)
          .ok() &&
      request.options().bootstrap_resamples() > 2000) {
    return -1;
  }
  jtbd_buffer* report = nullptr;
  if (!jtbd::fuzz::Succeeded(jtbd_score_request_json(json, size, &report))) {
    JTBD_FUZZ_CHECK(report == nullptr, "a refusal wrote the out-parameter");
    return 0;
  }
  const std::string text = jtbd::fuzz::TakeBuffer(report);
  jtbd::v1::Report parsed;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(text), &parsed);
  JTBD_FUZZ_CHECK(status.ok(), status.ToString() + "\n" + text);
  return 0;
}
