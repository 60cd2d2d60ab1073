// The words of a statement, with where each lies in the text.
#ifndef JTBD_STATEMENTS_STATEMENT_TEXT_H_
#define JTBD_STATEMENTS_STATEMENT_TEXT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace jtbd {
namespace statements {

enum class Language { kAuto = 0, kEnglish = 1, kFrench = 2 };

// A half-open range [begin, end) of UTF-8 bytes of a statement's NFC text
// (docs/STATEMENTS.md: offsets are bytes of the NFC form, which is the
// `text` every result carries). begin == end: the part is absent.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin == end; }
};

// A word, an elided article ("l'", "qu'", "d'") or one punctuation mark.
struct Token {
  Span span;
  // The form words are compared in: io's NormalizeText of the word (lower
  // case, accents removed, typographic apostrophes as "'").
  std::string key;
  bool punctuation = false;
};

// Splits `nfc_text` (valid UTF-8, already composed) into tokens. Spaces are
// ASCII white space, U+00A0, U+202F, U+2007 and U+2009; French elisions
// ("l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'", "lorsqu'",
// "puisqu'", "jusqu'") become tokens of their own, with either apostrophe.
std::vector<Token> Tokenize(absl::string_view nfc_text);

// The key sequence of a phrase written in plain text ("the time it takes
// to"), as Tokenize would produce it: lexicon entries are matched this way.
std::vector<std::string> PhraseKeys(absl::string_view phrase);

}  // namespace statements
}  // namespace jtbd

#endif  // JTBD_STATEMENTS_STATEMENT_TEXT_H_
