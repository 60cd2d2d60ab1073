#include "stream/stream_scorer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "absl/strings/str_format.h"
#include "core/scoring.h"

namespace jtbd {
namespace stream {
namespace {

// floor(t / width) for t >= 0, width > 0.
int64_t BucketIndex(int64_t t, int64_t width) { return t / width; }

absl::Status CheckWeight(double weight) {
  if (!std::isfinite(weight) || !(weight > 0) || weight > kMaxWeight) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "weight %g must be finite, greater than 0 and at most %g", weight,
        kMaxWeight));
  }
  return absl::OkStatus();
}

// Below this a squared weight sum is an answer decayed away (about 2^-930:
// far below any weight a fresh answer may have, and far above the
// subnormals where products lose precision).
constexpr double kDecayedAway = 1e-280;

}  // namespace

absl::Status ValidateStreamOptions(const v1::StreamOptions& options) {
  const bool window =
      options.bucket_width_ms() != 0 || options.bucket_count() != 0;
  const bool decay = options.half_life_ms() != 0;
  if (window == decay) {
    return absl::InvalidArgumentError(
        "stream options: give either a window (bucket_width_ms and "
        "bucket_count) or a half_life_ms, not both and not neither");
  }
  if (decay && options.half_life_ms() < 0) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "stream options: half_life_ms = %d must be greater than 0",
        options.half_life_ms()));
  }
  if (window) {
    if (options.bucket_width_ms() <= 0) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "stream options: bucket_width_ms = %d must be greater than 0",
          options.bucket_width_ms()));
    }
    if (options.bucket_count() == 0 ||
        options.bucket_count() > kMaxBucketCount) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "stream options: bucket_count = %u must be between 1 and %u",
          options.bucket_count(), kMaxBucketCount));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<Aggregate> ScaleWeights(const Aggregate& aggregate,
                                       double factor) {
  if (!aggregate.weighted()) return aggregate;
  v1::Aggregate proto = aggregate.ToProto();
  const double square = factor * factor;
  auto scale_table = [&](auto* table) {
    for (int k = 0; k < table->cells_size(); ++k) {
      double w = table->weight_sums(k) * factor;
      double w2 = table->weight_square_sums(k) * square;
      if (table->cells(k) != 0 && !(w2 >= kDecayedAway)) {
        table->set_cells(k, 0);
        w = 0;
        w2 = 0;
      }
      table->set_weight_sums(k, w);
      table->set_weight_square_sums(k, w2);
    }
  };
  for (v1::OutcomeTable& table : *proto.mutable_outcomes()) {
    scale_table(&table);
  }
  for (v1::SolutionTable& table : *proto.mutable_solution_tables()) {
    scale_table(&table);
  }
  if (proto.outcomes_size() > 0) {
    uint64_t left = 0;
    for (uint64_t c : proto.outcomes(0).cells()) left += c;
    proto.set_respondent_count(left);
  }
  return Aggregate::FromProto(proto);
}

StreamScorer::StreamScorer(Aggregate shape, const v1::StreamOptions& options)
    : shape_(shape), options_(options), decayed_(std::move(shape)) {
  if (decayed()) decayed_.EnableWeights();
}

absl::StatusOr<StreamScorer> StreamScorer::Create(
    Scale scale, std::vector<Outcome> outcomes,
    const v1::StreamOptions& options) {
  absl::Status status = ValidateStreamOptions(options);
  if (!status.ok()) return status;
  if (outcomes.empty()) {
    return absl::InvalidArgumentError("a stream needs at least one outcome");
  }
  absl::StatusOr<Aggregate> shape =
      Aggregate::Create(scale, std::move(outcomes));
  if (!shape.ok()) return shape.status();
  return StreamScorer(*std::move(shape), options);
}

absl::Status StreamScorer::Append(int64_t timestamp_ms,
                                  absl::Span<const uint8_t> importance,
                                  absl::Span<const uint8_t> satisfaction,
                                  std::optional<double> weight) {
  if (timestamp_ms < 0) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "timestamp %d ms is before 1970 (Unix milliseconds, >= 0)",
        timestamp_ms));
  }
  if (weight) {
    absl::Status status = CheckWeight(*weight);
    if (!status.ok()) return status;
  }
  if (decayed()) {
    return AppendDecayed(timestamp_ms, importance, satisfaction,
                         weight.value_or(1.0));
  }
  return AppendWindow(timestamp_ms, importance, satisfaction, weight);
}

absl::StatusOr<Aggregate> StreamScorer::NewBucketAggregate() const {
  Aggregate bucket = shape_;
  if (weighted_) bucket.EnableWeights();
  return bucket;
}

absl::Status StreamScorer::AppendWindow(int64_t t,
                                        absl::Span<const uint8_t> importance,
                                        absl::Span<const uint8_t> satisfaction,
                                        std::optional<double> weight) {
  const int64_t width = options_.bucket_width_ms();
  const int64_t count = options_.bucket_count();
  const int64_t index = BucketIndex(t, width);
  const int64_t latest_index = BucketIndex(latest_ms_, width);
  if (has_latest_ && index <= latest_index - count) {
    return absl::OutOfRangeError(absl::StrFormat(
        "answer at %d ms is older than the window, which starts at %d ms "
        "(latest answer at %d ms; %d buckets of %d ms)",
        t, (latest_index - count + 1) * width, latest_ms_, count, width));
  }
  // The ratings go into the bucket first: the only step that can fail, and
  // all or nothing (Aggregate::Add*Respondents).
  auto add = [&](Aggregate* bucket) {
    if (weight) {
      const double w[] = {*weight};
      return bucket->AddWeightedRespondents(1, importance, satisfaction, w);
    }
    return bucket->AddRespondents(1, importance, satisfaction);
  };
  // Buckets are sorted by index: the first not before this answer's.
  auto it = std::lower_bound(
      buckets_.begin(), buckets_.end(), index,
      [](const Bucket& bucket, int64_t i) { return bucket.index < i; });
  if (it != buckets_.end() && it->index == index) {
    absl::Status status = add(&it->aggregate);
    if (!status.ok()) return status;
  } else {
    absl::StatusOr<Aggregate> bucket = NewBucketAggregate();
    if (!bucket.ok()) return bucket.status();
    absl::Status status = add(&*bucket);
    if (!status.ok()) return status;
    buckets_.insert(it, Bucket{index, *std::move(bucket)});
  }
  if (weight && !weighted_) {
    weighted_ = true;
    for (Bucket& bucket : buckets_) bucket.aggregate.EnableWeights();
  }
  if (!has_latest_ || t > latest_ms_) {
    has_latest_ = true;
    latest_ms_ = t;
    while (!buckets_.empty() && buckets_.front().index <= index - count) {
      buckets_.pop_front();
    }
  }
  return absl::OkStatus();
}

absl::Status StreamScorer::AppendDecayed(int64_t t,
                                         absl::Span<const uint8_t> importance,
                                         absl::Span<const uint8_t> satisfaction,
                                         double weight) {
  const double half_life = static_cast<double>(options_.half_life_ms());
  if (has_latest_ &&
      static_cast<double>(latest_ms_ - t) > kMaxLatenessHalfLives * half_life) {
    return absl::OutOfRangeError(absl::StrFormat(
        "answer at %d ms is more than %d half-lives (%d ms each) older than "
        "the latest answer (%d ms): its weight would be below 2^-%d",
        t, kMaxLatenessHalfLives, options_.half_life_ms(), latest_ms_,
        kMaxLatenessHalfLives));
  }
  const int64_t anchor = has_latest_ ? anchor_ms_ : t;
  if (t > anchor &&
      static_cast<double>(t - anchor) > kReanchorHalfLives * half_life) {
    // Rare (every 64 half-lives): the answer goes into a moved copy, which
    // replaces the table only once the answer is in.
    absl::StatusOr<Aggregate> moved = ScaleWeights(
        decayed_, std::exp2(-static_cast<double>(t - anchor) / half_life));
    if (!moved.ok()) return moved.status();
    moved->EnableWeights();
    const double stored[] = {weight};
    absl::Status status =
        moved->AddWeightedRespondents(1, importance, satisfaction, stored);
    if (!status.ok()) return status;
    decayed_ = *std::move(moved);
    anchor_ms_ = t;
  } else {
    // All or nothing (Aggregate::AddWeightedRespondents validates first).
    const double stored[] = {
        weight * std::exp2(static_cast<double>(t - anchor) / half_life)};
    absl::Status status =
        decayed_.AddWeightedRespondents(1, importance, satisfaction, stored);
    if (!status.ok()) return status;
    anchor_ms_ = anchor;
  }
  if (!has_latest_ || t > latest_ms_) {
    has_latest_ = true;
    latest_ms_ = t;
  }
  return absl::OkStatus();
}

absl::StatusOr<Aggregate> StreamScorer::Current() const {
  if (decayed()) {
    if (!has_latest_) return decayed_;
    return ScaleWeights(
        decayed_, std::exp2(-static_cast<double>(latest_ms_ - anchor_ms_) /
                            static_cast<double>(options_.half_life_ms())));
  }
  absl::StatusOr<Aggregate> window = NewBucketAggregate();
  if (!window.ok()) return window.status();
  for (const Bucket& bucket : buckets_) {
    absl::Status status = window->Merge(bucket.aggregate);
    if (!status.ok()) return status;
  }
  return window;
}

absl::StatusOr<v1::Report> StreamScorer::Score(
    const v1::ScoringOptions& options) const {
  absl::StatusOr<Aggregate> current = Current();
  if (!current.ok()) return current.status();
  return ScoreAggregate(*current, options);
}

}  // namespace stream
}  // namespace jtbd
