// The multiplicity control of a wave comparison: which tests are adjusted
// together, and what `significant` means.
#ifndef JTBD_WAVES_CHANGE_FAMILY_H_
#define JTBD_WAVES_CHANGE_FAMILY_H_

#include <cstddef>

#include "absl/types/span.h"
#include "core/scoring.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "jtbd/v1/waves.pb.h"

namespace jtbd {
namespace waves {

using OutcomeChanges = google::protobuf::RepeatedPtrField<v1::OutcomeChange>;

// Adjusts every test of these changes (importance, satisfaction and
// opportunity of every outcome, of every group given) as ONE family, by
// plan.p_value_adjustment (Holm: family-wise error rate; BH: false
// discovery rate), sets each test's adjusted_p_value and significant
// (adjusted p < alpha = 1 - confidence level), and each change's
// significant (any of its tests significant). One family rather than one
// per measure, because `significant` flags an outcome on any of its three
// tests: under Holm the chance that a comparison without any real change
// flags some outcome stays at most alpha. Returns the family's size.
size_t AdjustChanges(absl::Span<OutcomeChanges* const> groups,
                     const ScoringPlan& plan);

}  // namespace waves
}  // namespace jtbd

#endif  // JTBD_WAVES_CHANGE_FAMILY_H_
