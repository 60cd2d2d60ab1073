// The Lagrangian bound of the branch and bound (docs/ROADMAP.md, "The
// Lagrangian bound"): the LP relaxation of the layered coverage formulation
//   max sum_{c,q} delta_cq y_cq
//   y_cq <= sum_{k reaching level q of cell c} x_k   (multiplier mu_cq >= 0)
//   y_c1 >= y_c2 >= ... in [0, 1],  x_k <= x_j for a need j of k (lambda >= 0)
//   x_a + x_b <= 1 for an exclusion (nu >= 0)
//   sum_k cost_k x_k <= room,  x in [0, 1]
// approached from above without an LP solver: for any mu, lambda >= 0 the
// coupling rows move into the objective and the problem splits into one
// best prefix per cell (the y) and a fractional knapsack (the x), whose sum
// bounds every completion of the node. Projected subgradient steps (Polyak,
// towards the incumbent) lower it; the multipliers are kept per (cell,
// level) and per need from node to node as a warm start, which soundness
// does not need.
#ifndef JTBD_ROADMAP_LAGRANGIAN_BOUND_H_
#define JTBD_ROADMAP_LAGRANGIAN_BOUND_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "roadmap/portfolio_model.h"

namespace jtbd {
namespace roadmap {

class LagrangianBound {
 public:
  explicit LagrangianBound(const PortfolioModel& model);

  // An upper bound on what any completion of a node gains: `items` are the
  // undecided initiatives that can still join it, `satisfaction` the cells'
  // levels with the chosen ones, `chosen` those chosen (their needs rows
  // hold), `room` the budget left. Stops as soon as the bound is at most
  // `target` (the node is pruned) or after `max_steps` evaluations.
  double Evaluate(const std::vector<uint32_t>& items,
                  const std::vector<double>& satisfaction,
                  const std::vector<bool>& chosen, double room, double target,
                  int max_steps);

  // Reduced-cost fixing, after Evaluate on the same node: the items whose
  // taking bounds the node at most `target` at the best multipliers found
  // (the Lagrangian with x_k = 1: the cells' part plus k's profit plus the
  // knapsack of the others within room - cost_k). No completion with one
  // of them beats the target, so the search may leave them out.
  std::vector<uint32_t> CannotHelp(const std::vector<uint32_t>& items,
                                   double room, double target);

  // After Evaluate on the same node: the items the knapsack takes at the
  // best multipliers, best profit per cost first (the last one possibly in
  // part) — a guide for finding good portfolios, not a bound.
  std::vector<uint32_t> Picks(const std::vector<uint32_t>& items, double room);

  // After Evaluate on the same node: each item's knapsack profit per cost
  // at the best multipliers (its Lagrangian worth), to order the search.
  std::vector<double> ProfitPerCost(double room);

 private:
  // One evaluation at the current multipliers (mu_ on the active layers,
  // lambda_ on the needs rows); fills x_ and y_.
  double Lagrangian(double room);
  void StartFromLayers(double room);

  const PortfolioModel& model_;
  // Static: per cell its distinct lift levels, sorted, with global ids
  // cell_begin_[c] + rank; per initiative and lift the global id; per
  // initiative the first id of its needs rows (one per needs_closure entry).
  std::vector<size_t> cell_begin_;
  std::vector<double> level_of_;
  std::vector<std::vector<uint32_t>> lift_layer_;
  std::vector<size_t> need_begin_;
  // Per initiative a, the first id of its exclusion rows (one per b > a it
  // excludes).
  std::vector<size_t> exclusion_begin_;
  std::vector<double> nu_;      // per exclusion row, the warm start
  std::vector<double> mu_;      // per global layer, the warm start
  std::vector<double> lambda_;  // per needs row, the warm start

  // Per node scratch. Active layers in local order: grouped by cell,
  // rising level; layer_first_[q] is the local index of its cell's first.
  std::vector<int64_t> stamp_layer_;  // global id -> local index, or -1
  std::vector<int64_t> stamp_item_;   // initiative -> local index, or -1
  std::vector<uint32_t> layer_global_;
  std::vector<size_t> layer_first_;
  std::vector<double> delta_;
  std::vector<uint32_t> touched_cells_;
  std::vector<int> cell_seen_;
  // Entries (local item, local layer): the item reaches that layer, hence
  // every layer below it in the cell.
  std::vector<std::pair<uint32_t, uint32_t>> entries_;
  // Needs rows: (local item, local need, global row id).
  struct NeedRow {
    uint32_t item;
    uint32_t need;
    size_t row;
  };
  std::vector<NeedRow> rows_;
  std::vector<NeedRow> exclusions_;  // (a, b, global row id)
  std::vector<double> nu_local_;
  std::vector<double> best_nu_;
  std::vector<double> item_cost_;
  std::vector<double> item_gain_;
  std::vector<double> profit_;
  std::vector<double> prefix_;
  std::vector<double> mu_local_;      // per active layer
  std::vector<double> lambda_local_;  // per needs row
  std::vector<double> x_;
  std::vector<double> y_;
  std::vector<double> cover_;
  std::vector<size_t> rank_;
  std::vector<double> best_mu_;
  std::vector<double> best_lambda_;
  // The last Lagrangian's part outside the knapsack: the cells' y and the
  // exclusions' constant.
  double last_cells_part_ = 0;
};

}  // namespace roadmap
}  // namespace jtbd

#endif  // JTBD_ROADMAP_LAGRANGIAN_BOUND_H_
