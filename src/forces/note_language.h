#ifndef JTBD_FORCES_NOTE_LANGUAGE_H_
#define JTBD_FORCES_NOTE_LANGUAGE_H_

#include <vector>

#include "forces/note_lexicon.h"
#include "forces/note_tokens.h"

namespace jtbd {
namespace forces {

// English or French, guessed from the words of a note: each frequent
// function word of one language and not the other ("the", "is", "and";
// "le", "est", "et", "pas") counts one vote, and each accented Latin letter
// of the note (é, è, à, ç...; `accented_letters`, at most three counted)
// one more for French. The larger count wins; a tie (a note without any such
// word, "Demo OK.") is English, the more common CRM language.
NoteLanguage DetectNoteLanguage(const std::vector<NoteToken>& tokens,
                                int accented_letters);

}  // namespace forces
}  // namespace jtbd

#endif  // JTBD_FORCES_NOTE_LANGUAGE_H_
