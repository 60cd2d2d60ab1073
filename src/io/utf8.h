#ifndef JTBD_IO_UTF8_H_
#define JTBD_IO_UTF8_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace jtbd {

// Returns the offset of the first byte of the first ill-formed UTF-8
// sequence in `text`, or absl::string_view::npos when all of it is valid.
// Follows Unicode Table 3-7 (well-formed byte sequences): overlong forms,
// UTF-16 surrogates (U+D800..U+DFFF), code points above U+10FFFF and
// truncated sequences are all ill-formed.
size_t FindInvalidUtf8(absl::string_view text);

inline bool IsValidUtf8(absl::string_view text) {
  return FindInvalidUtf8(text) == absl::string_view::npos;
}

}  // namespace jtbd

#endif  // JTBD_IO_UTF8_H_
