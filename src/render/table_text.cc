#include "render/table_text.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace jtbd {
namespace render {

std::string CsvField(absl::string_view field) {
  if (field.find_first_of(",\"\r\n") == absl::string_view::npos) {
    return std::string(field);
  }
  return absl::StrCat("\"", absl::StrReplaceAll(field, {{"\"", "\"\""}}), "\"");
}

size_t DisplayWidth(absl::string_view text) {
  size_t width = 0;
  // Continuation bytes (10xxxxxx) do not start a character.
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  }
  return width;
}

std::string Truncate(absl::string_view text, size_t width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  const size_t keep = width > 3 ? width - 3 : 0;
  size_t kept = 0;
  size_t end = 0;
  while (end < text.size()) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80) {
      if (kept == keep) break;
      ++kept;
    }
    ++end;
  }
  std::string cut(text.substr(0, end));
  // No trailing blank before the ellipsis.
  while (!cut.empty() && cut.back() == ' ') cut.pop_back();
  return absl::StrCat(cut, "...");
}

std::string OneLine(absl::string_view text) {
  std::string line(text);
  for (char& c : line) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return line;
}

std::string PadRight(absl::string_view text, size_t width) {
  std::string padded(text);
  const size_t shown = DisplayWidth(text);
  if (shown < width) padded.append(width - shown, ' ');
  return padded;
}

}  // namespace render
}  // namespace jtbd
