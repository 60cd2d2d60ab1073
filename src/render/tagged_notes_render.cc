#include "render/tagged_notes_render.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "render/json_text.h"

namespace jtbd {

namespace {

// The JSON keys of the forces (as force_names' ForceName; render does not
// reach src/forces).
const char* ForceKey(v1::Force force) {
  switch (force) {
    case v1::FORCE_PUSH:
      return "push";
    case v1::FORCE_PULL:
      return "pull";
    case v1::FORCE_ANXIETY:
      return "anxiety";
    case v1::FORCE_HABIT:
      return "habit";
    default:
      return "unspecified";
  }
}

const char* LanguageCode(v1::NoteLanguage language) {
  switch (language) {
    case v1::NOTE_LANGUAGE_ENGLISH:
      return "en";
    case v1::NOTE_LANGUAGE_FRENCH:
      return "fr";
    default:
      return "";
  }
}

// A JSON string: quotes, backslashes and control characters escaped; the
// text is valid UTF-8 (the tagger checked), passed through.
void AppendJsonString(absl::string_view text, std::string* out) {
  out->push_back('"');
  render::AppendJsonEscaped(text, out);
  out->push_back('"');
}

}  // namespace

std::string RenderTaggedNotesJson(const v1::TaggedNotes& notes) {
  std::string out = "{\"notes\": [";
  for (int i = 0; i < notes.notes_size(); ++i) {
    const v1::TaggedNote& note = notes.notes(i);
    absl::StrAppend(&out, i == 0 ? "\n" : ",\n",
                    "  {\"index\": ", note.note_index(), ", \"language\": \"",
                    LanguageCode(note.language()), "\", \"suggestions\": [");
    for (int s = 0; s < note.suggestions_size(); ++s) {
      const v1::ForceTagSuggestion& suggestion = note.suggestions(s);
      absl::StrAppend(&out, s == 0 ? "" : ", ", "{\"force\": \"",
                      ForceKey(suggestion.force()), "\", \"phrase\": ");
      AppendJsonString(suggestion.phrase(), &out);
      // Confidences have two decimals; %g prints them exactly and shortest.
      absl::StrAppend(
          &out, ", \"start\": ", suggestion.start(),
          ", \"end\": ", suggestion.end(),
          ", \"confidence\": ", absl::StrFormat("%g", suggestion.confidence()),
          ", \"suggestion\": ",
          suggestion.status() == v1::TAG_STATUS_SUGGESTED ? "true" : "false",
          "}");
    }
    out.append("]}");
  }
  out.append(notes.notes_size() == 0 ? "]}\n" : "\n]}\n");
  return out;
}

std::string RenderTaggedNotesTable(const v1::TaggedNotes& notes) {
  std::string out = absl::StrFormat("%-6s %-4s %-8s %-5s %-7s %-7s %s\n",
                                    "line", "lang", "force", "conf", "start",
                                    "end", "phrase (suggested, to confirm)");
  for (const v1::TaggedNote& note : notes.notes()) {
    const int line = static_cast<int>(note.note_index()) + 1;
    if (note.suggestions_size() == 0) {
      absl::StrAppendFormat(&out, "%-6d %-4s -\n", line,
                            LanguageCode(note.language()));
    }
    for (const v1::ForceTagSuggestion& s : note.suggestions()) {
      absl::StrAppendFormat(&out, "%-6d %-4s %-8s %-5.2f %-7u %-7u %s\n", line,
                            LanguageCode(note.language()), ForceKey(s.force()),
                            s.confidence(), s.start(), s.end(), s.phrase());
    }
  }
  return out;
}

}  // namespace jtbd
