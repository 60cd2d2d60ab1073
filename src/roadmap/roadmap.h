// "Prioritize these initiatives": the roadmap report of a survey's scores
// and candidate initiatives within a budget — the exact best portfolio (or
// the best found and its proven gap past the limits), each outcome's
// contribution, the marginal value of each chosen initiative, the efficient
// frontier and the robustness of the choice under bootstrap redraws of the
// scores. The one entry point every face calls (docs/ROADMAP.md).
#ifndef JTBD_ROADMAP_ROADMAP_H_
#define JTBD_ROADMAP_ROADMAP_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "jtbd/v1/roadmap.pb.h"
#include "roadmap/survey_scores.h"

namespace jtbd {
namespace roadmap {

constexpr uint32_t kDefaultResamples = 200;
constexpr uint32_t kMaxResamples = 100000;
constexpr uint64_t kDefaultSeed = 42;
constexpr int kDefaultFrontierPoints = 20;

// `tables` (ScoresOfAggregate / ScoresOfSegments fill them) are what the
// redraws resample; empty: no robustness figures, whatever the options.
// INVALID_ARGUMENT for a budget, time limit or frontier budget that is
// negative or not finite, more than kMaxResamples resamples, and whatever
// PortfolioModel::Build refuses.
absl::StatusOr<v1::RoadmapReport> BuildRoadmap(
    const SurveyScores& scores,
    const std::vector<std::vector<CollapsedTable>>& tables,
    absl::Span<const v1::Initiative> initiatives,
    const v1::RoadmapOptions& options);

}  // namespace roadmap
}  // namespace jtbd

#endif  // JTBD_ROADMAP_ROADMAP_H_
