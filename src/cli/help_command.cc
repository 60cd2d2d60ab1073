#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "cli/inspect_command.h"
#include "cli/output_options.h"
#include "cli/survey_input.h"
#include "core/resource_limits.h"

namespace jtbd {
namespace cli {

const char* MainUsage() {
  return "Usage: jtbd <command> [options]\n"
         "\n"
         "Jobs-to-be-Done research: scores desired outcomes the\n"
         "Outcome-Driven Innovation way.\n"
         "\n"
         "Commands:\n"
         "  score       score the desired outcomes of a survey CSV\n"
         "  inspect     show how a survey file is read; write a survey map\n"
         "  segment     find the segments of respondents with the same unmet\n"
         "              outcomes; tag respondents with a saved segment model\n"
         "  compare     what changed between two survey waves, outcome by\n"
         "              outcome (also from saved aggregates)\n"
         "  forces      the switching forces of switch interviews, with a\n"
         "              propensity model; score open deals with a saved model\n"
         "  tag-notes   suggest force tags (push, pull, anxiety, habit) for\n"
         "              CRM notes, English and French\n"
         "  prioritize  choose the initiatives that close the most\n"
         "              opportunity within a budget, proven optimal\n"
         "  landscape   draw the opportunity landscape of a survey (SVG)\n"
         "  report      a self-contained HTML report of a survey, for\n"
         "              decision-makers (English or French)\n"
         "  lint        check job statements, desired outcomes and job\n"
         "              stories (English, French) against the ODI grammar\n"
         "  serve       serve scoring over HTTP (a sidecar for hosted CRMs)\n"
         "  version     print the version\n"
         "  help        print this help; `jtbd help score` for score's\n"
         "              options\n"
         "\n"
         "Exit status: 0 success, 1 bad input data, 2 usage error.\n";
}

const char* ScoreSynopsis() {
  return "Usage: jtbd score [--format table|json|csv] [--segment-by COLUMN]\n"
         "                  [--outcomes FILE] [--design FILE [--coverage]]\n"
         "                  [--scale MIN-MAX] [--top-box N]\n"
         "                  [--input-format FORMAT] [--importance Q]\n"
         "                  [--satisfaction Q] [--labels FILE] [--map FILE]\n"
         "                  [--weight COLUMN] [--confidence LEVEL]\n"
         "                  [--bootstrap N] [--seed S] [--method METHOD]\n"
         "                  [--adjust holm|bh]\n"
         "                  [--screen] [--exclude-screened]\n"
         "                  [--duration COLUMN]\n"
         "                  [-o FILE] FILE\n"
         "Run `jtbd score --help` for details.\n";
}

const char* ScoreUsage() {
  // Built once: the limit flags are the text every command shares.
  static const std::string* const kUsage = new std::string(absl::StrCat(
      "Usage: jtbd score [options] FILE\n"
      "\n"
      "Scores every desired outcome of the survey in FILE (CSV; `-` reads\n"
      "standard input): importance and satisfaction = 10 x top-box share\n"
      "among those who answered, opportunity = I + max(I - S, 0), ranked\n"
      "by opportunity. The layout is detected from the header:\n"
      "  long: respondent (or id, subject), outcome, importance,\n"
      "        satisfaction, one row per respondent and outcome;\n"
      "  wide: one row per respondent, imp_<outcome>, sat_<outcome>;\n"
      "  exports of Qualtrics, SurveyMonkey, Google Forms, Typeform:\n"
      "        matrix rows of the importance question(s) pair in order\n"
      "        with those of the satisfaction question(s), as outcomes\n"
      "        o1, o2, ... (`jtbd inspect FILE` shows what was found).\n"
      "Other columns are respondent attributes (see --segment-by).\n"
      "Files may be UTF-8 or UTF-16, separated by , ; or TAB; answers\n"
      "numbers or English/French labels (\"Very important\", \"Tr\xC3\xA8s\n"
      "satisfait\"); N/A-style words and negative codes are no answer.\n"
      "\n"
      "Every score comes with its interval: Wilson for importance and\n"
      "satisfaction, a seeded bootstrap for opportunity, with the chance\n"
      "that opportunity is 10 or more. Each segment is compared with the\n"
      "rest of the respondents (z-tests, adjusted across segments and\n"
      "outcomes: Holm, or Benjamini-Hochberg with --adjust bh).\n"
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
      "  --design FILE            a study design: the outcomes CSV, with\n"
      "                           optional kind (outcome, job, step),\n"
      "                           executor and type columns, or a\n"
      "                           jtbd.v1.StudyDesign (.json, .binpb); adds\n"
      "                           the job-map coverage to the report\n"
      "  --coverage               print only the job-map coverage (needs\n"
      "                           --design; table, json or csv)\n"
      "  --scale MIN-MAX          rating scale (default: 1-5)\n"
      "  --top-box N              lowest top-box rating (default: MAX - 1,\n"
      "                           Ulwick's top two box)\n"
      "  --input-format FORMAT    auto (default), long, wide, qualtrics,\n"
      "                           surveymonkey, google-forms or typeform\n"
      "  --importance Q           the importance question (Qualtrics id\n"
      "                           such as Q2, or the question text); may\n"
      "                           repeat: rows pair in the order given\n"
      "  --satisfaction Q         the satisfaction question, likewise\n"
      "  --labels FILE            answer labels and their ratings: CSV\n"
      "                           (label,rating[,kind]) or JSON\n"
      "  --map FILE               a survey map (JSON, from `jtbd inspect\n"
      "                           --write-map`) naming every column\n"
      "  --weight COLUMN          respondent weights from this column\n",
      LimitFlagsHelp(ResourceLimits(), /*with_request_limits=*/false),
      "  --confidence LEVEL       confidence level of every interval,\n"
      "                           between 0 and 1 (default: 0.95);\n"
      "                           segments are tested at 1 - LEVEL\n"
      "  --bootstrap N            bootstrap resamples per outcome for the\n"
      "                           opportunity interval and the share of\n"
      "                           resamples >= 10\n"
      "                           (default: 2000; 0: delta method only)\n"
      "  --seed S                 seed of the bootstrap (default:\n"
      "                           20240101): same seed, same output\n"
      "  --method METHOD          ulwick (default: top two box), mean\n"
      "                           (mean ratings rescaled to 0-10), olsen\n"
      "                           (I x (1 - S), 0-1) or top-box-only\n"
      "  --adjust holm|bh         multiplicity adjustment of the segment\n"
      "                           tests, over all segments and outcomes:\n"
      "                           holm (default; family-wise error) or bh\n"
      "                           (Benjamini-Hochberg; false discovery\n"
      "                           rate, for exploratory studies)\n"
      "  --screen                 flag inattentive respondents (listed in\n"
      "                           the report, still scored): straight-\n"
      "                           lining, speeding, blanks\n"
      "  --exclude-screened       screen and leave flagged respondents out\n"
      "                           of every score, segment and interval\n"
      "  --duration COLUMN        survey durations in seconds from this\n"
      "                           column (default: Qualtrics' Duration (in\n"
      "                           seconds), or duration, duration_seconds)\n"
      "  --screen-min-ratings N   straight-lining needs N equal ratings in\n"
      "                           a battery (default: 5)\n"
      "  --screen-max-chance C    and a chance of the equal batteries under\n"
      "                           independent answering of at most C\n"
      "                           (default: 0.001; 1: any equal battery)\n"
      "  --screen-speed-fraction F  speeding: under F x the median\n"
      "                           duration (default: 1/3)\n"
      "  --screen-min-seconds S   speeding: under S seconds instead\n"
      "  --screen-max-blanks F    blanks: more than this share of the\n"
      "                           outcomes shown (rated on either axis)\n"
      "                           without both ratings (default: "
      "0.5)\n" JTBD_CLI_OUTPUT_OPTIONS_HELP
      "  -h, --help               print this help\n"
      "\n"
      "Exit status: 0 success, 1 bad input data, 2 usage error.\n"));
  return kUsage->c_str();
}

const char* InspectSynopsis() {
  return "Usage: jtbd inspect [--input-format FORMAT] [--importance Q]\n"
         "                    [--satisfaction Q] [--labels FILE] [--map FILE]\n"
         "                    [--weight COLUMN] [--scale MIN-MAX]\n"
         "                    [--top-box N] [--write-map FILE] FILE\n"
         "Run `jtbd inspect --help` for details.\n";
}

const char* InspectUsage() {
  static const std::string* const kUsage = new std::string(absl::StrCat(
      "Usage: jtbd inspect [options] FILE\n"
      "\n"
      "Reads the survey in FILE as `jtbd score` would (same options) and\n"
      "prints what it understood: the format, encoding and separator,\n"
      "where respondent ids come from, each outcome with its columns,\n"
      "statement and counts of answers and blanks, the attribute columns\n"
      "(with their distinct values, and whether segment profiles test them\n"
      "or set them aside as mostly unique: ids, e-mails, free text) and\n"
      "the columns ignored. When a row is refused, what was detected\n"
      "is still printed, then the refusal (exit status 1).\n"
      "\n"
      "Options:\n"
      "  --write-map FILE         also write the layout as a survey map\n"
      "                           (JSON) to edit and pass to `jtbd score\n"
      "                           --map`; `-` writes it to standard output\n"
      "  --input-format, --importance, --satisfaction, --labels, --map,\n"
      "  --weight, --duration, --scale, --top-box: as for `jtbd score`\n"
      "  -h, --help               print this help\n",
      LimitFlagsHelp(ResourceLimits(), /*with_request_limits=*/false),
      "\n"
      "Environment: JTBD_PROGRESS_DELAY (seconds, default 1): reads that\n"
      "take longer show progress on stderr when it is a terminal.\n"
      "\n"
      "Exit status: 0 success, 1 bad input data, 2 usage error.\n"));
  return kUsage->c_str();
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
  } else if (args.size() == 1 && args[0] == "inspect") {
    std::fputs(InspectUsage(), stdout);
  } else if (args.size() == 1 && args[0] == "serve") {
    std::fputs(ServeUsage(), stdout);
  } else if (args.size() == 1 && args[0] == "segment") {
    std::fputs(SegmentUsage(), stdout);
  } else if (args.size() == 1 && args[0] == "compare") {
    std::fputs(CompareUsage(), stdout);
  } else if (args.size() == 1 && args[0] == "prioritize") {
    std::fputs(PrioritizeUsage(), stdout);
  } else if (args.size() == 1 && args[0] == "forces") {
    std::fputs(ForcesUsage(), stdout);
  } else if (args.size() == 1 && args[0] == "landscape") {
    std::fputs(LandscapeUsage(), stdout);
  } else if (args.size() == 1 && args[0] == "report") {
    std::fputs(ReportUsage(), stdout);
  } else if (args.size() == 1 && args[0] == "tag-notes") {
    std::fputs(TagNotesUsage(), stdout);
  } else if (args.size() == 1 && args[0] == "lint") {
    std::fputs(LintUsage(), stdout);
  } else if (args.size() == 1 && args[0] == "version") {
    std::fputs("Usage: jtbd version\n\nPrints the version of jtbd.\n", stdout);
  } else {
    return UsageError("no help for \"" + args[0] + "\"", MainUsage());
  }
  return std::fflush(stdout) == 0 ? kExitOk : kExitBadData;
}

}  // namespace cli
}  // namespace jtbd
