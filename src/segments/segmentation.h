#ifndef JTBD_SEGMENTS_SEGMENTATION_H_
#define JTBD_SEGMENTS_SEGMENTATION_H_

#include <cstdint>
#include <optional>

#include "absl/status/statusor.h"
#include "core/scoring.h"
#include "core/study.h"
#include "jtbd/v1/segmentation.pb.h"
#include "segments/attribute_overrepresentation.h"
#include "segments/segment_model.h"

namespace jtbd {

// SegmentationOptions checked, with their defaults filled in.
struct SegmentationPlan {
  static constexpr uint32_t kDefaultMinK = 2;
  static constexpr uint32_t kDefaultMaxK = 8;
  static constexpr uint32_t kDefaultStarts = 25;
  static constexpr uint32_t kDefaultMaxIterations = 100;
  static constexpr uint64_t kDefaultSeed = 42;  // jtbdtools' seed
  // Up to this many respondents every silhouette is computed; above, a
  // seeded sample of this many is evaluated (against every respondent).
  static constexpr uint32_t kDefaultSilhouetteSampleSize = 5000;
  // Bounds on the work one request can ask for.
  static constexpr uint32_t kMaxK = 100;
  static constexpr uint32_t kMaxStarts = 10000;
  static constexpr uint32_t kMaxIterations = 10000;
  static constexpr uint32_t kMaxThreads = 256;

  v1::SegmentFeature feature = v1::SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY;
  bool principal_components = false;
  uint32_t k = 0;  // 0: choose between min_k and max_k
  uint32_t min_k = kDefaultMinK;
  uint32_t max_k = kDefaultMaxK;
  uint32_t starts = kDefaultStarts;
  uint32_t max_iterations = kDefaultMaxIterations;
  uint64_t seed = kDefaultSeed;
  unsigned threads = 0;  // 0: one per core
  // Respondents evaluated for the silhouette; 0 = all.
  uint32_t silhouette_sample_size = kDefaultSilhouetteSampleSize;
  // Fewest segment respondents holding an attribute value for it to be
  // listed as over-represented (0 and 1: any).
  uint32_t min_attribute_count = AttributeProfileOptions::kDefaultMinCount;
  ScoringPlan scoring;
};

// INVALID_ARGUMENT, naming the option, for an unknown feature, k = 1 or
// above kMaxK, min_k < 2, max_k < min_k or above kMaxK, too many starts,
// iterations or threads, or invalid scoring options (segment_by set
// included).
absl::StatusOr<SegmentationPlan> MakeSegmentationPlan(
    const v1::SegmentationOptions& options);

struct Segmentation {
  v1::SegmentationReport report;
  SegmentModel model;
};

// Outcome-based segmentation (domain.md section 6, docs/SEGMENTS.md):
// features (BuildSegmentFeatures), k-means with k-means++ starts for each k
// (FitKMeans), k chosen by the highest mean silhouette (the smaller k on a
// tie) unless given, segments numbered by size (largest first, ties by
// their first respondent), and per segment its share, its opportunity
// scores with intervals compared with the rest of the clustered
// respondents (ScoreAggregate, CompareSegment: z-tests with Holm), and its
// over-represented attribute values (FindOverrepresentedAttributes; the
// attributes it sets aside are listed in the report). The model reproduces every clustered
// respondent's segment. FAILED_PRECONDITION when the study cannot be
// segmented into the k asked (too few respondents, no varying outcome,
// fewer distinct respondents than k).
absl::StatusOr<Segmentation> SegmentStudy(
    const Study& study, const v1::SegmentationOptions& options);

}  // namespace jtbd

#endif  // JTBD_SEGMENTS_SEGMENTATION_H_
