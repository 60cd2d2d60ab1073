// Where and how every command writes its output: -o/--output, and for CSV
// the spreadsheet options (--separator, --decimal-comma, --bom). One parser
// for all commands, so the options mean the same everywhere.
#ifndef JTBD_CLI_OUTPUT_OPTIONS_H_
#define JTBD_CLI_OUTPUT_OPTIONS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "render/csv_style.h"

namespace jtbd {
namespace cli {

struct OutputOptions {
  std::string path;  // empty or "-": standard output
  render::CsvStyle csv;
  bool separator_given = false;
  bool csv_options_given = false;  // any of the three CSV options
};

// Takes -o/--output, --separator, --decimal-comma and --bom (with their
// values, "--name=value" too) out of `args`, stopping at "--"; the values
// of the command's other options (those `takes_value` names) are skipped,
// never mistaken for these. Returns a usage problem, "" when none.
std::string ExtractOutputOptions(
    const std::function<bool(const std::string&)>& takes_value,
    std::vector<std::string>* args, OutputOptions* options);

// The help lines for these options, in the option column of every
// command's --help (a literal, so that it joins the others).
#define JTBD_CLI_OUTPUT_OPTIONS_HELP                                     \
  "  -o, --output FILE        write to FILE, not standard output;\n"     \
  "                           FILE is replaced only on success\n"        \
  "  --separator SEP          CSV: \",\" (default), \";\" or tab\n"      \
  "  --decimal-comma          CSV: numbers as 1,5 (implies --separator " \
  "\";\")\n"                                                             \
  "  --bom                    CSV: a UTF-8 byte order mark first, for "  \
  "Excel\n"

// Refuses CSV options on a command run with a format other than CSV, where
// they would silently do nothing.
std::string CheckCsvOptionsUse(const OutputOptions& options, bool csv);

// Writes `text` (all of it, or nothing when a file cannot be written: files
// are replaced atomically) to the file or standard output; CSV is restyled
// first.
absl::Status WriteOutput(const OutputOptions& options, absl::string_view text,
                         bool csv);

// The width of the terminal standard output writes to; the default table
// width when it is not a terminal, so files and pipes get the same table
// wherever they are written.
size_t TableWidth();

}  // namespace cli
}  // namespace jtbd

#endif  // JTBD_CLI_OUTPUT_OPTIONS_H_
