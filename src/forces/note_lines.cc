#include "forces/note_lines.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "io/utf8.h"

namespace jtbd {
namespace forces {

absl::StatusOr<v1::TaggedNotes> TagNoteLines(absl::string_view text,
                                             absl::string_view source_name,
                                             const NoteTagOptions& options) {
  if (absl::StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  v1::TaggedNotes notes;
  size_t offset = 0;
  int index = 0;
  while (offset < text.size()) {
    size_t end = text.find('\n', offset);
    if (end == absl::string_view::npos) end = text.size();
    absl::string_view line = text.substr(offset, end - offset);
    offset = end + 1;
    if (absl::EndsWith(line, "\r")) line.remove_suffix(1);
    const size_t invalid = FindInvalidUtf8(line);
    if (invalid != absl::string_view::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat(source_name, ":", index + 1, ":", invalid + 1,
                       ": invalid UTF-8 (notes must be UTF-8 text)"));
    }
    if (line.size() > kMaxNoteBytes) {
      return absl::InvalidArgumentError(
          absl::StrCat(source_name, ":", index + 1, ":1: a note of ",
                       line.size(), " bytes; at most ", kMaxNoteBytes));
    }
    absl::StatusOr<TaggedNote> tagged = TagNote(line, options);
    if (!tagged.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          source_name, ":", index + 1, ":1: ", tagged.status().message()));
    }
    *notes.add_notes() = TaggedNoteToProto(*tagged, index);
    ++index;
  }
  return notes;
}

}  // namespace forces
}  // namespace jtbd
