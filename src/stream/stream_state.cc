// StreamScorer's saved state (v1::StreamState): written as it is held, read
// back with every field checked, so that a state no stream could have
// written (a fuzzed or hand-edited file) is refused, never scored.
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "jtbd/v1/aggregate.pb.h"
#include "stream/stream_scorer.h"

namespace jtbd {
namespace stream {
namespace {

constexpr uint32_t kStateFormatVersion = 1;

absl::Status Invalid(const std::string& what) {
  return absl::InvalidArgumentError(absl::StrCat("stream state: ", what));
}

// The same scale and outcome ids, in order.
bool SameShape(const Aggregate& a, const Aggregate& b) {
  if (a.scale() != b.scale() || a.outcome_count() != b.outcome_count()) {
    return false;
  }
  for (size_t o = 0; o < a.outcome_count(); ++o) {
    if (a.outcomes()[o].id != b.outcomes()[o].id) return false;
  }
  return a.solution_count() == 0 && b.solution_count() == 0;
}

// An aggregate from its serialized jtbd.v1.Aggregate.
absl::StatusOr<Aggregate> ParseAggregate(const std::string& bytes) {
  v1::Aggregate proto;
  if (!proto.ParseFromString(bytes)) {
    return absl::InvalidArgumentError("not a serialized jtbd.v1.Aggregate");
  }
  return Aggregate::FromProto(proto);
}

}  // namespace

v1::StreamState StreamScorer::ToProto() const {
  v1::StreamState state;
  state.set_format_version(kStateFormatVersion);
  *state.mutable_options() = options_;
  state.set_shape(shape_.ToProto().SerializeAsString());
  state.set_has_latest(has_latest_);
  state.set_latest_ms(latest_ms_);
  state.set_weighted(weighted_);
  for (const Bucket& bucket : buckets_) {
    v1::StreamBucket* out = state.add_buckets();
    out->set_start_ms(bucket.index * options_.bucket_width_ms());
    out->set_aggregate(bucket.aggregate.ToProto().SerializeAsString());
  }
  if (decayed()) {
    state.set_decayed(decayed_.ToProto().SerializeAsString());
    state.set_anchor_ms(anchor_ms_);
  }
  return state;
}

absl::Status StreamScorer::ReadBuckets(const v1::StreamState& state,
                                       StreamScorer* scorer) {
  const int64_t width = scorer->options_.bucket_width_ms();
  const int64_t count = scorer->options_.bucket_count();
  const int64_t latest_index = scorer->latest_ms_ / width;
  for (int b = 0; b < state.buckets_size(); ++b) {
    const v1::StreamBucket& in = state.buckets(b);
    const int64_t start = in.start_ms();
    if (start < 0 || start % width != 0) {
      return Invalid(absl::StrFormat(
          "bucket %d starts at %d ms, not a multiple of the bucket width %d", b,
          start, width));
    }
    const int64_t index = start / width;
    if (index > latest_index || index <= latest_index - count ||
        (!scorer->buckets_.empty() && index <= scorer->buckets_.back().index)) {
      return Invalid(absl::StrFormat(
          "bucket %d (at %d ms) is outside the window or out of order", b,
          start));
    }
    absl::StatusOr<Aggregate> aggregate = ParseAggregate(in.aggregate());
    if (!aggregate.ok()) {
      return Invalid(
          absl::StrFormat("bucket %d: %s", b, aggregate.status().message()));
    }
    if (!SameShape(*aggregate, scorer->shape_) ||
        aggregate->weighted() != scorer->weighted_ ||
        aggregate->respondent_count() == 0) {
      return Invalid(absl::StrFormat(
          "bucket %d has another scale, other outcomes, no answers or another "
          "weighting than the stream",
          b));
    }
    scorer->buckets_.push_back(Bucket{index, *std::move(aggregate)});
  }
  return absl::OkStatus();
}

absl::StatusOr<StreamScorer> StreamScorer::FromProto(
    const v1::StreamState& state) {
  if (state.format_version() != kStateFormatVersion) {
    return Invalid(absl::StrFormat(
        "format version %u is not supported (this library reads version %u)",
        state.format_version(), kStateFormatVersion));
  }
  absl::Status status = ValidateStreamOptions(state.options());
  if (!status.ok()) return status;
  absl::StatusOr<Aggregate> shape = ParseAggregate(state.shape());
  if (!shape.ok()) {
    return Invalid(absl::StrCat("shape: ", shape.status().message()));
  }
  if (shape->respondent_count() != 0 || shape->weighted() ||
      shape->solution_count() != 0 || shape->outcome_count() == 0) {
    return Invalid(
        "the shape must be an unweighted aggregate with outcomes, without "
        "answers or solutions");
  }
  if (state.latest_ms() < 0 ||
      (!state.has_latest() && state.latest_ms() != 0)) {
    return Invalid(absl::StrFormat("latest timestamp %d ms is invalid",
                                   state.latest_ms()));
  }
  StreamScorer scorer(*std::move(shape), state.options());
  scorer.has_latest_ = state.has_latest();
  scorer.latest_ms_ = state.latest_ms();
  scorer.weighted_ = state.weighted();
  if (!scorer.decayed()) {
    if (!state.decayed().empty() || state.anchor_ms() != 0) {
      return Invalid("a window stream has decayed counts");
    }
    if (!scorer.has_latest_ && state.buckets_size() != 0) {
      return Invalid("buckets without a latest timestamp");
    }
    status = ReadBuckets(state, &scorer);
    if (!status.ok()) return status;
    return scorer;
  }
  if (state.buckets_size() != 0 || state.weighted()) {
    return Invalid("a decayed stream has buckets or a weighted flag");
  }
  absl::StatusOr<Aggregate> decayed = ParseAggregate(state.decayed());
  if (!decayed.ok()) {
    return Invalid(
        absl::StrCat("decayed counts: ", decayed.status().message()));
  }
  if (!SameShape(*decayed, scorer.shape_)) {
    return Invalid("the decayed counts have another scale or other outcomes");
  }
  const double half_life = static_cast<double>(state.options().half_life_ms());
  const double since_anchor = static_cast<double>(state.latest_ms()) -
                              static_cast<double>(state.anchor_ms());
  if (state.anchor_ms() < 0 || since_anchor < 0 ||
      since_anchor > kReanchorHalfLives * half_life ||
      (!state.has_latest() &&
       (decayed->respondent_count() != 0 || state.anchor_ms() != 0))) {
    return Invalid(
        absl::StrFormat("anchor %d ms does not fit the latest timestamp %d ms",
                        state.anchor_ms(), state.latest_ms()));
  }
  decayed->EnableWeights();
  scorer.decayed_ = *std::move(decayed);
  scorer.anchor_ms_ = state.anchor_ms();
  return scorer;
}

}  // namespace stream
}  // namespace jtbd
