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

}  // namespace

absl::Status WriteStdout(absl::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() ||
      std::fflush(stdout) != 0) {
    return ErrnoError("write", "standard output", errno);
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
