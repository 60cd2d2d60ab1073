#ifndef JTBD_SEGMENTS_SEGMENT_MODEL_H_
#define JTBD_SEGMENTS_SEGMENT_MODEL_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "core/scale.h"
#include "core/study.h"
#include "jtbd/v1/segmentation.pb.h"
#include "segments/feature_matrix.h"

namespace jtbd {

// One outcome's feature for one respondent: for top-box opportunity,
// a = 10 [importance top box], b = 10 [satisfaction top box], a + max(a - b,
// 0); for rating opportunity, importance + max(importance - satisfaction,
// 0). Absent when either rating is 0 (not given). Ratings must be 0 or on
// the scale; feature must not be unspecified.
std::optional<double> OutcomeFeature(v1::SegmentFeature feature,
                                     const Scale& scale, int importance,
                                     int satisfaction);

// "top_box_opportunity", "rating_opportunity" ("unspecified" otherwise).
const char* SegmentFeatureName(v1::SegmentFeature feature);

// One answer of a respondent being tagged, by outcome id; ratings 0 = not
// given.
struct RatedOutcome {
  absl::string_view outcome_id;
  int importance = 0;
  int satisfaction = 0;
};

// A respondent's segment under a model.
struct SegmentAssignment {
  uint32_t cluster = 0;       // 1..k
  double distance = 0;        // Euclidean, to the segment's centroid
  size_t observed_count = 0;  // model outcomes with both ratings given
};

// A fitted segmentation that tags respondents one at a time, the way the
// fit assigned them: per model outcome the feature (OutcomeFeature), the
// outcome's mean when a rating is missing, standardised with the fit's
// mean and standard deviation, projected on the principal components when
// the fit used them, then the nearest centroid (the lowest segment on a
// tie). Saved as jtbd.v1.SegmentModel.
class SegmentModel {
 public:
  static constexpr uint32_t kFormatVersion = 1;

  struct Parts {
    v1::SegmentFeature feature = v1::SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY;
    Scale scale;
    std::vector<std::string> outcome_ids;
    std::vector<double> means;                // per outcome
    std::vector<double> standard_deviations;  // per outcome, > 0
    // Components: eigenvalues and loadings (outcomes x components); no
    // columns without principal components.
    std::vector<double> eigenvalues;
    segments::FeatureMatrix loadings;
    segments::FeatureMatrix centroids;  // k x dimension
    uint64_t seed = 0;
    uint32_t starts = 0;
    double inertia = 0;
  };

  // INVALID_ARGUMENT (naming the part) for an unspecified feature, a bad
  // scale, no, empty or repeated outcome ids, sizes that disagree, values
  // that are not finite or standard deviations not above 0. A model without
  // centroids (a fit in progress) standardises and projects but does not
  // assign.
  static absl::StatusOr<SegmentModel> Create(Parts parts);
  // Also refuses format versions other than kFormatVersion, k disagreeing
  // with the centroids, and a model without centroids.
  static absl::StatusOr<SegmentModel> FromProto(const v1::SegmentModel& proto);
  v1::SegmentModel ToProto() const;

  v1::SegmentFeature feature() const { return parts_.feature; }
  const Scale& scale() const { return parts_.scale; }
  const std::vector<std::string>& outcome_ids() const {
    return parts_.outcome_ids;
  }
  size_t outcome_count() const { return parts_.outcome_ids.size(); }
  size_t component_count() const { return parts_.loadings.columns; }
  // Coordinates of the clustering space: components, else outcomes.
  size_t dimension() const {
    return component_count() != 0 ? component_count() : outcome_count();
  }
  size_t k() const { return parts_.centroids.rows; }
  const Parts& parts() const { return parts_; }

  // Standardised features of one respondent's ratings (validated, 0 = not
  // given), in model outcome order; a missing feature is the outcome's mean,
  // so it standardises to 0. Returns how many features were observed.
  size_t Standardize(absl::Span<const uint8_t> importance,
                     absl::Span<const uint8_t> satisfaction,
                     double* standardized) const;
  // Coordinates of standardised features (outcome_count values) in the
  // clustering space (dimension values): the projection on the components,
  // or a copy.
  void Project(const double* standardized, double* coordinates) const;

  // Tags ratings given in model outcome order (outcome_count each).
  // INVALID_ARGUMENT for other sizes or ratings off the model's scale;
  // FAILED_PRECONDITION when no model outcome has both ratings (nothing to
  // place the respondent by) or the model has no centroids.
  absl::StatusOr<SegmentAssignment> AssignRatings(
      absl::Span<const uint8_t> importance,
      absl::Span<const uint8_t> satisfaction) const;
  // Tags answers given by outcome id, in any order; ids the model does not
  // cluster on are ignored. INVALID_ARGUMENT for an id given twice.
  absl::StatusOr<SegmentAssignment> Assign(
      absl::Span<const RatedOutcome> answers) const;
  // Tags every respondent of a study (outcomes matched by id; a model
  // outcome the study lacks counts as not answered): 1..k, or 0 for a
  // respondent without any usable answer. FAILED_PRECONDITION when the
  // study's scale differs from the model's.
  absl::StatusOr<std::vector<uint32_t>> AssignStudy(const Study& study) const;

 private:
  explicit SegmentModel(Parts parts) : parts_(std::move(parts)) {}
  absl::StatusOr<SegmentAssignment> Place(
      absl::Span<const uint8_t> importance,
      absl::Span<const uint8_t> satisfaction) const;

  Parts parts_;
};

}  // namespace jtbd

#endif  // JTBD_SEGMENTS_SEGMENT_MODEL_H_
