#include "io/source_position.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <string>

#include "absl/strings/ascii.h"
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

std::string NormalizedColumnName(absl::string_view trimmed) {
  std::string name = absl::AsciiStrToLower(trimmed);
  for (char& c : name) {
    if (c == ' ' || c == '\t') c = '_';
  }
  return name;
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

absl::StatusOr<FileBytes> FileBytes::Open(const std::string& path) {
  FileBytes file;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    struct stat info;
    if (fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
      void* mapping = mmap(nullptr, static_cast<size_t>(info.st_size),
                           PROT_READ, MAP_PRIVATE, fd, 0);
      if (mapping != MAP_FAILED) {
        madvise(mapping, static_cast<size_t>(info.st_size), MADV_SEQUENTIAL);
        file.mapping_ = mapping;
        file.size_ = static_cast<size_t>(info.st_size);
        ::close(fd);
        return file;
      }
    }
    ::close(fd);
  }
  // Not mappable (or not openable: ReadWholeFile names the error).
  absl::StatusOr<std::string> data = ReadWholeFile(path);
  if (!data.ok()) return data.status();
  file.copy_ = *std::move(data);
  return file;
}

FileBytes::FileBytes(FileBytes&& other) noexcept
    : mapping_(other.mapping_),
      size_(other.size_),
      copy_(std::move(other.copy_)) {
  other.mapping_ = nullptr;
  other.size_ = 0;
}

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
  if (this != &other) {
    if (mapping_ != nullptr) munmap(mapping_, size_);
    mapping_ = other.mapping_;
    size_ = other.size_;
    copy_ = std::move(other.copy_);
    other.mapping_ = nullptr;
    other.size_ = 0;
  }
  return *this;
}

FileBytes::~FileBytes() {
  if (mapping_ != nullptr) munmap(mapping_, size_);
}

}  // namespace jtbd
