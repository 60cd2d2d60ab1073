#include "render/table_text.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"

namespace jtbd {
namespace render {

bool IsPlainNumber(absl::string_view text) {
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  size_t digits = 0;
  while (i < text.size() && absl::ascii_isdigit(text[i])) ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && absl::ascii_isdigit(text[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    size_t exponent_digits = 0;
    while (i < text.size() && absl::ascii_isdigit(text[i])) {
      ++i, ++exponent_digits;
    }
    if (exponent_digits == 0) return false;
  }
  return i == text.size();
}

std::string CsvField(absl::string_view field) {
  std::string cell;
  // OWASP's list of formula triggers; a plain number is data.
  if (!field.empty() &&
      absl::string_view("=+-@\t\r").find(field[0]) != absl::string_view::npos &&
      !IsPlainNumber(field)) {
    cell = absl::StrCat("'", field);
  } else {
    cell = std::string(field);
  }
  // ';' too, so that the same field is safe with either separator.
  if (cell.find_first_of(",;\"\r\n") == std::string::npos) return cell;
  return absl::StrCat("\"", absl::StrReplaceAll(cell, {{"\"", "\"\""}}), "\"");
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

std::vector<std::string> WrapText(absl::string_view text, size_t width) {
  if (width == 0) width = 1;
  std::vector<std::string> lines;
  std::string line;
  size_t line_width = 0;
  for (absl::string_view word : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    size_t word_width = DisplayWidth(word);
    if (line_width > 0 && line_width + 1 + word_width > width) {
      lines.push_back(std::move(line));
      line.clear();
      line_width = 0;
    }
    // A word wider than a whole line (the line is empty by now) is cut at
    // code point boundaries.
    while (word_width > width) {
      size_t end = 0;
      size_t kept = 0;
      while (end < word.size()) {
        if ((static_cast<unsigned char>(word[end]) & 0xC0) != 0x80) {
          if (kept == width) break;
          ++kept;
        }
        ++end;
      }
      lines.emplace_back(word.substr(0, end));
      word.remove_prefix(end);
      word_width -= kept;
    }
    if (word.empty()) continue;
    if (line_width > 0) {
      line.push_back(' ');
      ++line_width;
    }
    line.append(word.data(), word.size());
    line_width += word_width;
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string PadRight(absl::string_view text, size_t width) {
  std::string padded(text);
  const size_t shown = DisplayWidth(text);
  if (shown < width) padded.append(width - shown, ' ');
  return padded;
}

}  // namespace render
}  // namespace jtbd
