// CSV for the spreadsheet that will open it. Every renderer writes one
// canonical form (RFC 4180, ',' between fields, '.' in numbers, text cells
// made formula-safe by render::CsvField); a French spreadsheet wants ';'
// between fields and a decimal comma, and Excel wants a byte order mark to
// read UTF-8. Restyling the canonical text in one place gives every CSV the
// library writes the same options, present and future.
#ifndef JTBD_RENDER_CSV_STYLE_H_
#define JTBD_RENDER_CSV_STYLE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jtbd {
namespace render {

struct CsvStyle {
  char separator = ',';  // ',', ';' or '\t'
  bool decimal_comma =
      false;  // "1,5" for 1.5; needs a separator other than ','
  bool byte_order_mark = false;  // UTF-8 BOM first, for Excel
};

// Checks the combination: the separator is one of ',', ';' or tab, and a
// decimal comma does not share ',' with the separator.
absl::Status CheckCsvStyle(const CsvStyle& style);

// The canonical CSV `csv` in `style`: fields re-separated (quoted when the
// new separator or a quote or line break needs it), plain numbers in
// unquoted fields given a decimal comma, record ends kept as they were.
// Refuses text that is not well-formed CSV (an unclosed quote). The default
// style returns `csv` unchanged.
absl::StatusOr<std::string> RestyleCsv(absl::string_view csv,
                                       const CsvStyle& style);

}  // namespace render
}  // namespace jtbd

#endif  // JTBD_RENDER_CSV_STYLE_H_
