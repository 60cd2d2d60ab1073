// Text helpers shared by the renderers: RFC 4180 fields and the widths,
// padding and truncation of UTF-8 cells in aligned tables.
#ifndef JTBD_RENDER_TABLE_TEXT_H_
#define JTBD_RENDER_TABLE_TEXT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace jtbd {
namespace render {

// A text cell for CSV: RFC 4180 (a field containing a comma, a semicolon, a
// quote, CR or LF is quoted, with quotes doubled) and safe to open in a
// spreadsheet: text beginning with =, +, -, @, a tab or CR gets a leading
// apostrophe, so a statement or a CRM's value never runs as a formula (CSV
// injection). A plain number ("-1.5") is left as it is: it is not a formula.
std::string CsvField(absl::string_view field);

// True for a plain decimal number such as "12", "-1.5", "2e-05" or ".5":
// what a spreadsheet reads as a number, never as a formula.
bool IsPlainNumber(absl::string_view text);

// Display width of UTF-8 text, counted in code points.
size_t DisplayWidth(absl::string_view text);

// Text cut to at most `width` code points, ending in "..." when cut; never
// splits a UTF-8 sequence.
std::string Truncate(absl::string_view text, size_t width);

// One line of text: control characters (a newline inside a quoted CSV
// field, a tab) become spaces, so they cannot break a table's rows and
// columns.
std::string OneLine(absl::string_view text);

// Text split into lines of at most `width` code points at spaces; a word
// longer than the width is cut at a code point boundary. One empty line for
// empty text. Wrapping, unlike truncation, keeps the words that tell long
// statements apart ("Minimize the time it takes to ..." twenty times).
std::vector<std::string> WrapText(absl::string_view text, size_t width);

// Left-aligned in `width` code points.
std::string PadRight(absl::string_view text, size_t width);

}  // namespace render
}  // namespace jtbd

#endif  // JTBD_RENDER_TABLE_TEXT_H_
