// The help of `jtbd prioritize`, apart from help_command.cc so that the
// command's text lives with nothing else's.
#include <string>

#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "cli/output_options.h"
#include "cli/survey_input.h"
#include "core/resource_limits.h"

namespace jtbd {
namespace cli {

const char* PrioritizeSynopsis() {
  return "Usage: jtbd prioritize --budget B [--format table|json|csv]\n"
         "                       [--segment-by COLUMN] [--node-limit N]\n"
         "                       [--time-limit S] [--resamples R] [--seed S]\n"
         "                       [--frontier B1,B2,...] [-o FILE]\n"
         "                       SURVEY INITIATIVES\n"
         "Run `jtbd prioritize --help` for details.\n";
}

const char* PrioritizeUsage() {
  static const std::string* const kUsage = new std::string(absl::StrCat(
      "Usage: jtbd prioritize --budget B [options] SURVEY INITIATIVES\n"
      "\n"
      "Chooses the initiatives that close the most opportunity within the\n"
      "budget B, and proves the choice optimal (branch and bound), or past\n"
      "--node-limit or --time-limit reports the best found and its proven\n"
      "gap. SURVEY is any survey `jtbd score` reads (`-` reads standard\n"
      "input), an aggregate jtbd saved, or a report `jtbd score --format\n"
      "json` wrote (its own segments; no answers, so no --resamples).\n"
      "INITIATIVES is a CSV, one row\n"
      "per initiative and outcome: initiative, cost, outcome,\n"
      "target_satisfaction (0-10) or uplift (added, capped at 10), and\n"
      "optionally depends_on and excludes (initiative names separated by\n"
      "`|`) and segment (with --segment-by).\n"
      "\n"
      "An outcome's satisfaction after the portfolio is the highest of its\n"
      "current one and the chosen initiatives' levels; the value is the\n"
      "drop in opportunity, I + max(I - S, 0), summed over the outcomes\n"
      "(and over segments weighted by their share of respondents). The\n"
      "report gives each outcome's contribution, what is lost without each\n"
      "chosen initiative (re-solved), the efficient frontier, and how often\n"
      "each initiative is chosen when the scores are redrawn from their\n"
      "bootstrap. docs/ROADMAP.md explains the model.\n"
      "\n"
      "Options:\n"
      "  --budget B               the most the portfolio may cost (required)\n"
      "  --format table|json|csv  output format (default: table); json is\n"
      "                           the jtbd.v1.RoadmapReport protobuf JSON\n"
      "                           mapping; csv is one row per initiative\n"
      "  --segment-by COLUMN      value each segment of this respondent\n"
      "                           column, weighted by its size\n"
      "  --node-limit N           branch-and-bound nodes per solve (default:\n"
      "                           10000000)\n"
      "  --time-limit S           seconds per solve (default and 0: none)\n"
      "  --resamples R            bootstrap redraws for robustness (default:\n"
      "                           200; 0: none)\n"
      "  --seed S                 seed of the redraws (default: 42)\n"
      "  --frontier B1,B2,...     budgets of the frontier (default: 20 evenly\n"
      "                           spaced up to the total cost)\n"
      "  --scale, --top-box, --input-format, --importance, --satisfaction,\n"
      "  --labels, --map, --weight: as for `jtbd score`\n",
      LimitFlagsHelp(ResourceLimits(), /*with_request_limits=*/false),
      JTBD_CLI_OUTPUT_OPTIONS_HELP
      "  -h, --help               print this help\n"
      "\n"
      "Exit status: 0 success, 1 bad input data, 2 usage error.\n"));
  return kUsage->c_str();
}

}  // namespace cli
}  // namespace jtbd
