// Scores that stay current as answers arrive one respondent at a time
// (issue 15, item 2; docs/STREAMING.md). Times are Unix milliseconds.
//
// Two ways of forgetting, chosen at creation (v1::StreamOptions):
//   window: a sliding window of bucket_count fixed-width buckets, each an
//     Aggregate (one count table per outcome). The window is the bucket of
//     the latest timestamp and the bucket_count - 1 before it, so memory is
//     at most bucket_count tables per outcome, whatever the number of
//     answers. Answers out of order are put in the bucket of their own
//     timestamp while it is in the window, refused (OUT_OF_RANGE) when older.
//   decay: one weighted Aggregate whose weights halve every half_life_ms:
//     an answer at t with weight w weighs w * 2^-((latest - t) / half_life)
//     as of the latest timestamp. Constant memory. The decay is lazy: an
//     answer is stored as w * 2^((t - anchor) / half_life) against a fixed
//     anchor time and the whole table is scaled once, when read (and when the
//     anchor is moved forward, every kReanchorHalfLives half-lives, so that
//     the stored weights never overflow). Answers more than
//     kMaxLatenessHalfLives half-lives older than the latest are refused.
//
// Decayed counts are weights, not respondents: the scores use the weight
// sums and every interval and test uses Kish's effective count
// (sum w)^2 / sum w^2 of the decayed weights, as for any weighted
// aggregate (core/scoring.h); the report's counts stay the numbers of
// answers still held.
#ifndef JTBD_STREAM_STREAM_SCORER_H_
#define JTBD_STREAM_STREAM_SCORER_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "core/aggregate.h"
#include "core/outcome.h"
#include "core/scale.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"
#include "jtbd/v1/stream.pb.h"

namespace jtbd {
namespace stream {

// At most this many buckets in a window.
constexpr uint32_t kMaxBucketCount = 100000;
// Decay: the anchor moves forward when the latest answer is this many
// half-lives past it (stored weights stay below 2^64 times the largest
// weight, their squares far from overflowing).
constexpr int kReanchorHalfLives = 64;
// Decay: answers older than the latest by more than this many half-lives
// (weight below 2^-32 of a fresh one) are refused.
constexpr int kMaxLatenessHalfLives = 32;
// The largest weight an append may carry.
constexpr double kMaxWeight = 1e12;

// INVALID_ARGUMENT naming the field unless exactly one form is given with
// positive values (see v1::StreamOptions).
absl::Status ValidateStreamOptions(const v1::StreamOptions& options);

class StreamScorer {
 public:
  static absl::StatusOr<StreamScorer> Create(Scale scale,
                                             std::vector<Outcome> outcomes,
                                             const v1::StreamOptions& options);

  // Appends one respondent answered at timestamp_ms (>= 0): one importance
  // and one satisfaction rating per outcome, in the outcomes' order (0 = no
  // answer), and a weight (finite, > 0, at most kMaxWeight; none = 1). All
  // or nothing: a refused append (INVALID_ARGUMENT for ratings, their count
  // or the weight, naming the array index; OUT_OF_RANGE for a timestamp
  // older than the window) leaves the stream unchanged.
  absl::Status Append(int64_t timestamp_ms,
                      absl::Span<const uint8_t> importance,
                      absl::Span<const uint8_t> satisfaction,
                      std::optional<double> weight);

  // The answers the stream holds now as one aggregate: the window's buckets
  // merged, or the decayed weights as of the latest timestamp. Weighted
  // when the stream is decayed or an append carried a weight.
  absl::StatusOr<Aggregate> Current() const;
  // Current() scored as `jtbd score` scores an aggregate.
  absl::StatusOr<v1::Report> Score(const v1::ScoringOptions& options) const;

  const v1::StreamOptions& options() const { return options_; }
  const Aggregate& shape() const { return shape_; }
  bool decayed() const { return options_.half_life_ms() > 0; }
  bool has_latest() const { return has_latest_; }
  int64_t latest_ms() const { return latest_ms_; }
  // Buckets held (window; 0 under decay): never more than bucket_count.
  size_t buckets_held() const { return buckets_.size(); }

  // The saved state, and a stream from one (every field checked: a state
  // that could not have been written is INVALID_ARGUMENT).
  v1::StreamState ToProto() const;
  static absl::StatusOr<StreamScorer> FromProto(const v1::StreamState& state);

 private:
  struct Bucket {
    int64_t index;  // floor(t / bucket_width_ms)
    Aggregate aggregate;
  };
  StreamScorer(Aggregate shape, const v1::StreamOptions& options);
  absl::Status AppendWindow(int64_t t, absl::Span<const uint8_t> importance,
                            absl::Span<const uint8_t> satisfaction,
                            std::optional<double> weight);
  absl::Status AppendDecayed(int64_t t, absl::Span<const uint8_t> importance,
                             absl::Span<const uint8_t> satisfaction,
                             double weight);
  absl::StatusOr<Aggregate> NewBucketAggregate() const;
  static absl::Status ReadBuckets(const v1::StreamState& state,
                                  StreamScorer* scorer);

  Aggregate shape_;  // scale and outcomes, no answers
  v1::StreamOptions options_;
  bool has_latest_ = false;
  int64_t latest_ms_ = 0;
  bool weighted_ = false;
  std::deque<Bucket> buckets_;  // window: oldest first, indices increasing
  Aggregate decayed_;           // decay: weights as of anchor_ms_
  int64_t anchor_ms_ = 0;
};

// The weights of `aggregate` multiplied by `factor` (their squares by
// factor^2); cells whose squared weight sum falls below 1e-280 are emptied
// (their answers have decayed away) and the respondent count becomes the
// answers left in the first outcome's table. Exposed for the tests.
absl::StatusOr<Aggregate> ScaleWeights(const Aggregate& aggregate,
                                       double factor);

}  // namespace stream
}  // namespace jtbd

#endif  // JTBD_STREAM_STREAM_SCORER_H_
