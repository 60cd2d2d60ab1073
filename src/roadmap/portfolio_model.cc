#include "roadmap/portfolio_model.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace jtbd {
namespace roadmap {
namespace {

absl::Status Refuse(const v1::Initiative& initiative, absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat("initiative \"", initiative.name(), "\": ", what));
}

bool OnScale(double x) { return std::isfinite(x) && x >= 0 && x <= 10; }

}  // namespace

absl::StatusOr<PortfolioModel> PortfolioModel::Build(
    const SurveyScores& scores, absl::Span<const v1::Initiative> initiatives) {
  PortfolioModel model;
  model.scores_ = scores;
  model.specs_.assign(initiatives.begin(), initiatives.end());
  const size_t n = initiatives.size();
  absl::flat_hash_map<std::string, size_t> index;
  absl::flat_hash_map<std::string, size_t> outcome_index;
  for (size_t o = 0; o < scores.outcome_ids.size(); ++o) {
    outcome_index.emplace(scores.outcome_ids[o], o);
  }
  absl::flat_hash_map<std::string, int> group_index;
  for (size_t g = 0; g < scores.groups.size(); ++g) {
    if (!scores.groups[g].segment.empty()) {
      group_index.emplace(scores.groups[g].segment, static_cast<int>(g));
    }
  }
  for (size_t i = 0; i < n; ++i) {
    const v1::Initiative& initiative = initiatives[i];
    if (initiative.name().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("initiative ", i + 1, " has no name"));
    }
    if (!index.emplace(initiative.name(), i).second) {
      return Refuse(initiative, "named twice");
    }
    if (!std::isfinite(initiative.cost()) || initiative.cost() <= 0) {
      return Refuse(initiative, "its cost must be a number greater than 0");
    }
    model.names_.push_back(initiative.name());
    model.costs_.push_back(initiative.cost());
    model.total_cost_ += initiative.cost();
    std::vector<std::pair<int, size_t>> targets;
    for (const v1::InitiativeEffect& effect : initiative.effects()) {
      const auto outcome = outcome_index.find(effect.outcome_id());
      if (outcome == outcome_index.end()) {
        return Refuse(initiative, absl::StrCat("unknown outcome \"",
                                               effect.outcome_id(), "\""));
      }
      int group = -1;
      if (!effect.segment().empty()) {
        const auto found = group_index.find(effect.segment());
        if (found == group_index.end()) {
          return Refuse(initiative, absl::StrCat("unknown segment \"",
                                                 effect.segment(), "\""));
        }
        group = found->second;
      }
      switch (effect.change_case()) {
        case v1::InitiativeEffect::kTargetSatisfaction:
          if (!OnScale(effect.target_satisfaction())) {
            return Refuse(initiative, "a target satisfaction is off 0-10");
          }
          break;
        case v1::InitiativeEffect::kUplift:
          if (!OnScale(effect.uplift())) {
            return Refuse(initiative, "an uplift is off 0-10");
          }
          break;
        default:
          return Refuse(initiative,
                        "an effect has neither a target satisfaction nor an "
                        "uplift");
      }
      targets.emplace_back(group, outcome->second);
    }
    model.effect_targets_.push_back(std::move(targets));
  }
  // Needs and exclusions as indices.
  std::vector<std::vector<uint32_t>> needs(n);
  model.excludes_.assign(n, {});
  for (size_t i = 0; i < n; ++i) {
    for (const std::string& name : initiatives[i].needs()) {
      const auto found = index.find(name);
      if (found == index.end()) {
        return Refuse(
            initiatives[i],
            absl::StrCat("needs an unknown initiative \"", name, "\""));
      }
      needs[i].push_back(static_cast<uint32_t>(found->second));
    }
    for (const std::string& name : initiatives[i].excludes()) {
      const auto found = index.find(name);
      if (found == index.end()) {
        return Refuse(
            initiatives[i],
            absl::StrCat("excludes an unknown initiative \"", name, "\""));
      }
      if (found->second == i) return Refuse(initiatives[i], "excludes itself");
      model.excludes_[i].push_back(static_cast<uint32_t>(found->second));
      model.excludes_[found->second].push_back(static_cast<uint32_t>(i));
    }
  }
  for (auto& list : model.excludes_) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  // Transitive closure by depth-first search; a grey node met again is a
  // cycle.
  std::vector<int> state(n, 0);  // 0 new, 1 on the path, 2 done
  model.needs_closure_.assign(n, {});
  for (size_t root = 0; root < n; ++root) {
    if (state[root] != 0) continue;
    std::vector<std::pair<size_t, size_t>> stack{{root, 0}};
    state[root] = 1;
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      if (next < needs[node].size()) {
        const size_t child = needs[node][next++];
        if (state[child] == 1) {
          return Refuse(initiatives[child],
                        "its dependencies form a cycle (depends_on)");
        }
        if (state[child] == 0) {
          state[child] = 1;
          stack.emplace_back(child, 0);
        }
        continue;
      }
      std::vector<uint32_t> closure;
      for (uint32_t child : needs[node]) {
        closure.push_back(child);
        closure.insert(closure.end(), model.needs_closure_[child].begin(),
                       model.needs_closure_[child].end());
      }
      std::sort(closure.begin(), closure.end());
      closure.erase(std::unique(closure.begin(), closure.end()), closure.end());
      model.needs_closure_[node] = std::move(closure);
      state[node] = 2;
      stack.pop_back();
    }
  }
  model.needed_by_.assign(n, {});
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t j : model.needs_closure_[i]) {
      model.needed_by_[j].push_back(static_cast<uint32_t>(i));
    }
  }
  model.BuildCells();
  model.BuildLifts();
  return model;
}

void PortfolioModel::BuildCells() {
  cells_.clear();
  const size_t outcomes = scores_.outcome_ids.size();
  for (size_t g = 0; g < scores_.groups.size(); ++g) {
    const ScoreGroup& group = scores_.groups[g];
    for (size_t o = 0; o < outcomes; ++o) {
      Cell cell;
      cell.group = g;
      cell.outcome = o;
      cell.weight = group.weight;
      cell.importance = group.importance[o];
      cell.satisfaction = group.satisfaction[o];
      cells_.push_back(cell);
    }
  }
}

void PortfolioModel::BuildLifts() {
  const size_t outcomes = scores_.outcome_ids.size();
  lifts_.assign(specs_.size(), {});
  for (size_t i = 0; i < specs_.size(); ++i) {
    absl::flat_hash_map<uint32_t, double> best;
    const v1::Initiative& spec = specs_[i];
    for (int e = 0; e < spec.effects_size(); ++e) {
      const v1::InitiativeEffect& effect = spec.effects(e);
      const auto [group, outcome] = effect_targets_[i][e];
      for (size_t g = 0; g < scores_.groups.size(); ++g) {
        if (group >= 0 && static_cast<size_t>(group) != g) continue;
        const uint32_t cell = static_cast<uint32_t>(g * outcomes + outcome);
        const double level =
            effect.change_case() == v1::InitiativeEffect::kUplift
                ? std::min(10.0, cells_[cell].satisfaction + effect.uplift())
                : effect.target_satisfaction();
        // Only a level above today's can change anything.
        if (level <= cells_[cell].satisfaction) continue;
        auto [it, inserted] = best.emplace(cell, level);
        if (!inserted) it->second = std::max(it->second, level);
      }
    }
    for (const auto& [cell, level] : best) lifts_[i].push_back({cell, level});
    std::sort(lifts_[i].begin(), lifts_[i].end(),
              [](const Lift& a, const Lift& b) { return a.cell < b.cell; });
  }
}

std::vector<double> PortfolioModel::SatisfactionAfter(
    const std::vector<bool>& chosen) const {
  std::vector<double> after(cells_.size());
  for (size_t c = 0; c < cells_.size(); ++c) after[c] = cells_[c].satisfaction;
  for (size_t i = 0; i < lifts_.size(); ++i) {
    if (!chosen[i]) continue;
    for (const Lift& lift : lifts_[i]) {
      after[lift.cell] = std::max(after[lift.cell], lift.satisfaction);
    }
  }
  return after;
}

double PortfolioModel::Value(const std::vector<bool>& chosen) const {
  const std::vector<double> after = SatisfactionAfter(chosen);
  double value = 0;
  for (size_t c = 0; c < cells_.size(); ++c) {
    const uint32_t cell = static_cast<uint32_t>(c);
    value += Gap(cell, cells_[c].satisfaction) - Gap(cell, after[c]);
  }
  return value;
}

double PortfolioModel::Cost(const std::vector<bool>& chosen) const {
  double cost = 0;
  for (size_t i = 0; i < costs_.size(); ++i) {
    if (chosen[i]) cost += costs_[i];
  }
  return cost;
}

bool PortfolioModel::Feasible(const std::vector<bool>& chosen) const {
  for (size_t i = 0; i < size(); ++i) {
    if (!chosen[i]) continue;
    for (uint32_t j : needs_closure_[i]) {
      if (!chosen[j]) return false;
    }
    for (uint32_t j : excludes_[i]) {
      if (chosen[j]) return false;
    }
  }
  return true;
}

PortfolioModel PortfolioModel::WithScores(const SurveyScores& scores) const {
  PortfolioModel model = *this;
  model.scores_ = scores;
  model.BuildCells();
  model.BuildLifts();
  return model;
}

}  // namespace roadmap
}  // namespace jtbd
