// The exact portfolio within a budget: depth-first branch and bound over
// the initiatives (docs/ROADMAP.md). The value is monotone submodular (a
// max-coverage form), so at a node
//   value(chosen) + fractional knapsack of the undecided initiatives'
//   marginal gains with respect to the chosen set, within the budget left
// bounds every completion: the gain of adding a set T is at most the sum of
// its members' gains alone, and T's cost fits the budget left. It is
// tightened by min() with a Lagrangian mix of it and the cells' caps (each
// cell gains at most what its best reachable level gives), and with a
// knapsack of the cells' layers at their best gain-per-cost ratio; the
// initiatives that cannot join any completion (excluded, needing an
// excluded one, or whose undecided needs do not fit) are left out of all;
// relaxing the needs otherwise keeps the bounds sound. When these cheap
// bounds do not prune, the Lagrangian bound of the layered LP relaxation
// (lagrangian_bound.h) runs, fixes out the initiatives that cannot lift it
// above the best found, and guides a heuristic (docs/ROADMAP.md).
#ifndef JTBD_ROADMAP_BRANCH_AND_BOUND_H_
#define JTBD_ROADMAP_BRANCH_AND_BOUND_H_

#include <cstdint>
#include <vector>

#include "roadmap/portfolio_model.h"

namespace jtbd {
namespace roadmap {

struct SolveLimits {
  static constexpr uint64_t kDefaultNodeLimit = 10000000;
  uint64_t node_limit = kDefaultNodeLimit;
  double time_limit_seconds = 0;  // <= 0: none
};

struct Solution {
  std::vector<bool> chosen;
  double value = 0;
  double cost = 0;
  // A proven upper bound on the best value; == value when optimal.
  double bound = 0;
  bool optimal = false;
  uint64_t nodes = 0;
};

// Values within this relative tolerance count as equal: a node whose bound
// does not beat the best found by more is not explored.
constexpr double kValueTolerance = 1e-9;

// The best portfolio of `model` costing at most `budget`, with the
// initiatives marked in `forbidden` (empty: none) never chosen.
Solution SolvePortfolio(const PortfolioModel& model, double budget,
                        const SolveLimits& limits,
                        const std::vector<bool>& forbidden = {});

// For tests: the bounds at one node of the search, where the initiatives
// in `chosen` (honouring the needs, exclusions and budget) are taken, those
// in `left_out` decided against, and the others undecided. `cheap`: the
// bounds tried first (knapsack of gains, cells' caps, their mix, layers);
// `lagrangian`: the Lagrangian bound alone after `steps` subgradient steps;
// `used`: the smaller, what the search prunes with.
struct NodeBounds {
  double cheap = 0;
  double lagrangian = 0;
  double used = 0;
};
NodeBounds BoundsAtNode(const PortfolioModel& model, double budget,
                        const std::vector<bool>& chosen,
                        const std::vector<bool>& left_out, int steps);

// The relative gap (bound - value) / bound, 0 when bound <= value.
double RelativeGap(double value, double bound);

}  // namespace roadmap
}  // namespace jtbd

#endif  // JTBD_ROADMAP_BRANCH_AND_BOUND_H_
