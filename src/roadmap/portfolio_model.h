// A roadmap instance ready to solve: the initiatives' costs, their needs
// (closed transitively) and exclusions as indices, and what each one lifts:
// per cell (a group of respondents x an outcome) the satisfaction it
// reaches. The value of a portfolio (docs/ROADMAP.md) is
//   sum over cells of weight x (gap(S now) - gap(S after)),
//   gap(S) = max(I - S, 0),
// which is opportunity now - opportunity after (importance is unchanged),
// S after being the highest of S now and the chosen initiatives' levels.
#ifndef JTBD_ROADMAP_PORTFOLIO_MODEL_H_
#define JTBD_ROADMAP_PORTFOLIO_MODEL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "jtbd/v1/roadmap.pb.h"
#include "roadmap/survey_scores.h"

namespace jtbd {
namespace roadmap {

class PortfolioModel {
 public:
  struct Cell {
    size_t group = 0;
    size_t outcome = 0;
    double weight = 1;
    double importance = 0;
    double satisfaction = 0;  // now
  };
  // One initiative's effect on one cell: the satisfaction it reaches there
  // (several effects of one initiative on a cell keep the highest).
  struct Lift {
    uint32_t cell = 0;
    double satisfaction = 0;
  };

  // INVALID_ARGUMENT (naming the initiative) for an empty or repeated
  // name, a cost not finite or <= 0, an unknown outcome or segment, a
  // target or uplift off 0-10 or unset, a needs/excludes naming an unknown
  // initiative or itself, or a dependency cycle. Readers of files refuse
  // the same with a line and column first (initiatives_reader.h).
  static absl::StatusOr<PortfolioModel> Build(
      const SurveyScores& scores, absl::Span<const v1::Initiative> initiatives);

  size_t size() const { return names_.size(); }
  const std::string& name(size_t i) const { return names_[i]; }
  double cost(size_t i) const { return costs_[i]; }
  double total_cost() const { return total_cost_; }
  // Every initiative i needs, directly or not (i excluded).
  const std::vector<uint32_t>& needs_closure(size_t i) const {
    return needs_closure_[i];
  }
  // Those that need i, directly or not.
  const std::vector<uint32_t>& needed_by(size_t i) const {
    return needed_by_[i];
  }
  // Those i cannot be chosen with (made symmetric).
  const std::vector<uint32_t>& excludes(size_t i) const { return excludes_[i]; }
  const std::vector<Lift>& lifts(size_t i) const { return lifts_[i]; }
  const std::vector<Cell>& cells() const { return cells_; }
  const SurveyScores& scores() const { return scores_; }

  // weight x max(I - S, 0) of a cell at satisfaction s.
  double Gap(uint32_t cell, double s) const {
    const Cell& c = cells_[cell];
    return c.importance > s ? c.weight * (c.importance - s) : 0;
  }
  // The cells' satisfaction after the chosen initiatives.
  std::vector<double> SatisfactionAfter(const std::vector<bool>& chosen) const;
  double Value(const std::vector<bool>& chosen) const;
  double Cost(const std::vector<bool>& chosen) const;
  // Whether the chosen set honours every need and exclusion (not the
  // budget).
  bool Feasible(const std::vector<bool>& chosen) const;

  // The same initiatives valued on other scores (a bootstrap redraw): the
  // same outcomes and groups, in the same order.
  PortfolioModel WithScores(const SurveyScores& scores) const;

 private:
  void BuildCells();
  void BuildLifts();

  SurveyScores scores_;
  std::vector<v1::Initiative> specs_;
  std::vector<std::string> names_;
  std::vector<double> costs_;
  double total_cost_ = 0;
  std::vector<std::vector<uint32_t>> needs_closure_;
  std::vector<std::vector<uint32_t>> needed_by_;
  std::vector<std::vector<uint32_t>> excludes_;
  std::vector<Cell> cells_;
  std::vector<std::vector<Lift>> lifts_;
  // Per spec effect, the group it names (-1: all) and its outcome.
  std::vector<std::vector<std::pair<int, size_t>>> effect_targets_;
};

}  // namespace roadmap
}  // namespace jtbd

#endif  // JTBD_ROADMAP_PORTFOLIO_MODEL_H_
