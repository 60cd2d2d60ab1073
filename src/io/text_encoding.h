#ifndef JTBD_IO_TEXT_ENCODING_H_
#define JTBD_IO_TEXT_ENCODING_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jtbd {

// The character encodings survey files arrive in.
enum class TextEncoding {
  kUtf8,         // no byte order mark
  kUtf8WithBom,  // Excel's "CSV UTF-8"
  kUtf16Le,      // Excel's "Unicode text": UTF-16 little endian, with BOM
  kUtf16Be,
};

// "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE".
const char* TextEncodingName(TextEncoding encoding);

// Survey text as UTF-8, whatever it arrived in. UTF-16 is recognized by its
// byte order mark (FF FE little endian, FE FF big endian), or, without one,
// by a first character that is ASCII with a zero byte beside it; it is
// converted to UTF-8 into *storage and the result points there. Line breaks
// survive the conversion, so line numbers stay those of the original file.
// Anything else is returned as is (a UTF-8 BOM is left for the CSV reader
// to skip) and checked later. Refusals (INVALID_ARGUMENT) name the source
// and the line: an odd number of bytes, an unpaired surrogate.
struct DecodedText {
  absl::string_view utf8;
  TextEncoding encoding;
};
absl::StatusOr<DecodedText> DecodeSurveyText(absl::string_view raw,
                                             absl::string_view source_name,
                                             std::string* storage);

}  // namespace jtbd

#endif  // JTBD_IO_TEXT_ENCODING_H_
