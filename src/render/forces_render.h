#ifndef JTBD_RENDER_FORCES_RENDER_H_
#define JTBD_RENDER_FORCES_RENDER_H_

#include <string>

#include "absl/status/statusor.h"
#include "jtbd/v1/forces.pb.h"

namespace jtbd {

// A forces analysis (`jtbd forces`) as JSON (the jtbd.v1.ForcesReport
// protobuf JSON mapping: `forces`, `balance`, `model` with `auc` and
// `coefficients` keyed push, pull, anxiety, habit), as a table for people,
// or as CSV: one row per force and group (scope all, segment,
// solution_left, solution_hired) with its prevalence and mean intensity
// and their intervals.
absl::StatusOr<std::string> RenderForcesJson(const v1::ForcesReport& report);
std::string RenderForcesTable(const v1::ForcesReport& report);
std::string RenderForcesCsv(const v1::ForcesReport& report);

// The model applied to interviews (`jtbd forces --apply`): JSON (the
// jtbd.v1.ForcePredictions mapping), a table, or CSV
// interview_id,probability,log_odds,push,pull,anxiety,habit,segment.
absl::StatusOr<std::string> RenderForcePredictionsJson(
    const v1::ForcePredictions& predictions);
std::string RenderForcePredictionsTable(
    const v1::ForcePredictions& predictions);
std::string RenderForcePredictionsCsv(const v1::ForcePredictions& predictions);

}  // namespace jtbd

#endif  // JTBD_RENDER_FORCES_RENDER_H_
