#ifndef JTBD_SEGMENTS_SEGMENTATION_WARNINGS_H_
#define JTBD_SEGMENTS_SEGMENTATION_WARNINGS_H_

#include "jtbd/v1/segmentation.pb.h"

namespace jtbd {

// Below this mean silhouette the chosen segmentation gets a
// WARNING_CODE_NO_SUBSTANTIAL_STRUCTURE warning (Kaufman and Rousseeuw's
// "no substantial structure has been found" under 0.25).
inline constexpr double kWeakSilhouetteWarning = 0.25;

// Recomputes report->warnings: a weak structure, then each segment's
// small-sample and band-uncertain warnings (core/report_warnings.h), the
// segment named by its number. Idempotent.
void AddSegmentationWarnings(v1::SegmentationReport* report);

}  // namespace jtbd

#endif  // JTBD_SEGMENTS_SEGMENTATION_WARNINGS_H_
