// jtbd_aggregate_encode / _decode: the saved-file envelope in memory, what
// aggregates travel in between processes (jtbd.dask). Round trips, equality
// with the file bytes, and refusals of damaged transfers that name the
// source and leave the out-parameter untouched.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

Aggregate AggregateOfSample(size_t begin, size_t end) {
  Study study = MakeSampleStudy(begin, end);
  jtbd_aggregate* raw = nullptr;
  EXPECT_THAT(Result(jtbd_study_create_aggregate(study.get(), &raw)), IsOk());
  return Aggregate(raw);
}

std::string Encoded(const jtbd_aggregate* aggregate) {
  jtbd_buffer* raw = nullptr;
  EXPECT_THAT(Result(jtbd_aggregate_encode(aggregate, &raw)), IsOk());
  Buffer buffer(raw);
  return BufferBytes(buffer.get());
}

std::string Serialized(const jtbd_aggregate* aggregate) {
  jtbd_buffer* raw = nullptr;
  EXPECT_THAT(Result(jtbd_aggregate_serialize(aggregate, &raw)), IsOk());
  Buffer buffer(raw);
  return BufferBytes(buffer.get());
}

Outcome Decode(const std::string& bytes, const std::string& name,
               jtbd_aggregate** out) {
  return Result(jtbd_aggregate_decode(bytes.data(), bytes.size(), name.data(),
                                      name.size(), out));
}

// CRC-32C (Castagnoli, reflected 0x82F63B78), bit by bit: an independent
// implementation, to forge a header whose own checksum is right.
uint32_t Crc32c(const std::string& bytes) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char byte : bytes) {
    crc ^= byte;
    for (int bit = 0; bit < 8; ++bit) {
      crc = (crc >> 1) ^ (0x82F63B78u & (0u - (crc & 1u)));
    }
  }
  return ~crc;
}

void PutLittleEndian32(uint32_t value, size_t offset, std::string* bytes) {
  for (int i = 0; i < 4; ++i) {
    (*bytes)[offset + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
  }
}

TEST(AggregateEnvelopeCapiTest, PartsTravelAndMergeIntoTheWhole) {
  Aggregate first = AggregateOfSample(0, 2);
  Aggregate second = AggregateOfSample(2, 6);
  jtbd_aggregate* raw = nullptr;
  ASSERT_THAT(Decode(Encoded(first.get()), "part 0", &raw), IsOk());
  Aggregate merged(raw);
  ASSERT_THAT(Decode(Encoded(second.get()), "part 1", &raw), IsOk());
  Aggregate travelled(raw);
  EXPECT_EQ(Serialized(travelled.get()), Serialized(second.get()));
  ASSERT_THAT(Result(jtbd_aggregate_merge(merged.get(), travelled.get())),
              IsOk());
  Aggregate whole = AggregateOfSample(0, 6);
  EXPECT_EQ(jtbd_aggregate_respondent_count(merged.get()), 6u);
  EXPECT_EQ(Serialized(merged.get()), Serialized(whole.get()));
  // The same bytes whichever way round (deterministic serialization).
  EXPECT_EQ(Encoded(merged.get()), Encoded(whole.get()));
}

TEST(AggregateEnvelopeCapiTest, BytesAreThoseOfTheSavedFile) {
  Aggregate aggregate = AggregateOfSample(0, 6);
  const std::string path = ::testing::TempDir() + "/jtbd_capi_envelope_" +
                           std::to_string(getpid()) + ".jtbd";
  ASSERT_THAT(Result(jtbd_aggregate_save_file(aggregate.get(), path.data(),
                                              path.size())),
              IsOk());
  std::ifstream in(path, std::ios::binary);
  std::stringstream file;
  file << in.rdbuf();
  std::remove(path.c_str());
  const std::string encoded = Encoded(aggregate.get());
  EXPECT_EQ(encoded, file.str());
  // 32-byte header, then exactly the bare message.
  EXPECT_EQ(encoded.substr(32), Serialized(aggregate.get()));
}

TEST(AggregateEnvelopeCapiTest, DamagedTransfersAreRefusedByName) {
  const std::string good = Encoded(AggregateOfSample(0, 6).get());
  jtbd_aggregate* sentinel = reinterpret_cast<jtbd_aggregate*>(0x1);
  jtbd_aggregate* out = sentinel;

  EXPECT_THAT(Decode(good.substr(0, good.size() - 1), "part 3", &out),
              FailsWith(JTBD_DATA_LOSS, "part 3: truncated"));
  EXPECT_THAT(Decode(good.substr(0, 20), "part 3", &out),
              FailsWith(JTBD_DATA_LOSS, "fewer than the 32-byte header"));
  EXPECT_THAT(Decode(good + "x", "part 3", &out),
              FailsWith(JTBD_DATA_LOSS, "1 unexpected bytes"));
  std::string flipped = good;
  flipped[good.size() - 2] ^= 0x01;  // one bit of the content
  EXPECT_THAT(Decode(flipped, "part 3", &out),
              FailsWith(JTBD_DATA_LOSS,
                        "part 3: the aggregate is corrupt (its checksum does "
                        "not match)"));
  flipped = good;
  flipped[17] ^= 0x01;  // one bit of the announced size
  EXPECT_THAT(Decode(flipped, "part 3", &out),
              FailsWith(JTBD_DATA_LOSS, "part 3: the header is corrupt"));

  // The bare message has no envelope: refused, not guessed at.
  const std::string bare = Serialized(AggregateOfSample(0, 6).get());
  EXPECT_THAT(Decode(bare, "part 3", &out),
              FailsWith(JTBD_INVALID_ARGUMENT, "part 3: not a jtbd aggregate"));

  // A newer format, with a header checksum that is right.
  std::string newer = good;
  PutLittleEndian32(2, 8, &newer);
  PutLittleEndian32(Crc32c(newer.substr(0, 28)), 28, &newer);
  EXPECT_THAT(Decode(newer, "part 3", &out),
              FailsWith(JTBD_FAILED_PRECONDITION, "written by a newer jtbd"));

  // Another kind (a study), likewise with a right header checksum.
  std::string study = good;
  PutLittleEndian32(1, 12, &study);
  PutLittleEndian32(Crc32c(study.substr(0, 28)), 28, &study);
  EXPECT_THAT(
      Decode(study, "part 3", &out),
      FailsWith(JTBD_INVALID_ARGUMENT, "holds a study, not an aggregate"));

  EXPECT_THAT(Decode("", "", &out),
              FailsWith(JTBD_INVALID_ARGUMENT, "<memory>: not a jtbd"));
  EXPECT_THAT(Result(jtbd_aggregate_decode(nullptr, 4, nullptr, 0, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "data is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_decode(good.data(), good.size(), nullptr, 0,
                                           nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_encode(nullptr, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "aggregate is NULL"));
  EXPECT_EQ(out, sentinel);
}

}  // namespace
}  // namespace jtbd_test
