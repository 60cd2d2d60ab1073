#ifndef JTBD_IO_SOURCE_POSITION_H_
#define JTBD_IO_SOURCE_POSITION_H_

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jtbd {

// What the readers of CSV sources (survey_reader, outcome_descriptions)
// share, so that every refusal reads the same way.

// INVALID_ARGUMENT with the message
//   <source>: line <L>, column <C> ("<column_name>"): <what>
// line 0 = no line, column 0 = no column; the name is shown only when not
// empty.
absl::Status SourcePositionError(absl::string_view source, size_t line,
                                 size_t column, absl::string_view column_name,
                                 absl::string_view what);

// The length of the space character at the start of `text`, 0 when there
// is none: space, tab, and the no-break spaces U+00A0 and U+202F that
// spreadsheets and survey tools put into labels and headers.
inline size_t SpaceLengthAt(absl::string_view text, size_t i) {
  const char c = text[i];
  if (c == ' ' || c == '\t') return 1;
  if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') return 2;
  if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
      text[i + 2] == '\xAF') {
    return 3;
  }
  return 0;
}

// A cell without the spaces around it (as SpaceLengthAt counts them).
inline absl::string_view TrimSpaces(absl::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end) {
    const size_t length = SpaceLengthAt(text, begin);
    if (length == 0) break;
    begin += length;
  }
  while (end > begin) {
    const char last = text[end - 1];
    if (last == ' ' || last == '\t') {
      --end;
    } else if (last == '\xA0' && end - begin >= 2 && text[end - 2] == '\xC2') {
      end -= 2;
    } else if (last == '\xAF' && end - begin >= 3 && text[end - 2] == '\x80' &&
               text[end - 3] == '\xE2') {
      end -= 3;
    } else {
      break;
    }
  }
  return text.substr(begin, end - begin);
}

// A header cell as files' column names compare: lower case, with the
// spaces and tabs inside counting as "_" ("Job Step" names job_step).
std::string NormalizedColumnName(absl::string_view trimmed);

// A cell quoted for a message, cut (on a UTF-8 boundary) when it is long.
std::string Quoted(absl::string_view text);

// The whole file as bytes; the error (NOT_FOUND, ...) names the path.
absl::StatusOr<std::string> ReadWholeFile(const std::string& path);

// A file's bytes without copying them: a regular file is mapped read-only
// (its pages belong to the page cache and can be dropped under memory
// pressure, so a large survey costs no private memory); anything else (a
// pipe, an empty file) is read into memory.
class FileBytes {
 public:
  static absl::StatusOr<FileBytes> Open(const std::string& path);
  FileBytes(FileBytes&& other) noexcept;
  FileBytes& operator=(FileBytes&& other) noexcept;
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;
  ~FileBytes();

  // The bytes lie in a read-only private mapping of the file (which
  // ConsumedPages may release as they are read).
  bool mapped() const { return mapping_ != nullptr; }
  absl::string_view bytes() const {
    return mapping_ != nullptr
               ? absl::string_view(static_cast<const char*>(mapping_), size_)
               : absl::string_view(copy_);
  }

 private:
  FileBytes() = default;
  void* mapping_ = nullptr;
  size_t size_ = 0;
  std::string copy_;
};

}  // namespace jtbd

#endif  // JTBD_IO_SOURCE_POSITION_H_
