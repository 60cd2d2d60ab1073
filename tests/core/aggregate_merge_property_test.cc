// Merge you can rely on (issue 15, item 3): properties of Aggregate::Merge
// over many random data sets, and the refusal of every blob that must not
// be merged. Blobs travel in the saved-file envelope (io/saved_file.h),
// whose checksums catch a corrupt transfer; the bare serialized proto
// (Aggregate::ToProto, jtbd_aggregate_serialize) has none, which the last
// test measures.
//
// Weights are multiples of 1/4 up to a few units: their sums and sums of
// squares are exact in a double whatever the order of addition, so
// "equal" below means equal to the last bit, not approximately.

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/aggregate.h"
#include "core/scoring.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "io/crc32c.h"
#include "io/saved_file.h"

namespace jtbd {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::HasSubstr;

constexpr int kOutcomes = 6;

std::vector<Outcome> Outcomes(int m, const std::string& prefix = "o") {
  std::vector<Outcome> outcomes(m);
  for (int o = 0; o < m; ++o) outcomes[o].id = prefix + std::to_string(o);
  return outcomes;
}

// One part of a data set: respondents' ratings (0 = no answer) and, when
// weighted, their weights.
struct Part {
  size_t count = 0;
  std::vector<uint8_t> importance, satisfaction;
  std::vector<double> weights;  // empty: unweighted
};

Part DrawPart(std::mt19937_64& rng, bool weighted) {
  Part part;
  part.count = std::uniform_int_distribution<size_t>(0, 40)(rng);
  std::uniform_int_distribution<int> rating(0, 5);
  std::uniform_int_distribution<int> quarters(1, 16);  // 0.25 .. 4
  for (size_t r = 0; r < part.count; ++r) {
    for (int o = 0; o < kOutcomes; ++o) {
      part.importance.push_back(static_cast<uint8_t>(rating(rng)));
      part.satisfaction.push_back(static_cast<uint8_t>(rating(rng)));
    }
    if (weighted) part.weights.push_back(quarters(rng) / 4.0);
  }
  return part;
}

Aggregate Build(const Part& part) {
  Aggregate aggregate = *Aggregate::Create(Scale{}, Outcomes(kOutcomes));
  const absl::Status status =
      part.weights.empty()
          ? aggregate.AddRespondents(part.count, part.importance,
                                     part.satisfaction)
          : aggregate.AddWeightedRespondents(part.count, part.importance,
                                             part.satisfaction, part.weights);
  EXPECT_TRUE(status.ok()) << status;
  return aggregate;
}

// The parts concatenated into one data set; weighted when any part is
// (an unweighted respondent weighs 1).
Part Concatenate(const std::vector<Part>& parts) {
  bool weighted = false;
  for (const Part& p : parts) weighted = weighted || !p.weights.empty();
  Part all;
  for (const Part& p : parts) {
    all.count += p.count;
    all.importance.insert(all.importance.end(), p.importance.begin(),
                          p.importance.end());
    all.satisfaction.insert(all.satisfaction.end(), p.satisfaction.begin(),
                            p.satisfaction.end());
    if (weighted) {
      if (p.weights.empty()) {
        all.weights.insert(all.weights.end(), p.count, 1.0);
      } else {
        all.weights.insert(all.weights.end(), p.weights.begin(),
                           p.weights.end());
      }
    }
  }
  return all;
}

Aggregate Merged(const Aggregate& a, const Aggregate& b) {
  Aggregate result = a;
  const absl::Status status = result.Merge(b);
  EXPECT_TRUE(status.ok()) << status;
  return result;
}

::testing::AssertionResult Same(const Aggregate& a, const Aggregate& b) {
  std::string differences;
  MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&differences);
  if (differencer.Compare(a.ToProto(), b.ToProto())) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << differences;
}

// Weighted, unweighted and mixed parts, 200 random data sets.
TEST(AggregateMergePropertyTest,
     AssociativeCommutativeAndEqualToConcatenation) {
  std::mt19937_64 rng(20261207);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<Part> parts;
    for (int k = 0; k < 3; ++k) {
      const int mode = trial % 3;  // 0 unweighted, 1 weighted, 2 mixed
      parts.push_back(DrawPart(rng, mode == 1 || (mode == 2 && k == 1)));
    }
    const Aggregate a = Build(parts[0]);
    const Aggregate b = Build(parts[1]);
    const Aggregate c = Build(parts[2]);
    SCOPED_TRACE("trial " + std::to_string(trial));
    EXPECT_TRUE(Same(Merged(Merged(a, b), c), Merged(a, Merged(b, c))));
    EXPECT_TRUE(Same(Merged(a, b), Merged(b, a)));
    EXPECT_TRUE(Same(Merged(Merged(c, a), b), Merged(Merged(a, b), c)));
    const Aggregate whole = Build(Concatenate(parts));
    const Aggregate merged = Merged(Merged(a, b), c);
    EXPECT_TRUE(Same(merged, whole));
    EXPECT_EQ(merged.respondent_count(), whole.respondent_count());
    // And they score alike (the report is a function of the tables).
    v1::ScoringOptions options;
    options.set_bootstrap_resamples(50);
    absl::StatusOr<v1::Report> from_merged = ScoreAggregate(merged, options);
    absl::StatusOr<v1::Report> from_whole = ScoreAggregate(whole, options);
    ASSERT_TRUE(from_merged.ok()) << from_merged.status();
    ASSERT_TRUE(from_whole.ok()) << from_whole.status();
    EXPECT_TRUE(MessageDifferencer::Equals(*from_merged, *from_whole));
  }
}

TEST(AggregateMergePropertyTest, MergingAnEmptyAggregateChangesNothing) {
  std::mt19937_64 rng(7);
  const Aggregate a = Build(DrawPart(rng, true));
  const Aggregate empty = *Aggregate::Create(Scale{}, Outcomes(kOutcomes));
  EXPECT_TRUE(Same(Merged(a, empty), a));
  EXPECT_TRUE(Same(Merged(empty, a), a));
}

// A blob as it travels: the saved-file envelope around the aggregate.
std::string Blob(const Aggregate& aggregate) {
  return EncodeSavedFile(SavedFileKind::kAggregate,
                         aggregate.ToProto().SerializeAsString());
}

// What a receiver does with a blob: parse it, then merge it in.
absl::Status MergeBlob(absl::string_view blob, Aggregate* into) {
  absl::StatusOr<Aggregate> part = ParseAggregateFile(blob, "part.jtbd");
  if (!part.ok()) return part.status();
  return into->Merge(*part);
}

class MergeRefusalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::mt19937_64 rng(42);
    target_ = Build(DrawPart(rng, true));
    before_ = target_;
    part_ = Build(DrawPart(rng, false));
  }
  // The refusal leaves the target exactly as it was.
  void ExpectUnchanged() { EXPECT_TRUE(Same(target_, before_)); }

  Aggregate target_ = *Aggregate::Create(Scale{}, Outcomes(kOutcomes));
  Aggregate before_ = target_;
  Aggregate part_ = target_;
};

TEST_F(MergeRefusalTest, AGoodBlobMerges) {
  ASSERT_TRUE(MergeBlob(Blob(part_), &target_).ok());
  EXPECT_TRUE(Same(target_, Merged(before_, part_)));
}

TEST_F(MergeRefusalTest, RefusesAnotherScale) {
  const Aggregate other =
      *Aggregate::Create(*Scale::Make(1, 7, 6), Outcomes(kOutcomes));
  const absl::Status status = MergeBlob(Blob(other), &target_);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(), HasSubstr("different scales"));
  EXPECT_THAT(status.message(), HasSubstr("1-7"));
  ExpectUnchanged();
  // The same points with another top-box rule is another scale too.
  const Aggregate top_box_only =
      *Aggregate::Create(*Scale::Make(1, 5, 5), Outcomes(kOutcomes));
  EXPECT_THAT(MergeBlob(Blob(top_box_only), &target_).message(),
              HasSubstr("different scales"));
  ExpectUnchanged();
}

TEST_F(MergeRefusalTest, RefusesAnotherOutcomeSet) {
  // Fewer outcomes; the same number under other ids; the same ids in
  // another order (tables are matched by position, so order matters).
  std::vector<Outcome> reordered = Outcomes(kOutcomes);
  std::swap(reordered[0], reordered[1]);
  const Aggregate others[] = {
      *Aggregate::Create(Scale{}, Outcomes(kOutcomes - 1)),
      *Aggregate::Create(Scale{}, Outcomes(kOutcomes, "x")),
      *Aggregate::Create(Scale{}, reordered),
  };
  const char* expected[] = {"with 6 and 5 outcomes", "outcome 0 is \"o0\"",
                            "outcome 0 is \"o0\" here and \"o1\" there"};
  for (int k = 0; k < 3; ++k) {
    const absl::Status status = MergeBlob(Blob(others[k]), &target_);
    EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_THAT(status.message(), HasSubstr(expected[k]));
    ExpectUnchanged();
  }
}

TEST_F(MergeRefusalTest, RefusesANewerAggregateFormat) {
  v1::Aggregate proto = part_.ToProto();
  proto.set_format_version(Aggregate::kSolutionsFormatVersion + 1);
  const absl::Status status = MergeBlob(
      EncodeSavedFile(SavedFileKind::kAggregate, proto.SerializeAsString()),
      &target_);
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("format version 4 is not supported"));
  ExpectUnchanged();
}

TEST_F(MergeRefusalTest, RefusesANewerFileFormat) {
  std::string blob = Blob(part_);
  // Bytes 8-11: the file format version, little-endian; the header's own
  // checksum (bytes 28-31) must then be right for the version to be read.
  blob[8] = static_cast<char>(kSavedFileFormatVersion + 1);
  const uint32_t header_crc = Crc32c(absl::string_view(blob).substr(0, 28));
  for (int k = 0; k < 4; ++k) {
    blob[28 + k] = static_cast<char>((header_crc >> (8 * k)) & 0xff);
  }
  const absl::Status status = MergeBlob(blob, &target_);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(),
              HasSubstr("part.jtbd: written by a newer jtbd"));
  ExpectUnchanged();
}

TEST_F(MergeRefusalTest, RefusesEveryFlippedByte) {
  const std::string blob = Blob(part_);
  for (size_t i = 0; i < blob.size(); ++i) {
    for (unsigned char mask : {0x01, 0x80, 0xff}) {
      std::string corrupt = blob;
      corrupt[i] = static_cast<char>(corrupt[i] ^ mask);
      const absl::Status status = MergeBlob(corrupt, &target_);
      ASSERT_FALSE(status.ok()) << "byte " << i << " mask " << int{mask};
      EXPECT_THAT(status.message(), HasSubstr("part.jtbd"));
    }
  }
  ExpectUnchanged();
}

TEST_F(MergeRefusalTest, RefusesEveryTruncationAndExtension) {
  const std::string blob = Blob(part_);
  for (size_t size = 0; size < blob.size(); ++size) {
    const absl::Status status =
        MergeBlob(absl::string_view(blob).substr(0, size), &target_);
    ASSERT_FALSE(status.ok()) << "truncated to " << size;
  }
  EXPECT_EQ(MergeBlob(blob + "x", &target_).code(),
            absl::StatusCode::kDataLoss);
  ExpectUnchanged();
  const absl::Status truncated =
      MergeBlob(absl::string_view(blob).substr(0, blob.size() - 1), &target_);
  EXPECT_EQ(truncated.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(truncated.message(), HasSubstr("part.jtbd"));
}

// Without the envelope nothing checks the bytes: some flipped bytes of a
// bare serialized aggregate still parse, into different counts, and would
// merge silently. Measured and printed, not judged: transfers between
// processes (issue 15, Dask) should carry the envelope.
TEST_F(MergeRefusalTest, BareProtoBlobHasNoChecksum) {
  const std::string bare = part_.ToProto().SerializeAsString();
  int accepted_wrong = 0, flips = 0;
  for (size_t i = 0; i < bare.size(); ++i) {
    std::string corrupt = bare;
    corrupt[i] = static_cast<char>(corrupt[i] ^ 0x01);
    ++flips;
    v1::Aggregate proto;
    if (!proto.ParseFromString(corrupt)) continue;
    absl::StatusOr<Aggregate> parsed = Aggregate::FromProto(proto);
    if (parsed.ok() && !Same(*parsed, part_)) ++accepted_wrong;
  }
  std::printf(
      "[ measured ] bare serialized aggregate (%zu bytes): %d of %d one-bit "
      "flips load as a different aggregate; in the envelope: none\n",
      bare.size(), accepted_wrong, flips);
  SUCCEED();
}

}  // namespace
}  // namespace jtbd
