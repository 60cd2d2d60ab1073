#include "roadmap/roadmap.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "roadmap/branch_and_bound.h"
#include "roadmap/portfolio_model.h"

namespace jtbd {
namespace roadmap {
namespace {

bool NonNegative(double x) { return std::isfinite(x) && x >= 0; }

absl::Status CheckOptions(const v1::RoadmapOptions& options) {
  if (!NonNegative(options.budget())) {
    return absl::InvalidArgumentError(
        "budget must be a finite number, at least 0");
  }
  if (options.has_time_limit_seconds() &&
      !NonNegative(options.time_limit_seconds())) {
    return absl::InvalidArgumentError(
        "time_limit_seconds must be a finite number, at least 0");
  }
  for (double budget : options.frontier_budgets()) {
    if (!NonNegative(budget)) {
      return absl::InvalidArgumentError(
          "frontier_budgets must be finite numbers, at least 0");
    }
  }
  if (options.has_resamples() && options.resamples() > kMaxResamples) {
    return absl::InvalidArgumentError(
        absl::StrCat("resamples must be at most ", kMaxResamples));
  }
  return absl::OkStatus();
}

double Opportunity(double importance, double satisfaction) {
  return importance + std::max(importance - satisfaction, 0.0);
}

void AddContributions(const PortfolioModel& model,
                      const std::vector<bool>& chosen,
                      v1::RoadmapReport* report) {
  const std::vector<double> after = model.SatisfactionAfter(chosen);
  std::vector<v1::OutcomeContribution> rows;
  for (size_t c = 0; c < model.cells().size(); ++c) {
    const PortfolioModel::Cell& cell = model.cells()[c];
    if (!(after[c] > cell.satisfaction)) continue;
    v1::OutcomeContribution row;
    row.set_outcome_id(model.scores().outcome_ids[cell.outcome]);
    row.set_segment(model.scores().groups[cell.group].segment);
    row.set_weight(cell.weight);
    row.set_importance(cell.importance);
    row.set_satisfaction_before(cell.satisfaction);
    row.set_satisfaction_after(after[c]);
    row.set_opportunity_before(Opportunity(cell.importance, cell.satisfaction));
    row.set_opportunity_after(Opportunity(cell.importance, after[c]));
    const uint32_t index = static_cast<uint32_t>(c);
    row.set_value(model.Gap(index, cell.satisfaction) -
                  model.Gap(index, after[c]));
    for (size_t i = 0; i < model.size(); ++i) {
      if (!chosen[i]) continue;
      for (const PortfolioModel::Lift& lift : model.lifts(i)) {
        if (lift.cell == index && lift.satisfaction >= after[c]) {
          row.add_initiatives(model.name(i));
        }
      }
    }
    rows.push_back(std::move(row));
  }
  // Largest first; ties keep the survey's order.
  std::stable_sort(
      rows.begin(), rows.end(),
      [](const v1::OutcomeContribution& a, const v1::OutcomeContribution& b) {
        return a.value() > b.value();
      });
  for (v1::OutcomeContribution& row : rows) {
    *report->add_contributions() = std::move(row);
  }
}

std::vector<double> FrontierBudgets(const v1::RoadmapOptions& options,
                                    double total_cost) {
  std::vector<double> budgets(options.frontier_budgets().begin(),
                              options.frontier_budgets().end());
  if (budgets.empty()) {
    for (int k = 1; k <= kDefaultFrontierPoints; ++k) {
      budgets.push_back(total_cost * k / kDefaultFrontierPoints);
    }
  }
  std::sort(budgets.begin(), budgets.end());
  return budgets;
}

}  // namespace

absl::StatusOr<v1::RoadmapReport> BuildRoadmap(
    const SurveyScores& scores,
    const std::vector<std::vector<CollapsedTable>>& tables,
    absl::Span<const v1::Initiative> initiatives,
    const v1::RoadmapOptions& options) {
  absl::Status checked = CheckOptions(options);
  if (!checked.ok()) return checked;
  absl::StatusOr<PortfolioModel> built =
      PortfolioModel::Build(scores, initiatives);
  if (!built.ok()) return built.status();
  const PortfolioModel& model = *built;

  SolveLimits limits;
  if (options.has_node_limit()) limits.node_limit = options.node_limit();
  if (options.has_time_limit_seconds()) {
    limits.time_limit_seconds = options.time_limit_seconds();
  }
  const double budget = options.budget();
  const Solution best = SolvePortfolio(model, budget, limits);

  v1::RoadmapReport report;
  for (size_t i = 0; i < model.size(); ++i) {
    if (best.chosen[i]) report.add_selected_initiatives(model.name(i));
  }
  report.set_value(best.value);
  report.set_cost(best.cost);
  report.set_budget(budget);
  report.set_optimal(best.optimal);
  report.set_bound(best.bound);
  report.set_gap(best.optimal ? 0 : RelativeGap(best.value, best.bound));
  report.set_nodes_explored(best.nodes);
  report.set_segment_by(scores.segment_by);
  report.set_total_cost(model.total_cost());
  AddContributions(model, best.chosen, &report);

  // What is lost without each chosen initiative: the budget re-solved
  // without it (and so without what needs it).
  for (size_t i = 0; i < model.size(); ++i) {
    if (!best.chosen[i]) continue;
    std::vector<bool> forbidden(model.size(), false);
    forbidden[i] = true;
    const Solution without = SolvePortfolio(model, budget, limits, forbidden);
    v1::MarginalValue* marginal = report.add_marginal_values();
    marginal->set_initiative(model.name(i));
    marginal->set_value_without(without.value);
    marginal->set_marginal_value(best.value - without.value);
    marginal->set_optimal(without.optimal);
  }

  for (double point_budget : FrontierBudgets(options, model.total_cost())) {
    const Solution point = SolvePortfolio(model, point_budget, limits);
    v1::FrontierPoint* row = report.add_frontier_points();
    row->set_budget(point_budget);
    row->set_value(point.value);
    row->set_cost(point.cost);
    for (size_t i = 0; i < model.size(); ++i) {
      if (point.chosen[i]) row->add_selected_initiatives(model.name(i));
    }
    row->set_optimal(point.optimal);
  }

  const uint32_t resamples =
      tables.empty()
          ? 0
          : (options.has_resamples() ? options.resamples() : kDefaultResamples);
  std::vector<uint32_t> chosen_count(model.size(), 0);
  if (resamples > 0) {
    const ScoreResampler resampler(scores, tables);
    std::mt19937_64 rng(options.has_seed() ? options.seed() : kDefaultSeed);
    uint32_t still_optimal = 0;
    for (uint32_t r = 0; r < resamples; ++r) {
      const PortfolioModel redrawn = model.WithScores(resampler.Draw(rng));
      const Solution solution = SolvePortfolio(redrawn, budget, limits);
      for (size_t i = 0; i < model.size(); ++i) {
        if (solution.chosen[i]) ++chosen_count[i];
      }
      const double ours = redrawn.Value(best.chosen);
      if (ours >=
          solution.value - kValueTolerance * std::max(1.0, solution.value)) {
        ++still_optimal;
      }
    }
    report.set_resamples(resamples);
    report.set_portfolio_optimal_share(static_cast<double>(still_optimal) /
                                       resamples);
  }
  for (size_t i = 0; i < model.size(); ++i) {
    v1::InitiativeResult* row = report.add_initiatives();
    row->set_initiative(model.name(i));
    row->set_cost(model.cost(i));
    row->set_selected(best.chosen[i]);
    if (resamples > 0) {
      row->set_chosen_share(static_cast<double>(chosen_count[i]) / resamples);
    }
  }
  return report;
}

}  // namespace roadmap
}  // namespace jtbd
