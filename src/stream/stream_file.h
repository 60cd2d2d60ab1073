// A stream's state as bytes and as a saved file (io/saved_file.h, kind
// "stream state"): saved and loaded like a study or an aggregate.
#ifndef JTBD_STREAM_STREAM_FILE_H_
#define JTBD_STREAM_STREAM_FILE_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "stream/stream_scorer.h"

namespace jtbd {
namespace stream {

// The serialized v1::StreamState, and a stream from one (INVALID_ARGUMENT
// for bytes that do not parse or a state StreamScorer::FromProto refuses;
// errors start with source_name).
std::string SerializeStream(const StreamScorer& stream);
absl::StatusOr<StreamScorer> ParseStream(absl::string_view bytes,
                                         absl::string_view source_name);

// The saved-file envelope around it: a file of another kind, a corrupt or
// truncated one is refused as DecodeSavedFile refuses it.
std::string EncodeStreamFile(const StreamScorer& stream);
absl::StatusOr<StreamScorer> ParseStreamFile(absl::string_view bytes,
                                             absl::string_view source_name);
absl::Status SaveStreamFile(const StreamScorer& stream,
                            const std::string& path);
absl::StatusOr<StreamScorer> LoadStreamFile(const std::string& path);

}  // namespace stream
}  // namespace jtbd

#endif  // JTBD_STREAM_STREAM_FILE_H_
