#ifndef JTBD_CLI_COMMANDS_H_
#define JTBD_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace jtbd {
namespace cli {

// Exit statuses of the jtbd tool.
enum ExitCode : int {
  kExitOk = 0,
  kExitBadData = 1,  // the input (or writing the output) failed
  kExitUsage = 2,    // the command line is wrong
};

// Each subcommand receives the arguments after its own name and returns the
// exit status; messages go to stderr prefixed with "jtbd: ".
int RunScore(const std::vector<std::string>& args);
int RunVersion(const std::vector<std::string>& args);
int RunHelp(const std::vector<std::string>& args);
int RunServe(const std::vector<std::string>& args);     // serve_command.cc
int RunSegment(const std::vector<std::string>& args);   // segment_command.cc
int RunCompare(const std::vector<std::string>& args);   // compare_command.cc
int RunForces(const std::vector<std::string>& args);    // forces_command.cc
int RunTagNotes(const std::vector<std::string>& args);  // tag_notes_command.cc

// Help texts, newline-terminated.
const char* MainUsage();      // jtbd --help
const char* ScoreUsage();     // jtbd score --help
const char* ScoreSynopsis();  // the one-line form printed on usage errors
const char* ServeUsage();     // jtbd serve --help
const char* ServeSynopsis();
const char* SegmentUsage();  // jtbd segment --help
const char* SegmentSynopsis();
const char* CompareUsage();  // jtbd compare --help
const char* CompareSynopsis();
int RunPrioritize(const std::vector<std::string>& args);  // prioritize_*.cc
const char* PrioritizeUsage();  // jtbd prioritize --help
const char* PrioritizeSynopsis();
const char* ForcesUsage();  // jtbd forces --help
const char* ForcesSynopsis();
int RunLandscape(const std::vector<std::string>& args);  // landscape_command.cc
const char* LandscapeUsage();  // jtbd landscape --help
const char* LandscapeSynopsis();
int RunReport(const std::vector<std::string>& args);  // report_command.cc
const char* ReportUsage();                            // jtbd report --help
const char* ReportSynopsis();
const char* TagNotesUsage();  // jtbd tag-notes --help
const char* TagNotesSynopsis();
int RunLint(const std::vector<std::string>& args);  // lint_command.cc
const char* LintUsage();                            // jtbd lint --help
const char* LintSynopsis();

// Prints "jtbd: <message>" and `usage` to stderr; returns kExitUsage.
int UsageError(const std::string& message, const char* usage);

}  // namespace cli
}  // namespace jtbd

#endif  // JTBD_CLI_COMMANDS_H_
