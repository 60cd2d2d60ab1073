#include "io/text_encoding.h"

#include <cstdint>

#include "absl/strings/str_format.h"
#include "io/source_position.h"

namespace jtbd {

namespace {

void AppendUtf8(uint32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

absl::Status ConvertUtf16(absl::string_view bytes, bool little_endian,
                          absl::string_view source_name, std::string* out) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t units = bytes.size() / 2;
  auto unit_at = [&](size_t i) -> uint32_t {
    return little_endian ? data[2 * i] | (data[2 * i + 1] << 8)
                         : (data[2 * i] << 8) | data[2 * i + 1];
  };
  out->clear();
  out->reserve(units + units / 8);
  size_t line = 1;
  for (size_t i = 0; i < units; ++i) {
    uint32_t unit = unit_at(i);
    if (unit < 0x80) {
      if (unit == '\n') ++line;
      out->push_back(static_cast<char>(unit));
      continue;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const uint32_t low = i + 1 < units ? unit_at(i + 1) : 0;
      if (low < 0xDC00 || low > 0xDFFF) {
        return SourcePositionError(
            source_name, line, 0, "",
            absl::StrFormat("invalid UTF-16: high surrogate 0x%04X is not "
                            "followed by a low surrogate",
                            unit));
      }
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
      ++i;
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      return SourcePositionError(
          source_name, line, 0, "",
          absl::StrFormat("invalid UTF-16: low surrogate 0x%04X without a "
                          "high surrogate before it",
                          unit));
    }
    AppendUtf8(unit, out);
  }
  if (bytes.size() % 2 != 0) {
    return SourcePositionError(
        source_name, line, 0, "",
        "invalid UTF-16: the file ends in the middle of a character (an odd "
        "number of bytes)");
  }
  return absl::OkStatus();
}

}  // namespace

const char* TextEncodingName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8:
      return "UTF-8";
    case TextEncoding::kUtf8WithBom:
      return "UTF-8 with BOM";
    case TextEncoding::kUtf16Le:
      return "UTF-16LE";
    case TextEncoding::kUtf16Be:
      return "UTF-16BE";
  }
  return "UTF-8";
}

absl::StatusOr<DecodedText> DecodeSurveyText(absl::string_view raw,
                                             absl::string_view source_name,
                                             std::string* storage) {
  const auto byte = [&raw](size_t i) -> unsigned {
    return static_cast<unsigned char>(raw[i]);
  };
  TextEncoding encoding = TextEncoding::kUtf8;
  size_t skip = 0;
  if (raw.size() >= 3 && byte(0) == 0xEF && byte(1) == 0xBB &&
      byte(2) == 0xBF) {
    return DecodedText{raw, TextEncoding::kUtf8WithBom};
  } else if (raw.size() >= 2 && byte(0) == 0xFF && byte(1) == 0xFE) {
    encoding = TextEncoding::kUtf16Le;
    skip = 2;
  } else if (raw.size() >= 2 && byte(0) == 0xFE && byte(1) == 0xFF) {
    encoding = TextEncoding::kUtf16Be;
    skip = 2;
  } else if (raw.size() >= 2 && byte(0) != 0 && byte(0) < 0x80 &&
             byte(1) == 0) {
    encoding = TextEncoding::kUtf16Le;  // "i\0d\0": ASCII in UTF-16LE
  } else if (raw.size() >= 2 && byte(0) == 0 && byte(1) != 0 &&
             byte(1) < 0x80) {
    encoding = TextEncoding::kUtf16Be;
  } else {
    return DecodedText{raw, TextEncoding::kUtf8};
  }
  absl::Status converted =
      ConvertUtf16(raw.substr(skip), encoding == TextEncoding::kUtf16Le,
                   source_name, storage);
  if (!converted.ok()) return converted;
  return DecodedText{*storage, encoding};
}

}  // namespace jtbd
