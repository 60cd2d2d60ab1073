// Differential: the C ABI and the C++ core on the same bytes. The first
// byte picks the options (bits 0-2: the input format, 0 auto to 6
// typeform, 7 read as auto; bit 3: a bootstrap of 20 resamples instead of
// none; bits 4-5: the score method), the rest is the survey. The C ABI's
// jtbd_score_survey (the pipeline's cheapest path) and the core's
// ReadSurveyCsv + Study::Score must accept the same surveys and give
// byte-identical reports (the protobuf jtbd_report_render hands out, and
// the JSON render); a refusal must carry the same code.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "capi_fuzz.h"
#include "core/study.h"
#include "fuzz_check.h"
#include "io/survey_reader.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"
#include "render/report_render.h"

namespace {

constexpr char kOracle[] = "oracle capi == core: ";

std::string Render(const jtbd_report* report, int32_t format) {
  jtbd_buffer* buffer = nullptr;
  jtbd_error* error = jtbd_report_render(report, format, &buffer);
  JTBD_FUZZ_CHECK(error == nullptr, jtbd_error_message(error, nullptr));
  return jtbd::fuzz::TakeBuffer(buffer);
}

// The C ABI's status codes are absl's (jtbd.h: "the values of
// absl::StatusCode").
int32_t CoreCode(const absl::Status& status) {
  return static_cast<int32_t>(status.code());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t choice = data[0];
  const absl::string_view survey(reinterpret_cast<const char*>(data + 1),
                                 size - 1);
  const int32_t format = (choice & 7) == 7 ? 0 : (choice & 7);
  const uint32_t resamples = (choice & 8) ? 20 : 0;
  const int32_t method = (choice >> 4) & 3;  // unspecified, ulwick, mean, olsen
  constexpr uint64_t kSeed = 7;

  // The C ABI.
  jtbd_read_options* read = nullptr;
  JTBD_FUZZ_CHECK(jtbd_read_options_create(&read) == nullptr, "read options");
  JTBD_FUZZ_CHECK(jtbd_read_options_set_input_format(read, format) == nullptr,
                  "input format");
  jtbd_score_options* options = nullptr;
  JTBD_FUZZ_CHECK(jtbd_score_options_create(&options) == nullptr, "options");
  JTBD_FUZZ_CHECK(
      jtbd_score_options_set_bootstrap_resamples(options, resamples) == nullptr,
      "bootstrap");
  JTBD_FUZZ_CHECK(jtbd_score_options_set_seed(options, kSeed) == nullptr,
                  "seed");
  JTBD_FUZZ_CHECK(jtbd_score_options_set_method(options, method) == nullptr,
                  "method");
  jtbd_report* report = nullptr;
  const int32_t capi_code = jtbd::fuzz::OutcomeCode(jtbd_score_survey(
      read, options, survey.data(), survey.size(), "survey", 6, &report));

  // The core.
  jtbd::ReadOptions core_read;
  core_read.format = static_cast<jtbd::InputFormat>(format);
  jtbd::v1::ScoringOptions scoring;
  scoring.set_bootstrap_resamples(resamples);
  scoring.set_seed(kSeed);
  scoring.set_method(static_cast<jtbd::v1::ScoreMethod>(method));
  absl::StatusOr<jtbd::Study> study =
      jtbd::ReadSurveyCsv(survey, "survey", core_read);
  const absl::StatusOr<jtbd::v1::Report> scored =
      study.ok() ? study->Score(scoring)
                 : absl::StatusOr<jtbd::v1::Report>(study.status());
  const int32_t core_code = scored.ok() ? JTBD_OK : CoreCode(scored.status());

  JTBD_FUZZ_CHECK(capi_code == core_code,
                  std::string(kOracle) + "the C ABI says " +
                      jtbd_code_name(capi_code) + ", the core " +
                      scored.status().ToString());
  if (capi_code == JTBD_OK) {
    std::string core_bytes;
    JTBD_FUZZ_CHECK(scored->SerializeToString(&core_bytes), "serialize");
    JTBD_FUZZ_CHECK(Render(report, JTBD_FORMAT_PROTOBUF) == core_bytes,
                    std::string(kOracle) + "the protobuf reports differ");
    absl::StatusOr<std::string> core_json = jtbd::RenderJson(*scored);
    JTBD_FUZZ_CHECK(core_json.ok(), core_json.status().ToString());
    JTBD_FUZZ_CHECK(Render(report, JTBD_FORMAT_JSON) == *core_json,
                    std::string(kOracle) + "the JSON reports differ");
  }
  jtbd_report_destroy(report);
  jtbd_score_options_destroy(options);
  jtbd_read_options_destroy(read);
  return 0;
}
