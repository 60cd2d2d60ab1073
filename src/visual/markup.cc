#include "visual/markup.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

namespace jtbd {
namespace visual {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence at text[i] and its code point;
// 0 when the bytes there are not one (overlong forms and surrogates
// included).
size_t Utf8Sequence(absl::string_view text, size_t i, uint32_t* code_point) {
  const auto byte = [&](size_t k) {
    return static_cast<unsigned char>(text[k]);
  };
  const unsigned char lead = byte(i);
  size_t length = 0;
  uint32_t value = 0;
  uint32_t min = 0;
  if (lead < 0x80) {
    *code_point = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
    return 0;
  *code_point = value;
  return length;
}

}  // namespace

std::string EscapeMarkup(absl::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  size_t i = 0;
  while (i < text.size()) {
    uint32_t code_point = 0;
    const size_t length = Utf8Sequence(text, i, &code_point);
    if (length == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    switch (code_point) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case 0xFFFE:
      case 0xFFFF:
        out += kReplacement;
        break;
      default:
        if (code_point < 0x20 || code_point == 0x7F) {
          out += ' ';
        } else {
          out.append(text.data() + i, length);
        }
    }
    i += length;
  }
  return out;
}

std::string Fixed(double value, int decimals) {
  if (!std::isfinite(value)) value = 0;
  char buffer[64];
  const std::to_chars_result result =
      std::to_chars(buffer, buffer + sizeof(buffer), value,
                    std::chars_format::fixed, decimals);
  std::string text(buffer, result.ptr);
  // "-0.00" and the like: a rounded zero has no sign.
  if (!text.empty() && text[0] == '-' &&
      text.find_first_not_of("-0.") == std::string::npos) {
    text.erase(0, 1);
  }
  return text;
}

}  // namespace visual
}  // namespace jtbd
