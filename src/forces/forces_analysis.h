#ifndef JTBD_FORCES_FORCES_ANALYSIS_H_
#define JTBD_FORCES_FORCES_ANALYSIS_H_

#include <string>

#include "absl/status/statusor.h"
#include "forces/propensity_model.h"
#include "jtbd/v1/forces.pb.h"

namespace jtbd {
namespace forces {

// What AnalyzeForces computes, and how.
struct ForcesAnalysisOptions {
  // The attribute whose values are the segments; empty: "segment" when any
  // interview has it (any case), else no segments.
  std::string segment_by;
  // Level of every interval (prevalence, mean intensity, agreement,
  // coefficients).
  double confidence_level = 0.95;
  // Whether to fit the propensity model at all.
  bool fit_model = true;
  // The model's fit and validation (its confidence_level is replaced by
  // the one above). Its segment_by, when set, adds segment dummies.
  PropensityOptions model;
};

// The analysis of docs/FORCES.md, on interviews that ValidateInterviews
// accepts:
// - per force, over all interviews, per segment, per solution left and per
//   solution hired: prevalence (share of interviews mentioning it) with its
//   Wilson interval; mean intensity among the interviews that mention it
//   with a Student t interval (n - 1 degrees of freedom; none below 2;
//   cut to the 1-5 scale);
// - per interview the balance push + pull - anxiety - habit (intensities,
//   0 when not mentioned), and how often "balance > 0" agrees with the
//   outcome (Wilson interval);
// - per timeline stage, the days to the next dated stage (median and
//   quartiles, linear interpolation between order statistics);
// - per force, switchers against stayers: Mann-Whitney U on the
//   intensities (0 included), two-sided, Holm-adjusted over the four forces
//   (absent when either group is empty);
// - the propensity model (FitAndValidatePropensityModel); when it cannot
//   be fitted (every interview switched, or stayed; too few of one) the
//   report carries model_note instead, and the rest of the analysis stands.
// INVALID_ARGUMENT for options out of range, and for a segment_by (of the
// analysis or the model) that no interview has a value of.
absl::StatusOr<v1::ForcesReport> AnalyzeForces(
    const v1::SwitchInterviews& interviews,
    const ForcesAnalysisOptions& options);

}  // namespace forces
}  // namespace jtbd

#endif  // JTBD_FORCES_FORCES_ANALYSIS_H_
