// The roadmap solver (docs/ROADMAP.md) on a generated instance of the size
// issue 16 names: 200 initiatives x 150 outcomes, a quarter of them with
// dependencies, a few exclusions, the budget a fifth of the total cost.
// Reported: the time to proven optimality or, past the time limit, the gap
// reached (counters optimal, gap, nodes); and the frontier over 20 budgets.
// The limit is JTBD_ROADMAP_TIME_LIMIT seconds per solve (default 10; the
// ctest smoke run sets it low); JTBD_ROADMAP_SEED draws another instance
// of the same shape (default 16). Timings are never judged by a test.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "jtbd/v1/roadmap.pb.h"
#include "roadmap/branch_and_bound.h"
#include "roadmap/portfolio_model.h"
#include "roadmap/survey_scores.h"

namespace jtbd {
namespace roadmap {
namespace {

double TimeLimit() {
  const char* text = std::getenv("JTBD_ROADMAP_TIME_LIMIT");
  return text != nullptr ? std::atof(text) : 10.0;
}

uint64_t Seed() {
  const char* text = std::getenv("JTBD_ROADMAP_SEED");
  return text != nullptr ? std::strtoull(text, nullptr, 10) : 16;
}

PortfolioModel Generated(int initiatives, int outcomes, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0, 1);
  SurveyScores scores;
  ScoreGroup group;
  for (int o = 0; o < outcomes; ++o) {
    scores.outcome_ids.push_back("o" + std::to_string(o));
    group.importance.push_back(2 + 8 * unit(rng));
    group.satisfaction.push_back(8 * unit(rng));
  }
  scores.groups.push_back(group);
  std::vector<v1::Initiative> list;
  for (int i = 0; i < initiatives; ++i) {
    v1::Initiative initiative;
    initiative.set_name("i" + std::to_string(i));
    initiative.set_cost(5 + static_cast<int>(46 * unit(rng)));
    const int effects = 1 + static_cast<int>(4 * unit(rng));
    for (int e = 0; e < effects; ++e) {
      v1::InitiativeEffect* effect = initiative.add_effects();
      effect->set_outcome_id(
          "o" + std::to_string(static_cast<int>(outcomes * unit(rng))));
      if (unit(rng) < 0.3) {
        effect->set_uplift(1 + 4 * unit(rng));
      } else {
        effect->set_target_satisfaction(5 + 5 * unit(rng));
      }
    }
    if (i > 0 && unit(rng) < 0.25) {
      const int needs = 1 + static_cast<int>(2 * unit(rng));
      for (int k = 0; k < needs; ++k) {
        initiative.add_needs("i" +
                             std::to_string(static_cast<int>(i * unit(rng))));
      }
    }
    if (i > 0 && unit(rng) < 0.05) {
      initiative.add_excludes("i" +
                              std::to_string(static_cast<int>(i * unit(rng))));
    }
    list.push_back(initiative);
  }
  // Repeated needs are harmless; the build dedupes them.
  return *PortfolioModel::Build(scores, list);
}

void BM_SolveGenerated(benchmark::State& state) {
  const PortfolioModel model = Generated(200, 150, Seed());
  SolveLimits limits;
  limits.node_limit = UINT64_MAX;
  limits.time_limit_seconds = TimeLimit();
  Solution solution;
  for (auto _ : state) {
    solution = SolvePortfolio(model, model.total_cost() / 5, limits);
    benchmark::DoNotOptimize(solution.value);
  }
  // Throughput in branch-and-bound nodes (each iteration searches alike).
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(solution.nodes));
  state.counters["optimal"] = solution.optimal ? 1 : 0;
  state.counters["gap_percent"] =
      100 * RelativeGap(solution.value, solution.bound);
  state.counters["nodes"] = static_cast<double>(solution.nodes);
  state.counters["value"] = solution.value;
  state.counters["bound"] = solution.bound;
  // The bound at the root alone (cheap bounds, then the Lagrangian one
  // with as many steps as the search gives the root): how far the
  // relaxation is from the best portfolio before any branching.
  const std::vector<bool> none(model.size(), false);
  const NodeBounds root =
      BoundsAtNode(model, model.total_cost() / 5, none, none, 400);
  state.counters["root_cheap_bound"] = root.cheap;
  state.counters["root_lagrangian_bound"] = root.lagrangian;
}
BENCHMARK(BM_SolveGenerated)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_FrontierGenerated(benchmark::State& state) {
  const PortfolioModel model = Generated(200, 150, Seed());
  SolveLimits limits;
  limits.node_limit = UINT64_MAX;
  limits.time_limit_seconds = TimeLimit() / 20;
  int proven = 0;
  double worst_gap = 0;
  int64_t nodes = 0;  // over every iteration: the throughput in nodes
  for (auto _ : state) {
    proven = 0;
    worst_gap = 0;
    for (int k = 1; k <= 20; ++k) {
      const Solution point =
          SolvePortfolio(model, model.total_cost() * k / 20, limits);
      proven += point.optimal ? 1 : 0;
      worst_gap = std::max(worst_gap, RelativeGap(point.value, point.bound));
      nodes += static_cast<int64_t>(point.nodes);
    }
  }
  state.SetItemsProcessed(nodes);
  state.counters["proven_points"] = proven;
  state.counters["worst_gap_percent"] = 100 * worst_gap;
}
BENCHMARK(BM_FrontierGenerated)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace roadmap
}  // namespace jtbd
