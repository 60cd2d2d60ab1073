#ifndef JTBD_IO_TEXT_NORMALIZE_H_
#define JTBD_IO_TEXT_NORMALIZE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace jtbd {

// The form in which labels, question texts and header names are compared,
// so that what a person reads as the same text matches: letters in lower
// case with the accents of Latin-1 and Latin Extended-A letters removed
// ("Extrêmement" = "extremement", "Œ" = "oe"), every run of spaces, tabs,
// line breaks and no-break spaces (U+00A0, U+202F) one space, none at either
// end, and typographic apostrophes (U+2019, U+2018, U+02BC) as "'". Other
// characters are kept as they are. `text` must be valid UTF-8.
std::string NormalizeText(absl::string_view text);
void NormalizeTextInto(absl::string_view text, std::string* out);

// Whether normalized `text` contains normalized `word` (both already in
// NormalizeText form).
inline bool ContainsWord(absl::string_view text, absl::string_view word) {
  return text.find(word) != absl::string_view::npos;
}

}  // namespace jtbd

#endif  // JTBD_IO_TEXT_NORMALIZE_H_
