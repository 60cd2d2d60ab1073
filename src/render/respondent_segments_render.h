// Renderings of respondents tagged with their segments: what `jtbd segment`
// prints as CSV, and what `jtbd segment --apply` prints in every format.
#ifndef JTBD_RENDER_RESPONDENT_SEGMENTS_RENDER_H_
#define JTBD_RENDER_RESPONDENT_SEGMENTS_RENDER_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "jtbd/v1/segmentation.pb.h"

namespace jtbd {

using RespondentSegments =
    google::protobuf::RepeatedPtrField<v1::RespondentSegment>;

// Aligned text: one row per respondent (segment "-" when not placed), then
// how many respondents each of the k segments received.
std::string RenderRespondentSegmentsTable(const RespondentSegments& respondents,
                                          uint32_t k);

// {"respondents": [{"respondentId": ..., "cluster": ...}, ...]}, one
// respondent per line, newline-terminated.
absl::StatusOr<std::string> RenderRespondentSegmentsJson(
    const RespondentSegments& respondents);

// RFC 4180 CSV (CRLF): "respondent_id,cluster", then one row per
// respondent (cluster 0: not placed).
std::string RenderRespondentSegmentsCsv(const RespondentSegments& respondents);

}  // namespace jtbd

#endif  // JTBD_RENDER_RESPONDENT_SEGMENTS_RENDER_H_
