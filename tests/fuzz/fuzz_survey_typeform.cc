// Fuzzes the survey reader with the layout forced to typeform (ReadOptions
// format): ReadSurveyCsv and ReadSurveyCsvAggregate on the same bytes.
#include <cstddef>
#include <cstdint>

#include "io/survey_reader.h"
#include "survey_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  jtbd::fuzz::FuzzSurveyRead(data, size, jtbd::InputFormat::kTypeform);
  return 0;
}
