#include "roadmap/branch_and_bound.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <queue>
#include <utility>

#include "roadmap/lagrangian_bound.h"

namespace jtbd {
namespace roadmap {
namespace {

// Improving moves the local search makes at most.
constexpr int kLocalSearchPasses = 50;
// Subgradient steps per bound (the first evaluates the warm start).
constexpr int kSubgradientSteps = 6;
constexpr double kFirstStepScale = 0.1;
// Steps of the Lagrangian bound: many at the root, where its multipliers
// start cold, few below, warm-started from the node before.
constexpr int kRootLagrangianSteps = 400;
constexpr int kNodeLagrangianSteps = 20;
// The Lagrangian heuristic runs at the root and at every this many nodes
// where the Lagrangian bound ran.
constexpr uint64_t kHeuristicEvery = 8;

class Search {
 public:
  Search(const PortfolioModel& model, double budget, const SolveLimits& limits,
         const std::vector<bool>& forbidden)
      : model_(model),
        n_(model.size()),
        budget_(budget),
        limits_(limits),
        forbidden_(forbidden),
        chosen_(n_, false),
        decided_(n_, false),
        blocked_(n_, 0),
        satisfaction_(model.cells().size()),
        best_chosen_(n_, false),
        best_level_(model.cells().size(), -1),
        cap_(model.cells().size(), 0),
        mu_(model.cells().size(), 1),
        used_(model.cells().size(), 0),
        lagrangian_(model) {
    if (forbidden_.size() != n_) forbidden_.assign(n_, false);
    for (size_t c = 0; c < satisfaction_.size(); ++c) {
      satisfaction_[c] = model.cells()[c].satisfaction;
    }
    start_ = std::chrono::steady_clock::now();
  }

  // The bounds at the node where `chosen` are taken and `left_out` decided
  // against (BoundsAtNode).
  NodeBounds Probe(const std::vector<bool>& chosen,
                   const std::vector<bool>& left_out, int steps) {
    for (size_t i = 0; i < n_; ++i) {
      if (chosen[i] || left_out[i]) order_.push_back(i);
    }
    const size_t depth = order_.size();
    for (size_t i = 0; i < n_; ++i) {
      if (!chosen[i] && !left_out[i]) order_.push_back(i);
    }
    for (size_t d = 0; d < depth; ++d) {
      decided_[order_[d]] = true;
      if (chosen[order_[d]]) Include(order_[d]);
    }
    probe_steps_ = steps;
    NodeBounds bounds;
    bounds.used = Bound(depth);
    bounds.cheap = value_ + last_cheap_;
    bounds.lagrangian = value_ + last_lagrangian_;
    return bounds;
  }

  Solution Run() {
    Order();
    Greedy();
    LocalSearch();
    Visit(0);
    Solution solution;
    solution.chosen = best_chosen_;
    solution.value = best_value_;
    solution.cost = model_.Cost(best_chosen_);
    solution.optimal = !aborted_;
    // Everything unexplored lies below the root, so its bound holds too.
    solution.bound =
        aborted_ ? std::min(root_bound_, std::max(best_value_, open_bound_))
                 : best_value_;
    solution.nodes = nodes_;
    return solution;
  }

 private:
  double GainOf(size_t i) const {
    double gain = 0;
    for (const PortfolioModel::Lift& lift : model_.lifts(i)) {
      const double now = satisfaction_[lift.cell];
      if (lift.satisfaction > now) {
        gain += model_.Gap(lift.cell, now) -
                model_.Gap(lift.cell, lift.satisfaction);
      }
    }
    return gain;
  }

  // Needs before the initiatives that need them (the needs are acyclic),
  // otherwise by stand-alone value per cost, best first: good portfolios
  // come early, and with them the pruning.
  void Order() {
    std::vector<double> ratio(n_);
    for (size_t i = 0; i < n_; ++i) {
      double cost = model_.cost(i);
      for (uint32_t j : model_.needs_closure(i)) cost += model_.cost(j);
      ratio[i] = GainOf(i) / cost;
    }
    OrderBy(ratio);
  }

  // At the root, once its Lagrangian bound ran: the initiatives by their
  // Lagrangian profit per cost (those that cannot join last), needs still
  // first. Nothing is decided yet, so any order is a valid search.
  void ReorderAtRoot() {
    std::vector<double> ratio(n_, -std::numeric_limits<double>::infinity());
    const std::vector<double> worth =
        lagrangian_.ProfitPerCost(budget_ * (1 + kValueTolerance) - cost_);
    for (size_t k = 0; k < reachable_.size(); ++k) {
      ratio[reachable_[k]] = worth[k];
    }
    order_.clear();
    OrderBy(ratio);
  }

  void OrderBy(const std::vector<double>& ratio) {
    std::vector<size_t> waiting(n_, 0);
    for (size_t i = 0; i < n_; ++i) waiting[i] = model_.needs_closure(i).size();
    auto worse = [&](size_t a, size_t b) {
      return ratio[a] != ratio[b] ? ratio[a] < ratio[b] : a > b;
    };
    std::priority_queue<size_t, std::vector<size_t>, decltype(worse)> ready(
        worse);
    for (size_t i = 0; i < n_; ++i) {
      if (waiting[i] == 0) ready.push(i);
    }
    while (!ready.empty()) {
      const size_t i = ready.top();
      ready.pop();
      order_.push_back(i);
      for (uint32_t k : model_.needed_by(i)) {
        if (--waiting[k] == 0) ready.push(k);
      }
    }
  }

  bool CanInclude(size_t i) const {
    if (forbidden_[i] || blocked_[i] != 0) return false;
    if (cost_ + model_.cost(i) > budget_ * (1 + kValueTolerance)) return false;
    for (uint32_t j : model_.needs_closure(i)) {
      if (!chosen_[j]) return false;
    }
    return true;
  }

  void Include(size_t i) {
    chosen_[i] = true;
    cost_ += model_.cost(i);
    for (uint32_t j : model_.excludes(i)) ++blocked_[j];
    undo_marks_.push_back(undo_.size());
    for (const PortfolioModel::Lift& lift : model_.lifts(i)) {
      const double now = satisfaction_[lift.cell];
      if (lift.satisfaction > now) {
        value_ += model_.Gap(lift.cell, now) -
                  model_.Gap(lift.cell, lift.satisfaction);
        undo_.emplace_back(lift.cell, now);
        satisfaction_[lift.cell] = lift.satisfaction;
      }
    }
  }

  void Exclude(size_t i) {
    chosen_[i] = false;
    cost_ -= model_.cost(i);
    for (uint32_t j : model_.excludes(i)) --blocked_[j];
    const size_t mark = undo_marks_.back();
    undo_marks_.pop_back();
    while (undo_.size() > mark) {
      const auto [cell, old] = undo_.back();
      undo_.pop_back();
      value_ += model_.Gap(cell, satisfaction_[cell]) - model_.Gap(cell, old);
      satisfaction_[cell] = old;
    }
  }

  // A first portfolio: repeatedly add the initiative (with its missing
  // needs) of best gain per cost that fits.
  void Greedy() {
    for (;;) {
      double best_ratio = 0;
      size_t best = n_;
      for (size_t i = 0; i < n_; ++i) {
        if (chosen_[i] || forbidden_[i] || blocked_[i] != 0) continue;
        double cost = model_.cost(i);
        bool possible = true;
        for (uint32_t j : model_.needs_closure(i)) {
          if (chosen_[j]) continue;
          if (forbidden_[j] || blocked_[j] != 0) possible = false;
          cost += model_.cost(j);
        }
        if (!possible || cost_ + cost > budget_ * (1 + kValueTolerance)) {
          continue;
        }
        // The needs' own gains count too, and mutual exclusions among the
        // closure are checked when adding.
        const double ratio = ClosureGain(i) / cost;
        if (ratio > best_ratio) {
          best_ratio = ratio;
          best = i;
        }
      }
      if (best == n_) break;
      if (!AddClosure(best)) break;
    }
    if (model_.Feasible(chosen_)) Record();
    // Back to the root: undo everything the greedy added.
    for (auto it = greedy_stack_.rbegin(); it != greedy_stack_.rend(); ++it) {
      Exclude(*it);
    }
    greedy_stack_.clear();
  }

  // Improves the first portfolio by single moves until none helps: add an
  // initiative with its missing needs, or swap one out (with what needs
  // it) for another in. A better start prunes more; it proves nothing.
  void LocalSearch() {
    std::vector<bool> current = best_chosen_;
    double current_value = best_value_;
    for (int pass = 0; pass < kLocalSearchPasses; ++pass) {
      bool improved = false;
      for (size_t out = 0; out <= n_; ++out) {
        if (out < n_ && !current[out]) continue;
        std::vector<bool> base = current;
        if (out < n_) {
          base[out] = false;
          for (uint32_t k : model_.needed_by(out)) base[k] = false;
        }
        for (size_t in = 0; in < n_; ++in) {
          if (base[in] || in == out || forbidden_[in]) continue;
          std::vector<bool> next = base;
          next[in] = true;
          bool possible = true;
          for (uint32_t k : model_.needs_closure(in)) {
            if (forbidden_[k]) possible = false;
            next[k] = true;
          }
          if (!possible || !model_.Feasible(next) ||
              model_.Cost(next) > budget_ * (1 + kValueTolerance)) {
            continue;
          }
          const double value = model_.Value(next);
          if (value > current_value * (1 + kValueTolerance) + 1e-12) {
            current = std::move(next);
            current_value = value;
            improved = true;
            break;
          }
        }
        if (improved) break;
      }
      if (!improved) break;
    }
    if (current_value > best_value_) {
      best_value_ = current_value;
      best_chosen_ = current;
    }
  }

  double ClosureGain(size_t i) {
    const double before = value_;
    std::vector<size_t> added;
    for (uint32_t j : model_.needs_closure(i)) {
      if (!chosen_[j]) {
        Include(j);
        added.push_back(j);
      }
    }
    Include(i);
    const double gain = value_ - before;
    Exclude(i);
    for (auto it = added.rbegin(); it != added.rend(); ++it) Exclude(*it);
    return gain;
  }

  bool AddClosure(size_t i) {
    std::vector<uint32_t> members = model_.needs_closure(i);
    members.push_back(static_cast<uint32_t>(i));
    for (uint32_t j : members) {
      if (chosen_[j]) continue;
      if (blocked_[j] != 0) return false;
      Include(j);
      greedy_stack_.push_back(j);
    }
    return true;
  }

  void Record() {
    if (value_ > best_value_) {
      best_value_ = value_;
      best_chosen_ = chosen_;
    }
  }

  // Reduced-cost fixing (LagrangianBound::CannotHelp), right after the
  // node's bound: an initiative whose taking cannot lift the node's
  // Lagrangian bound above the best found is left out of the node's
  // subtree (forbidden until the node is left): no portfolio there with it
  // beats the best found, which only grows.
  void FixOut() {
    // CannotHelp reads what the last Evaluate left: this node's only.
    if (!lagrangian_ran_) return;
    const double target =
        best_value_ + kValueTolerance * std::max(1.0, best_value_) - value_;
    for (uint32_t j : lagrangian_.CannotHelp(
             reachable_, budget_ * (1 + kValueTolerance) - cost_, target)) {
      forbidden_[j] = true;
      fixed_.push_back(j);
    }
  }

  // A portfolio guided by the node's Lagrangian solution: the initiatives
  // its knapsack takes, best first, each with its missing needs when they
  // fit and nothing excludes them, then the greedy fill; at the root also
  // the local search. It only improves the best found (pruning and fixing
  // more); it proves nothing. The node's state is restored.
  void LagrangianHeuristic(bool polish) {
    const std::vector<uint32_t> picks =
        lagrangian_.Picks(reachable_, budget_ * (1 + kValueTolerance) - cost_);
    std::vector<uint32_t> added;
    std::vector<uint32_t> members;
    for (uint32_t j : picks) {
      if (chosen_[j]) continue;
      members.clear();
      double cost = model_.cost(j);
      bool possible = !forbidden_[j];
      for (uint32_t k : model_.needs_closure(j)) {
        if (chosen_[k]) continue;
        if (forbidden_[k]) possible = false;
        members.push_back(k);
        cost += model_.cost(k);
      }
      members.push_back(j);
      if (!possible || cost_ + cost > budget_ * (1 + kValueTolerance)) continue;
      const size_t mark = added.size();
      for (uint32_t k : members) {
        if (blocked_[k] != 0) {
          possible = false;
          break;
        }
        Include(k);
        added.push_back(k);
      }
      if (!possible) {
        while (added.size() > mark) {
          Exclude(added.back());
          added.pop_back();
        }
      }
    }
    Greedy();  // fills what is left, records, and undoes its own
    while (!added.empty()) {
      Exclude(added.back());
      added.pop_back();
    }
    if (polish) LocalSearch();
  }

  bool LimitReached() {
    if (nodes_ >= limits_.node_limit) return true;
    if (limits_.time_limit_seconds > 0 && (nodes_ & 255) == 0) {
      const std::chrono::duration<double> elapsed =
          std::chrono::steady_clock::now() - start_;
      if (elapsed.count() >= limits_.time_limit_seconds) timed_out_ = true;
    }
    return timed_out_;
  }

  // Whether undecided initiative j could still join the chosen set.
  bool Reachable(size_t j, double room) const {
    if (forbidden_[j] || blocked_[j] != 0) return false;
    double cost = model_.cost(j);
    for (uint32_t k : model_.needs_closure(j)) {
      if (chosen_[k]) continue;
      if (decided_[k] || forbidden_[k] || blocked_[k] != 0) return false;
      cost += model_.cost(k);
    }
    return cost <= room * (1 + kValueTolerance);
  }

  // An upper bound on the value of every completion of the chosen set
  // (docs/ROADMAP.md, "The bound"). For the cells an undecided, reachable
  // initiative t lifts, let g_tc be its gain there with respect to the
  // chosen set and cap_c the gain of the highest level any of them reaches.
  // A completion T gains at most sum_c min(cap_c, sum_{t in T} g_tc), and
  // for any mu_c in [0, 1], min(cap, s) <= mu s + (1 - mu) cap, so
  //   sum_c (1 - mu_c) cap_c + knapsack(values sum_c mu_c g_tc, budget left)
  // bounds it for every mu (mu = 1: the knapsack of the gains alone; mu =
  // 0: the cells' caps). A few projected subgradient steps lower it; mu is
  // kept from node to node as a warm start, which soundness does not need.
  double Bound(size_t depth) {
    const double room = budget_ - cost_;
    gains_.clear();
    levels_.clear();
    item_begin_.clear();
    item_cost_.clear();
    touched_.clear();
    reachable_.clear();
    last_cheap_ = last_lagrangian_ = std::numeric_limits<double>::infinity();
    lagrangian_ran_ = false;
    for (size_t d = depth; d < n_; ++d) {
      const size_t j = order_[d];
      if (!Reachable(j, room)) continue;
      reachable_.push_back(static_cast<uint32_t>(j));
      const size_t begin = gains_.size();
      for (const PortfolioModel::Lift& lift : model_.lifts(j)) {
        const double now = satisfaction_[lift.cell];
        if (lift.satisfaction <= now) continue;
        gains_.emplace_back(lift.cell,
                            model_.Gap(lift.cell, now) -
                                model_.Gap(lift.cell, lift.satisfaction));
        levels_.push_back(lift.satisfaction);
        double& level = best_level_[lift.cell];
        if (level < 0) touched_.push_back(lift.cell);
        level = std::max(level, lift.satisfaction);
      }
      if (gains_.size() > begin) {
        item_begin_.push_back(begin);
        item_cost_.push_back(model_.cost(j));
      }
    }
    item_begin_.push_back(gains_.size());
    double cap_total = 0;
    for (uint32_t cell : touched_) {
      cap_[cell] = model_.Gap(cell, satisfaction_[cell]) -
                   model_.Gap(cell, best_level_[cell]);
      cap_total += cap_[cell];
      best_level_[cell] = -1;
    }
    const size_t items = item_cost_.size();
    if (items == 0) {
      last_cheap_ = last_lagrangian_ = 0;
      return value_;
    }
    // What the completion must gain to matter: past it, stop lowering.
    const double target =
        best_value_ + kValueTolerance * std::max(1.0, best_value_) - value_;
    double best = std::min(cap_total, LayerKnapsack(room));
    last_cheap_ = best;
    if (best <= target && probe_steps_ < 0) return value_ + best;
    double scale = kFirstStepScale;
    double last = std::numeric_limits<double>::infinity();
    for (int step = 0; step < kSubgradientSteps; ++step) {
      double constant = 0;
      for (uint32_t cell : touched_) constant += (1 - mu_[cell]) * cap_[cell];
      values_.assign(items, 0);
      for (size_t k = 0; k < items; ++k) {
        for (size_t e = item_begin_[k]; e < item_begin_[k + 1]; ++e) {
          values_[k] += mu_[gains_[e].first] * gains_[e].second;
        }
      }
      const double bound = constant + Knapsack(room);
      best = std::min(best, bound);
      last_cheap_ = best;
      if ((best <= target && probe_steps_ < 0) ||
          step + 1 == kSubgradientSteps) {
        break;
      }
      // Subgradient in mu_c: (gain the knapsack takes in c) - cap_c.
      for (uint32_t cell : touched_) used_[cell] = 0;
      for (size_t k = 0; k < items; ++k) {
        if (fraction_[k] == 0) continue;
        for (size_t e = item_begin_[k]; e < item_begin_[k + 1]; ++e) {
          used_[gains_[e].first] += fraction_[k] * gains_[e].second;
        }
      }
      double norm = 0;
      for (uint32_t cell : touched_) {
        const double g = used_[cell] - cap_[cell];
        norm += g * g;
      }
      if (norm <= 0) break;
      // Polyak's step towards the target, shortened whenever a step did
      // not lower the bound: the target (what the incumbent needs) is
      // often far below the best mu can reach, so full steps overshoot.
      if (bound > last) scale *= 0.5;
      last = bound;
      const double size = scale * std::max(bound - target, 0.0) / norm;
      for (uint32_t cell : touched_) {
        mu_[cell] =
            std::clamp(mu_[cell] - size * (used_[cell] - cap_[cell]), 0.0, 1.0);
      }
    }
    if (best <= target && probe_steps_ < 0) return value_ + best;
    // The cheap bounds did not prune: the Lagrangian one (its own file),
    // which is at most the layers' knapsack by its second start.
    const int steps = probe_steps_ >= 0 ? probe_steps_
                      : nodes_ <= 1     ? kRootLagrangianSteps
                                        : kNodeLagrangianSteps;
    last_lagrangian_ = lagrangian_.Evaluate(
        reachable_, satisfaction_, chosen_,
        budget_ * (1 + kValueTolerance) - cost_, target, steps);
    lagrangian_ran_ = true;
    best = std::min(best, last_lagrangian_);
    return value_ + best;
  }

  // The second bound (docs/ROADMAP.md): the levels reached in a cell cut
  // its gain into layers; charge each initiative's cost to the layers it
  // reaches in proportion to their gains, so a layer costs its gain over
  // the best gain-per-cost ratio of the initiatives reaching it. A
  // completion T pays at most cost(T) for the layers it reaches, each
  // counted once, so the fractional knapsack of the layers within the
  // budget left bounds its gain: overlaps are counted once, and the budget
  // binds.
  double LayerKnapsack(double room) {
    const size_t items = item_cost_.size();
    layers_.clear();
    for (size_t k = 0; k < items; ++k) {
      double gain = 0;
      for (size_t e = item_begin_[k]; e < item_begin_[k + 1]; ++e) {
        gain += gains_[e].second;
      }
      const double ratio = gain / item_cost_[k];
      for (size_t e = item_begin_[k]; e < item_begin_[k + 1]; ++e) {
        layers_.push_back({gains_[e].first, levels_[e], ratio, 0});
      }
    }
    // By cell, highest level first: the best ratio reaching a layer is the
    // running maximum from the top.
    std::sort(layers_.begin(), layers_.end(),
              [](const Layer& a, const Layer& b) {
                return a.cell != b.cell ? a.cell < b.cell : a.level > b.level;
              });
    size_t kept = 0;
    for (size_t g = 0; g < layers_.size(); ++g) {
      const bool top = g == 0 || layers_[g - 1].cell != layers_[g].cell;
      if (!top && layers_[kept - 1].level == layers_[g].level) {
        layers_[kept - 1].ratio =
            std::max(layers_[kept - 1].ratio, layers_[g].ratio);
        continue;
      }
      if (!top) {
        layers_[g].ratio = std::max(layers_[g].ratio, layers_[kept - 1].ratio);
      }
      layers_[kept++] = layers_[g];
    }
    layers_.resize(kept);
    // Each layer's gain: from the next level down (or today's) to its own.
    for (size_t g = 0; g < kept; ++g) {
      const bool bottom =
          g + 1 == kept || layers_[g + 1].cell != layers_[g].cell;
      const double below =
          bottom ? satisfaction_[layers_[g].cell] : layers_[g + 1].level;
      layers_[g].gain = model_.Gap(layers_[g].cell, below) -
                        model_.Gap(layers_[g].cell, layers_[g].level);
    }
    std::sort(layers_.begin(), layers_.end(),
              [](const Layer& a, const Layer& b) { return a.ratio > b.ratio; });
    double total = 0;
    double left = room;
    for (const Layer& layer : layers_) {
      if (layer.gain <= 0 || layer.ratio <= 0) continue;
      const double cost = layer.gain / layer.ratio;
      if (cost <= left) {
        total += layer.gain;
        left -= cost;
      } else {
        total += layer.ratio * std::max(0.0, left);
        break;
      }
    }
    return total;
  }

  // The fractional knapsack of values_ and item_cost_ within `room`;
  // fraction_ says how much of each item it takes.
  double Knapsack(double room) {
    const size_t items = item_cost_.size();
    rank_.resize(items);
    for (size_t k = 0; k < items; ++k) rank_[k] = k;
    std::sort(rank_.begin(), rank_.end(), [&](size_t a, size_t b) {
      return values_[a] * item_cost_[b] > values_[b] * item_cost_[a];
    });
    fraction_.assign(items, 0);
    double total = 0;
    double left = room;
    for (size_t k : rank_) {
      if (values_[k] <= 0) break;
      if (item_cost_[k] <= left) {
        total += values_[k];
        left -= item_cost_[k];
        fraction_[k] = 1;
      } else {
        fraction_[k] = std::max(0.0, left) / item_cost_[k];
        total += values_[k] * fraction_[k];
        break;
      }
    }
    return total;
  }

  void Visit(size_t depth) {
    ++nodes_;
    Record();
    if (depth == n_) return;
    const double bound = Bound(depth);
    if (bound <= best_value_ + kValueTolerance * std::max(1.0, best_value_)) {
      return;
    }
    if (depth == 0) root_bound_ = bound;
    const size_t mark = fixed_.size();
    FixOut();
    if (depth == 0 && lagrangian_ran_) ReorderAtRoot();
    if (depth == 0 ||
        (lagrangian_ran_ && ++heuristic_calls_ % kHeuristicEvery == 0)) {
      LagrangianHeuristic(depth == 0);
    }
    // The heuristic may have found a portfolio as good as the bound.
    if (bound > best_value_ + kValueTolerance * std::max(1.0, best_value_)) {
      Branch(depth, bound);
    }
    while (fixed_.size() > mark) {
      forbidden_[fixed_.back()] = false;
      fixed_.pop_back();
    }
  }

  void Branch(size_t depth, double bound) {
    if (LimitReached()) {
      aborted_ = true;
      open_bound_ = std::max(open_bound_, bound);
      return;
    }
    const size_t i = order_[depth];
    decided_[i] = true;
    if (CanInclude(i)) {
      Include(i);
      Visit(depth + 1);
      Exclude(i);
      if (aborted_) {
        // The exclusion branch is unexplored: its own bound (i left out)
        // covers it. The inclusion branch's open nodes added theirs.
        open_bound_ = std::max(open_bound_, Bound(depth + 1));
        decided_[i] = false;
        return;
      }
    }
    // An abort below left its open nodes' bounds in open_bound_.
    Visit(depth + 1);
    decided_[i] = false;
  }

  const PortfolioModel& model_;
  const size_t n_;
  const double budget_;
  const SolveLimits limits_;
  std::vector<bool> forbidden_;
  std::vector<size_t> order_;
  std::vector<bool> chosen_;
  std::vector<bool> decided_;
  std::vector<uint32_t> blocked_;  // chosen initiatives excluding it
  std::vector<double> satisfaction_;
  std::vector<std::pair<uint32_t, double>> undo_;
  std::vector<size_t> undo_marks_;
  double value_ = 0;
  double cost_ = 0;
  double best_value_ = 0;
  std::vector<bool> best_chosen_;
  std::vector<double> best_level_;  // scratch of Bound, -1 when unset
  std::vector<uint32_t> touched_;
  // Scratch of Bound: per reachable initiative its (cell, gain) pairs in
  // gains_[item_begin_[k], item_begin_[k + 1]) and its cost; per cell the
  // cap, the multiplier and the gain the knapsack takes.
  std::vector<std::pair<uint32_t, double>> gains_;
  std::vector<double> levels_;  // parallel to gains_
  struct Layer {
    uint32_t cell;
    double level;
    double ratio;
    double gain;
  };
  std::vector<Layer> layers_;
  std::vector<size_t> item_begin_;
  std::vector<double> item_cost_;
  std::vector<double> values_;
  std::vector<double> fraction_;
  std::vector<size_t> rank_;
  std::vector<double> cap_;
  std::vector<double> mu_;
  std::vector<double> used_;
  std::vector<uint32_t> reachable_;  // scratch of Bound
  LagrangianBound lagrangian_;
  int probe_steps_ = -1;  // >= 0: a probe, every bound computed in full
  double last_cheap_ = 0;
  double last_lagrangian_ = 0;
  bool lagrangian_ran_ = false;  // by the last Bound
  uint64_t heuristic_calls_ = 0;
  double root_bound_ = std::numeric_limits<double>::infinity();
  std::vector<uint32_t> fixed_;  // fixed out, innermost node last
  std::vector<uint32_t> greedy_stack_;
  uint64_t nodes_ = 0;
  bool aborted_ = false;
  bool timed_out_ = false;
  double open_bound_ = 0;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace

Solution SolvePortfolio(const PortfolioModel& model, double budget,
                        const SolveLimits& limits,
                        const std::vector<bool>& forbidden) {
  Search search(model, budget, limits, forbidden);
  return search.Run();
}

NodeBounds BoundsAtNode(const PortfolioModel& model, double budget,
                        const std::vector<bool>& chosen,
                        const std::vector<bool>& left_out, int steps) {
  Search search(model, budget, SolveLimits(), {});
  return search.Probe(chosen, left_out, steps);
}

double RelativeGap(double value, double bound) {
  if (!(bound > value) || bound <= 0) return 0;
  return (bound - value) / bound;
}

}  // namespace roadmap
}  // namespace jtbd
