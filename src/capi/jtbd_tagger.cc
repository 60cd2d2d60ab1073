// Force tags suggested for a CRM note (docs/FORCES.md, "Force tags from
// notes"): forces::TagNote, as `jtbd tag-notes` runs it on each line.
#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "capi/capi_internal.h"
#include "forces/note_phrases.h"
#include "forces/note_tagger.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/forces.pb.h"

using jtbd::capi::CheckNotNull;
using jtbd::capi::CheckOutStruct;
using jtbd::capi::CopyOut;
using jtbd::capi::ElementAt;
using jtbd::capi::Guard;
using jtbd::capi::Publish;
using jtbd::capi::ZeroedStruct;

// The note's tags as the proto holds them: the getters hand out its text.
struct jtbd_tagged_note {
  jtbd::v1::TaggedNote note;
};

namespace {

static_assert(static_cast<int>(JTBD_NOTE_LANGUAGE_UNSPECIFIED) ==
                      jtbd::v1::NOTE_LANGUAGE_UNSPECIFIED &&
                  static_cast<int>(JTBD_NOTE_LANGUAGE_ENGLISH) ==
                      jtbd::v1::NOTE_LANGUAGE_ENGLISH &&
                  static_cast<int>(JTBD_NOTE_LANGUAGE_FRENCH) ==
                      jtbd::v1::NOTE_LANGUAGE_FRENCH,
              "jtbd_note_language mirrors jtbd.v1.NoteLanguage");
static_assert(static_cast<int>(JTBD_TAG_STATUS_UNSPECIFIED) ==
                      jtbd::v1::TAG_STATUS_UNSPECIFIED &&
                  static_cast<int>(JTBD_TAG_STATUS_SUGGESTED) ==
                      jtbd::v1::TAG_STATUS_SUGGESTED &&
                  static_cast<int>(JTBD_TAG_STATUS_CONFIRMED) ==
                      jtbd::v1::TAG_STATUS_CONFIRMED &&
                  static_cast<int>(JTBD_TAG_STATUS_REJECTED) ==
                      jtbd::v1::TAG_STATUS_REJECTED,
              "jtbd_tag_status mirrors jtbd.v1.TagStatus");

}  // namespace

extern "C" {

jtbd_error* jtbd_tag_note(int32_t language, const char* phrases,
                          size_t phrases_len, const char* text, size_t text_len,
                          jtbd_tagged_note** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    jtbd::forces::NoteTagOptions options;
    switch (language) {
      case JTBD_NOTE_LANGUAGE_UNSPECIFIED:
        break;
      case JTBD_NOTE_LANGUAGE_ENGLISH:
        options.language = jtbd::forces::NoteLanguage::kEnglish;
        break;
      case JTBD_NOTE_LANGUAGE_FRENCH:
        options.language = jtbd::forces::NoteLanguage::kFrench;
        break;
      default:
        return absl::InvalidArgumentError(absl::StrCat(
            fn, ": language ", language,
            " is not a jtbd_note_language (0 detect, 1 English, 2 French)"));
    }
    if (phrases == nullptr && phrases_len > 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": phrases is NULL with phrases_len ", phrases_len));
    }
    if (phrases_len > 0) {
      // Not TextArgument: invalid UTF-8 in the list is reported with its
      // line and column by the parser.
      JTBD_CAPI_ASSIGN_OR_RETURN(
          options.user_phrases,
          jtbd::forces::ParseUserPhrases(
              absl::string_view(phrases, phrases_len), "<phrases>"));
    }
    if (text == nullptr && text_len > 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": text is NULL with text_len ", text_len));
    }
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::forces::TaggedNote tagged,
        jtbd::forces::TagNote(text == nullptr
                                  ? absl::string_view()
                                  : absl::string_view(text, text_len),
                              options));
    auto handle = std::make_unique<jtbd_tagged_note>();
    handle->note = jtbd::forces::TaggedNoteToProto(tagged, 0);
    Publish(std::move(handle), out);
    return absl::OkStatus();
  });
}

void jtbd_tagged_note_destroy(jtbd_tagged_note* note) { delete note; }

int32_t jtbd_tagged_note_language(const jtbd_tagged_note* note) {
  if (note == nullptr) return 0;
  return static_cast<int32_t>(note->note.language());
}

size_t jtbd_tagged_note_suggestion_count(const jtbd_tagged_note* note) {
  if (note == nullptr) return 0;
  return static_cast<size_t>(note->note.suggestions_size());
}

jtbd_error* jtbd_tagged_note_suggestion(const jtbd_tagged_note* note,
                                        size_t index,
                                        jtbd_force_suggestion* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "note", note));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::v1::ForceTagSuggestion* suggestion,
        ElementAt(fn, "index", note->note.suggestions(), index));
    auto full = ZeroedStruct<jtbd_force_suggestion>();
    full.force = static_cast<int32_t>(suggestion->force());
    full.status = static_cast<int32_t>(suggestion->status());
    full.phrase = suggestion->phrase().c_str();
    full.phrase_len = suggestion->phrase().size();
    full.start = suggestion->start();
    full.end = suggestion->end();
    full.confidence = suggestion->confidence();
    full.user_phrase = suggestion->user_phrase() ? 1 : 0;
    CopyOut(full, out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_tagged_note_serialize(const jtbd_tagged_note* note,
                                       jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "note", note));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::unique_ptr<jtbd_buffer> buffer,
                               jtbd::capi::SerializeToBuffer(note->note));
    Publish(std::move(buffer), out);
    return absl::OkStatus();
  });
}

}  // extern "C"
