#include "statements/statement_text.h"

#include <cstdint>

#include "io/text_normalize.h"

namespace jtbd {
namespace statements {

namespace {

uint32_t DecodeAt(absl::string_view text, size_t i, size_t* length) {
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char c = b[i];
  if (c < 0x80) {
    *length = 1;
    return c;
  }
  if (c < 0xE0 && i + 1 < text.size()) {
    *length = 2;
    return ((c & 0x1Fu) << 6) | (b[i + 1] & 0x3Fu);
  }
  if (c < 0xF0 && i + 2 < text.size()) {
    *length = 3;
    return ((c & 0x0Fu) << 12) | ((b[i + 1] & 0x3Fu) << 6) | (b[i + 2] & 0x3Fu);
  }
  *length = i + 4 <= text.size() ? 4 : text.size() - i;
  return 0x10FFFF;
}

bool IsSpace(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
         cp == '\v' || cp == 0xA0 || cp == 0x202F || cp == 0x2007 ||
         cp == 0x2009;
}

bool IsApostrophe(uint32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}

// Marks that are tokens of their own. Hyphens and apostrophes stay inside
// words ("re-entered", "patient's").
bool IsPunctuation(uint32_t cp) {
  switch (cp) {
    case ',':
    case ';':
    case ':':
    case '.':
    case '!':
    case '?':
    case '(':
    case ')':
    case '[':
    case ']':
    case '"':
    case '/':
    case '&':
    case 0xAB:
    case 0xBB:
    case 0x201C:
    case 0x201D:
    case 0x2026:
    case 0x2013:
    case 0x2014:
      return true;
    default:
      return false;
  }
}

// The elided words of French, in key form, that end at an apostrophe.
bool IsElision(absl::string_view key) {
  static const char* const kElisions[] = {
      "l", "d",  "j",      "m",      "n",     "s",     "t",
      "c", "qu", "lorsqu", "puisqu", "jusqu", "quoiqu"};
  for (const char* e : kElisions) {
    if (key == e) return true;
  }
  return false;
}

void AddToken(absl::string_view text, size_t begin, size_t end,
              bool punctuation, std::vector<Token>* tokens) {
  Token token;
  token.span.begin = static_cast<uint32_t>(begin);
  token.span.end = static_cast<uint32_t>(end);
  token.key = NormalizeText(text.substr(begin, end - begin));
  token.punctuation = punctuation;
  tokens->push_back(std::move(token));
}

// A word [begin, end): split off a leading elision ("qu'il" -> "qu'" "il").
void AddWord(absl::string_view text, size_t begin, size_t end,
             std::vector<Token>* tokens) {
  size_t i = begin;
  while (i < end) {
    size_t length = 0;
    const uint32_t cp = DecodeAt(text, i, &length);
    if (IsApostrophe(cp) && i > begin && i + length < end) {
      const std::string head = NormalizeText(text.substr(begin, i - begin));
      if (IsElision(head)) {
        AddToken(text, begin, i + length, false, tokens);
        AddWord(text, i + length, end, tokens);
        return;
      }
      break;
    }
    i += length;
  }
  AddToken(text, begin, end, false, tokens);
}

}  // namespace

std::vector<Token> Tokenize(absl::string_view nfc_text) {
  std::vector<Token> tokens;
  size_t word_begin = 0;
  bool in_word = false;
  size_t i = 0;
  while (i < nfc_text.size()) {
    size_t length = 0;
    const uint32_t cp = DecodeAt(nfc_text, i, &length);
    const bool space = IsSpace(cp);
    const bool mark = IsPunctuation(cp);
    if (space || mark) {
      if (in_word) AddWord(nfc_text, word_begin, i, &tokens);
      in_word = false;
      if (mark) AddToken(nfc_text, i, i + length, true, &tokens);
    } else if (!in_word) {
      in_word = true;
      word_begin = i;
    }
    i += length;
  }
  if (in_word) AddWord(nfc_text, word_begin, nfc_text.size(), &tokens);
  return tokens;
}

std::vector<std::string> PhraseKeys(absl::string_view phrase) {
  std::vector<std::string> keys;
  for (Token& token : Tokenize(phrase)) keys.push_back(std::move(token.key));
  return keys;
}

}  // namespace statements
}  // namespace jtbd
