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

// A cell without the spaces and tabs around it.
inline absl::string_view TrimSpaces(absl::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return text.substr(begin, end - begin);
}

// A cell quoted for a message, cut (on a UTF-8 boundary) when it is long.
std::string Quoted(absl::string_view text);

// The whole file as bytes; the error (NOT_FOUND, ...) names the path.
absl::StatusOr<std::string> ReadWholeFile(const std::string& path);

}  // namespace jtbd

#endif  // JTBD_IO_SOURCE_POSITION_H_
