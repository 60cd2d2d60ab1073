// Alerts: the outcomes whose opportunity moved significantly since a
// reference. The test and its multiplicity control are the wave
// comparison's (waves::CompareWaves: the reference as the first wave, the
// stream's current state as the second; every test of the comparison
// adjusted as one family, Holm by default), so an alert is exactly an
// outcome `jtbd compare` would flag on its opportunity.
#ifndef JTBD_STREAM_STREAM_ALERTS_H_
#define JTBD_STREAM_STREAM_ALERTS_H_

#include "absl/status/statusor.h"
#include "core/aggregate.h"
#include "jtbd/v1/scoring.pb.h"
#include "jtbd/v1/stream.pb.h"
#include "stream/stream_scorer.h"

namespace jtbd {
namespace stream {

// The reference is a saved aggregate, or an earlier window (a copy of
// StreamScorer::Current() kept by the caller). From `options`,
// confidence_level, p_value_adjustment and method are used, as by
// CompareWaves, whose refusals these are (FAILED_PRECONDITION for another
// scale or no outcome in common).
absl::StatusOr<v1::StreamAlerts> StreamAlerts(
    const StreamScorer& stream, const Aggregate& reference,
    const v1::ScoringOptions& options);

}  // namespace stream
}  // namespace jtbd

#endif  // JTBD_STREAM_STREAM_ALERTS_H_
