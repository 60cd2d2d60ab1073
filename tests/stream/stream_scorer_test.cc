// The streaming scorer: what a window holds, out-of-order and refused
// answers (a refusal changes nothing), decayed weights against a hand
// computation (Kish's effective count included), the memory bound, and the
// saved state's round trip and refusals.
#include "stream/stream_scorer.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/scoring.h"
#include "gtest/gtest.h"
#include "io/saved_file.h"
#include "stream/stream_file.h"
#include "stream_test_util.h"

namespace jtbd {
namespace stream {
namespace {

using testing_util::Outcomes;

v1::StreamOptions Window(int64_t width_ms, uint32_t count) {
  v1::StreamOptions options;
  options.set_bucket_width_ms(width_ms);
  options.set_bucket_count(count);
  return options;
}

v1::StreamOptions Decay(int64_t half_life_ms) {
  v1::StreamOptions options;
  options.set_half_life_ms(half_life_ms);
  return options;
}

StreamScorer Make(const v1::StreamOptions& options, int outcomes = 2) {
  absl::StatusOr<StreamScorer> stream =
      StreamScorer::Create(Scale{}, Outcomes(outcomes), options);
  EXPECT_TRUE(stream.ok()) << stream.status();
  return *std::move(stream);
}

std::string State(const StreamScorer& stream) {
  return stream.ToProto().SerializeAsString();
}

TEST(StreamScorerTest, OptionsNeedExactlyOneForm) {
  v1::StreamOptions both = Window(1000, 3);
  both.set_half_life_ms(10);
  EXPECT_EQ(StreamScorer::Create(Scale{}, Outcomes(1), both).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(
      StreamScorer::Create(Scale{}, Outcomes(1), v1::StreamOptions()).ok());
  EXPECT_FALSE(StreamScorer::Create(Scale{}, Outcomes(1), Window(0, 3)).ok());
  EXPECT_FALSE(StreamScorer::Create(Scale{}, Outcomes(1), Window(10, 0)).ok());
  EXPECT_FALSE(StreamScorer::Create(Scale{}, Outcomes(1), Decay(-1)).ok());
  EXPECT_FALSE(StreamScorer::Create(Scale{}, {}, Decay(1)).ok());
}

TEST(StreamScorerTest, WindowHoldsTheLastBucketsOnly) {
  StreamScorer stream = Make(Window(1000, 3));
  const uint8_t a[] = {5, 1}, b[] = {2, 4};
  ASSERT_TRUE(stream.Append(0, a, b, std::nullopt).ok());     // bucket 0
  ASSERT_TRUE(stream.Append(1500, b, a, std::nullopt).ok());  // bucket 1
  ASSERT_TRUE(stream.Append(2999, a, a, std::nullopt).ok());  // bucket 2
  EXPECT_EQ(stream.Current()->respondent_count(), 3u);
  // Bucket 3 opens: bucket 0 leaves the window.
  ASSERT_TRUE(stream.Append(3000, b, b, std::nullopt).ok());
  EXPECT_EQ(stream.buckets_held(), 3u);
  // The window equals the aggregate of the three answers it holds.
  Aggregate expected = *Aggregate::Create(Scale{}, Outcomes(2));
  ASSERT_TRUE(expected.AddRespondents(1, b, a).ok());
  ASSERT_TRUE(expected.AddRespondents(1, a, a).ok());
  ASSERT_TRUE(expected.AddRespondents(1, b, b).ok());
  EXPECT_EQ(stream.Current()->ToProto().SerializeAsString(),
            expected.ToProto().SerializeAsString());
  // The report is core's report of that aggregate.
  EXPECT_EQ(
      stream.Score(v1::ScoringOptions())->SerializeAsString(),
      ScoreAggregate(expected, v1::ScoringOptions())->SerializeAsString());
}

TEST(StreamScorerTest, OutOfOrderInsideTheWindowIsBucketedByItsTime) {
  StreamScorer stream = Make(Window(1000, 3));
  const uint8_t a[] = {5, 1};
  ASSERT_TRUE(stream.Append(5000, a, a, std::nullopt).ok());
  ASSERT_TRUE(stream.Append(3000, a, a, std::nullopt).ok());  // bucket 3
  ASSERT_TRUE(stream.Append(4500, a, a, std::nullopt).ok());  // bucket 4
  EXPECT_EQ(stream.buckets_held(), 3u);
  EXPECT_EQ(stream.latest_ms(), 5000);
  const std::string before = State(stream);
  absl::Status old = stream.Append(2999, a, a, std::nullopt);
  EXPECT_EQ(old.code(), absl::StatusCode::kOutOfRange);
  EXPECT_NE(old.message().find("older than the window, which starts at 3000"),
            std::string::npos)
      << old;
  EXPECT_EQ(State(stream), before);
  // Bucket 6 opens: bucket 3 leaves.
  ASSERT_TRUE(stream.Append(6000, a, a, std::nullopt).ok());
  EXPECT_EQ(stream.Current()->respondent_count(), 3u);
}

TEST(StreamScorerTest, RefusedAppendsChangeNothing) {
  for (const v1::StreamOptions& options : {Window(1000, 3), Decay(1000)}) {
    StreamScorer stream = Make(options);
    const uint8_t a[] = {5, 1};
    ASSERT_TRUE(stream.Append(1000, a, a, std::nullopt).ok());
    const std::string before = State(stream);
    const uint8_t bad[] = {5, 9};
    absl::Status status = stream.Append(2000, bad, a, std::nullopt);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(status.message().find("importance[1] = 9"), std::string::npos)
        << status;
    const uint8_t three[] = {5, 1, 2};
    EXPECT_FALSE(stream.Append(2000, three, three, std::nullopt).ok());
    EXPECT_FALSE(stream.Append(2000, a, a, 0.0).ok());
    EXPECT_FALSE(stream.Append(2000, a, a, NAN).ok());
    EXPECT_FALSE(stream.Append(2000, a, a, 1e13).ok());
    EXPECT_FALSE(stream.Append(-1, a, a, std::nullopt).ok());
    EXPECT_EQ(State(stream), before);
  }
}

TEST(StreamScorerTest, DecayedWeightsAreHandComputedWithKishCounts) {
  StreamScorer stream = Make(Decay(1000), 1);
  const uint8_t top[] = {5}, low[] = {2};
  ASSERT_TRUE(stream.Append(0, top, low, std::nullopt).ok());
  ASSERT_TRUE(stream.Append(1000, low, low, std::nullopt).ok());
  ASSERT_TRUE(stream.Append(2000, top, top, 2.0).ok());
  // As of t = 2000: weights 1/4, 1/2 and 2.
  const Aggregate current = *stream.Current();
  EXPECT_DOUBLE_EQ(current.TotalWeight(), 2.75);
  EXPECT_DOUBLE_EQ(current.TotalWeightSquare(), 4.3125);
  const OutcomeEstimate estimate =
      EstimateOutcome(current, 0, v1::SCORE_METHOD_ULWICK);
  // Kish: (sum w)^2 / sum w^2 = 7.5625 / 4.3125.
  EXPECT_DOUBLE_EQ(estimate.importance_effective_count, 7.5625 / 4.3125);
  // Importance top box: (1/4 + 2) / 2.75.
  EXPECT_DOUBLE_EQ(estimate.scores.importance, 10 * 2.25 / 2.75);
  // The report is that of the same respondents weighted by hand.
  Aggregate by_hand = *Aggregate::Create(Scale{}, Outcomes(1));
  const double w1[] = {0.25}, w2[] = {0.5}, w3[] = {2.0};
  ASSERT_TRUE(by_hand.AddWeightedRespondents(1, top, low, w1).ok());
  ASSERT_TRUE(by_hand.AddWeightedRespondents(1, low, low, w2).ok());
  ASSERT_TRUE(by_hand.AddWeightedRespondents(1, top, top, w3).ok());
  EXPECT_EQ(stream.Score(v1::ScoringOptions())->SerializeAsString(),
            ScoreAggregate(by_hand, v1::ScoringOptions())->SerializeAsString());
}

TEST(StreamScorerTest, DecayMovesItsAnchorAndForgetsAnswersDecayedAway) {
  // One answer per half-life for 3000 half-lives: the anchor moves ~46
  // times; the weights as of the end are 2^-k, summing to 2 - 2^-2999 and
  // their squares to 4/3; answers below 2^-465 are dropped.
  // The first answer alone rates 1: its cell empties once it decays away.
  StreamScorer stream = Make(Decay(10), 1);
  const uint8_t a[] = {4}, first[] = {1};
  ASSERT_TRUE(stream.Append(0, first, first, std::nullopt).ok());
  for (int k = 1; k < 3000; ++k) {
    ASSERT_TRUE(stream.Append(10 * k, a, a, std::nullopt).ok());
  }
  const Aggregate current = *stream.Current();
  EXPECT_NEAR(current.TotalWeight(), 2.0, 1e-12);
  EXPECT_NEAR(current.TotalWeightSquare(), 4.0 / 3.0, 1e-12);
  EXPECT_EQ(current.respondent_count(), 2999u);
  EXPECT_EQ(*current.Cell(0, 1, 1), 0u);
  // Too late: more than 32 half-lives before the latest.
  EXPECT_EQ(stream.Append(10 * 2999 - 321, a, a, std::nullopt).code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_TRUE(stream.Append(10 * 2999 - 320, a, a, std::nullopt).ok());
}

TEST(StreamScorerTest, MemoryStaysBoundedAfterAMillionAnswers) {
  constexpr uint32_t kBuckets = 24;
  constexpr int64_t kWidth = 3600 * 1000;
  StreamScorer window = Make(Window(kWidth, kBuckets), 5);
  StreamScorer decay = Make(Decay(6 * kWidth), 5);
  std::mt19937_64 rng(15);
  std::vector<uint8_t> imp, sat;
  const std::vector<double> shares(5, 0.5);
  size_t most = 0;
  constexpr int kAnswers = 1000000;
  constexpr int64_t kStep = 1000;  // one answer a second, ~11.6 days
  for (int k = 0; k < kAnswers; ++k) {
    testing_util::Draw(rng, shares, shares, &imp, &sat);
    ASSERT_TRUE(window.Append(k * kStep, imp, sat, std::nullopt).ok());
    ASSERT_TRUE(decay.Append(k * kStep, imp, sat, std::nullopt).ok());
    if (window.buckets_held() > most) most = window.buckets_held();
  }
  EXPECT_EQ(most, kBuckets);
  // The window holds the answers of its 24 buckets: the last bucket started
  // at floor(999999 s / 3600 s) hours, so 23 full hours + 999999 - 277*3600
  // + 1 answers.
  const int64_t last = (kAnswers - 1) * kStep / kWidth;
  const uint64_t expected = (kAnswers - 1) - (last - kBuckets + 1) * 3600 + 1;
  EXPECT_EQ(window.Current()->respondent_count(), expected);
  // Decay: constant memory, one table set; the state's size says so.
  EXPECT_EQ(decay.buckets_held(), 0u);
  EXPECT_LT(decay.ToProto().ByteSizeLong(), 8000u);
  EXPECT_LT(window.ToProto().ByteSizeLong(), 24 * 2000u);
  std::printf(
      "[ measured ] after %d answers: %zu buckets held (limit %u); "
      "state %zu bytes (window), %zu bytes (decay)\n",
      kAnswers, window.buckets_held(), kBuckets,
      window.ToProto().ByteSizeLong(), decay.ToProto().ByteSizeLong());
}

TEST(StreamScorerTest, SavedStateRoundTrips) {
  for (const v1::StreamOptions& options : {Window(1000, 4), Decay(700)}) {
    StreamScorer stream = Make(options, 3);
    std::mt19937_64 rng(7);
    std::vector<uint8_t> imp, sat;
    const std::vector<double> shares = {0.2, 0.5, 0.8};
    for (int k = 0; k < 500; ++k) {
      testing_util::Draw(rng, shares, shares, &imp, &sat);
      const int64_t t = 20 * k + (k % 7) * 13;  // a little out of order
      ASSERT_TRUE(stream.Append(t, imp, sat, k % 3 == 0 ? 1.5 : 1.0).ok());
    }
    const std::string path = ::testing::TempDir() + "/stream_round_trip.jtbd";
    ASSERT_TRUE(SaveStreamFile(stream, path).ok());
    absl::StatusOr<StreamScorer> loaded = LoadStreamFile(path);
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    EXPECT_EQ(State(*loaded), State(stream));
    // Both go on alike.
    testing_util::Draw(rng, shares, shares, &imp, &sat);
    ASSERT_TRUE(stream.Append(20000, imp, sat, std::nullopt).ok());
    ASSERT_TRUE(loaded->Append(20000, imp, sat, std::nullopt).ok());
    EXPECT_EQ(loaded->Score(v1::ScoringOptions())->SerializeAsString(),
              stream.Score(v1::ScoringOptions())->SerializeAsString());
  }
}

TEST(StreamScorerTest, CorruptOrOtherKindFilesAreRefused) {
  StreamScorer stream = Make(Window(1000, 4));
  const uint8_t a[] = {5, 1};
  ASSERT_TRUE(stream.Append(10, a, a, std::nullopt).ok());
  const std::string bytes = EncodeStreamFile(stream);
  ASSERT_TRUE(ParseStreamFile(bytes, "s").ok());
  // Each byte flipped in turn: refused, never loaded as something else.
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string corrupt = bytes;
    corrupt[i] = static_cast<char>(corrupt[i] ^ 0x20);
    EXPECT_FALSE(ParseStreamFile(corrupt, "s").ok()) << "byte " << i;
  }
  EXPECT_FALSE(ParseStreamFile(bytes.substr(0, bytes.size() - 1), "s").ok());
  // An aggregate file is not a stream, and a stream file not an aggregate.
  const Aggregate aggregate = *stream.Current();
  const std::string aggregate_file = EncodeSavedFile(
      SavedFileKind::kAggregate, aggregate.ToProto().SerializeAsString());
  absl::Status other = ParseStreamFile(aggregate_file, "x.jtbd").status();
  EXPECT_NE(other.message().find("x.jtbd"), std::string::npos) << other;
  EXPECT_NE(other.message().find("aggregate"), std::string::npos) << other;
  EXPECT_FALSE(ParseAggregateFile(bytes, "s").ok());
  // A state no stream could write: a bucket outside the window.
  v1::StreamState state = stream.ToProto();
  state.mutable_buckets(0)->set_start_ms(9000);
  EXPECT_EQ(StreamScorer::FromProto(state).status().code(),
            absl::StatusCode::kInvalidArgument);
  state = stream.ToProto();
  state.set_format_version(2);
  EXPECT_FALSE(StreamScorer::FromProto(state).ok());
}

}  // namespace
}  // namespace stream
}  // namespace jtbd
