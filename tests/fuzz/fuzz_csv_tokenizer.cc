// Fuzzes the RFC 4180 tokenizer under every reader: separator detection,
// then records to the end or the first refusal.
#include <cstddef>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "fuzz_check.h"
#include "io/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  const char separator = jtbd::CsvReader::DetectSeparator(text);
  JTBD_FUZZ_CHECK(separator == ',' || separator == ';' || separator == '\t',
                  absl::StrCat("separator ", static_cast<int>(separator)));
  jtbd::CsvReader reader(text, separator);
  size_t previous_line = 0;
  size_t previous_offset = 0;
  for (;;) {
    const jtbd::CsvReader::Result result = reader.Read();
    if (result == jtbd::CsvReader::Result::kEnd) break;
    if (result == jtbd::CsvReader::Result::kError) {
      const jtbd::CsvError& error = reader.error();
      JTBD_FUZZ_CHECK(!error.what.empty(), "an error without a message");
      JTBD_FUZZ_CHECK(error.line >= 1, error.what);
      // Refusals are final.
      JTBD_FUZZ_CHECK(reader.Read() == jtbd::CsvReader::Result::kError,
                      error.what);
      break;
    }
    // Records move forward through the text, a line at least each.
    JTBD_FUZZ_CHECK(reader.record_line() > previous_line,
                    absl::StrCat("record line ", reader.record_line(),
                                 " after ", previous_line));
    JTBD_FUZZ_CHECK(
        reader.offset() > previous_offset && reader.offset() <= text.size(),
        absl::StrCat("offset ", reader.offset(), " after ", previous_offset,
                     " of ", text.size()));
    JTBD_FUZZ_CHECK(!reader.fields().empty(), "a record without fields");
    for (absl::string_view field : reader.fields()) {
      JTBD_FUZZ_CHECK(field.size() <= text.size(), "a field beyond the text");
    }
    previous_line = reader.record_line();
    previous_offset = reader.offset();
  }
  return 0;
}
