#ifndef JTBD_IO_ATOMIC_FILE_H_
#define JTBD_IO_ATOMIC_FILE_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace jtbd {

// Replaces the file at `path` with `bytes` so that a reader (or a crash, or
// a power cut) sees the old file or the new one, never a mix: the bytes go
// to a new temporary file in the same directory, which is flushed to disk
// (fsync), renamed over `path`, and the directory is flushed so the rename
// itself is durable. The new file has mode 0666 minus the umask. On any
// failure the temporary file is removed and `path` is left as it was.
// Temporary files of `path` left by writers that were killed mid-save
// (whose process no longer exists) are removed first. Errors name the path
// and the system's reason: RESOURCE_EXHAUSTED for a full disk, a quota or
// a file-size limit (RLIMIT_FSIZE; the caller must ignore SIGXFSZ, whose
// default action ends the process), PERMISSION_DENIED for a read-only or
// forbidden directory.
absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view bytes);

}  // namespace jtbd

#endif  // JTBD_IO_ATOMIC_FILE_H_
