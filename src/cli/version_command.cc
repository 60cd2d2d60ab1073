#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "cli/commands.h"
// The version macros live in the public C header, the one place besides
// CMakeLists.txt that states the version (a test checks they agree).
#include "jtbd/jtbd.h"

namespace jtbd {
namespace cli {

int RunVersion(const std::vector<std::string>& args) {
  if (!args.empty()) {
    return UsageError("version takes no arguments", "Usage: jtbd version\n");
  }
  absl::PrintF("jtbd %d.%d.%d\n", JTBD_VERSION_MAJOR, JTBD_VERSION_MINOR,
               JTBD_VERSION_PATCH);
  return std::fflush(stdout) == 0 ? kExitOk : kExitBadData;
}

}  // namespace cli
}  // namespace jtbd
