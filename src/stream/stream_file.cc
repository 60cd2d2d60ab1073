#include "stream/stream_file.h"

#include "absl/strings/str_cat.h"
#include "io/atomic_file.h"
#include "io/saved_file.h"
#include "io/source_position.h"
#include "jtbd/v1/stream.pb.h"

namespace jtbd {
namespace stream {

std::string SerializeStream(const StreamScorer& stream) {
  return stream.ToProto().SerializeAsString();
}

absl::StatusOr<StreamScorer> ParseStream(absl::string_view bytes,
                                         absl::string_view source_name) {
  v1::StreamState state;
  if (!state.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())) ||
      bytes.size() > static_cast<size_t>(INT32_MAX)) {
    return absl::InvalidArgumentError(
        absl::StrCat(source_name, ": not a serialized jtbd.v1.StreamState"));
  }
  absl::StatusOr<StreamScorer> stream = StreamScorer::FromProto(state);
  if (!stream.ok()) {
    return absl::Status(
        stream.status().code(),
        absl::StrCat(source_name, ": ", stream.status().message()));
  }
  return stream;
}

std::string EncodeStreamFile(const StreamScorer& stream) {
  return EncodeSavedFile(SavedFileKind::kStreamState, SerializeStream(stream));
}

absl::StatusOr<StreamScorer> ParseStreamFile(absl::string_view bytes,
                                             absl::string_view source_name) {
  absl::StatusOr<absl::string_view> content =
      DecodeSavedFile(bytes, SavedFileKind::kStreamState, source_name);
  if (!content.ok()) return content.status();
  return ParseStream(*content, source_name);
}

absl::Status SaveStreamFile(const StreamScorer& stream,
                            const std::string& path) {
  return WriteFileAtomically(path, EncodeStreamFile(stream));
}

absl::StatusOr<StreamScorer> LoadStreamFile(const std::string& path) {
  absl::StatusOr<std::string> bytes = ReadWholeFile(path);
  if (!bytes.ok()) return bytes.status();
  return ParseStreamFile(*bytes, path);
}

}  // namespace stream
}  // namespace jtbd
