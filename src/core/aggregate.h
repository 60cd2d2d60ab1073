#ifndef JTBD_CORE_AGGREGATE_H_
#define JTBD_CORE_AGGREGATE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "core/outcome.h"
#include "core/scale.h"
#include "core/top_box_counts.h"
#include "jtbd/v1/aggregate.pb.h"
#include "stats/joint_table.h"

namespace jtbd {

// Per outcome, the joint importance x satisfaction count table over
// (points + 1)^2 cells, index 0 of each axis meaning "no answer". Everything
// Ulwick scoring (and the alternatives of later issues) needs, in memory that
// does not grow with respondents. Aggregates of disjoint respondents with the
// same scale and outcomes merge by adding cells, which is exact and
// order-independent.
//
// Weighted respondents: once weights are enabled, every cell also keeps the
// sum of its respondents' weights and of their squared weights (for Kish
// effective counts); the counts stay the unweighted answer counts. An
// aggregate without weights behaves as if every weight were 1.
class Aggregate {
 public:
  // Written for aggregates without weights (readable by every jtbd).
  static constexpr uint32_t kFormatVersion = 1;
  // Written for weighted aggregates, so that readers that would ignore the
  // weight sums refuse them instead.
  static constexpr uint32_t kWeightedFormatVersion = 2;
  // Written for aggregates with competing solutions' tables (weighted or
  // not), which older readers would drop.
  static constexpr uint32_t kSolutionsFormatVersion = 3;

  // Validates the scale and that outcome ids are non-empty and unique.
  static absl::StatusOr<Aggregate> Create(Scale scale,
                                          std::vector<Outcome> outcomes);

  const Scale& scale() const { return scale_; }
  const std::vector<Outcome>& outcomes() const { return outcomes_; }
  size_t outcome_count() const { return outcomes_.size(); }
  uint64_t respondent_count() const { return respondent_count_; }
  // Describes an outcome (OUT_OF_RANGE for a bad index), as
  // Study::SetOutcomeStatement and SetOutcomeJobStep do; the id, which the
  // tables key on and Merge compares, never changes.
  absl::Status SetOutcomeDescription(size_t outcome, std::string statement,
                                     std::string job_step_id);

  // The study design the respondents were surveyed under (Study::SetDesign):
  // checked as every design is, INVALID_ARGUMENT leaving the aggregate as it
  // was. ScoreAggregate attaches it and its job-map coverage to the report;
  // Merge refuses another design.
  absl::Status SetDesign(v1::StudyDesign design);
  void ClearDesign() { design_.reset(); }
  const absl::optional<v1::StudyDesign>& design() const { return design_; }

  // Adds respondents given as row-major count x outcome_count rating
  // matrices (0 = no answer). All or nothing: on an invalid rating the error
  // names the flat index and value and the aggregate is unchanged.
  absl::Status AddRespondents(size_t count,
                              absl::Span<const uint8_t> importance,
                              absl::Span<const uint8_t> satisfaction);
  // The same with one weight per respondent (finite, > 0); enables weights.
  absl::Status AddWeightedRespondents(size_t count,
                                      absl::Span<const uint8_t> importance,
                                      absl::Span<const uint8_t> satisfaction,
                                      absl::Span<const double> weights);

  bool weighted() const { return weighted_; }
  // Starts keeping weight sums (existing respondents count with weight 1).
  void EnableWeights();

  // Fast path for callers that validated ratings already (Study does):
  // adds one answer pair to an outcome's table. Ratings 0 or on the scale.
  void AddValidated(size_t outcome, int importance, int satisfaction) {
    const size_t cell = outcome * cells_per_outcome_ +
                        Index(importance) * stride_ + Index(satisfaction);
    ++cells_[cell];
    if (weighted_) {
      weight_sums_[cell] += 1;
      weight_square_sums_[cell] += 1;
    }
  }
  // The same with a validated weight (finite, > 0); weights must be enabled.
  void AddValidatedWeighted(size_t outcome, int importance, int satisfaction,
                            double weight) {
    const size_t cell = outcome * cells_per_outcome_ +
                        Index(importance) * stride_ + Index(satisfaction);
    ++cells_[cell];
    weight_sums_[cell] += weight;
    weight_square_sums_[cell] += weight * weight;
  }
  // Competing solutions: per (solution, outcome) a joint table of our
  // satisfaction (row) x the solution's satisfaction (column), laid out like
  // the outcome tables, into which every respondent falls once. Solutions
  // are declared before any respondent is added (FAILED_PRECONDITION
  // after); INVALID_ARGUMENT for an empty name, ALREADY_EXISTS for a name
  // declared before (compared ignoring ASCII case).
  absl::Status AddSolution(std::string name);
  const std::vector<std::string>& solutions() const { return solutions_; }
  size_t solution_count() const { return solutions_.size(); }
  // Adds one respondent's pair to a solution table; ratings 0 or on the
  // scale, indices in range (callers validated them).
  void AddValidatedSolution(size_t solution, size_t outcome,
                            int our_satisfaction, int solution_satisfaction) {
    AddValidated(SolutionTableIndex(solution, outcome), our_satisfaction,
                 solution_satisfaction);
  }
  void AddValidatedSolutionWeighted(size_t solution, size_t outcome,
                                    int our_satisfaction,
                                    int solution_satisfaction, double weight) {
    AddValidatedWeighted(SolutionTableIndex(solution, outcome),
                         our_satisfaction, solution_satisfaction, weight);
  }
  // The table of (solution, outcome), with weight sums when weighted.
  stats::JointTable SolutionTable(size_t solution, size_t outcome) const {
    return WeightedTable(SolutionTableIndex(solution, outcome));
  }

  // Counts one more respondent (tables are unaffected).
  void AddRespondentCount(uint64_t n) { respondent_count_ += n; }

  // Adds answers counted elsewhere (a reader counts a file's rows into a
  // plain array and hands it over once, cheaper than a call per answer):
  // `counts` holds one count per cell in this aggregate's cell order, that
  // of jtbd.v1.Aggregate — per outcome, then per (solution, outcome), a
  // table of (points + 1)^2 cells, importance-major, index 0 "no answer"
  // and index r - scale.min + 1 for rating r — and `respondents` is added
  // to respondent_count(). In a weighted aggregate each count has weight 1.
  // INVALID_ARGUMENT (this unchanged) unless counts.size() == cell_count();
  // OUT_OF_RANGE when the respondent count would not fit a report
  // (CheckFitsReport, as FromProto refuses it).
  absl::Status AddCounts(absl::Span<const uint64_t> counts,
                         uint64_t respondents);
  // Cells of all tables: outcome_count() * (1 + solution_count()) *
  // (points + 1)^2.
  size_t cell_count() const { return cells_.size(); }

  // this += other. FAILED_PRECONDITION (this unchanged) unless scale and
  // outcome ids match in order and the designs agree: two designs must be
  // the same design; an aggregate without one takes other's.
  absl::Status Merge(const Aggregate& other);
  // this -= part, for a part built from some of this aggregate's
  // respondents (e.g. the rest of the sample = whole - segment). Counts
  // subtract exactly; weight sums of cells left empty become exactly 0.
  // FAILED_PRECONDITION (this unchanged) unless scale and outcome ids match
  // and no count of part exceeds this one's.
  absl::Status Subtract(const Aggregate& part);

  // Respondents in one cell; ratings are 0 (no answer) or on the scale.
  // (Table, WeightedTable: indices past the outcomes address solution
  // tables, see SolutionTableIndex.)
  absl::StatusOr<uint64_t> Cell(size_t outcome, int importance,
                                int satisfaction) const;
  // The raw row-major cells of one outcome, (points + 1)^2 of them.
  absl::Span<const uint64_t> Table(size_t outcome) const;
  // The table with its weight sums (empty spans when not weighted).
  stats::JointTable WeightedTable(size_t outcome) const;
  // Sum of all respondents' weights and of their squares (the counts when
  // not weighted), read off the first outcome's table, where every
  // respondent lands once; 0 without outcomes.
  double TotalWeight() const;
  double TotalWeightSquare() const;

  // Counts with the scale's top-box rule, or with top box from
  // top_box_min (a rating on the scale).
  TopBoxCounts Counts(size_t outcome) const;
  TopBoxCounts Counts(size_t outcome, int top_box_min) const;

  v1::Aggregate ToProto() const;
  // Refuses unknown format versions, wrong cell counts and bad scales, and
  // weight sums that are missing, negative, not finite or inconsistent with
  // the counts.
  static absl::StatusOr<Aggregate> FromProto(const v1::Aggregate& proto);

 private:
  Aggregate(Scale scale, std::vector<Outcome> outcomes);
  // Solution tables follow the outcome tables in cells_, solution-major, so
  // that weights, Merge and Subtract cover them without special cases.
  size_t SolutionTableIndex(size_t solution, size_t outcome) const {
    return outcomes_.size() * (1 + solution) + outcome;
  }
  size_t Index(int rating) const {
    return rating == 0 ? 0 : static_cast<size_t>(rating - scale_.min + 1);
  }

  Scale scale_;
  std::vector<Outcome> outcomes_;
  size_t stride_ = 0;             // points + 1
  size_t cells_per_outcome_ = 0;  // stride_^2
  absl::Status ValidateRatings(size_t count,
                               absl::Span<const uint8_t> importance,
                               absl::Span<const uint8_t> satisfaction) const;
  absl::Status CheckCompatible(const Aggregate& other,
                               const char* operation) const;
  absl::Status ReadWeights(const v1::Aggregate& proto);
  absl::Status ReadSolutions(const v1::Aggregate& proto);
  double TableSum(const std::vector<double>& sums) const;

  std::vector<std::string> solutions_;
  // Outcome tables, outcome-major, then the solution tables.
  std::vector<uint64_t> cells_;
  uint64_t respondent_count_ = 0;
  bool weighted_ = false;
  std::vector<double> weight_sums_;         // like cells_, when weighted_
  std::vector<double> weight_square_sums_;  // like cells_, when weighted_
  absl::optional<v1::StudyDesign> design_;
};

}  // namespace jtbd

#endif  // JTBD_CORE_AGGREGATE_H_
