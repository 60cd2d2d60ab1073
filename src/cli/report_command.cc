// jtbd report: a survey scored as `jtbd score` scores it, written as one
// self-contained HTML document (src/visual/html_report.h).
#include <cstdio>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cli/commands.h"
#include "cli/report_input.h"
#include "cli/report_sections_input.h"
#include "visual/html_report.h"
#include "visual/messages.h"

namespace jtbd {
namespace cli {

const char* ReportSynopsis() {
  return "Usage: jtbd report [--segment-by COLUMN] [--lang en|fr]\n"
         "                   [--interviews FILE] [--previous WAVE]\n"
         "                   [--initiatives FILE --budget B]\n"
         "                   [-o|--output FILE.html] FILE\n"
         "Run `jtbd report --help` for details.\n";
}

const char* ReportUsage() {
  static const std::string* const kUsage = new std::string(
      std::string(
          "Usage: jtbd report [options] FILE\n"
          "\n"
          "Scores the survey in FILE as `jtbd score` does and writes one\n"
          "self-contained HTML file for decision-makers: a summary in plain\n"
          "words (the most underserved outcomes, the overserved ones, the\n"
          "segments that differ), the opportunity landscape, the ranked\n"
          "table with bands and intervals, segments, competing solutions\n"
          "and screening when present, the switching forces, the changes\n"
          "since a previous wave and the chosen roadmap when asked for, and\n"
          "the warnings. No script and\n"
          "nothing fetched from the network; prints well.\n"
          "\n"
          "Options:\n"
          "  --lang en|fr             language of the report (default en);\n"
          "                           numbers in the language's notation\n"
          "  --no-intervals           no whiskers on the landscape\n") +
      ReportSectionsHelp() + ReportInputHelp() +
      "\n"
      "Exit status: 0 success, 1 bad input data, 2 usage error.\n");
  return kUsage->c_str();
}

int RunReport(const std::vector<std::string>& raw_args) {
  ReportInputArgs args;
  visual::HtmlOptions options;
  ReportSectionsArgs sections;
  ExtraFlags extra;
  extra.flags = {"--no-intervals"};
  extra.valued = ReportSectionsFlags();
  extra.valued.push_back("--lang");
  extra.on_option = [&options, &sections](
                        const std::string& name,
                        const std::string& value) -> std::string {
    if (name != "--lang" && name != "--no-intervals") {
      return ParseReportSectionsOption(name, value, &sections);
    }
    if (name == "--no-intervals") {
      options.intervals = false;
      return "";
    }
    const absl::StatusOr<visual::Language> language =
        visual::ParseLanguage(value);
    if (!language.ok()) return std::string(language.status().message());
    options.language = *language;
    return "";
  };
  std::string problem = ParseReportInputArgs(raw_args, extra, &args);
  if (problem.empty() && !args.help) {
    problem = CheckReportSectionsArgs(sections, args);
  }
  if (!problem.empty()) return UsageError(problem, ReportSynopsis());
  if (args.help) {
    std::fputs(ReportUsage(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitBadData;
  }
  const absl::StatusOr<v1::Report> report = ScoreReportInput(args);
  if (!report.ok()) return FailWith(report.status());
  const absl::StatusOr<ReportSectionResults> results =
      ComputeReportSections(sections, args);
  if (!results.ok()) return FailWith(results.status());
  options.sections = results->View();
  const absl::StatusOr<std::string> html =
      visual::RenderHtmlReport(*report, options);
  if (!html.ok()) return FailWith(html.status());
  return WriteReportOutput(args, *html);
}

}  // namespace cli
}  // namespace jtbd
