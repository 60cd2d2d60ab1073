#ifndef JTBD_CLI_ARGUMENTS_H_
#define JTBD_CLI_ARGUMENTS_H_

#include <functional>
#include <string>
#include <vector>

namespace jtbd {
namespace cli {

// What is left of the arguments once options are handled.
struct ParsedArguments {
  std::vector<std::string> positional;  // "-" (standard input) included
  bool help = false;                    // -h or --help was given
};

// The one way every subcommand reads its arguments: "--name value" and
// "--name=value" for options that take a value (takes_value(name)), -h and
// --help, "--" ending the options, and everything else positional. Calls
// on_option(name, value) for each option; returns the first usage problem
// (from on_option, an unknown option or a missing value), "" when none.
std::string WalkArguments(
    const std::vector<std::string>& raw,
    const std::function<bool(const std::string&)>& takes_value,
    const std::function<std::string(const std::string& name,
                                    const std::string& value)>& on_option,
    ParsedArguments* parsed);

}  // namespace cli
}  // namespace jtbd

#endif  // JTBD_CLI_ARGUMENTS_H_
