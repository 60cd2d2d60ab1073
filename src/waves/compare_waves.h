// "What changed since the last wave": two waves of a survey (aggregates
// read from any export format, or saved), compared outcome by outcome
// (docs/SCORING.md, "Comparing waves"). The entry point of `jtbd compare`
// and of the faces that will offer it.
#ifndef JTBD_WAVES_COMPARE_WAVES_H_
#define JTBD_WAVES_COMPARE_WAVES_H_

#include "absl/status/statusor.h"
#include "core/aggregate.h"
#include "core/segmented_scoring.h"
#include "jtbd/v1/scoring.pb.h"
#include "jtbd/v1/waves.pb.h"

namespace jtbd {
namespace waves {

// Compares wave `first` (before) with wave `second` (after), independent
// samples. Outcomes are matched by id, whatever their order in each wave;
// one OutcomeChange per outcome in both (outcome_change.h), in the first
// wave's order, every test adjusted as one family (change_family.h);
// outcomes of one wave only are listed in one_wave_outcomes. From
// `options` only confidence_level, p_value_adjustment and method are used
// (segment_by is CompareSegmentedWaves's; the bootstrap is not used).
// Refusals: INVALID_ARGUMENT for invalid options (naming the option);
// FAILED_PRECONDITION when the waves are on different scales or top-box
// rules, or share no outcome id; OUT_OF_RANGE when a count exceeds a
// report's 32 bits.
absl::StatusOr<v1::WaveComparison> CompareWaves(
    const Aggregate& first, const Aggregate& second,
    const v1::ScoringOptions& options);

// The same, plus each segment (a value of the same attribute in both waves,
// matched by value) compared with itself across the waves; segments of
// one wave only are listed in one_wave_segments. The whole sample's tests
// form one family and all the segments' tests another (their sizes are
// family_size and segment_family_size). FAILED_PRECONDITION too when the
// waves were segmented by different attributes.
absl::StatusOr<v1::WaveComparison> CompareSegmentedWaves(
    const SegmentedAggregate& first, const SegmentedAggregate& second,
    const v1::ScoringOptions& options);

}  // namespace waves
}  // namespace jtbd

#endif  // JTBD_WAVES_COMPARE_WAVES_H_
