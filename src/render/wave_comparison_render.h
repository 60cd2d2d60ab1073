// Renderings of a jtbd.v1.WaveComparison (`jtbd compare`): an aligned table
// for people, the protobuf JSON mapping, and CSV.
#ifndef JTBD_RENDER_WAVE_COMPARISON_RENDER_H_
#define JTBD_RENDER_WAVE_COMPARISON_RENDER_H_

#include <string>

#include "absl/status/statusor.h"
#include "jtbd/v1/waves.pb.h"

namespace jtbd {

// One block for the whole sample and one per segment: per outcome the
// scores before -> after and the changes, rounded to one decimal (display
// only), a "*" after each significant change, the opportunity change's
// interval and adjusted p-value, and the band, with "->" when it crossed;
// then the outcomes and segments of one wave only.
std::string RenderWaveComparisonTable(const v1::WaveComparison& comparison);

// The protobuf JSON mapping (lowerCamelCase: "changes", "outcomeId",
// "pValue", "adjustedPValue", "significant"; enums by name; default values
// printed; numbers unrounded), newline-terminated.
absl::StatusOr<std::string> RenderWaveComparisonJson(
    const v1::WaveComparison& comparison);

// RFC 4180 CSV, one row per (segment, outcome), segment "" for the whole
// sample; outcomes of one wave only have their wave in `only_in` and blank
// figures. Numbers unrounded (shortest round-trip form); a blank field is a
// figure that does not exist.
std::string RenderWaveComparisonCsv(const v1::WaveComparison& comparison);

}  // namespace jtbd

#endif  // JTBD_RENDER_WAVE_COMPARISON_RENDER_H_
