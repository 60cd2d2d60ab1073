#include "roadmap/branch_and_bound.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <queue>
#include <utility>

namespace jtbd {
namespace roadmap {
namespace {

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
        best_level_(model.cells().size(), -1) {
    if (forbidden_.size() != n_) forbidden_.assign(n_, false);
    for (size_t c = 0; c < satisfaction_.size(); ++c) {
      satisfaction_[c] = model.cells()[c].satisfaction;
    }
    start_ = std::chrono::steady_clock::now();
  }

  Solution Run() {
    Order();
    Greedy();
    Visit(0);
    Solution solution;
    solution.chosen = best_chosen_;
    solution.value = best_value_;
    solution.cost = model_.Cost(best_chosen_);
    solution.optimal = !aborted_;
    solution.bound = aborted_ ? std::max(best_value_, open_bound_) : best_value_;
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
      greedy_added_.push_back(best);
    }
    if (model_.Feasible(chosen_)) Record();
    // Back to the root: undo everything the greedy added.
    for (auto it = greedy_stack_.rbegin(); it != greedy_stack_.rend(); ++it) {
      Exclude(*it);
    }
    greedy_stack_.clear();
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

  double Bound(size_t depth) {
    const double room = budget_ - cost_;
    items_.clear();
    touched_.clear();
    double cell_bound = 0;
    for (size_t d = depth; d < n_; ++d) {
      const size_t j = order_[d];
      if (!Reachable(j, room)) continue;
      double gain = 0;
      for (const PortfolioModel::Lift& lift : model_.lifts(j)) {
        const double now = satisfaction_[lift.cell];
        if (lift.satisfaction <= now) continue;
        gain += model_.Gap(lift.cell, now) -
                model_.Gap(lift.cell, lift.satisfaction);
        double& level = best_level_[lift.cell];
        if (level < 0) touched_.push_back(lift.cell);
        level = std::max(level, lift.satisfaction);
      }
      if (gain > 0) items_.emplace_back(gain, model_.cost(j));
    }
    for (uint32_t cell : touched_) {
      cell_bound += model_.Gap(cell, satisfaction_[cell]) -
                    model_.Gap(cell, best_level_[cell]);
      best_level_[cell] = -1;
    }
    std::sort(items_.begin(), items_.end(),
              [](const std::pair<double, double>& a,
                 const std::pair<double, double>& b) {
                return a.first * b.second > b.first * a.second;
              });
    double knapsack = 0;
    double left = room;
    for (const auto& [gain, cost] : items_) {
      if (cost <= left) {
        knapsack += gain;
        left -= cost;
      } else {
        knapsack += gain * std::max(0.0, left) / cost;
        break;
      }
    }
    return value_ + std::min(knapsack, cell_bound);
  }

  void Visit(size_t depth) {
    ++nodes_;
    Record();
    if (depth == n_) return;
    const double bound = Bound(depth);
    if (bound <= best_value_ + kValueTolerance * std::max(1.0, best_value_)) {
      return;
    }
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
        // The exclusion branch is unexplored: this node's bound covers it.
        open_bound_ = std::max(open_bound_, bound);
        decided_[i] = false;
        return;
      }
    }
    Visit(depth + 1);
    decided_[i] = false;
    if (aborted_) open_bound_ = std::max(open_bound_, bound);
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
  std::vector<std::pair<double, double>> items_;
  std::vector<size_t> greedy_added_;
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

double RelativeGap(double value, double bound) {
  if (!(bound > value) || bound <= 0) return 0;
  return (bound - value) / bound;
}

}  // namespace roadmap
}  // namespace jtbd
