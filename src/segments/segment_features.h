#ifndef JTBD_SEGMENTS_SEGMENT_FEATURES_H_
#define JTBD_SEGMENTS_SEGMENT_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "core/study.h"
#include "jtbd/v1/segmentation.pb.h"
#include "segments/feature_matrix.h"
#include "segments/segment_model.h"

namespace jtbd {

// A study's respondents as points to cluster, and the transformation that
// made them (a SegmentModel without centroids yet).
struct SegmentFeatures {
  SegmentModel model;
  // One row per clustered respondent, in the clustering space.
  segments::FeatureMatrix points;
  // The study index of each row.
  std::vector<size_t> respondents;
  // Outcomes whose feature did not vary (or that nobody answered).
  std::vector<std::string> dropped_outcome_ids;
  // With principal components: every eigenvalue of the correlation matrix,
  // largest first.
  std::vector<double> eigenvalues;
  // Features imputed with the outcome's mean.
  uint64_t imputed_count = 0;
};

// Per respondent and outcome the feature (OutcomeFeature); outcomes whose
// observed feature takes a single value (or none) dropped; respondents
// without any observed feature on the kept outcomes left out (not
// clustered); a missing feature imputed with the outcome's mean over the
// respondents who gave both ratings; each outcome standardised to mean 0
// and standard deviation 1 (divisor n - 1, as R's scale()); with
// principal_components, projected on the components of the correlation
// matrix with eigenvalue above 1 (KaiserComponentCount). Rows are computed
// with SegmentModel::Standardize and Project, exactly as a saved model
// computes a new respondent's. FAILED_PRECONDITION when no outcome varies
// or fewer than 2 respondents can be clustered; INVALID_ARGUMENT for an
// unspecified feature.
absl::StatusOr<SegmentFeatures> BuildSegmentFeatures(const Study& study,
                                                     v1::SegmentFeature feature,
                                                     bool principal_components);

}  // namespace jtbd

#endif  // JTBD_SEGMENTS_SEGMENT_FEATURES_H_
