// POST /v1/tag-notes as a plain function, like compare_endpoint.cc: the
// notes and the phrase list taken out of one JSON body, each note tagged
// as `jtbd tag-notes` tags a line (forces/note_tagger.h), the result
// rendered as the command renders it.
#include "serve/tag_notes_endpoint.h"

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "forces/note_phrases.h"
#include "forces/note_tagger.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "jtbd/v1/forces.pb.h"
#include "render/tagged_notes_render.h"

namespace jtbd {
namespace serve {
namespace {

constexpr absl::string_view kJsonMediaType = "application/json";
constexpr int kUnsupportedMediaType = 415;
constexpr absl::string_view kExpected =
    "(expected {\"notes\": [\"...\"], \"phrases\": \"force,phrase...\"})";

absl::Status TakeParams(const QueryParams& params,
                        forces::NoteTagOptions* options) {
  for (const auto& entry : params) {
    const std::string& name = entry.first;
    const std::string& value = entry.second;
    absl::Status once = CheckGivenOnce(params, name);
    if (!once.ok()) return once;
    if (name != "lang") {
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown query parameter \"", name, "\" (/v1/tag-notes takes lang)"));
    }
    if (value == "en") {
      options->language = forces::NoteLanguage::kEnglish;
    } else if (value == "fr") {
      options->language = forces::NoteLanguage::kFrench;
    } else if (value != "auto") {
      return BadParam(name, value, "en, fr or auto");
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::TaggedNotes> TagBody(absl::string_view body,
                                        const QueryParams& params) {
  forces::NoteTagOptions options;
  if (absl::Status taken = TakeParams(params, &options); !taken.ok()) {
    return taken;
  }
  google::protobuf::Struct parsed;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(body.data(), body.size()), &parsed);
  if (!status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("body: not a JSON object: ", status.message().ToString(),
                     " ", kExpected));
  }
  const google::protobuf::Value* notes = nullptr;
  for (const auto& entry : parsed.fields()) {
    if (entry.first == "notes") {
      notes = &entry.second;
    } else if (entry.first == "phrases") {
      if (entry.second.kind_case() != google::protobuf::Value::kStringValue) {
        return absl::InvalidArgumentError(
            "body: \"phrases\" must be a string of force,phrase lines");
      }
      absl::StatusOr<std::vector<forces::LexiconEntry>> phrases =
          forces::ParseUserPhrases(entry.second.string_value(), "phrases");
      if (!phrases.ok()) return phrases.status();
      options.user_phrases = *std::move(phrases);
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          "body: unknown field \"", entry.first, "\" ", kExpected));
    }
  }
  if (notes == nullptr ||
      notes->kind_case() != google::protobuf::Value::kListValue) {
    return absl::InvalidArgumentError(absl::StrCat(
        "body: \"notes\" must be an array of strings ", kExpected));
  }
  v1::TaggedNotes tagged_notes;
  const auto& values = notes->list_value().values();
  for (int i = 0; i < values.size(); ++i) {
    if (values[i].kind_case() != google::protobuf::Value::kStringValue) {
      return absl::InvalidArgumentError(
          absl::StrCat("notes[", i, "]: must be a string"));
    }
    absl::StatusOr<forces::TaggedNote> tagged =
        forces::TagNote(values[i].string_value(), options);
    if (!tagged.ok()) {
      return absl::Status(
          tagged.status().code(),
          absl::StrCat("notes[", i, "]: ", tagged.status().message()));
    }
    *tagged_notes.add_notes() = forces::TaggedNoteToProto(*tagged, i);
  }
  return tagged_notes;
}

}  // namespace

bool IsTagNotesMediaType(absl::string_view content_type) {
  return MediaType(content_type) == kJsonMediaType;
}

JsonReply UnsupportedTagNotesMediaType(absl::string_view content_type) {
  return ErrorReply(
      kUnsupportedMediaType, "INVALID_ARGUMENT",
      absl::StrCat("Content-Type \"", content_type,
                   "\": /v1/tag-notes reads application/json ", kExpected));
}

JsonReply TagNotes(absl::string_view content_type, absl::string_view body,
                   const QueryParams& params, const ResourceLimits& limits) {
  if (!IsTagNotesMediaType(content_type)) {
    return UnsupportedTagNotesMediaType(content_type);
  }
  absl::Status size =
      CheckRequestBytes(body.size(), limits.max_request_bytes, "the body");
  if (!size.ok()) return ErrorReply(size);
  absl::StatusOr<v1::TaggedNotes> notes = TagBody(body, params);
  if (!notes.ok()) return ErrorReply(notes.status());
  JsonReply reply;
  reply.body = RenderTaggedNotesJson(*notes);
  return reply;
}

}  // namespace serve
}  // namespace jtbd
