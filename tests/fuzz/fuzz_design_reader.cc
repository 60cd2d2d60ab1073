// Fuzzes the study design readers (design/design_reader.h): the bytes as
// CSV, protobuf JSON and binary, each refusal naming the source, each
// design accepted passing its own checks again unchanged (CheckDesign is
// idempotent) and giving a coverage with one row per step.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/job_map_coverage.h"
#include "design/design_reader.h"
#include "fuzz_check.h"
#include "jtbd/v1/report.pb.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static constexpr absl::string_view kSource = "fuzz-design";
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  for (const jtbd::design::DesignFormat format :
       {jtbd::design::DesignFormat::kCsv, jtbd::design::DesignFormat::kJson,
        jtbd::design::DesignFormat::kBinary}) {
    const absl::StatusOr<jtbd::v1::StudyDesign> design =
        jtbd::design::ParseDesign(text, kSource, format);
    if (!design.ok()) {
      jtbd::fuzz::CheckRefusalNames(design.status(), kSource);
      continue;
    }
    jtbd::v1::StudyDesign again = *design;
    JTBD_FUZZ_CHECK(jtbd::design::CheckDesign(kSource, &again).ok(),
                    "an accepted design fails its own checks");
    jtbd::fuzz::CheckSameMessage(*design, again,
                                 "checking an accepted design changed it");
    const jtbd::v1::JobMapCoverage coverage =
        jtbd::design::ComputeCoverage(*design, jtbd::v1::Report());
    JTBD_FUZZ_CHECK(coverage.steps_size() == design->job().steps_size(),
                    "coverage rows differ from the job map");
  }
  return 0;
}
