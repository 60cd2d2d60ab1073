#include "io/atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace jtbd {
namespace {

absl::Status SystemError(int error, const std::string& path,
                         absl::string_view what) {
  const std::string message =
      absl::StrCat(path, ": ", what, ": ", std::strerror(error));
  switch (error) {
    case ENOENT:
      return absl::NotFoundError(message);
    case EACCES:
    case EPERM:
    case EROFS:
      return absl::PermissionDeniedError(message);
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
    case ENOMEM:
      return absl::ResourceExhaustedError(message);
    default:
      return absl::InternalError(message);
  }
}

std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string BaseNameOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Removes the temporary files that writers of `path` killed mid-save left
// behind (<name>.tmp-<pid>-<n>, see WriteFileAtomically), so that crashes
// do not pile them up: only those whose process no longer exists, so a
// save in progress elsewhere is never disturbed. Best effort: a file that
// cannot be listed or removed is left.
void RemoveStaleTemporaries(const std::string& path) {
  const std::string prefix = BaseNameOf(path) + ".tmp-";
  const std::string directory = DirectoryOf(path);
  DIR* listing = opendir(directory.c_str());
  if (listing == nullptr) return;
  while (const dirent* entry = readdir(listing)) {
    const absl::string_view name(entry->d_name);
    if (!absl::StartsWith(name, prefix)) continue;
    absl::string_view rest = name.substr(prefix.size());
    const size_t dash = rest.find('-');
    int64_t pid = 0;
    if (dash == absl::string_view::npos ||
        !absl::SimpleAtoi(rest.substr(0, dash), &pid) || pid <= 0 ||
        pid == getpid()) {
      continue;
    }
    if (kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    unlink(absl::StrCat(directory, "/", name).c_str());
  }
  closedir(listing);
}

// Removes the temporary file unless released: every early return cleans up.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::string path) : path_(std::move(path)) {}
  ~TemporaryFile() {
    if (fd_ >= 0) close(fd_);
    if (!path_.empty()) unlink(path_.c_str());
  }
  const std::string& path() const { return path_; }
  int fd() const { return fd_; }
  void set_fd(int fd) { fd_ = fd; }
  // Closes the descriptor; false (errno set) when close reports an error.
  bool Close() {
    const int fd = fd_;
    fd_ = -1;
    return close(fd) == 0;
  }
  void Release() { path_.clear(); }

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace

absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view bytes) {
  if (path.empty()) return absl::InvalidArgumentError("the path is empty");
  if (path.back() == '/') {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": names a directory, not a file"));
  }
  RemoveStaleTemporaries(path);
  // A name no other writer uses: process id and a per-process counter,
  // created exclusively (O_EXCL), retried if a stale file is in the way.
  static std::atomic<uint64_t> counter{0};
  int fd = -1;
  std::string temporary;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    temporary = absl::StrCat(path, ".tmp-", getpid(), "-",
                             counter.fetch_add(1, std::memory_order_relaxed));
    fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) {
      return SystemError(errno, path, "cannot create a temporary file");
    }
  }
  if (fd < 0) return SystemError(EEXIST, path, "no free temporary name");
  TemporaryFile file(temporary);
  file.set_fd(fd);

  const char* data = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    const ssize_t written = write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      return SystemError(errno, path, "cannot write");
    }
    data += written;
    left -= static_cast<size_t>(written);
  }
  if (fsync(fd) != 0) return SystemError(errno, path, "cannot flush to disk");
  if (!file.Close()) return SystemError(errno, path, "cannot close");
  if (rename(file.path().c_str(), path.c_str()) != 0) {
    return SystemError(errno, path, "cannot replace");
  }
  file.Release();
  // The rename is durable once the directory entry is on disk. Some file
  // systems refuse fsync on a directory (EINVAL); the data is safe anyway.
  const std::string directory = DirectoryOf(path);
  const int directory_fd = open(directory.c_str(), O_RDONLY | O_CLOEXEC);
  if (directory_fd >= 0) {
    const int synced = fsync(directory_fd);
    const int error = errno;
    close(directory_fd);
    if (synced != 0 && error != EINVAL && error != EROFS) {
      return SystemError(error, path, "cannot flush its directory");
    }
  }
  return absl::OkStatus();
}

}  // namespace jtbd
