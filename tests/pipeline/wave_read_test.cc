#include "pipeline/wave_read.h"

#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/saved_file.h"

namespace jtbd {
namespace {

using ::testing::HasSubstr;

constexpr char kSurvey[] =
    "respondent,segment,outcome,importance,satisfaction\n"
    "r1,east,o1,5,2\n"
    "r1,east,o2,4,4\n"
    "r2,west,o1,2,5\n"
    "r2,west,o2,5,1\n";

TEST(WaveReadTest, ReadsASurvey) {
  absl::StatusOr<Aggregate> wave =
      ReadWave(InputSource::Bytes(kSurvey, "wave.csv"), ReadOptions());
  ASSERT_TRUE(wave.ok()) << wave.status();
  EXPECT_EQ(wave->respondent_count(), 2u);
  EXPECT_EQ(wave->outcome_count(), 2u);
}

TEST(WaveReadTest, ReadsASavedAggregateByItsSignature) {
  absl::StatusOr<Aggregate> wave =
      ReadWave(InputSource::Bytes(kSurvey, "wave.csv"), ReadOptions());
  ASSERT_TRUE(wave.ok()) << wave.status();
  const std::string saved = EncodeSavedFile(
      SavedFileKind::kAggregate, wave->ToProto().SerializeAsString());
  absl::StatusOr<Aggregate> loaded =
      ReadWave(InputSource::Bytes(saved, "wave.jtbd"), ReadOptions());
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->ToProto().SerializeAsString(),
            wave->ToProto().SerializeAsString());
  // A corrupt one is refused, named, never read as a survey.
  std::string corrupt = saved;
  corrupt[corrupt.size() / 2] ^= 0x01;
  absl::StatusOr<Aggregate> refused =
      ReadWave(InputSource::Bytes(corrupt, "wave.jtbd"), ReadOptions());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(refused.status().message(), HasSubstr("wave.jtbd"));
}

TEST(WaveReadTest, SegmentsASurveyButNotASavedAggregate) {
  absl::StatusOr<SegmentedAggregate> wave = ReadSegmentedWave(
      InputSource::Bytes(kSurvey, "wave.csv"), ReadOptions(), "segment");
  ASSERT_TRUE(wave.ok()) << wave.status();
  EXPECT_EQ(wave->segments.size(), 2u);
  absl::StatusOr<SegmentedAggregate> missing = ReadSegmentedWave(
      InputSource::Bytes(kSurvey, "wave.csv"), ReadOptions(), "region");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("no column \"region\""));
  const std::string saved = EncodeSavedFile(
      SavedFileKind::kAggregate, wave->all.ToProto().SerializeAsString());
  absl::StatusOr<SegmentedAggregate> refused = ReadSegmentedWave(
      InputSource::Bytes(saved, "wave.jtbd"), ReadOptions(), "segment");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(refused.status().message(),
              HasSubstr("wave.jtbd: a saved aggregate keeps no respondent"));
}

TEST(WaveReadTest, MissingFileIsNotFound) {
  absl::StatusOr<Aggregate> wave =
      ReadWave(InputSource::File("/nonexistent/wave.csv"), ReadOptions());
  ASSERT_FALSE(wave.ok());
  EXPECT_EQ(wave.status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace jtbd
