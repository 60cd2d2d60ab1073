#ifndef JTBD_FORCES_NOTE_TAGGER_H_
#define JTBD_FORCES_NOTE_TAGGER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "forces/note_lexicon.h"
#include "jtbd/v1/forces.pb.h"

namespace jtbd {
namespace forces {

// The longest note tagged, in bytes (offsets fit the proto's uint32).
constexpr size_t kMaxNoteBytes = size_t{1} << 24;

// How notes are tagged.
struct NoteTagOptions {
  // English or French; nullopt: detected per note (DetectNoteLanguage).
  std::optional<NoteLanguage> language;
  // The user's own phrases (ParseUserPhrases, CompilePhrase), matched in
  // every language, before the built-in ones when they overlap.
  std::vector<LexiconEntry> user_phrases;
};

// A force tag proposed for a span of a note. Always a suggestion: a person
// confirms it (or not) before it counts as a force observation.
struct ForceSuggestion {
  v1::Force force = v1::FORCE_UNSPECIFIED;
  std::string phrase;  // the note's bytes [start, end), as written
  size_t start = 0;    // byte offsets into the UTF-8 note
  size_t end = 0;
  double confidence = 0.0;   // in [0.05, 0.99], two decimals
  bool user_phrase = false;  // matched a phrase of the user's list
};

// The suggestions for one note, in the order of their start.
struct TaggedNote {
  NoteLanguage language = NoteLanguage::kEnglish;
  std::vector<ForceSuggestion> suggestions;
};

// Proposes force tags for one CRM note (docs/FORCES.md, "Force tags from
// notes"): every phrase of the language's lexicon and of the user's list
// found in the note (case, accents and elisions aside), the longest where
// two overlap, without those negated within their clause ("not worried",
// "pas inquiet", "aucune inquiétude"). Confidence is the phrase's weight,
// +0.1 after an intensifier ("very", "vraiment"), -0.15 after a hedge
// ("maybe", "peut-être"). INVALID_ARGUMENT, naming the byte offset, when
// `note` is not valid UTF-8, and for a note over kMaxNoteBytes. Thread-safe;
// the built-in lexicons are compiled once on first use.
absl::StatusOr<TaggedNote> TagNote(absl::string_view note,
                                   const NoteTagOptions& options);

// The proto form (jtbd.v1.TaggedNote), every suggestion with status
// TAG_STATUS_SUGGESTED.
v1::TaggedNote TaggedNoteToProto(const TaggedNote& tagged, int note_index);

}  // namespace forces
}  // namespace jtbd

#endif  // JTBD_FORCES_NOTE_TAGGER_H_
