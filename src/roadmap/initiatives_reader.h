// The initiatives CSV: one row per initiative x outcome, columns
//   initiative, cost, outcome, target_satisfaction or uplift,
//   and optionally depends_on, excludes, segment
// (header names compared ignoring case, spaces counting as "_"; other
// columns ignored). Read with the survey readers' dialect: UTF-8 with or
// without BOM or UTF-16, separator `,` `;` or TAB detected from the header,
// and numbers with a decimal point or a French decimal comma ("2,5").
//
// depends_on and excludes hold several initiative names separated by `|`
// (or `;`, inside a quoted cell when `;` separates the fields); the names
// of all the rows of an initiative add up. A row with a blank outcome
// declares an initiative that improves nothing itself (a platform others
// depend on); its target and uplift must be blank. The cost may be blank on
// all but one row of an initiative; rows giving it must agree.
#ifndef JTBD_ROADMAP_INITIATIVES_READER_H_
#define JTBD_ROADMAP_INITIATIVES_READER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/resource_limits.h"
#include "jtbd/v1/roadmap.pb.h"
#include "roadmap/survey_scores.h"

namespace jtbd {
namespace roadmap {

// The initiatives in the order first named. Refusals (INVALID_ARGUMENT,
// RESOURCE_EXHAUSTED past the limits) read
//   <source>: line L, column C ("<header name>"): <what>
// for: a malformed CSV; a missing initiative, cost or outcome column, or
// neither target_satisfaction nor uplift; a blank initiative name; a cost
// <= 0 or not a number (or none on any row of an initiative); an
// initiative named twice with different costs; an outcome the scores do
// not have; a segment they do not have; a target or uplift not a number or
// off 0-10, both or neither given; a depends_on or excludes naming an
// unknown initiative or itself; a dependency cycle (at a depends_on cell of
// one of its initiatives).
absl::StatusOr<std::vector<v1::Initiative>> ReadInitiativesCsv(
    absl::string_view raw, absl::string_view source, const SurveyScores& scores,
    const ResourceLimits& limits = ResourceLimits());

// The same from a file (NOT_FOUND and the like name the path).
absl::StatusOr<std::vector<v1::Initiative>> ReadInitiativesCsvFile(
    const std::string& path, const SurveyScores& scores,
    const ResourceLimits& limits = ResourceLimits());

}  // namespace roadmap
}  // namespace jtbd

#endif  // JTBD_ROADMAP_INITIATIVES_READER_H_
