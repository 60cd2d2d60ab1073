// jtbd: Jobs-to-be-Done research from the command line.
#include <cstdio>
#include <new>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/inspect_command.h"

namespace {

int Run(int argc, char** argv) {
  using jtbd::cli::MainUsage;
  if (argc < 2) {
    return jtbd::cli::UsageError("no command given", MainUsage());
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "score") return jtbd::cli::RunScore(args);
  if (command == "inspect") return jtbd::cli::RunInspect(args);
  if (command == "serve") return jtbd::cli::RunServe(args);
  if (command == "segment") return jtbd::cli::RunSegment(args);
  if (command == "compare") return jtbd::cli::RunCompare(args);
  if (command == "prioritize") return jtbd::cli::RunPrioritize(args);
  if (command == "forces") return jtbd::cli::RunForces(args);
  if (command == "landscape") return jtbd::cli::RunLandscape(args);
  if (command == "report") return jtbd::cli::RunReport(args);
  if (command == "tag-notes") return jtbd::cli::RunTagNotes(args);
  if (command == "lint") return jtbd::cli::RunLint(args);
  if (command == "version" || command == "--version") {
    return jtbd::cli::RunVersion(args);
  }
  if (command == "help" || command == "--help" || command == "-h") {
    return jtbd::cli::RunHelp(args);
  }
  return jtbd::cli::UsageError("unknown command \"" + command + "\"",
                               MainUsage());
}

}  // namespace

int main(int argc, char** argv) {
  // Running out of memory is a refusal like any other (exit 1), not a
  // crash; the resource limits (docs/LIMITS.md) make it rare.
  try {
    return Run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::fputs(
        "jtbd: RESOURCE_EXHAUSTED: out of memory (lower the input's size "
        "or the --max-* limits, or give the process more memory)\n",
        stderr);
    return 1;
  }
}
