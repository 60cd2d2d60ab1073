#ifndef JTBD_FORCES_NOTE_LINES_H_
#define JTBD_FORCES_NOTE_LINES_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "forces/note_tagger.h"
#include "jtbd/v1/forces.pb.h"

namespace jtbd {
namespace forces {

// A file of one note per line (`jtbd tag-notes`, the sidecar's
// /v1/tag-notes): LF or CRLF line ends, a UTF-8 BOM skipped (offsets then
// count from the byte after it on the first line), a last line without its
// newline taken, a blank line a note without suggestions (so that note i is
// line i + 1). Offsets are bytes within each line. Refused as a whole,
// INVALID_ARGUMENT "<source>:<line>:<column>: invalid UTF-8 ..." (column in
// bytes, 1-based), when any line is not UTF-8 or longer than kMaxNoteBytes.
absl::StatusOr<v1::TaggedNotes> TagNoteLines(absl::string_view text,
                                             absl::string_view source_name,
                                             const NoteTagOptions& options);

}  // namespace forces
}  // namespace jtbd

#endif  // JTBD_FORCES_NOTE_LINES_H_
