#ifndef JTBD_FORCES_NOTE_PHRASES_H_
#define JTBD_FORCES_NOTE_PHRASES_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "forces/note_lexicon.h"

namespace jtbd {
namespace forces {

// The confidence of a user phrase's plain match.
constexpr double kUserPhraseWeight = 0.8;

// A user phrase list: one `force,phrase` per line (UTF-8, BOM allowed; LF
// or CRLF), the force in English or French (push, pull, anxiety, habit,
// poussée, attraction, anxiété, habitude, inertia, inertie; case and accents
// ignored), the phrase in CompilePhrase's syntax (everything after the
// first comma, spaces around it trimmed). Blank lines and lines starting
// with '#' are skipped. INVALID_ARGUMENT "<source>:<line>:<column>: ..."
// (column in bytes, 1-based) for invalid UTF-8, a line without a comma, an
// unknown force, a phrase that does not compile; nothing of the list is
// returned then.
absl::StatusOr<std::vector<LexiconEntry>> ParseUserPhrases(
    absl::string_view text, absl::string_view source_name);

}  // namespace forces
}  // namespace jtbd

#endif  // JTBD_FORCES_NOTE_PHRASES_H_
