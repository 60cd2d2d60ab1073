// Fuzzes the stream state decoder (stream/stream_file.h): the bytes as a
// saved file (ParseStreamFile) and as a bare jtbd.v1.StreamState
// (ParseStream). A state accepted round-trips exactly, gives its current
// aggregate and report (or a clear refusal), and takes one more answer or
// refuses it without changing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "fuzz_check.h"
#include "jtbd/v1/stream.pb.h"
#include "stream/stream_file.h"
#include "stream/stream_scorer.h"

namespace {

void Exercise(jtbd::stream::StreamScorer stream, const uint8_t* data,
              size_t size) {
  const std::string bytes = jtbd::stream::SerializeStream(stream);
  absl::StatusOr<jtbd::stream::StreamScorer> again =
      jtbd::stream::ParseStream(bytes, "again");
  JTBD_FUZZ_CHECK(again.ok(), again.status().ToString());
  jtbd::fuzz::CheckSameMessage(stream.ToProto(), again->ToProto(),
                               "StreamState round trip");
  absl::StatusOr<jtbd::Aggregate> current = stream.Current();
  if (current.ok()) {
    (void)stream.Score(jtbd::v1::ScoringOptions());
  }
  const size_t outcomes = stream.shape().outcome_count();
  std::vector<uint8_t> ratings(outcomes);
  for (size_t o = 0; o < outcomes; ++o) {
    ratings[o] = size == 0 ? 0 : data[o % size] % 8;
  }
  const int64_t t = stream.has_latest() ? stream.latest_ms() : 0;
  const std::string before = stream.ToProto().SerializeAsString();
  absl::Status appended = stream.Append(t, ratings, ratings, std::nullopt);
  if (!appended.ok()) {
    JTBD_FUZZ_CHECK(stream.ToProto().SerializeAsString() == before,
                    "a refused append changed the stream");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<jtbd::stream::StreamScorer> saved =
      jtbd::stream::ParseStreamFile(bytes, "fuzz.jtbd");
  if (saved.ok()) {
    Exercise(*std::move(saved), data, size);
  } else {
    jtbd::fuzz::CheckRefusalNames(saved.status(), "fuzz.jtbd");
  }
  absl::StatusOr<jtbd::stream::StreamScorer> bare =
      jtbd::stream::ParseStream(bytes, "fuzz.binpb");
  if (bare.ok()) {
    Exercise(*std::move(bare), data, size);
  } else {
    jtbd::fuzz::CheckRefusalNames(bare.status(), "fuzz.binpb");
  }
  return 0;
}
