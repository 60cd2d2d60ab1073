#include "roadmap/lagrangian_bound.h"

#include <algorithm>
#include <cmath>

namespace jtbd {
namespace roadmap {
namespace {

// Steps without a lower bound before the step is halved.
constexpr int kStallSteps = 4;
constexpr double kFirstStepScale = 1.0;

}  // namespace

LagrangianBound::LagrangianBound(const PortfolioModel& model) : model_(model) {
  const size_t cells = model.cells().size();
  std::vector<std::vector<double>> levels(cells);
  for (size_t j = 0; j < model.size(); ++j) {
    for (const PortfolioModel::Lift& lift : model.lifts(j)) {
      levels[lift.cell].push_back(lift.satisfaction);
    }
  }
  cell_begin_.assign(cells + 1, 0);
  for (size_t c = 0; c < cells; ++c) {
    std::sort(levels[c].begin(), levels[c].end());
    levels[c].erase(std::unique(levels[c].begin(), levels[c].end()),
                    levels[c].end());
    cell_begin_[c + 1] = cell_begin_[c] + levels[c].size();
    level_of_.insert(level_of_.end(), levels[c].begin(), levels[c].end());
  }
  lift_layer_.assign(model.size(), {});
  need_begin_.assign(model.size() + 1, 0);
  for (size_t j = 0; j < model.size(); ++j) {
    for (const PortfolioModel::Lift& lift : model.lifts(j)) {
      const std::vector<double>& list = levels[lift.cell];
      const size_t rank =
          std::lower_bound(list.begin(), list.end(), lift.satisfaction) -
          list.begin();
      lift_layer_[j].push_back(
          static_cast<uint32_t>(cell_begin_[lift.cell] + rank));
    }
    need_begin_[j + 1] = need_begin_[j] + model.needs_closure(j).size();
  }
  exclusion_begin_.assign(model.size() + 1, 0);
  for (size_t a = 0; a < model.size(); ++a) {
    const std::vector<uint32_t>& others = model.excludes(a);
    exclusion_begin_[a + 1] = exclusion_begin_[a] + others.size();
  }
  nu_.assign(exclusion_begin_.back(), 0);
  mu_.assign(level_of_.size(), 0);
  lambda_.assign(need_begin_.back(), 0);
  stamp_layer_.assign(level_of_.size(), -1);
  stamp_item_.assign(model.size(), -1);
  cell_seen_.assign(cells, 0);
}

double LagrangianBound::Evaluate(const std::vector<uint32_t>& items,
                                 const std::vector<double>& satisfaction,
                                 const std::vector<bool>& chosen, double room,
                                 double target, int max_steps) {
  room = std::max(0.0, room);
  const size_t count = items.size();
  item_cost_.assign(count, 0);
  item_gain_.assign(count, 0);
  entries_.clear();
  touched_cells_.clear();
  layer_global_.clear();
  layer_first_.clear();
  delta_.clear();
  rows_.clear();
  for (size_t k = 0; k < count; ++k) {
    const uint32_t j = items[k];
    stamp_item_[j] = static_cast<int64_t>(k);
    item_cost_[k] = model_.cost(j);
    const std::vector<PortfolioModel::Lift>& lifts = model_.lifts(j);
    for (size_t e = 0; e < lifts.size(); ++e) {
      const uint32_t cell = lifts[e].cell;
      const double now = satisfaction[cell];
      if (lifts[e].satisfaction <= now) continue;
      const uint32_t layer = lift_layer_[j][e];
      entries_.emplace_back(static_cast<uint32_t>(k), layer);
      stamp_layer_[layer] = 0;  // active; its local index comes next
      item_gain_[k] +=
          model_.Gap(cell, now) - model_.Gap(cell, lifts[e].satisfaction);
      if (cell_seen_[cell] == 0) {
        cell_seen_[cell] = 1;
        touched_cells_.push_back(cell);
      }
    }
  }
  // The active layers of a cell, rising: each gains from the level below
  // (or today's) to its own. Levels no completion can reach are skipped,
  // their gain going to the next one up.
  for (uint32_t cell : touched_cells_) {
    cell_seen_[cell] = 0;
    const size_t first = layer_global_.size();
    double below = satisfaction[cell];
    for (size_t g = cell_begin_[cell]; g < cell_begin_[cell + 1]; ++g) {
      if (stamp_layer_[g] < 0) continue;
      stamp_layer_[g] = static_cast<int64_t>(layer_global_.size());
      layer_global_.push_back(static_cast<uint32_t>(g));
      layer_first_.push_back(first);
      delta_.push_back(model_.Gap(cell, below) -
                       model_.Gap(cell, level_of_[g]));
      below = level_of_[g];
    }
  }
  for (auto& entry : entries_) {
    entry.second = static_cast<uint32_t>(stamp_layer_[entry.second]);
  }
  for (size_t k = 0; k < count; ++k) {
    const uint32_t j = items[k];
    const std::vector<uint32_t>& needs = model_.needs_closure(j);
    for (size_t p = 0; p < needs.size(); ++p) {
      // A chosen need's row holds; an unreachable one cannot be missing
      // when j is reachable, and dropping a row only loosens the bound.
      if (chosen[needs[p]] || stamp_item_[needs[p]] < 0) continue;
      rows_.push_back({static_cast<uint32_t>(k),
                       static_cast<uint32_t>(stamp_item_[needs[p]]),
                       need_begin_[j] + p});
    }
  }
  exclusions_.clear();
  for (size_t k = 0; k < count; ++k) {
    const uint32_t a = items[k];
    const std::vector<uint32_t>& others = model_.excludes(a);
    for (size_t p = 0; p < others.size(); ++p) {
      // Each pair once; an excluded one that cannot join needs no row.
      if (others[p] < a || stamp_item_[others[p]] < 0) continue;
      exclusions_.push_back({static_cast<uint32_t>(k),
                             static_cast<uint32_t>(stamp_item_[others[p]]),
                             exclusion_begin_[a] + p});
    }
  }
  nu_local_.resize(exclusions_.size());
  for (size_t r = 0; r < exclusions_.size(); ++r) {
    nu_local_[r] = nu_[exclusions_[r].row];
  }
  const size_t layers = layer_global_.size();
  mu_local_.resize(layers);
  for (size_t q = 0; q < layers; ++q) mu_local_[q] = mu_[layer_global_[q]];
  lambda_local_.resize(rows_.size());
  for (size_t r = 0; r < rows_.size(); ++r) {
    lambda_local_[r] = lambda_[rows_[r].row];
  }

  double current = Lagrangian(room);
  double best = current;
  best_mu_ = mu_local_;
  best_lambda_ = lambda_local_;
  best_nu_ = nu_local_;
  if (best > target) {
    // A second start: the multipliers that reproduce the layers' knapsack
    // (docs/ROADMAP.md), so the bound is never worse than that one.
    StartFromLayers(room);
    const double layered = Lagrangian(room);
    if (layered < best) {
      best = current = layered;
      best_mu_ = mu_local_;
      best_lambda_ = lambda_local_;
      best_nu_ = nu_local_;
    } else {
      mu_local_ = best_mu_;
      lambda_local_ = best_lambda_;
      nu_local_ = best_nu_;
      current = Lagrangian(room);
    }
  }
  double scale = kFirstStepScale;
  int stall = 0;
  for (int step = 0; step < max_steps && best > target; ++step) {
    // The subgradient of the Lagrangian: cover - y per layer, x_need -
    // x_item per needs row; projected (a multiplier at 0 that would go
    // negative stays and does not count in the norm).
    cover_.assign(layers, 0);
    for (const auto& [k, q] : entries_) cover_[q] += x_[k];
    for (size_t q = layers; q-- > 0;) {
      if (q > layer_first_[q]) cover_[q - 1] += cover_[q];
    }
    double norm = 0;
    for (size_t q = 0; q < layers; ++q) {
      cover_[q] -= y_[q];
      if (mu_local_[q] <= 0 && cover_[q] > 0) cover_[q] = 0;
      norm += cover_[q] * cover_[q];
    }
    for (size_t r = 0; r < rows_.size(); ++r) {
      double g = x_[rows_[r].need] - x_[rows_[r].item];
      if (lambda_local_[r] <= 0 && g > 0) g = 0;
      norm += g * g;
    }
    for (size_t r = 0; r < exclusions_.size(); ++r) {
      double g = 1 - x_[exclusions_[r].item] - x_[exclusions_[r].need];
      if (nu_local_[r] <= 0 && g > 0) g = 0;
      norm += g * g;
    }
    // A zero subgradient: these multipliers minimise the Lagrangian.
    if (norm <= 1e-18) break;
    // Polyak's step towards the target (what the incumbent needs); the
    // target is often below the best the multipliers reach, so the step is
    // halved whenever the bound stalls.
    const double size = scale * (current - target) / norm;
    for (size_t r = 0; r < rows_.size(); ++r) {
      const double g = x_[rows_[r].need] - x_[rows_[r].item];
      lambda_local_[r] = std::max(0.0, lambda_local_[r] - size * g);
    }
    for (size_t r = 0; r < exclusions_.size(); ++r) {
      const double g = 1 - x_[exclusions_[r].item] - x_[exclusions_[r].need];
      nu_local_[r] = std::max(0.0, nu_local_[r] - size * g);
    }
    for (size_t q = 0; q < layers; ++q) {
      mu_local_[q] = std::max(0.0, mu_local_[q] - size * cover_[q]);
    }
    current = Lagrangian(room);
    if (current < best) {
      if (current < best - 1e-12 * std::max(1.0, best)) stall = 0;
      best = current;
      best_mu_ = mu_local_;
      best_lambda_ = lambda_local_;
      best_nu_ = nu_local_;
    } else if (++stall >= kStallSteps) {
      scale *= 0.5;
      stall = 0;
    }
  }
  for (size_t q = 0; q < layers; ++q) {
    mu_[layer_global_[q]] = best_mu_[q];
    stamp_layer_[layer_global_[q]] = -1;
  }
  for (size_t r = 0; r < rows_.size(); ++r) {
    lambda_[rows_[r].row] = best_lambda_[r];
  }
  for (size_t r = 0; r < exclusions_.size(); ++r) {
    nu_[exclusions_[r].row] = best_nu_[r];
  }
  for (uint32_t j : items) stamp_item_[j] = -1;
  return best;
}

double LagrangianBound::Lagrangian(double room) {
  const size_t layers = layer_global_.size();
  const size_t count = item_cost_.size();
  // An item's profit: the multipliers of every layer it reaches (in a
  // cell, those up to its level), adjusted by its needs rows.
  prefix_.resize(layers);
  for (size_t q = 0; q < layers; ++q) {
    prefix_[q] = mu_local_[q] + (q > layer_first_[q] ? prefix_[q - 1] : 0);
  }
  profit_.assign(count, 0);
  for (const auto& [k, q] : entries_) profit_[k] += prefix_[q];
  for (size_t r = 0; r < rows_.size(); ++r) {
    profit_[rows_[r].item] -= lambda_local_[r];
    profit_[rows_[r].need] += lambda_local_[r];
  }
  // An exclusion row adds nu (1 - x_a - x_b), at least 0 when it holds.
  double total = 0;
  for (size_t r = 0; r < exclusions_.size(); ++r) {
    profit_[exclusions_[r].item] -= nu_local_[r];
    profit_[exclusions_[r].need] -= nu_local_[r];
    total += nu_local_[r];
  }
  // The y: per cell the best prefix of (delta - mu), nothing when none is
  // positive (y falls with the level, so it is a prefix).
  y_.assign(layers, 0);
  for (size_t first = 0; first < layers;) {
    size_t end = first;
    while (end < layers && layer_first_[end] == first) ++end;
    double run = 0;
    double top = 0;
    size_t top_end = first;
    for (size_t q = first; q < end; ++q) {
      run += delta_[q] - mu_local_[q];
      if (run > top) {
        top = run;
        top_end = q + 1;
      }
    }
    for (size_t q = first; q < top_end; ++q) y_[q] = 1;
    total += top;
    first = end;
  }
  last_cells_part_ = total;
  // The x: the fractional knapsack of the profits within the room.
  rank_.clear();
  for (size_t k = 0; k < count; ++k) {
    if (profit_[k] > 0) rank_.push_back(k);
  }
  std::sort(rank_.begin(), rank_.end(), [&](size_t a, size_t b) {
    return profit_[a] * item_cost_[b] > profit_[b] * item_cost_[a];
  });
  x_.assign(count, 0);
  double left = room;
  for (size_t k : rank_) {
    if (item_cost_[k] <= left) {
      x_[k] = 1;
      total += profit_[k];
      left -= item_cost_[k];
    } else {
      x_[k] = left / item_cost_[k];
      total += profit_[k] * x_[k];
      break;
    }
  }
  return total;
}

std::vector<uint32_t> LagrangianBound::CannotHelp(
    const std::vector<uint32_t>& items, double room, double target) {
  room = std::max(0.0, room);
  mu_local_ = best_mu_;
  lambda_local_ = best_lambda_;
  nu_local_ = best_nu_;
  Lagrangian(room);  // profit_ and rank_ (by profit per cost) at the best
  std::vector<uint32_t> out;
  for (size_t k = 0; k < items.size(); ++k) {
    if (item_cost_[k] > room) continue;  // the search cannot take it anyway
    double with = last_cells_part_ + profit_[k];
    double left = room - item_cost_[k];
    for (size_t other : rank_) {
      if (other == k) continue;
      if (item_cost_[other] <= left) {
        with += profit_[other];
        left -= item_cost_[other];
      } else {
        with += profit_[other] * left / item_cost_[other];
        break;
      }
    }
    if (with <= target) out.push_back(items[k]);
  }
  return out;
}

std::vector<double> LagrangianBound::ProfitPerCost(double room) {
  mu_local_ = best_mu_;
  lambda_local_ = best_lambda_;
  nu_local_ = best_nu_;
  Lagrangian(std::max(0.0, room));
  std::vector<double> ratio(profit_.size());
  for (size_t k = 0; k < ratio.size(); ++k) {
    ratio[k] = profit_[k] / item_cost_[k];
  }
  return ratio;
}

std::vector<uint32_t> LagrangianBound::Picks(const std::vector<uint32_t>& items,
                                             double room) {
  mu_local_ = best_mu_;
  lambda_local_ = best_lambda_;
  nu_local_ = best_nu_;
  Lagrangian(std::max(0.0, room));
  std::vector<uint32_t> picks;
  for (size_t k : rank_) {
    if (x_[k] <= 0) break;
    picks.push_back(items[k]);
  }
  return picks;
}

// mu_q = rho * delta_q / r_q, r_q the best gain-per-cost ratio of the items
// reaching layer q and rho the ratio at which the layers' fractional
// knapsack fills the room: an item's profit is then at most rho times its
// cost, and the Lagrangian at most the layers' knapsack
// (docs/ROADMAP.md).
void LagrangianBound::StartFromLayers(double room) {
  const size_t layers = layer_global_.size();
  std::vector<double>& ratio = cover_;  // scratch
  ratio.assign(layers, 0);
  for (const auto& [k, q] : entries_) {
    ratio[q] = std::max(ratio[q], item_gain_[k] / item_cost_[k]);
  }
  for (size_t q = layers; q-- > 0;) {
    if (q > layer_first_[q]) ratio[q - 1] = std::max(ratio[q - 1], ratio[q]);
  }
  rank_.clear();
  for (size_t q = 0; q < layers; ++q) {
    if (ratio[q] > 0 && delta_[q] > 0) rank_.push_back(q);
  }
  std::sort(rank_.begin(), rank_.end(),
            [&](size_t a, size_t b) { return ratio[a] > ratio[b]; });
  double rho = 0;
  double left = room;
  for (size_t q : rank_) {
    const double cost = delta_[q] / ratio[q];
    if (cost <= left) {
      left -= cost;
    } else {
      rho = ratio[q];
      break;
    }
  }
  for (size_t q = 0; q < layers; ++q) {
    mu_local_[q] = ratio[q] > 0 ? rho * delta_[q] / ratio[q] : 0;
  }
  std::fill(lambda_local_.begin(), lambda_local_.end(), 0.0);
  std::fill(nu_local_.begin(), nu_local_.end(), 0.0);
}

}  // namespace roadmap
}  // namespace jtbd
