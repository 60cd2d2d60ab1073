#include "cli/arguments.h"

#include "absl/strings/str_cat.h"

namespace jtbd {
namespace cli {

std::string WalkArguments(
    const std::vector<std::string>& raw,
    const std::function<bool(const std::string&)>& takes_value,
    const std::function<std::string(const std::string& name,
                                    const std::string& value)>& on_option,
    ParsedArguments* parsed) {
  bool options_ended = false;
  for (size_t i = 0; i < raw.size(); ++i) {
    const std::string& arg = raw[i];
    if (options_ended || arg == "-" || arg.empty() || arg[0] != '-') {
      parsed->positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    if (arg == "-h" || arg == "--help") {
      parsed->help = true;
      continue;
    }
    std::string name = arg;
    std::string value;
    bool has_value = false;
    const size_t equals = arg.find('=');
    if (equals != std::string::npos) {
      name = arg.substr(0, equals);
      value = arg.substr(equals + 1);
      has_value = true;
    }
    if (!takes_value(name))
      return absl::StrCat("unknown option \"", name, "\"");
    if (!has_value) {
      if (i + 1 >= raw.size()) {
        return absl::StrCat("option ", name, " needs a value");
      }
      value = raw[++i];
    }
    std::string problem = on_option(name, value);
    if (!problem.empty()) return problem;
  }
  return "";
}

}  // namespace cli
}  // namespace jtbd
