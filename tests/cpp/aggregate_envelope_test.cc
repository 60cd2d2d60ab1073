// jtbd::Aggregate::Encode / Decode: the aggregate's checked bytes in memory,
// what travels between processes (jtbd.dask, Spark, Beam).
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.hpp"

namespace {

// Two outcomes; ratings row-major, one row of two per respondent.
jtbd::Aggregate AggregateOf(const std::vector<uint8_t>& importance,
                            const std::vector<uint8_t>& satisfaction) {
  jtbd::Aggregate aggregate;
  aggregate.AddOutcome("speed");
  aggregate.AddOutcome("waste");
  aggregate.AddRespondents(importance.size() / 2, importance, satisfaction);
  return aggregate;
}

TEST(AggregateEnvelopeCppTest, EncodedPartsMergeIntoTheWhole) {
  const jtbd::Aggregate first = AggregateOf({5, 4, 2, 0}, {1, 2, 5, 3});
  const jtbd::Aggregate second = AggregateOf({3, 3}, {4, 0});
  jtbd::Aggregate merged = jtbd::Aggregate::Decode(first.Encode(), "part 0");
  merged.Merge(jtbd::Aggregate::Decode(second.Encode(), "part 1"));
  const jtbd::Aggregate whole =
      AggregateOf({5, 4, 2, 0, 3, 3}, {1, 2, 5, 3, 4, 0});
  EXPECT_EQ(merged.respondent_count(), 3u);
  EXPECT_EQ(merged.Encode(), whole.Encode());
  EXPECT_EQ(merged.Encode().substr(32), whole.Serialize());
}

TEST(AggregateEnvelopeCppTest, ACorruptTransferThrowsDataLossNamingIt) {
  std::string bytes = AggregateOf({5, 4}, {1, 2}).Encode();
  bytes[bytes.size() - 1] ^= 0x08;
  try {
    jtbd::Aggregate::Decode(bytes, "from worker 1");
    FAIL() << "corrupt bytes decoded";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_DATA_LOSS);
    EXPECT_THAT(error.what(), ::testing::HasSubstr(
                                  "from worker 1: the aggregate is corrupt"));
  }
}

}  // namespace
