// Fuzzes jtbd_score_request: a serialized jtbd.v1.ScoreRequest in, a
// serialized jtbd.v1.Report out.
#include <cstddef>
#include <cstdint>
#include <string>

#include "capi_fuzz.h"
#include "fuzz_check.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The cost of a bootstrap grows with the resamples asked for (up to a
  // million by design): bounding that is issue 7's resource limits, not a
  // parser's job, so such requests are left out here.
  jtbd::v1::ScoreRequest request;
  if (request.ParseFromArray(data, static_cast<int>(size)) &&
      request.options().bootstrap_resamples() > 2000) {
    return -1;  // not added to the corpus
  }
  jtbd_buffer* report = nullptr;
  if (!jtbd::fuzz::Succeeded(jtbd_score_request(data, size, &report))) {
    JTBD_FUZZ_CHECK(report == nullptr, "a refusal wrote the out-parameter");
    return 0;
  }
  const std::string bytes = jtbd::fuzz::TakeBuffer(report);
  jtbd::v1::Report parsed;
  JTBD_FUZZ_CHECK(parsed.ParseFromString(bytes), "the report does not parse");
  return 0;
}
