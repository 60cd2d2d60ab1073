#include "stream/stream_alerts.h"

#include <utility>

#include "waves/compare_waves.h"

namespace jtbd {
namespace stream {

absl::StatusOr<v1::StreamAlerts> StreamAlerts(
    const StreamScorer& stream, const Aggregate& reference,
    const v1::ScoringOptions& options) {
  absl::StatusOr<Aggregate> current = stream.Current();
  if (!current.ok()) return current.status();
  absl::StatusOr<v1::WaveComparison> comparison =
      waves::CompareWaves(reference, *current, options);
  if (!comparison.ok()) return comparison.status();
  v1::StreamAlerts alerts;
  alerts.set_as_of_ms(stream.latest_ms());
  for (const v1::OutcomeChange& change : comparison->changes()) {
    // The opportunity's own test, adjusted with the whole family: an
    // outcome whose importance alone moved is not an opportunity alert.
    if (change.has_opportunity() && change.opportunity().significant()) {
      *alerts.add_alerts() = change;
    }
  }
  *alerts.mutable_comparison() = *std::move(comparison);
  return alerts;
}

}  // namespace stream
}  // namespace jtbd
