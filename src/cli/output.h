#ifndef JTBD_CLI_OUTPUT_H_
#define JTBD_CLI_OUTPUT_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace jtbd {
namespace cli {

// Writes all of `text` to standard output and flushes it.
absl::Status WriteStdout(absl::string_view text);

// Writes `text` to a temporary file next to `path`, then renames it over
// `path`, so that readers never see a partial file and a failure leaves an
// existing file untouched.
absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view text);

// Reads all of standard input.
absl::Status ReadStdin(std::string* text);

}  // namespace cli
}  // namespace jtbd

#endif  // JTBD_CLI_OUTPUT_H_
