// Files that jtbd writes for itself (a study, an aggregate, a segment
// model) and reads back: a fixed 32-byte header, then the serialized
// protobuf message.
//
//   offset size  field (little-endian)
//        0    8  signature 89 'J' 'T' 'B' 'D' 0D 0A 1A (PNG-style: catches
//                text-mode transfers and files that are not ours)
//        8    4  file format version (kSavedFileFormatVersion)
//       12    4  kind (SavedFileKind)
//       16    8  content size in bytes
//       24    4  CRC-32C of the content
//       28    4  CRC-32C of bytes 0-27
//       32    .  content: the serialized jtbd.v1.Study, Aggregate or
//                SegmentModel (which carry their own format versions)
//
// Writes are atomic (io/atomic_file.h). A read refuses, naming the file and
// never returning part of one: something that is not a jtbd file, a file of
// another kind, a newer file format (FAILED_PRECONDITION: "written by a
// newer jtbd"), and a truncated, extended or corrupted file (DATA_LOSS).
// Golden files of format 1 are kept in tests/data/saved/: every later 1.x
// version must read them.
#ifndef JTBD_IO_SAVED_FILE_H_
#define JTBD_IO_SAVED_FILE_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/aggregate.h"
#include "core/study.h"
#include "segments/segment_model.h"

namespace jtbd {

constexpr uint32_t kSavedFileFormatVersion = 1;
constexpr size_t kSavedFileHeaderSize = 32;

enum class SavedFileKind : uint32_t {
  kStudy = 1,
  kAggregate = 2,
  kSegmentModel = 3,
  // jtbd.v1.ForcesModel, saved by src/forces (propensity_model.h), which
  // encodes and decodes it through EncodeSavedFile / DecodeSavedFile: io
  // sits below forces and does not know its type.
  kForcesModel = 4,
  // jtbd.v1.StreamState, saved by src/stream (stream_file.h) through
  // EncodeSavedFile / DecodeSavedFile, as the forces model.
  kStreamState = 5,
};

// "study", "aggregate", "segment model", "forces model", "stream state".
const char* SavedFileKindName(SavedFileKind kind);

// Whether `bytes` start with the signature of a jtbd saved file (of any
// kind and version): how an input that may be a survey or a saved file is
// told apart before it is read (`jtbd compare`).
bool HasSavedFileSignature(absl::string_view bytes);

// Header + content.
std::string EncodeSavedFile(SavedFileKind kind, absl::string_view content);
// The content of `bytes` (a view into it) after every check above; errors
// start with `source_name`.
absl::StatusOr<absl::string_view> DecodeSavedFile(
    absl::string_view bytes, SavedFileKind expected,
    absl::string_view source_name);

// Each kind from a saved file's bytes (errors start with source_name), and
// saved to or loaded from a path.
absl::StatusOr<Study> ParseStudyFile(absl::string_view bytes,
                                     absl::string_view source_name);
absl::StatusOr<Aggregate> ParseAggregateFile(absl::string_view bytes,
                                             absl::string_view source_name);
absl::StatusOr<SegmentModel> ParseSegmentModelFile(
    absl::string_view bytes, absl::string_view source_name);

// The bytes SaveAggregateFile writes, in memory: what travels between
// processes (jtbd_aggregate_encode), so that a transfer is checked by the
// same header and checksums as a file; ParseAggregateFile reads them back.
absl::StatusOr<std::string> EncodeAggregateFile(const Aggregate& aggregate);

absl::Status SaveStudyFile(const Study& study, const std::string& path);
absl::StatusOr<Study> LoadStudyFile(const std::string& path);
absl::Status SaveAggregateFile(const Aggregate& aggregate,
                               const std::string& path);
absl::StatusOr<Aggregate> LoadAggregateFile(const std::string& path);
absl::Status SaveSegmentModelFile(const SegmentModel& model,
                                  const std::string& path);
absl::StatusOr<SegmentModel> LoadSegmentModelFile(const std::string& path);

}  // namespace jtbd

#endif  // JTBD_IO_SAVED_FILE_H_
