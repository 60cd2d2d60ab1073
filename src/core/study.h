#ifndef JTBD_CORE_STUDY_H_
#define JTBD_CORE_STUDY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "core/aggregate.h"
#include "core/outcome.h"
#include "core/scale.h"
#include "core/segmented_scoring.h"
#include "core/solution_ratings.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"
#include "jtbd/v1/study.pb.h"

namespace jtbd {

// One batch of answers as parallel arrays (the C ABI's shape): answer i is
// respondent respondents[i]'s rating of outcome outcomes[i]; 0 = no answer.
struct AnswerBatch {
  absl::Span<const uint32_t> respondents;
  absl::Span<const uint32_t> outcomes;
  absl::Span<const uint8_t> importance;
  absl::Span<const uint8_t> satisfaction;
};

// Satisfaction ratings of competing solutions as parallel arrays: rating i
// is respondent respondents[i]'s satisfaction with solution solutions[i] on
// outcome outcomes[i]; 0 = no answer (nothing stored).
struct SolutionAnswerBatch {
  absl::Span<const uint32_t> respondents;
  absl::Span<const uint32_t> solutions;
  absl::Span<const uint32_t> outcomes;
  absl::Span<const uint8_t> satisfaction;
};

// Outcomes, respondents with their attributes, and answers, on one scale.
// Answers are kept per respondent (segments and later analyses need them);
// scoring reduces them in one pass to Aggregates.
class Study {
 public:
  Study() = default;  // default 1-5 scale, top box 4-5
  explicit Study(Scale scale) : scale_(scale) {}  // scale must be valid

  const Scale& scale() const { return scale_; }
  // FAILED_PRECONDITION once any answer was added.
  absl::Status SetScale(const Scale& scale);

  // The study design (job, job map, desired outcomes on its steps): checked
  // and normalized as every design is (core/study_design.h; a refused design
  // leaves the study as it was, INVALID_ARGUMENT). Score attaches it and its
  // job-map coverage to the report, and ToAggregate passes it on.
  absl::Status SetDesign(v1::StudyDesign design);
  void ClearDesign() { design_.reset(); }
  const absl::optional<v1::StudyDesign>& design() const { return design_; }

  // INVALID_ARGUMENT for an empty id, ALREADY_EXISTS for a duplicate.
  absl::StatusOr<size_t> AddOutcome(Outcome outcome);
  // Describe a declared outcome (OUT_OF_RANGE for a bad index); the id,
  // which answers and aggregates key on, never changes.
  absl::Status SetOutcomeStatement(size_t outcome, std::string statement);
  absl::Status SetOutcomeJobStep(size_t outcome, std::string job_step_id);
  // A non-empty id must be unique (ALREADY_EXISTS); empty = anonymous.
  absl::StatusOr<size_t> AddRespondent(std::string id);
  // Adds `count` anonymous respondents; returns the first index.
  absl::StatusOr<size_t> AddRespondents(size_t count);
  absl::Status SetAttribute(size_t respondent, std::string name,
                            std::string value);
  // A respondent's survey weight (default 1): finite and greater than 0,
  // else INVALID_ARGUMENT; OUT_OF_RANGE for a bad index. A study in which
  // any weight differs from 1 is scored weighted (Report.weighted).
  absl::Status SetWeight(size_t respondent, double weight);
  double weight(size_t respondent) const {
    return respondents_[respondent].weight;
  }
  bool weighted() const { return non_unit_weight_count_ != 0; }
  // How long the respondent took to answer, in seconds (screening's
  // speeding rule): finite and at least 0, else INVALID_ARGUMENT;
  // OUT_OF_RANGE for a bad index. Unknown until set.
  absl::Status SetDuration(size_t respondent, double seconds);
  bool has_duration(size_t respondent) const {
    return respondents_[respondent].duration_seconds >= 0;
  }
  // -1 when unknown.
  double duration(size_t respondent) const {
    return respondents_[respondent].duration_seconds;
  }

  // All or nothing: validates every element (indices in range, ratings 0 or
  // on the scale, no (respondent, outcome) pair answered twice, within the
  // batch or before) and only then stores. The error names the first
  // offending array index and value.
  absl::Status AddAnswers(const AnswerBatch& batch);

  // Competing solutions (docs/SCORING.md, "Competing solutions"): the index
  // of the solution named `name`, declared when new; names compare ignoring
  // ASCII case and keep their first spelling. INVALID_ARGUMENT when empty.
  absl::StatusOr<size_t> AddSolution(absl::string_view name);
  // All or nothing, like AddAnswers: indices in range, ratings 0 or on the
  // scale, no (respondent, solution, outcome) rated twice; the error names
  // the first offending array index.
  absl::Status AddSolutionAnswers(const SolutionAnswerBatch& batch);
  size_t solution_count() const { return solution_ratings_.solution_count(); }
  const std::vector<std::string>& solutions() const {
    return solution_ratings_.names();
  }
  // -1 when unknown (names compare ignoring case).
  ptrdiff_t FindSolution(absl::string_view name) const {
    return solution_ratings_.Find(name);
  }
  // 0 when not rated.
  int solution_satisfaction(size_t respondent, size_t solution,
                            size_t outcome) const {
    return solution_ratings_.Get(respondent, solution, outcome);
  }
  size_t solution_answer_count() const {
    return solution_ratings_.rating_count();
  }

  size_t outcome_count() const { return outcomes_.size(); }
  size_t respondent_count() const { return respondents_.size(); }
  const std::vector<Outcome>& outcomes() const { return outcomes_; }
  // -1 when unknown.
  ptrdiff_t FindOutcome(absl::string_view id) const;
  ptrdiff_t FindRespondent(absl::string_view id) const;
  const std::string& respondent_id(size_t respondent) const {
    return respondents_[respondent].id;
  }
  // Empty when the respondent has no such attribute.
  absl::string_view attribute(size_t respondent, absl::string_view name) const;
  // Attribute names in first-set order.
  const std::vector<std::string>& attribute_names() const {
    return attribute_names_;
  }

  // One respondent's whole row of answers at once (a wide file's row):
  // importance[o] and satisfaction[o] for every outcome o, 0 = no answer.
  // Stored, as AddAnswers would store them, only when the respondent has no
  // answer yet, both spans have outcome_count() entries and every rating is
  // 0 or on the scale; otherwise false and nothing changes (AddAnswers then
  // says what is wrong). No staging and no per-answer checks of repeats: a
  // survey's rows go in at the speed of a copy.
  bool AddAnswerRow(size_t respondent, absl::Span<const uint8_t> importance,
                    absl::Span<const uint8_t> satisfaction);

  // Whether the respondent answered the outcome (possibly with 0, 0), and
  // the ratings (0 = no answer). Inline: screening and segmentation call
  // them for every answer.
  bool HasAnswer(size_t respondent, size_t outcome) const {
    return Cell(respondent, outcome) != kNotGiven;
  }
  int importance(size_t respondent, size_t outcome) const {
    const uint16_t cell = Cell(respondent, outcome);
    return cell == kNotGiven ? 0 : cell >> 8;
  }
  int satisfaction(size_t respondent, size_t outcome) const {
    const uint16_t cell = Cell(respondent, outcome);
    return cell == kNotGiven ? 0 : cell & 0xFF;
  }
  size_t answer_count() const { return answer_count_; }

  // All respondents reduced to one aggregate (with weight sums when the
  // study is weighted).
  Aggregate ToAggregate() const;
  // The respondents whose `excluded` entry is false (empty: none excluded),
  // as if the others were not in the study: weighted only when a kept
  // weight differs from 1.
  Aggregate ToAggregate(const std::vector<bool>& excluded) const;
  // In one pass, the kept respondents (as above) reduced to the whole-sample
  // aggregate and one aggregate per distinct non-empty value of the
  // attribute segment_by (weighted, all of them, when a kept weight differs
  // from 1); NOT_FOUND when no respondent has that attribute.
  absl::StatusOr<SegmentedAggregate> ToSegmentedAggregate(
      absl::string_view segment_by,
      const std::vector<bool>& excluded = {}) const;

  // Opportunity report under options (method, confidence level, bootstrap);
  // with options.segment_by, also one report per distinct non-empty value of
  // that attribute (NOT_FOUND when no respondent has it), each compared with
  // the rest of the respondents. With options.screening enabled, the report
  // lists flagged respondents (core/screening.h) and, with exclude, scores
  // as if they were not in the study. INVALID_ARGUMENT for invalid options.
  absl::StatusOr<v1::Report> Score(const v1::ScoringOptions& options) const;

  v1::Study ToProto() const;
  // Errors name the offending path: "respondents[3].answers[1].importance".
  static absl::StatusOr<Study> FromProto(const v1::Study& proto);

 private:
  static constexpr uint16_t kNotGiven = 0xFFFF;
  struct Respondent {
    std::string id;
    // Indexed like attribute_names_; shorter when later names are unset.
    std::vector<std::string> attributes;
    // Indexed by outcome: (importance << 8) | satisfaction, or kNotGiven.
    // Shorter than outcome_count() when the last outcomes were not answered.
    std::vector<uint16_t> answers;
    double weight = 1;
    double duration_seconds = -1;  // -1: unknown
  };
  // An empty aggregate on this study's scale and outcomes, keeping weight
  // sums when the study is weighted.
  Aggregate EmptyAggregate() const;
  Aggregate EmptyAggregate(bool weighted) const;
  // Adds a respondent's (our satisfaction, solution's satisfaction) pairs to
  // the aggregate's solution tables (declared by EmptyAggregate).
  void AccumulateSolutions(size_t respondent, Aggregate* aggregate) const;
  uint16_t Cell(size_t respondent, size_t outcome) const {
    const std::vector<uint16_t>& row = respondents_[respondent].answers;
    return outcome < row.size() ? row[outcome] : kNotGiven;
  }

  Scale scale_;
  std::vector<Outcome> outcomes_;
  absl::flat_hash_map<std::string, size_t> outcome_index_;
  std::vector<Respondent> respondents_;
  absl::flat_hash_map<std::string, size_t> respondent_index_;
  std::vector<std::string> attribute_names_;
  absl::flat_hash_map<std::string, size_t> attribute_index_;
  size_t answer_count_ = 0;
  SolutionRatings solution_ratings_;
  size_t non_unit_weight_count_ = 0;
  absl::optional<v1::StudyDesign> design_;
};

}  // namespace jtbd

#endif  // JTBD_CORE_STUDY_H_
