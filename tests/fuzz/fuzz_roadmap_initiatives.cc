// Fuzzes the initiatives reader of `jtbd prioritize` on fixed scores:
// ReadInitiativesCsv, and whatever it accepts must build a model (the
// reader refuses everything the model would) and solve to a feasible
// portfolio within the budget whose value the bound covers.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "fuzz_check.h"
#include "jtbd/v1/roadmap.pb.h"
#include "roadmap/branch_and_bound.h"
#include "roadmap/initiatives_reader.h"
#include "roadmap/portfolio_model.h"
#include "roadmap/survey_scores.h"

namespace {

jtbd::roadmap::SurveyScores FixedScores() {
  jtbd::roadmap::SurveyScores scores;
  scores.outcome_ids = {"o1", "o2", "o3"};
  scores.segment_by = "region";
  scores.groups.push_back({"north", 0.5, {8, 6, 3}, {2, 5, 9}});
  scores.groups.push_back({"south", 0.5, {9, 2, 7}, {1, 1, 4}});
  return scores;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static constexpr absl::string_view kSource = "fuzz-initiatives.csv";
  static const jtbd::roadmap::SurveyScores* const kScores =
      new jtbd::roadmap::SurveyScores(FixedScores());
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  const absl::StatusOr<std::vector<jtbd::v1::Initiative>> initiatives =
      jtbd::roadmap::ReadInitiativesCsv(text, kSource, *kScores);
  if (!initiatives.ok()) {
    jtbd::fuzz::CheckRefusalNames(initiatives.status(), kSource);
    return 0;
  }
  const absl::StatusOr<jtbd::roadmap::PortfolioModel> model =
      jtbd::roadmap::PortfolioModel::Build(*kScores, *initiatives);
  JTBD_FUZZ_CHECK(model.ok(), model.status().ToString());
  jtbd::roadmap::SolveLimits limits;
  limits.node_limit = 2000;
  const double budget = model->total_cost() / 2;
  const jtbd::roadmap::Solution solution =
      jtbd::roadmap::SolvePortfolio(*model, budget, limits);
  JTBD_FUZZ_CHECK(model->Feasible(solution.chosen), "infeasible portfolio");
  JTBD_FUZZ_CHECK(solution.cost <= budget * (1 + 1e-9) + 1e-12, "over budget");
  JTBD_FUZZ_CHECK(
      solution.value >= 0 && solution.bound >= solution.value - 1e-9,
      "bound below the value");
  return 0;
}
