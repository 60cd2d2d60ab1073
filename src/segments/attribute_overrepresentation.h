#ifndef JTBD_SEGMENTS_ATTRIBUTE_OVERREPRESENTATION_H_
#define JTBD_SEGMENTS_ATTRIBUTE_OVERREPRESENTATION_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "core/study.h"
#include "jtbd/v1/segmentation.pb.h"

namespace jtbd {

// The respondent attribute values over-represented in each segment. For
// every attribute and segment, each value's share among the segment's
// respondents who have the attribute is compared with its share among the
// rest of the clustered respondents who have it, by a pooled
// two-proportion z-test; p-values are Holm-adjusted across the values of
// that attribute (one family per attribute and segment, so that an
// identifier-like attribute with thousands of values does not drown a
// role with three). A value is listed when its segment share is larger and
// its adjusted p-value is below alpha, largest lift first (a value absent
// from the rest first; then attribute and value in first-seen order).
// clusters: per study respondent, its segment 1..k or 0 (not clustered,
// ignored). Respondents count unweighted. Returns one list per segment.
// INVALID_ARGUMENT when clusters does not have one entry per respondent or
// holds a segment above k.
absl::StatusOr<std::vector<std::vector<v1::AttributeOverrepresentation>>>
FindOverrepresentedAttributes(const Study& study,
                              absl::Span<const uint32_t> clusters, size_t k,
                              double alpha);

}  // namespace jtbd

#endif  // JTBD_SEGMENTS_ATTRIBUTE_OVERREPRESENTATION_H_
