// jtbd tag-notes: force tags suggested for CRM notes, one note per line.
#include <cstdio>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/output_options.h"
#include "forces/note_lines.h"
#include "forces/note_phrases.h"
#include "io/source_position.h"
#include "pipeline/input_source.h"
#include "render/tagged_notes_render.h"

namespace jtbd {
namespace cli {
namespace {

struct TagNotesArgs {
  bool json = false;
  std::string input_path;
  OutputOptions output;  // -o/--output (output_options.h)
  std::string phrases_path;
  forces::NoteTagOptions options;
  bool help = false;
};

bool TakesValue(const std::string& name) {
  return name == "--lang" || name == "--format" || name == "--phrases";
}

std::string ParseArgs(const std::vector<std::string>& raw, TagNotesArgs* args) {
  auto on_option = [args](const std::string& name,
                          const std::string& value) -> std::string {
    if (name == "--lang") {
      if (value == "en") {
        args->options.language = forces::NoteLanguage::kEnglish;
      } else if (value == "fr") {
        args->options.language = forces::NoteLanguage::kFrench;
      } else if (value == "auto") {
        args->options.language.reset();
      } else {
        return absl::StrCat("unknown language \"", value,
                            "\" (expected en, fr or auto)");
      }
      return "";
    }
    if (name == "--format") {
      if (value != "table" && value != "json") {
        return absl::StrCat("unknown format \"", value,
                            "\" (expected table or json)");
      }
      args->json = value == "json";
      return "";
    }
    // --phrases
    if (value.empty() || value == "-") {
      return "--phrases needs a file name (standard input holds the notes)";
    }
    args->phrases_path = value;
    return "";
  };
  std::vector<std::string> rest = raw;
  std::string problem = ExtractOutputOptions(TakesValue, &rest, &args->output);
  if (problem.empty()) problem = CheckCsvOptionsUse(args->output, false);
  if (!problem.empty()) return problem;
  ParsedArguments parsed;
  problem = WalkArguments(rest, TakesValue, on_option, &parsed);
  if (!problem.empty()) return problem;
  args->help = parsed.help;
  if (args->help) return "";
  if (parsed.positional.empty()) return "missing the notes FILE";
  if (parsed.positional.size() > 1) {
    return absl::StrCat("expected one notes FILE, got ",
                        parsed.positional.size(), ": ",
                        absl::StrJoin(parsed.positional, " "));
  }
  args->input_path = parsed.positional[0];
  return "";
}

int Fail(const absl::Status& status) {
  std::fprintf(stderr, "jtbd: %s\n", std::string(status.message()).c_str());
  return kExitBadData;
}

}  // namespace

const char* TagNotesSynopsis() {
  return "Usage: jtbd tag-notes [--lang en|fr|auto] [--format table|json]\n"
         "                      [--phrases FILE] [--output FILE] FILE\n"
         "Run `jtbd tag-notes --help` for details.\n";
}

const char* TagNotesUsage() {
  return "Usage: jtbd tag-notes [options] FILE\n"
         "\n"
         "Suggests switching-force tags (push, pull, anxiety, habit) for CRM\n"
         "notes, one note per line of FILE (UTF-8; `-` reads standard input),\n"
         "with the phrase that matched, its byte offsets in the line and a\n"
         "confidence. Rules, English and French (docs/FORCES.md): every tag\n"
         "is a suggestion for a person to confirm.\n"
         "\n"
         "Options:\n"
         "  --lang en|fr|auto     the notes' language (default auto: detected\n"
         "                        per note)\n"
         "  --format table|json   output format (default table); JSON: a\n"
         "                        \"notes\" array, one item per line\n"
         "  --phrases FILE        your own phrases, `force,phrase` per line\n"
         "                        (such as `pull,single sign-on`)\n"
         "  -o, --output FILE     write there instead of standard output\n"
         "  -h, --help            this help\n"
         "\n"
         "Exit status: 0 success, 1 bad input (file:line:column), 2 usage\n"
         "error.\n";
}

int RunTagNotes(const std::vector<std::string>& raw) {
  TagNotesArgs args;
  const std::string problem = ParseArgs(raw, &args);
  if (!problem.empty()) return UsageError(problem, TagNotesSynopsis());
  if (args.help) {
    std::fputs(TagNotesUsage(), stdout);
    return kExitOk;
  }
  if (!args.phrases_path.empty()) {
    const absl::StatusOr<std::string> bytes = ReadWholeFile(args.phrases_path);
    if (!bytes.ok()) return Fail(bytes.status());
    absl::StatusOr<std::vector<forces::LexiconEntry>> phrases =
        forces::ParseUserPhrases(*bytes, args.phrases_path);
    if (!phrases.ok()) return Fail(phrases.status());
    args.options.user_phrases = *std::move(phrases);
  }
  std::string text;
  std::string source_name = args.input_path;
  if (args.input_path == "-") {
    source_name = "<stdin>";
    if (absl::Status read = ReadStandardInput(&text); !read.ok()) {
      return Fail(read);
    }
  } else {
    absl::StatusOr<std::string> bytes = ReadWholeFile(args.input_path);
    if (!bytes.ok()) return Fail(bytes.status());
    text = *std::move(bytes);
  }
  const absl::StatusOr<v1::TaggedNotes> notes =
      forces::TagNoteLines(text, source_name, args.options);
  if (!notes.ok()) return Fail(notes.status());
  const std::string out = args.json ? RenderTaggedNotesJson(*notes)
                                    : RenderTaggedNotesTable(*notes);
  const absl::Status written = WriteOutput(args.output, out, false);
  if (!written.ok()) return Fail(written);
  return kExitOk;
}

}  // namespace cli
}  // namespace jtbd
