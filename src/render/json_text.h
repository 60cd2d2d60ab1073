// Text inside a JSON string written by hand (messages, notes): the escapes
// RFC 8259 requires, the one implementation the renderers and the sidecar
// share.
#ifndef JTBD_RENDER_JSON_TEXT_H_
#define JTBD_RENDER_JSON_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace jtbd {
namespace render {

// Appends valid UTF-8 `text` escaped for the inside of a JSON string: quote,
// backslash and control characters (\n, \r, \t by name, others as \u00XX);
// everything else as it is. No surrounding quotes.
void AppendJsonEscaped(absl::string_view text, std::string* out);

}  // namespace render
}  // namespace jtbd

#endif  // JTBD_RENDER_JSON_TEXT_H_
