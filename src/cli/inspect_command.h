// jtbd inspect: what a survey file is understood to be.
#ifndef JTBD_CLI_INSPECT_COMMAND_H_
#define JTBD_CLI_INSPECT_COMMAND_H_

#include <string>
#include <vector>

namespace jtbd {
namespace cli {

int RunInspect(const std::vector<std::string>& args);
const char* InspectUsage();     // jtbd inspect --help
const char* InspectSynopsis();  // printed on usage errors

}  // namespace cli
}  // namespace jtbd

#endif  // JTBD_CLI_INSPECT_COMMAND_H_
