#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace jtbd {
namespace cli {

const char* MainUsage() {
  return "Usage: jtbd <command> [options]\n"
         "\n"
         "Jobs-to-be-Done research: scores desired outcomes the\n"
         "Outcome-Driven Innovation way.\n"
         "\n"
         "Commands:\n"
         "  score     score the desired outcomes of a survey CSV\n"
         "  serve     serve scoring over HTTP (a sidecar for hosted CRMs)\n"
         "  version   print the version\n"
         "  help      print this help; `jtbd help score` for score's options\n"
         "\n"
         "Exit status: 0 success, 1 bad input data, 2 usage error.\n";
}

const char* ScoreSynopsis() {
  return "Usage: jtbd score [--format table|json|csv] [--segment-by COLUMN]\n"
         "                  [--outcomes FILE] [--scale MIN-MAX] [--top-box N]\n"
         "                  [--output FILE] FILE\n"
         "Run `jtbd score --help` for details.\n";
}

const char* ScoreUsage() {
  return "Usage: jtbd score [options] FILE\n"
         "\n"
         "Scores every desired outcome of the survey in FILE (CSV; `-` reads\n"
         "standard input): importance and satisfaction = 10 x top-box share\n"
         "among those who answered, opportunity = I + max(I - S, 0), ranked\n"
         "by opportunity. The layout is detected from the header:\n"
         "  long: respondent (or id, subject), outcome, importance,\n"
         "        satisfaction, one row per respondent and outcome;\n"
         "  wide: one row per respondent, imp_<outcome>, sat_<outcome>.\n"
         "Other columns are respondent attributes (see --segment-by).\n"
         "\n"
         "Options:\n"
         "  --format table|json|csv  output format (default: table); json is\n"
         "                           the jtbd.v1.Report protobuf JSON mapping\n"
         "  --segment-by COLUMN      also score each value of this respondent\n"
         "                           column as a segment\n"
         "  --outcomes FILE          describe the outcomes from a CSV kept\n"
         "                           apart from the survey: columns id,\n"
         "                           statement, job_step, one row per outcome\n"
         "                           (`-` reads standard input)\n"
         "  --scale MIN-MAX          rating scale (default: 1-5)\n"
         "  --top-box N              lowest top-box rating (default: MAX - 1,\n"
         "                           Ulwick's top two box)\n"
         "  --output FILE            write to FILE, not standard output;\n"
         "                           FILE is replaced only on success\n"
         "  -h, --help               print this help\n"
         "\n"
         "Exit status: 0 success, 1 bad input data, 2 usage error.\n";
}

int UsageError(const std::string& message, const char* usage) {
  std::fprintf(stderr, "jtbd: %s\n%s", message.c_str(), usage);
  return kExitUsage;
}

int RunHelp(const std::vector<std::string>& args) {
  if (args.empty()) {
    std::fputs(MainUsage(), stdout);
  } else if (args.size() == 1 && args[0] == "score") {
    std::fputs(ScoreUsage(), stdout);
  } else if (args.size() == 1 && args[0] == "serve") {
    std::fputs(ServeUsage(), stdout);
  } else if (args.size() == 1 && args[0] == "version") {
    std::fputs("Usage: jtbd version\n\nPrints the version of jtbd.\n", stdout);
  } else {
    return UsageError("no help for \"" + args[0] + "\"", MainUsage());
  }
  return std::fflush(stdout) == 0 ? kExitOk : kExitBadData;
}

}  // namespace cli
}  // namespace jtbd
