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

struct AttributeProfileOptions {
  // An attribute with more than this many distinct values...
  static constexpr size_t kHighCardinalityMinDistinct = 10;
  // ...that are more than this share of its respondents is set aside.
  static constexpr double kHighCardinalityShare = 0.5;
  static constexpr uint32_t kDefaultMinCount = 5;

  // Holm-adjusted p-values below alpha are significant.
  double alpha = 0.05;
  // A value held by fewer respondents of the segment is never listed.
  uint32_t min_count = kDefaultMinCount;
};

// True for an attribute whose values are mostly unique among the
// respondents who have one (more than kHighCardinalityMinDistinct distinct
// values, and more than kHighCardinalityShare of those respondents): an
// identifier, an e-mail address or free text, which describes respondents,
// not segments. Segment profiles set such attributes aside, and `jtbd
// inspect` says which ones it would.
bool IsMostlyUniqueAttribute(size_t distinct_values,
                             size_t respondents_with_value);

struct AttributeProfiles {
  // Per segment 1..k (index s - 1), its over-represented values.
  std::vector<std::vector<v1::AttributeOverrepresentation>> segments;
  // Attributes left out, in the study's attribute order.
  std::vector<v1::SetAsideAttribute> set_aside;
};

// The respondent attribute values over-represented in each segment.
//
// First, attributes whose values are mostly unique among the clustered
// respondents who have one (distinct values > kHighCardinalityShare of them
// and > kHighCardinalityMinDistinct) are set aside: identifiers, email
// addresses and free text describe respondents, not segments, and testing
// their thousands of one-respondent values only produces noise.
//
// For every other attribute and segment, each value's count in the segment
// is tested against the rest of the clustered respondents who have the
// attribute by a one-sided Fisher exact test, mid-p (stats/fisher_exact.h:
// exact for small counts, where the pooled z-test called a value held by a
// single respondent of a 50-respondent segment significant; mid-p because
// Fisher's own p is conservative by discreteness, and Holm already guards
// the family). The p-values are Holm-adjusted across the values of that
// attribute tested for that segment (one family per attribute and segment).
// Values held by fewer than min_count clustered respondents in all are not
// tested (they could never be listed; their total is a margin the test
// conditions on, so leaving them out does not bias the others). A value is
// listed when at least min_count of the segment's respondents hold it, its
// segment share is larger and its adjusted p-value is below alpha, largest
// lift first (a value absent from the rest first; then attribute and value
// in first-seen order).
//
// clusters: per study respondent, its segment 1..k or 0 (not clustered,
// ignored). Respondents count unweighted. INVALID_ARGUMENT when clusters
// does not have one entry per respondent or holds a segment above k.
absl::StatusOr<AttributeProfiles> FindOverrepresentedAttributes(
    const Study& study, absl::Span<const uint32_t> clusters, size_t k,
    const AttributeProfileOptions& options);

}  // namespace jtbd

#endif  // JTBD_SEGMENTS_ATTRIBUTE_OVERREPRESENTATION_H_
