#ifndef JTBD_CLI_OUTPUT_H_
#define JTBD_CLI_OUTPUT_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "io/atomic_file.h"  // files are written with WriteFileAtomically

namespace jtbd {
namespace cli {

// Writes all of `text` to standard output and flushes it.
absl::Status WriteStdout(absl::string_view text);

}  // namespace cli
}  // namespace jtbd

#endif  // JTBD_CLI_OUTPUT_H_
