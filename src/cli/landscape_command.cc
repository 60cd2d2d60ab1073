// jtbd landscape: a survey scored as `jtbd score` scores it, drawn as the
// opportunity landscape (a standalone SVG, src/visual/landscape_svg.h).
#include <cstdio>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cli/commands.h"
#include "cli/report_input.h"
#include "visual/landscape_svg.h"
#include "visual/messages.h"

namespace jtbd {
namespace cli {

const char* LandscapeSynopsis() {
  return "Usage: jtbd landscape [--segment-by COLUMN] [--intervals]\n"
         "                      [--lang en|fr] [-o|--output FILE.svg] FILE\n"
         "Run `jtbd landscape --help` for details.\n";
}

const char* LandscapeUsage() {
  static const std::string* const kUsage = new std::string(
      std::string(
          "Usage: jtbd landscape [options] FILE\n"
          "\n"
          "Scores the survey in FILE as `jtbd score` does and draws the\n"
          "opportunity landscape as a standalone SVG: importance across,\n"
          "satisfaction up (both 0-10), the diagonal and the opportunity\n"
          "10, 12 and 15 lines, overserved above the diagonal, underserved\n"
          "to the lower right; one mark per outcome (per segment with\n"
          "--segment-by: a colour and a shape each), labelled with its\n"
          "statement or id, or with a number and a numbered legend when\n"
          "statements are long or marks crowd.\n"
          "\n"
          "Options:\n"
          "  --intervals              whiskers: the importance and\n"
          "                           satisfaction intervals\n"
          "  --lang en|fr             language of the fixed texts (default\n"
          "                           en)\n") +
      ReportInputHelp() +
      "\n"
      "Exit status: 0 success, 1 bad input data, 2 usage error.\n");
  return kUsage->c_str();
}

int RunLandscape(const std::vector<std::string>& raw_args) {
  ReportInputArgs args;
  visual::LandscapeOptions options;
  ExtraFlags extra;
  extra.flags = {"--intervals"};
  extra.valued = {"--lang"};
  extra.on_option = [&options](const std::string& name,
                               const std::string& value) -> std::string {
    if (name == "--intervals") {
      options.intervals = true;
      return "";
    }
    const absl::StatusOr<visual::Language> language =
        visual::ParseLanguage(value);
    if (!language.ok()) return std::string(language.status().message());
    options.language = *language;
    return "";
  };
  const std::string problem = ParseReportInputArgs(raw_args, extra, &args);
  if (!problem.empty()) return UsageError(problem, LandscapeSynopsis());
  if (args.help) {
    std::fputs(LandscapeUsage(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitBadData;
  }
  const absl::StatusOr<v1::Report> report = ScoreReportInput(args);
  if (!report.ok()) return FailWith(report.status());
  const absl::StatusOr<std::string> svg =
      visual::RenderLandscapeSvg(*report, options);
  if (!svg.ok()) return FailWith(svg.status());
  return WriteReportOutput(args, *svg);
}

}  // namespace cli
}  // namespace jtbd
