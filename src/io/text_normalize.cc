#include "io/text_normalize.h"

#include <cstdint>

namespace jtbd {

namespace {

// Base letters of U+00C0..U+00FF in lower case; "" drops the character
// (multiplication and division signs are kept, see below).
const char* const kLatin1Base[64] = {
    "a", "a", "a", "a",     "a",  "a",  "ae", "c", "e", "e", "e",     "e", "i",
    "i", "i", "i", "d",     "n",  "o",  "o",  "o", "o", "o", nullptr, "o", "u",
    "u", "u", "u", "y",     "th", "ss", "a",  "a", "a", "a", "a",     "a", "ae",
    "c", "e", "e", "e",     "e",  "i",  "i",  "i", "i", "d", "n",     "o", "o",
    "o", "o", "o", nullptr, "o",  "u",  "u",  "u", "u", "y", "th",    "y"};

// Base letters of U+0100..U+017F (Latin Extended-A), in pairs of upper and
// lower case mostly; nullptr keeps the character.
const char* LatinExtendedABase(uint32_t code_point) {
  static const char* const kBase[128] = {
      "a", "a", "a", "a", "a",  "a",  "c", "c", "c", "c", "c", "c",  "c",
      "c", "d", "d", "d", "d",  "e",  "e", "e", "e", "e", "e", "e",  "e",
      "e", "e", "g", "g", "g",  "g",  "g", "g", "g", "g", "h", "h",  "h",
      "h", "i", "i", "i", "i",  "i",  "i", "i", "i", "i", "i", "ij", "ij",
      "j", "j", "k", "k", "k",  "l",  "l", "l", "l", "l", "l", "l",  "l",
      "l", "l", "n", "n", "n",  "n",  "n", "n", "n", "n", "n", "o",  "o",
      "o", "o", "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r",  "s",
      "s", "s", "s", "s", "s",  "s",  "s", "t", "t", "t", "t", "t",  "t",
      "u", "u", "u", "u", "u",  "u",  "u", "u", "u", "u", "u", "u",  "w",
      "w", "y", "y", "y", "z",  "z",  "z", "z", "z", "z", "s"};
  return kBase[code_point - 0x100];
}

}  // namespace

void NormalizeTextInto(absl::string_view text, std::string* out) {
  out->clear();
  out->reserve(text.size());
  bool pending_space = false;
  auto emit = [&](absl::string_view piece) {
    if (pending_space && !out->empty()) out->push_back(' ');
    pending_space = false;
    out->append(piece.data(), piece.size());
  };
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t i = 0;
  while (i < size) {
    const unsigned char c = bytes[i];
    if (c < 0x80) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pending_space = true;
      } else {
        const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32)
                                                : static_cast<char>(c);
        emit(absl::string_view(&lower, 1));
      }
      ++i;
      continue;
    }
    size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (i + length > size) length = size - i;
    uint32_t code_point = 0;
    if (length == 2) {
      code_point = ((c & 0x1F) << 6) | (bytes[i + 1] & 0x3F);
    } else if (length == 3) {
      code_point = ((c & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) |
                   (bytes[i + 2] & 0x3F);
    }
    const absl::string_view original(text.data() + i, length);
    i += length;
    if (code_point == 0xA0 || code_point == 0x202F || code_point == 0x2007 ||
        code_point == 0x2009) {
      pending_space = true;
    } else if (code_point == 0x2019 || code_point == 0x2018 ||
               code_point == 0x02BC) {
      emit("'");
    } else if (code_point >= 0xC0 && code_point <= 0xFF &&
               kLatin1Base[code_point - 0xC0] != nullptr) {
      emit(kLatin1Base[code_point - 0xC0]);
    } else if (code_point >= 0x100 && code_point <= 0x17F) {
      emit(LatinExtendedABase(code_point));
    } else {
      emit(original);
    }
  }
}

std::string NormalizeText(absl::string_view text) {
  std::string out;
  NormalizeTextInto(text, &out);
  return out;
}

}  // namespace jtbd
