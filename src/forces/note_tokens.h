#ifndef JTBD_FORCES_NOTE_TOKENS_H_
#define JTBD_FORCES_NOTE_TOKENS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace jtbd {
namespace forces {

// One word of a note as the force tagger matches it: `text` in
// NormalizeText form (lower case, no accents) and where it came from, as
// byte offsets into the UTF-8 note ([start, end)).
struct NoteToken {
  std::string text;
  size_t start = 0;
  size_t end = 0;
  // A clause begins here (after . , ; : ! ? ( ) or a dash, or at the start):
  // negation and intensifiers do not reach across it.
  bool clause_start = false;
};

// Splits a note (valid UTF-8; the caller checks) into words. Letters and
// digits of any script make words; everything else separates them.
// Apostrophes (' and the typographic U+2019, U+2018, U+02BC) are resolved
// so that phrases match whatever the contraction:
// - French elisions become the full word, keeping the bytes of the elided
//   form: l' -> le, d' -> de, qu' -> que, n' -> ne, j' -> je, s' -> se,
//   c' -> ce, m' -> me, t' -> te, jusqu' -> jusque, lorsqu' -> lorsque,
//   puisqu' -> puisque;
// - English n't becomes "not" (don't -> do not, can't -> can not, won't ->
//   will not), with the bytes of "n't";
// - English 's 're 've 'll 'd 'm are dropped (the word before stays).
std::vector<NoteToken> TokenizeNote(absl::string_view note);

}  // namespace forces
}  // namespace jtbd

#endif  // JTBD_FORCES_NOTE_TOKENS_H_
