#ifndef JTBD_IO_LATIN_COMPOSE_H_
#define JTBD_IO_LATIN_COMPOSE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace jtbd {

// Unicode canonical composition (the composing half of NFC) for Latin
// letters: a base letter followed by combining marks (U+0300..U+036F) becomes
// the precomposed letter whenever one exists in U+00C0..U+024F or
// U+1E00..U+1EFF ("e" U+0301 -> "é", "u" U+031B U+0301 -> "ứ"), which covers
// the text French and English statements carry. Marks that compose with
// nothing, and every other character, are kept as they are, so text that is
// already NFC comes back unchanged. Not implemented: canonical reordering of
// several marks, Hangul, and letters outside those blocks. `text` must be
// valid UTF-8.
std::string ComposeLatin(absl::string_view text);

}  // namespace jtbd

#endif  // JTBD_IO_LATIN_COMPOSE_H_
