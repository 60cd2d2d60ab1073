#include "cli/output_options.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "cli/output.h"
#include "io/atomic_file.h"
#include "render/report_render.h"

namespace jtbd {
namespace cli {
namespace {

// A terminal narrower than this gets the table anyway, wider than it.
constexpr size_t kNarrowestTable = 60;

std::string ParseSeparator(absl::string_view value, OutputOptions* options) {
  if (value == "," || value == "comma") {
    options->csv.separator = ',';
  } else if (value == ";" || value == "semicolon") {
    options->csv.separator = ';';
  } else if (value == "tab" || value == "\t") {
    options->csv.separator = '\t';
  } else {
    return absl::StrCat("bad --separator \"", value,
                        "\" (expected \",\", \";\" or tab)");
  }
  options->separator_given = true;
  return "";
}

}  // namespace

std::string ExtractOutputOptions(
    const std::function<bool(const std::string&)>& takes_value,
    std::vector<std::string>* args, OutputOptions* options) {
  std::vector<std::string> rest;
  for (size_t i = 0; i < args->size(); ++i) {
    const std::string& arg = (*args)[i];
    if (arg == "--") {
      rest.insert(rest.end(), args->begin() + i, args->end());
      break;
    }
    std::string name = arg;
    std::string value;
    bool has_value = false;
    const size_t equals = arg.find('=');
    if (arg.rfind("--", 0) == 0 && equals != std::string::npos) {
      name = arg.substr(0, equals);
      value = arg.substr(equals + 1);
      has_value = true;
    }
    if (name == "--bom" || name == "--decimal-comma") {
      if (has_value) return absl::StrCat(name, " takes no value");
      if (name == "--bom") {
        options->csv.byte_order_mark = true;
      } else {
        options->csv.decimal_comma = true;
      }
      options->csv_options_given = true;
      continue;
    }
    if (name == "-o" || name == "--output" || name == "--separator") {
      if (!has_value) {
        if (i + 1 >= args->size()) {
          return absl::StrCat("option ", name, " needs a value");
        }
        value = (*args)[++i];
      }
      if (name == "--separator") {
        std::string problem = ParseSeparator(value, options);
        if (!problem.empty()) return problem;
        options->csv_options_given = true;
      } else {
        if (value.empty()) return absl::StrCat(name, " needs a file name");
        options->path = value;
      }
      continue;
    }
    rest.push_back(arg);
    // Another option's value stays with it, whatever it looks like.
    if (!has_value && takes_value(name) && i + 1 < args->size()) {
      rest.push_back((*args)[++i]);
    }
  }
  if (options->csv.decimal_comma && !options->separator_given) {
    options->csv.separator = ';';
  }
  absl::Status style = render::CheckCsvStyle(options->csv);
  if (!style.ok()) return std::string(style.message());
  *args = std::move(rest);
  return "";
}

std::string CheckCsvOptionsUse(const OutputOptions& options, bool csv) {
  if (options.csv_options_given && !csv) {
    return "--separator, --decimal-comma and --bom apply to --format csv only";
  }
  return "";
}

absl::Status WriteOutput(const OutputOptions& options, absl::string_view text,
                         bool csv) {
  std::string styled;
  if (csv) {
    absl::StatusOr<std::string> restyled =
        render::RestyleCsv(text, options.csv);
    if (!restyled.ok()) return restyled.status();
    styled = *std::move(restyled);
    text = styled;
  }
  if (options.path.empty() || options.path == "-") return WriteStdout(text);
  return WriteFileAtomically(options.path, text);
}

size_t TableWidth() {
  struct winsize size = {};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
      size.ws_col > 0) {
    return size.ws_col < kNarrowestTable ? kNarrowestTable : size.ws_col;
  }
  return kDefaultTableWidth;
}

}  // namespace cli
}  // namespace jtbd
