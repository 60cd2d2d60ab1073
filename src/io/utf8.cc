#include "io/utf8.h"

#include <cstdint>
#include <cstring>

namespace jtbd {

size_t FindInvalidUtf8(absl::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t i = 0;
  while (i < size) {
    // Survey files are mostly ASCII: skip 32 such bytes at a time (four
    // words OR-ed: one test, which compilers turn into vector code), then
    // eight.
    while (i + 32 <= size) {
      uint64_t words[4];
      std::memcpy(words, bytes + i, sizeof(words));
      if (((words[0] | words[1] | words[2] | words[3]) &
           0x8080808080808080ULL) != 0) {
        break;
      }
      i += 32;
    }
    if (i == size) break;  // all ASCII up to the end: no byte i to read
    if (i + 8 <= size) {
      uint64_t word;
      std::memcpy(&word, bytes + i, sizeof(word));
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // Length and the allowed range of the second byte, per Table 3-7; the
    // narrowed ranges after E0, ED, F0 and F4 exclude overlongs, surrogates
    // and code points above U+10FFFF.
    size_t length;
    unsigned char second_min = 0x80;
    unsigned char second_max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) second_min = 0xA0;
      if (lead == 0xED) second_max = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) second_min = 0x90;
      if (lead == 0xF4) second_max = 0x8F;
    } else {
      return i;  // continuation byte, C0/C1 (always overlong) or F5..FF
    }
    if (i + length > size) return i;
    if (bytes[i + 1] < second_min || bytes[i + 1] > second_max) return i;
    for (size_t k = 2; k < length; ++k) {
      if (bytes[i + k] < 0x80 || bytes[i + k] > 0xBF) return i;
    }
    i += length;
  }
  return absl::string_view::npos;
}

}  // namespace jtbd
