// Text made safe for SVG and HTML, and numbers written the same way on every
// machine. Everything a report carries (statements, ids, segment and
// solution names) comes from customers' surveys and CRMs, so every byte of
// it goes through EscapeMarkup before it reaches a document.
#ifndef JTBD_VISUAL_MARKUP_H_
#define JTBD_VISUAL_MARKUP_H_

#include <string>

#include "absl/strings/string_view.h"

namespace jtbd {
namespace visual {

// Text for an XML/HTML text node or a double-quoted attribute value: & < > "
// and ' as character references; control characters XML 1.0 forbids (all
// below U+0020 but tab, LF and CR are turned into spaces, since a statement
// spanning lines is one statement), U+FFFE, U+FFFF and bytes that are not
// UTF-8 become U+FFFD, so the output is always well-formed.
std::string EscapeMarkup(absl::string_view text);

// `value` with exactly `decimals` digits after a '.', never in scientific
// notation and independent of the C locale ("12.04"; -0 is written "0").
// Non-finite values are written "0": geometry never carries them.
std::string Fixed(double value, int decimals);

}  // namespace visual
}  // namespace jtbd

#endif  // JTBD_VISUAL_MARKUP_H_
