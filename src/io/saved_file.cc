#include "io/saved_file.h"

#include <climits>
#include <cstring>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/resource_limits.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/message_lite.h"
#include "io/atomic_file.h"
#include "io/crc32c.h"
#include "io/source_position.h"

namespace jtbd {
namespace {

// The bytes of `message` with map fields in key order, so that the same
// object always saves to the same file (files can be compared, diffed and
// deduplicated; without it a study's attribute maps come out in an order
// that changes from one save to the next). False beyond protobuf's 2 GiB.
bool SerializeDeterministically(const google::protobuf::MessageLite& message,
                                std::string* content) {
  const size_t size = message.ByteSizeLong();
  if (size > static_cast<size_t>(INT_MAX)) return false;
  content->resize(size);
  google::protobuf::io::ArrayOutputStream array(content->data(),
                                                static_cast<int>(size));
  google::protobuf::io::CodedOutputStream stream(&array);
  stream.SetSerializationDeterministic(true);
  message.SerializeWithCachedSizes(&stream);
  return !stream.HadError();
}

constexpr char kSignature[8] = {'\x89', 'J', 'T', 'B', 'D', '\r', '\n', '\x1a'};

void PutLittleEndian(uint64_t value, int bytes, std::string* out) {
  for (int i = 0; i < bytes; ++i) {
    out->push_back(static_cast<char>((value >> (8 * i)) & 0xFFu));
  }
}

uint64_t GetLittleEndian(absl::string_view bytes, size_t offset, int size) {
  uint64_t value = 0;
  for (int i = size - 1; i >= 0; --i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[offset + i]);
  }
  return value;
}

// The message's error, prefixed with the file (the core names the field).
// "a study", "an aggregate", "a segment model".
std::string WithArticle(SavedFileKind kind) {
  return absl::StrCat(kind == SavedFileKind::kAggregate ? "an " : "a ",
                      SavedFileKindName(kind));
}

absl::Status InFile(const absl::Status& status, absl::string_view path) {
  return absl::Status(status.code(),
                      absl::StrCat(path, ": ", status.message()));
}

// The message inside a saved file's bytes.
template <typename Message>
absl::Status ParseContent(absl::string_view bytes, SavedFileKind kind,
                          absl::string_view source_name, Message* message) {
  absl::StatusOr<absl::string_view> content =
      DecodeSavedFile(bytes, kind, source_name);
  if (!content.ok()) return content.status();
  // The checksum matched, so bytes that do not parse were written wrong.
  if (!message->ParseFromArray(content->data(),
                               static_cast<int>(content->size()))) {
    return absl::DataLossError(
        absl::StrCat(source_name, ": the ", SavedFileKindName(kind),
                     " inside does not parse although its checksum matches"));
  }
  return absl::OkStatus();
}

absl::Status SaveContent(SavedFileKind kind, const std::string& content,
                         const std::string& path) {
  return WriteFileAtomically(path, EncodeSavedFile(kind, content));
}

}  // namespace

const char* SavedFileKindName(SavedFileKind kind) {
  switch (kind) {
    case SavedFileKind::kStudy:
      return "study";
    case SavedFileKind::kAggregate:
      return "aggregate";
    case SavedFileKind::kSegmentModel:
      return "segment model";
    case SavedFileKind::kForcesModel:
      return "forces model";
    case SavedFileKind::kStreamState:
      return "stream state";
  }
  return "unknown kind";
}

bool HasSavedFileSignature(absl::string_view bytes) {
  return bytes.size() >= sizeof(kSignature) &&
         std::memcmp(bytes.data(), kSignature, sizeof(kSignature)) == 0;
}

std::string EncodeSavedFile(SavedFileKind kind, absl::string_view content) {
  std::string out(kSignature, sizeof(kSignature));
  out.reserve(kSavedFileHeaderSize + content.size());
  PutLittleEndian(kSavedFileFormatVersion, 4, &out);
  PutLittleEndian(static_cast<uint32_t>(kind), 4, &out);
  PutLittleEndian(content.size(), 8, &out);
  PutLittleEndian(Crc32c(content), 4, &out);
  PutLittleEndian(Crc32c(out), 4, &out);
  out.append(content.data(), content.size());
  return out;
}

absl::StatusOr<absl::string_view> DecodeSavedFile(
    absl::string_view bytes, SavedFileKind expected,
    absl::string_view source_name) {
  const std::string kind_name = SavedFileKindName(expected);
  const size_t signature_part = std::min(bytes.size(), sizeof(kSignature));
  if (bytes.empty() ||
      std::memcmp(bytes.data(), kSignature, signature_part) != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(source_name, ": not a jtbd ", kind_name,
                     " file (it does not start with jtbd's signature)"));
  }
  if (bytes.size() < kSavedFileHeaderSize) {
    return absl::DataLossError(absl::StrCat(
        source_name, ": truncated: ", bytes.size(), " bytes, fewer than the ",
        kSavedFileHeaderSize, "-byte header"));
  }
  const absl::string_view header = bytes.substr(0, kSavedFileHeaderSize);
  if (GetLittleEndian(header, 28, 4) != Crc32c(header.substr(0, 28))) {
    return absl::DataLossError(absl::StrCat(
        source_name, ": the header is corrupt (its checksum does not match)"));
  }
  const uint64_t version = GetLittleEndian(header, 8, 4);
  if (version > kSavedFileFormatVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat(source_name, ": written by a newer jtbd (file format ",
                     version, "; this library reads format ",
                     kSavedFileFormatVersion, "): upgrade jtbd to read it"));
  }
  if (version == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(source_name, ": file format 0 does not exist"));
  }
  const uint64_t kind = GetLittleEndian(header, 12, 4);
  if (kind != static_cast<uint32_t>(expected)) {
    const bool known = kind >= 1 && kind <= 5;
    return absl::InvalidArgumentError(absl::StrCat(
        source_name, ": holds ",
        known ? WithArticle(static_cast<SavedFileKind>(kind))
              : absl::StrCat("an unknown kind of content (", kind, ")"),
        ", not ", WithArticle(expected)));
  }
  const uint64_t size = GetLittleEndian(header, 16, 8);
  absl::Status bounded = CheckRequestBytes(
      size, ResourceLimits::kDefaultMaxRequestBytes,
      absl::StrCat(source_name, ": the content the header announces"));
  if (!bounded.ok()) return bounded;
  const uint64_t present = bytes.size() - kSavedFileHeaderSize;
  if (size > present) {
    return absl::DataLossError(
        absl::StrCat(source_name, ": truncated: the header announces ", size,
                     " bytes of content, ", present, " are present"));
  }
  if (size < present) {
    return absl::DataLossError(absl::StrCat(
        source_name, ": ", present - size,
        " unexpected bytes after the content the header announces"));
  }
  const absl::string_view content = bytes.substr(kSavedFileHeaderSize);
  if (GetLittleEndian(header, 24, 4) != Crc32c(content)) {
    return absl::DataLossError(
        absl::StrCat(source_name, ": the ", kind_name,
                     " is corrupt (its checksum does not match)"));
  }
  return content;
}

absl::Status SaveStudyFile(const Study& study, const std::string& path) {
  std::string content;
  if (!SerializeDeterministically(study.ToProto(), &content)) {
    return absl::ResourceExhaustedError(
        absl::StrCat(path, ": the study is too large to save (2 GiB limit)"));
  }
  return SaveContent(SavedFileKind::kStudy, content, path);
}

absl::StatusOr<Study> ParseStudyFile(absl::string_view bytes,
                                     absl::string_view source_name) {
  v1::Study proto;
  absl::Status parsed =
      ParseContent(bytes, SavedFileKind::kStudy, source_name, &proto);
  if (!parsed.ok()) return parsed;
  parsed = CheckStudySize(proto.outcomes_size(), proto.respondents_size(),
                          ResourceLimits(), source_name);
  if (!parsed.ok()) return parsed;
  absl::StatusOr<Study> study = Study::FromProto(proto);
  if (!study.ok()) return InFile(study.status(), source_name);
  return study;
}

absl::StatusOr<Study> LoadStudyFile(const std::string& path) {
  // Mapped, not copied: a huge or hostile file costs no private memory
  // before its header is checked.
  absl::StatusOr<FileBytes> bytes = FileBytes::Open(path);
  if (!bytes.ok()) return bytes.status();
  return ParseStudyFile(bytes->bytes(), path);
}

absl::Status SaveAggregateFile(const Aggregate& aggregate,
                               const std::string& path) {
  std::string content;
  if (!SerializeDeterministically(aggregate.ToProto(), &content)) {
    return absl::ResourceExhaustedError(absl::StrCat(
        path, ": the aggregate is too large to save (2 GiB limit)"));
  }
  return SaveContent(SavedFileKind::kAggregate, content, path);
}

absl::StatusOr<std::string> EncodeAggregateFile(const Aggregate& aggregate) {
  std::string content;
  if (!SerializeDeterministically(aggregate.ToProto(), &content)) {
    return absl::ResourceExhaustedError(
        "the aggregate is too large to encode (2 GiB limit)");
  }
  return EncodeSavedFile(SavedFileKind::kAggregate, content);
}

absl::StatusOr<Aggregate> ParseAggregateFile(absl::string_view bytes,
                                             absl::string_view source_name) {
  v1::Aggregate proto;
  absl::Status parsed =
      ParseContent(bytes, SavedFileKind::kAggregate, source_name, &proto);
  if (!parsed.ok()) return parsed;
  absl::StatusOr<Aggregate> aggregate = Aggregate::FromProto(proto);
  if (!aggregate.ok()) return InFile(aggregate.status(), source_name);
  return aggregate;
}

absl::StatusOr<Aggregate> LoadAggregateFile(const std::string& path) {
  // Mapped, not copied: a huge or hostile file costs no private memory
  // before its header is checked.
  absl::StatusOr<FileBytes> bytes = FileBytes::Open(path);
  if (!bytes.ok()) return bytes.status();
  return ParseAggregateFile(bytes->bytes(), path);
}

absl::Status SaveSegmentModelFile(const SegmentModel& model,
                                  const std::string& path) {
  std::string content;
  if (!SerializeDeterministically(model.ToProto(), &content)) {
    return absl::ResourceExhaustedError(absl::StrCat(
        path, ": the segment model is too large to save (2 GiB limit)"));
  }
  return SaveContent(SavedFileKind::kSegmentModel, content, path);
}

absl::StatusOr<SegmentModel> ParseSegmentModelFile(
    absl::string_view bytes, absl::string_view source_name) {
  v1::SegmentModel proto;
  absl::Status parsed =
      ParseContent(bytes, SavedFileKind::kSegmentModel, source_name, &proto);
  if (!parsed.ok()) return parsed;
  absl::StatusOr<SegmentModel> model = SegmentModel::FromProto(proto);
  if (!model.ok()) return InFile(model.status(), source_name);
  return model;
}

absl::StatusOr<SegmentModel> LoadSegmentModelFile(const std::string& path) {
  // Mapped, not copied: a huge or hostile file costs no private memory
  // before its header is checked.
  absl::StatusOr<FileBytes> bytes = FileBytes::Open(path);
  if (!bytes.ok()) return bytes.status();
  return ParseSegmentModelFile(bytes->bytes(), path);
}

}  // namespace jtbd
