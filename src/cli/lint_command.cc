// jtbd lint: job statements, desired outcomes and job stories checked
// against the ODI grammar (docs/STATEMENTS.md).
#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/output_options.h"
#include "io/source_position.h"
#include "statements/lint_render.h"
#include "statements/linter.h"
#include "statements/statement_input.h"

namespace jtbd {
namespace cli {
namespace {

// lint's own exit statuses (the contract): 0 nothing at warning
// level or above, 1 findings, 2 bad input or usage.
constexpr int kLintFindings = 1;
constexpr int kLintBadInput = 2;

struct LintArgs {
  bool json = false;
  statements::Language language = statements::Language::kAuto;
  std::string input_path;
  bool outcomes_csv = false;
  std::string solution_words_path;
  OutputOptions output;  // -o
  bool help = false;
};

absl::StatusOr<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    return std::string((std::istreambuf_iterator<char>(std::cin)),
                       std::istreambuf_iterator<char>());
  }
  return ReadWholeFile(path);
}

std::string SourceName(const std::string& path) {
  return path == "-" ? "<stdin>" : path;
}

int Fail(const absl::Status& status) {
  std::fprintf(stderr, "jtbd: %s\n", std::string(status.message()).c_str());
  return kLintBadInput;
}

bool LintTakesValue(const std::string& name) {
  return name == "--lang" || name == "--format" || name == "--solution-words" ||
         name == "--outcomes";
}

std::string ParseArgs(const std::vector<std::string>& raw, LintArgs* args) {
  std::vector<std::string> rest = raw;
  std::string output_problem =
      ExtractOutputOptions(LintTakesValue, &rest, &args->output);
  if (!output_problem.empty()) return output_problem;
  output_problem = CheckCsvOptionsUse(args->output, /*csv=*/false);
  if (!output_problem.empty()) return output_problem;
  ParsedArguments parsed;
  const std::string problem = WalkArguments(
      rest, LintTakesValue,
      [args](const std::string& name, const std::string& value) -> std::string {
        if (name == "--lang") {
          if (value == "en") {
            args->language = statements::Language::kEnglish;
          } else if (value == "fr") {
            args->language = statements::Language::kFrench;
          } else if (value == "auto") {
            args->language = statements::Language::kAuto;
          } else {
            return absl::StrCat("bad --lang \"", value,
                                "\" (expected en, fr or auto)");
          }
        } else if (name == "--format") {
          if (value != "table" && value != "json") {
            return absl::StrCat("bad --format \"", value,
                                "\" (expected table or json)");
          }
          args->json = value == "json";
        } else if (name == "--solution-words") {
          if (value.empty()) return "--solution-words needs a file name";
          args->solution_words_path = value;
        } else if (name == "--outcomes") {
          if (value.empty()) return "--outcomes needs a file name";
          args->input_path = value;
          args->outcomes_csv = true;
        } else {
          return absl::StrCat("unknown option ", name);
        }
        return "";
      },
      &parsed);
  if (!problem.empty()) return problem;
  args->help = parsed.help;
  if (args->help) return "";
  if (args->outcomes_csv) {
    if (!parsed.positional.empty()) {
      return "give either --outcomes FILE or FILE, not both";
    }
  } else if (parsed.positional.size() != 1) {
    return parsed.positional.empty() ? "no input file given (`-` reads "
                                       "standard input)"
                                     : "more than one input file given";
  } else {
    args->input_path = parsed.positional[0];
  }
  if (args->input_path == "-" && args->solution_words_path == "-") {
    return "standard input can feed only one of FILE and --solution-words";
  }
  return "";
}

}  // namespace

const char* LintSynopsis() {
  return "Usage: jtbd lint [--lang en|fr|auto] [--format table|json]\n"
         "                 [--solution-words FILE] [-o FILE] FILE\n"
         "       jtbd lint [options] --outcomes FILE\n"
         "Run `jtbd lint --help` for details.\n";
}

const char* LintUsage() {
  return "Usage: jtbd lint [options] FILE\n"
         "       jtbd lint [options] --outcomes FILE\n"
         "\n"
         "Checks job statements, desired-outcome statements and job stories\n"
         "(English or French) against the ODI grammar: one statement per line\n"
         "of FILE (`-` reads standard input; blank lines skipped), or the\n"
         "statement column of an outcomes CSV (id, statement, job_step; the\n"
         "file `jtbd score --outcomes` reads). Each finding has a stable rule\n"
         "id (JTBD-L001 ...), a severity, a message and, where one exists, a\n"
         "suggested rewrite; docs/STATEMENTS.md lists the rules.\n"
         "\n"
         "Options:\n"
         "  --lang en|fr|auto      the statements' language (default auto:\n"
         "                         guessed per statement)\n"
         "  --format table|json    table (default) or JSON: a `statements`\n"
         "                         array, one item per statement in order,\n"
         "                         with its text, parts (byte offsets into\n"
         "                         the NFC text) and findings\n"
         "  --solution-words FILE  brand, product or technology words to flag\n"
         "                         besides the built-in list, one per line\n"
         "  --outcomes FILE        read the outcomes CSV instead of FILE\n"
         "  -o, --output FILE      write to FILE, not standard output; FILE\n"
         "                         is replaced only on success\n"
         "\n"
         "Exit status: 0 nothing at warning level or above, 1 findings,\n"
         "2 bad input (FILE:LINE:COLUMN: what is wrong) or usage.\n";
}

int RunLint(const std::vector<std::string>& raw) {
  LintArgs args;
  const std::string problem = ParseArgs(raw, &args);
  if (!problem.empty()) return UsageError(problem, LintSynopsis());
  if (args.help) {
    std::fputs(LintUsage(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kLintBadInput;
  }
  statements::LintOptions options;
  options.language = args.language;
  if (!args.solution_words_path.empty()) {
    absl::StatusOr<std::string> words = ReadInput(args.solution_words_path);
    if (!words.ok()) return Fail(words.status());
    absl::StatusOr<std::vector<statements::StatementLine>> lines =
        statements::ReadStatementLines(*words,
                                       SourceName(args.solution_words_path));
    if (!lines.ok()) return Fail(lines.status());
    for (statements::StatementLine& line : *lines) {
      options.solution_words.push_back(std::move(line.text));
    }
  }
  absl::StatusOr<std::string> data = ReadInput(args.input_path);
  if (!data.ok()) return Fail(data.status());
  const std::string source = SourceName(args.input_path);
  absl::StatusOr<std::vector<statements::StatementLine>> lines =
      args.outcomes_csv ? statements::ReadOutcomeStatementsCsv(*data, source)
                        : statements::ReadStatementLines(*data, source);
  if (!lines.ok()) return Fail(lines.status());
  std::vector<std::string> texts;
  std::vector<std::string> ids;
  for (statements::StatementLine& line : *lines) {
    texts.push_back(std::move(line.text));
    ids.push_back(std::move(line.id));
  }
  const statements::Linter linter(std::move(options));
  absl::StatusOr<std::vector<statements::LintedStatement>> linted =
      linter.LintAll(texts, ids);
  if (!linted.ok()) return Fail(linted.status());
  absl::StatusOr<std::string> text =
      args.json
          ? statements::RenderLintJson(*linted)
          : absl::StatusOr<std::string>(statements::RenderLintTable(*linted));
  if (!text.ok()) return Fail(text.status());
  if (absl::Status written = WriteOutput(args.output, *text, /*csv=*/false);
      !written.ok()) {
    return Fail(written);
  }
  for (const statements::LintedStatement& s : *linted) {
    if (statements::HasWarnings(s)) return kLintFindings;
  }
  return kExitOk;
}

}  // namespace cli
}  // namespace jtbd
