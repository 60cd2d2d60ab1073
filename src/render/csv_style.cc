#include "render/csv_style.h"

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "render/table_text.h"

namespace jtbd {
namespace render {
namespace {

constexpr absl::string_view kByteOrderMark = "\xEF\xBB\xBF";

void AppendField(absl::string_view field, bool was_quoted,
                 const CsvStyle& style, std::string* out) {
  // Only a number the renderer wrote bare is a number: a quoted field is
  // text, whatever it looks like.
  if (!was_quoted && style.decimal_comma && IsPlainNumber(field)) {
    for (char c : field) out->push_back(c == '.' ? ',' : c);
    return;
  }
  const char specials[] = {style.separator, '"', '\r', '\n', '\0'};
  if (!was_quoted && field.find_first_of(specials) == absl::string_view::npos) {
    out->append(field.data(), field.size());
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

}  // namespace

absl::Status CheckCsvStyle(const CsvStyle& style) {
  if (style.separator != ',' && style.separator != ';' &&
      style.separator != '\t') {
    return absl::InvalidArgumentError(
        "the CSV separator must be ',', ';' or a tab");
  }
  if (style.decimal_comma && style.separator == ',') {
    return absl::InvalidArgumentError(
        "a decimal comma needs a separator other than ',' (use ';')");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> RestyleCsv(absl::string_view csv,
                                       const CsvStyle& style) {
  if (absl::Status checked = CheckCsvStyle(style); !checked.ok()) {
    return checked;
  }
  std::string out;
  if (style.byte_order_mark) out.append(kByteOrderMark.data(), 3);
  if (style.separator == ',' && !style.decimal_comma) {
    out.append(csv.data(), csv.size());
    return out;
  }
  out.reserve(out.size() + csv.size() + csv.size() / 16);
  std::string field;
  size_t i = 0;
  while (i < csv.size()) {
    // One field, from i to its separator or record end.
    field.clear();
    bool quoted = false;
    if (csv[i] == '"') {
      quoted = true;
      const size_t opening = i++;
      for (;;) {
        if (i >= csv.size()) {
          return absl::InvalidArgumentError(absl::StrCat(
              "CSV byte ", opening + 1, ": a quoted field is never closed"));
        }
        if (csv[i] == '"') {
          if (i + 1 < csv.size() && csv[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field.push_back(csv[i++]);
      }
    } else {
      while (i < csv.size() && csv[i] != ',' && csv[i] != '\r' &&
             csv[i] != '\n') {
        field.push_back(csv[i++]);
      }
    }
    AppendField(field, quoted, style, &out);
    if (i >= csv.size()) break;
    if (csv[i] == ',') {
      out.push_back(style.separator);
      ++i;
      // A separator at the very end is followed by one empty field.
      if (i == csv.size()) break;
    } else if (csv[i] == '\r' || csv[i] == '\n') {
      if (csv[i] == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
        out.append("\r\n");
        i += 2;
      } else {
        out.push_back(csv[i++]);
      }
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          "CSV byte ", i + 1, ": text after a quoted field's closing quote"));
    }
  }
  return out;
}

}  // namespace render
}  // namespace jtbd
