// Text helpers shared by the renderers: RFC 4180 fields and the widths,
// padding and truncation of UTF-8 cells in aligned tables.
#ifndef JTBD_RENDER_TABLE_TEXT_H_
#define JTBD_RENDER_TABLE_TEXT_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace jtbd {
namespace render {

// RFC 4180: a field containing a comma, a quote, CR or LF is quoted, with
// quotes doubled.
std::string CsvField(absl::string_view field);

// Display width of UTF-8 text, counted in code points.
size_t DisplayWidth(absl::string_view text);

// Text cut to at most `width` code points, ending in "..." when cut; never
// splits a UTF-8 sequence.
std::string Truncate(absl::string_view text, size_t width);

// One line of text: control characters (a newline inside a quoted CSV
// field, a tab) become spaces, so they cannot break a table's rows and
// columns.
std::string OneLine(absl::string_view text);

// Left-aligned in `width` code points.
std::string PadRight(absl::string_view text, size_t width);

}  // namespace render
}  // namespace jtbd

#endif  // JTBD_RENDER_TABLE_TEXT_H_
