// Fuzzes jtbd_score_survey, the one-step read-and-score, against the two
// steps it stands for (jtbd_study_read_csv, then jtbd_study_score): the first
// byte picks the options (bit 0: segment_by "segment"; bit 1: screening;
// bit 2: outcome descriptions in the read options; bit 3: a bootstrap of 20
// resamples instead of none), the rest is the survey. Whichever path the
// one-step call takes (aggregate, segmented aggregates, study), it must
// accept exactly what the two steps accept and give the same report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "capi_fuzz.h"
#include "fuzz_check.h"
#include "jtbd/jtbd.h"

namespace {

constexpr char kDescriptions[] =
    "id,statement,job_step\no1,Minimize the time,plan\nspeed,Faster,\n";

std::string RenderJson(const jtbd_report* report) {
  jtbd_buffer* buffer = nullptr;
  jtbd_error* error = jtbd_report_render(report, JTBD_FORMAT_JSON, &buffer);
  JTBD_FUZZ_CHECK(error == nullptr, jtbd_error_message(error, nullptr));
  return jtbd::fuzz::TakeBuffer(buffer);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t choice = data[0];
  const char* survey = reinterpret_cast<const char*>(data + 1);
  const size_t survey_size = size - 1;

  jtbd_read_options* read = nullptr;
  JTBD_FUZZ_CHECK(jtbd_read_options_create(&read) == nullptr, "read options");
  if (choice & 4) {
    JTBD_FUZZ_CHECK(jtbd_read_options_set_outcome_descriptions(
                        read, kDescriptions, sizeof(kDescriptions) - 1,
                        "descriptions", 12) == nullptr,
                    "descriptions");
  }
  jtbd_score_options* options = nullptr;
  JTBD_FUZZ_CHECK(jtbd_score_options_create(&options) == nullptr, "options");
  if (choice & 1) {
    JTBD_FUZZ_CHECK(
        jtbd_score_options_set_segment_by(options, "segment", 7) == nullptr,
        "segment_by");
  }
  if (choice & 2) {
    JTBD_FUZZ_CHECK(
        jtbd_score_options_set_screening(options, 1, 1) == nullptr,
        "screening");
  }
  JTBD_FUZZ_CHECK(jtbd_score_options_set_bootstrap_resamples(
                      options, (choice & 8) ? 20 : 0) == nullptr,
                  "bootstrap");

  jtbd_report* one_step = nullptr;
  const bool one_ok = jtbd::fuzz::Succeeded(jtbd_score_survey(
      read, options, survey, survey_size, "survey", 6, &one_step));
  JTBD_FUZZ_CHECK(one_ok || one_step == nullptr,
                  "a refusal wrote the out-parameter");

  jtbd_study* study = nullptr;
  jtbd_report* two_steps = nullptr;
  bool two_ok = jtbd::fuzz::Succeeded(jtbd_study_read_csv(
      read, survey, survey_size, "survey", 6, &study));
  if (two_ok) {
    two_ok = jtbd::fuzz::Succeeded(jtbd_study_score(study, options, &two_steps));
  }
  JTBD_FUZZ_CHECK(one_ok == two_ok,
                  one_ok ? "only the one-step call accepted the survey"
                         : "only the two steps accepted the survey");
  if (one_ok) {
    jtbd::fuzz::CheckRenders(one_step);
    JTBD_FUZZ_CHECK(RenderJson(one_step) == RenderJson(two_steps),
                    "the one-step report differs from the two steps'");
  }
  jtbd_report_destroy(one_step);
  jtbd_report_destroy(two_steps);
  jtbd_study_destroy(study);
  jtbd_score_options_destroy(options);
  jtbd_read_options_destroy(read);
  return 0;
}
