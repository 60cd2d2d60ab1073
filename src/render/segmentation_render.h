#ifndef JTBD_RENDER_SEGMENTATION_RENDER_H_
#define JTBD_RENDER_SEGMENTATION_RENDER_H_

#include <string>

#include "absl/status/statusor.h"
#include "jtbd/v1/segmentation.pb.h"

namespace jtbd {

// Aligned text for people: the feature and k (chosen or given), the
// silhouette per candidate k, then per segment its size, share, silhouette,
// the outcomes most underserved in it (opportunity with interval, band)
// and those significantly more underserved than in the rest, and its
// over-represented attribute values. Numbers rounded for display only.
std::string RenderSegmentationTable(const v1::SegmentationReport& report);

// The protobuf JSON mapping of the report (lowerCamelCase, enums by name,
// default values printed, numbers unrounded), newline-terminated; carries
// `respondents` ({respondentId, cluster}) and `segments` (the profiles).
absl::StatusOr<std::string> RenderSegmentationJson(
    const v1::SegmentationReport& report);

// RFC 4180 CSV of the respondents' segments, "respondent_id,cluster" then
// one row per respondent (cluster 0: not clustered), for a CRM to import.
std::string RenderSegmentationCsv(const v1::SegmentationReport& report);

// What the CSV cannot carry without breaking its two columns, for a note
// beside it (the CLI writes it to stderr): the attributes set aside and
// why, one line; empty when there is nothing to say.
std::string RenderSegmentationNotes(const v1::SegmentationReport& report);

}  // namespace jtbd

#endif  // JTBD_RENDER_SEGMENTATION_RENDER_H_
