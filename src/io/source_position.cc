#include "io/source_position.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <string>

#include "absl/strings/str_cat.h"

namespace jtbd {

absl::Status SourcePositionError(absl::string_view source, size_t line,
                                 size_t column, absl::string_view column_name,
                                 absl::string_view what) {
  std::string where(source);
  if (line != 0) absl::StrAppend(&where, ": line ", line);
  if (column != 0) {
    absl::StrAppend(&where, ", column ", column);
    if (!column_name.empty())
      absl::StrAppend(&where, " (\"", column_name, "\")");
  }
  return absl::InvalidArgumentError(absl::StrCat(where, ": ", what));
}

std::string Quoted(absl::string_view text) {
  constexpr size_t kMaxShown = 60;
  if (text.size() <= kMaxShown) return absl::StrCat("\"", text, "\"");
  size_t cut = kMaxShown;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return absl::StrCat("\"", text.substr(0, cut), "...\"");
}

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  // errno 0 would make an OK status out of a failure.
  auto file_error = [&path](int error_number) {
    return absl::ErrnoToStatus(error_number != 0 ? error_number : EIO, path);
  };
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return file_error(errno);
  std::string data;
  struct stat info;
  if (fstat(fileno(file), &info) == 0 && S_ISREG(info.st_mode)) {
    data.reserve(static_cast<size_t>(info.st_size));
  }
  char buffer[1 << 16];
  size_t read;
  while ((read = std::fread(buffer, 1, sizeof(buffer), file)) > 0) {
    data.append(buffer, read);
  }
  const bool failed = std::ferror(file) != 0;
  const int error_number = errno;
  std::fclose(file);
  if (failed) return file_error(error_number);
  return data;
}

}  // namespace jtbd
