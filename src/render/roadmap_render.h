// Renderings of a jtbd.v1.RoadmapReport (`jtbd prioritize`).
#ifndef JTBD_RENDER_ROADMAP_RENDER_H_
#define JTBD_RENDER_ROADMAP_RENDER_H_

#include <string>

#include "absl/status/statusor.h"
#include "jtbd/v1/roadmap.pb.h"

namespace jtbd {

// For people: the portfolio and its proof status, then the initiatives
// (cost, chosen, marginal value, robustness), the contributions per
// outcome, and the efficient frontier.
std::string RenderRoadmapTable(const v1::RoadmapReport& report);
// The protobuf JSON mapping (render/proto_json.h): `selected`, `value`,
// `cost`, `optimal`, `contributions`, `marginalValues`, `frontier`, ...
absl::StatusOr<std::string> RenderRoadmapJson(const v1::RoadmapReport& report);
// One row per initiative, in the initiatives' order:
//   initiative,cost,selected,marginal_value,value_without,chosen_share
// (marginal values blank for initiatives not chosen, chosen_share blank
// without redraws).
std::string RenderRoadmapCsv(const v1::RoadmapReport& report);

}  // namespace jtbd

#endif  // JTBD_RENDER_ROADMAP_RENDER_H_
