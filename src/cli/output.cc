#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace jtbd {
namespace cli {
namespace {

absl::Status ErrnoError(absl::string_view what, const std::string& path,
                        int error) {
  return absl::Status(
      absl::StatusCode::kUnavailable,
      absl::StrCat("cannot ", what, " ", path, ": ", std::strerror(error)));
}

// Writes everything, retrying short writes and EINTR.
bool WriteAll(int fd, absl::string_view text) {
  while (!text.empty()) {
    const ssize_t written = ::write(fd, text.data(), text.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    text.remove_prefix(static_cast<size_t>(written));
  }
  return true;
}

}  // namespace

absl::Status WriteStdout(absl::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() ||
      std::fflush(stdout) != 0) {
    return ErrnoError("write", "standard output", errno);
  }
  return absl::OkStatus();
}

absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view text) {
  std::string temp_path = path + ".tmp.XXXXXX";
  std::vector<char> name(temp_path.begin(), temp_path.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return ErrnoError("write", path, errno);
  temp_path = name.data();
  // mkstemp makes the file private (0600); give it the permissions a plain
  // creation would have.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  bool ok =
      ::fchmod(fd, 0666 & ~mask) == 0 && WriteAll(fd, text) && ::fsync(fd) == 0;
  int error = errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    error = errno;
  }
  if (ok && ::rename(temp_path.c_str(), path.c_str()) != 0) {
    ok = false;
    error = errno;
  }
  if (!ok) {
    ::unlink(temp_path.c_str());
    return ErrnoError("write", path, error);
  }
  return absl::OkStatus();
}

absl::Status ReadStdin(std::string* text) {
  text->clear();
  char buffer[1 << 16];
  while (true) {
    const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof(buffer));
    if (got < 0) {
      if (errno == EINTR) continue;
      return ErrnoError("read", "standard input", errno);
    }
    if (got == 0) break;
    text->append(buffer, static_cast<size_t>(got));
  }
  return absl::OkStatus();
}

}  // namespace cli
}  // namespace jtbd
